// swift-tools-version: 6.1
//
// libFuzzer targets for PlonkLeakCheck, a package of their own so that the
// main build never needs the fuzzer's flags. Build them with ci/fuzz.sh, or:
//   swift build --package-path Fuzz -c debug --sanitize=fuzzer \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product <Target>

import PackageDescription

// A path dependency is named after its directory, which differs between
// clones (CI's is not called "main"), so derive it from this file's place.
let parent = String(#filePath.split(separator: "/").dropLast(2).last!).lowercased()

let targets = ["OwnershipFuzzer", "SRSDecodeFuzzer", "LagrangeCacheFuzzer", "PointDecodeFuzzer", "ProgramTextFuzzer"]

let package = Package(
    name: "PlonkLeakCheckFuzz",
    products: targets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "Pasta", package: parent),
                .product(name: "PolyCommitment", package: parent),
                .product(name: "PlonkBindings", package: parent),
                .product(name: "LeakHarness", package: parent),
            ]
        ),
    ] + targets.map { .executableTarget(name: $0, dependencies: ["FuzzSupport"]) }
)
