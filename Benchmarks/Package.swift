// swift-tools-version:6.1
// The performance suite of cyberrisk, on ordo-one/package-benchmark. A package of its own so that
// `swift build` / `swift test` of the tool never build the harness (as swift-nio and
// swift-certificates do). Run from the repository root with `make bench`, or here with
// `swift package benchmark`; see docs/performance.md.
import PackageDescription

let package = Package(
    name: "cyberrisk-benchmarks",
    dependencies: [
        .package(name: "cyberrisk", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "CyberRisk", package: "cyberrisk"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Per-operation costs for the roofline of docs/performance.md (plain executable, JSON out).
        .executableTarget(
            name: "Roofline",
            dependencies: [.product(name: "CyberRisk", package: "cyberrisk")],
            path: "Benchmarks/Roofline"
        ),
    ]
)
