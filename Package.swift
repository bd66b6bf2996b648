// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cyberrisk",
    products: [
        .executable(name: "cyberrisk", targets: ["CyberRiskCLI"]),
        .library(name: "CyberRisk", targets: ["CyberRisk"]),
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
        .executableTarget(
            name: "CyberRiskCLI",
            dependencies: [
                "CyberRisk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CyberRiskTests", dependencies: ["CyberRisk"], exclude: ["Sweep/Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["CyberRisk"]),
    ]
)
