extension SimulationPlan {
    /// An empty accumulator of the plan's shape (years × metrics × sectors); with
    /// `eventAccounting` it also keeps the per-event accounting and return periods of the
    /// plan's event catalogue (``ForecastAccumulator/tail``), as every forecast and comparison
    /// does; sweep points do not.
    func emptyAccumulator(eventAccounting: Bool = true) -> ForecastAccumulator {
        ForecastAccumulator(years: years, metricCount: metrics.count, sectorCount: sectorCount,
                            eventClasses: eventAccounting ? scenario.events.count : nil)
    }
}
