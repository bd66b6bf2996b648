import CyberRisk

/// The pixel geometry of one chart: its overall size and the inner rectangle where data is drawn
/// (the margins hold the title, axes and legend).
///
/// ```swift
/// let area = PlotArea(width: 560, height: 320)
/// area.left    // 64: x of the plot's left edge
/// area.bottom  // 276: y of the plot's bottom edge (SVG y grows downwards)
/// ```
struct PlotArea: Sendable, Equatable {
    var width: Double
    var height: Double
    var marginTop: Double
    var marginRight: Double
    var marginBottom: Double
    var marginLeft: Double

    init(width: Double, height: Double, marginTop: Double = 48, marginRight: Double = 20,
                marginBottom: Double = 44, marginLeft: Double = 64) {
        self.width = width
        self.height = height
        self.marginTop = marginTop
        self.marginRight = marginRight
        self.marginBottom = marginBottom
        self.marginLeft = marginLeft
    }

    var left: Double { marginLeft }
    var right: Double { width - marginRight }
    var top: Double { marginTop }
    var bottom: Double { height - marginBottom }
    /// `left…right`, for a horizontal ``Scale``.
    var horizontal: ClosedRange<Double> { left...right }
    /// `top…bottom`, for a vertical ``Scale`` (pass `reversed: true` so values grow upwards).
    var vertical: ClosedRange<Double> { top...bottom }
}
