/// The repository's `configs/` folder as compiled into the binary (SwiftPM `embedInCode`), keyed by
/// path relative to `configs/`. SwiftPM flattens resource names, so the paths are listed here; a
/// test checks that every file under `configs/` is listed and byte-identical, so the embedded
/// default and `configs/baseline.yaml` cannot drift.
enum EmbeddedConfigs {
    static let files: [String: [UInt8]] = [
        "baseline.yaml": PackageResources.baseline_yaml,
        "data/dependencies_bea2023.csv": PackageResources.dependencies_bea2023_csv,
        "data/dependencies_bea2017.csv": PackageResources.dependencies_bea2017_csv,
        "data/sector_economics_bea2023.csv": PackageResources.sector_economics_bea2023_csv,
        "data/cisa_bea_crosswalk.csv": PackageResources.cisa_bea_crosswalk_csv,
        "data/growth_fits.csv": PackageResources.growth_fits_csv,
        "data/event_replays.csv": PackageResources.event_replays_csv,
        "data/incidents_ic3.csv": PackageResources.incidents_ic3_csv,
        "scenarios/hyperconnected.yaml": PackageResources.hyperconnected_yaml,
        "scenarios/cautious.yaml": PackageResources.cautious_yaml,
        "scenarios/iot-fast.yaml": PackageResources.iot_fast_yaml,
        "scenarios/neural-fast.yaml": PackageResources.neural_fast_yaml,
        "scenarios/secure-by-design.yaml": PackageResources.secure_by_design_yaml,
        "analogues/estonia-2007.yaml": PackageResources.estonia_2007_yaml,
        "analogues/georgia-2008.yaml": PackageResources.georgia_2008_yaml,
        "sweeps/iot-neural-grid.yaml": PackageResources.iot_neural_grid_yaml,
        "sweeps/main-uncertainties-lhs.yaml": PackageResources.main_uncertainties_lhs_yaml,
        "sweeps/defense-sobol.yaml": PackageResources.defense_sobol_yaml,
        "sweeps/main-uncertainties-sensitivity.yaml": PackageResources.main_uncertainties_sensitivity_yaml,
        "sweeps/uncertainty-budget.yaml": PackageResources.uncertainty_budget_yaml,
    ]

    /// The embedded files as a config file system.
    static var fileSystem: EmbeddedFileSystem { EmbeddedFileSystem(files: files) }
}
