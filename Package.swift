// swift-tools-version:6.0
import PackageDescription

// Three library targets, each a layer that may only import the ones below it (the compiler
// enforces it): the core `CyberRisk` (config, model, engine, statistics, output folders),
// `CyberRiskSweep` (sweeps and sensitivity analysis, built on the core's engine) and
// `CyberRiskReport` (HTML/SVG reports of output folders, reading the core's files). The sweep
// and report targets never import each other; the CLI sits on top of all three.
let package = Package(
    name: "cyberrisk",
    products: [
        .executable(name: "cyberrisk", targets: ["CyberRiskCLI"]),
        .library(name: "CyberRisk", targets: ["CyberRisk"]),
        .library(name: "CyberRiskSweep", targets: ["CyberRiskSweep"]),
        .library(name: "CyberRiskReport", targets: ["CyberRiskReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "CyberRisk",
            dependencies: ["COpenBLAS", .product(name: "Yams", package: "Yams")],
            exclude: ["Resources/README.md"],
            resources: [.embedInCode("Resources/configs")]
        ),
        .target(name: "CyberRiskSweep", dependencies: ["CyberRisk"]),
        .target(name: "CyberRiskReport", dependencies: ["CyberRisk"]),
        .executableTarget(
            name: "CyberRiskCLI",
            dependencies: [
                "CyberRisk", "CyberRiskSweep", "CyberRiskReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Goodness-of-fit checks and reference distributions shared by the statistical tests of
        // the core and the sweep layer (calibration); a test helper, not part of any product.
        .target(name: "StatisticalTesting", dependencies: ["CyberRisk"], path: "Tests/StatisticalTesting"),
        .testTarget(name: "CyberRiskTests", dependencies: ["CyberRisk", "StatisticalTesting"]),
        .testTarget(name: "CyberRiskSweepTests", dependencies: ["CyberRiskSweep", "StatisticalTesting"],
                    exclude: ["Design/Fixtures"]),
        // The report's tests write the folders they read with the layers that write them.
        .testTarget(name: "CyberRiskReportTests", dependencies: ["CyberRiskReport", "CyberRiskSweep"]),
        // Replays the fuzz corpora through every reader of outside bytes (core, sweep and report).
        .testTarget(name: "FuzzTests", dependencies: ["CyberRisk", "CyberRiskSweep", "CyberRiskReport"]),
        .testTarget(name: "CLITests", dependencies: ["CyberRisk", "CyberRiskSweep", "CyberRiskReport"]),
    ]
)

// The DocC plugin (`swift package generate-documentation`) only for `make docs`, which sets
// CYBERRISK_DOCS=1: plain builds, `make test` and CI neither fetch nor compile it (it would add
// two plugin compilations to every fresh build).
if Context.environment["CYBERRISK_DOCS"] != nil {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"))
}
