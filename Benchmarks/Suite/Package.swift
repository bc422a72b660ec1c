// swift-tools-version: 6.3
//
// package-benchmark suites for PlonkLeakCheck: wall-clock time and malloc
// counts of the hot paths, each beside the plain reference it is tested
// against. A package of its own so the main build never pulls in the
// benchmark framework. Run from this folder:
//
//     swift package benchmark                      # everything
//     swift package benchmark --target Commitments # one suite
//
// ci/benchmarks.sh runs it and checks the allocation thresholds in
// Thresholds/ (see the README's Performance section).

import PackageDescription

// A path dependency is named after its directory, which differs between
// clones, so derive it from this file's place (as Fuzz/Package.swift does).
let parent = String(#filePath.split(separator: "/").dropLast(3).last!).lowercased()

let package = Package(
    name: "PlonkLeakCheckBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
        // Without the runtime interposer trait: its package is not on this
        // machine's mirror, and malloc counts need only the malloc interposer.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Commitments",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Pasta", package: parent),
                .product(name: "PolyCommitment", package: parent),
                .product(name: "LeakHarness", package: parent),
            ],
            path: "Benchmarks/Commitments",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
