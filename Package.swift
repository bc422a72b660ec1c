// swift-tools-version: 6.1
//
// PlonkLeakCheck: kimchi's IPA commitment library in Swift, plonk-wasm's SRS
// bindings with safe ownership, and the harness that proves they do not leak.
//
// Dependencies point one way: Pasta ← PolyCommitment ← (bindings, harness) ← leakcheck.

import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "PlonkLeakCheck",
    products: [
        .library(name: "Pasta", targets: ["Pasta"]),
        .library(name: "PolyCommitment", targets: ["PolyCommitment"]),
        .executable(name: "leakcheck", targets: ["leakcheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(name: "Pasta", swiftSettings: strict),
        .target(name: "PolyCommitment", dependencies: ["Pasta"], swiftSettings: strict),
        .executableTarget(
            name: "leakcheck",
            dependencies: [
                "Pasta",
                "PolyCommitment",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PastaTests",
            dependencies: [
                "Pasta",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Vectors")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PolyCommitmentTests",
            dependencies: [
                "Pasta",
                "PolyCommitment",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Vectors")],
            swiftSettings: strict
        ),
    ]
)
