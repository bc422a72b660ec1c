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

// A deliberately leaking build, for proving that LeakSanitizer and valgrind
// notice a leak the project's own counters cannot see: with
// PLONK_DELIBERATE_LEAK=1 in the environment, raw-mode frees of whole-domain
// boxes skip their deallocation (see UnsafeRawHandles.free). ci/sanitize.sh
// and ci/valgrind.sh build this way in a scratch path of its own and require
// the detectors to fail. Never set it for a build anyone uses.
let deliberateLeak: [SwiftSetting] = Context.environment["PLONK_DELIBERATE_LEAK"] == "1"
    ? [.define("PLONK_DELIBERATE_LEAK")] : []

// Optimized crypto in a debug build, for the sanitizer runs (ci/sanitize.sh):
// with PLONK_OPTIMIZE_CRYPTO=1 in the environment, Pasta, CPastaVector and
// PolyCommitment compile with optimization whatever the configuration. The
// sanitizer builds are debug builds because the test suites need testable
// imports; the harness run in the same build then spends its time in the
// bindings and the harness, the code the sanitizers are there to watch,
// instead of in unoptimized field arithmetic (one program in 20 s under
// AddressSanitizer, against 18 to 24 in 10 s optimized, as CI has run
// them), and no second, release build is needed. Unsafe
// flags, so never set for a build of this package as a dependency.
let optimizeCrypto = Context.environment["PLONK_OPTIMIZE_CRYPTO"] == "1"
let optimizedSwift: [SwiftSetting] = optimizeCrypto ? [.unsafeFlags(["-O"])] : []
let optimizedC: [CSetting] = optimizeCrypto ? [.unsafeFlags(["-O2"])] : []

let package = Package(
    name: "PlonkLeakCheck",
    products: [
        .library(name: "Pasta", targets: ["Pasta"]),
        .library(name: "PolyCommitment", targets: ["PolyCommitment"]),
        .library(name: "PlonkBindings", targets: ["PlonkBindings"]),
        .library(name: "LeakHarness", targets: ["LeakHarness"]),
        // The C ABI: plonk-wasm's names, for C callers (see Sources/CPlonkBindings/include/plonk_bindings.h).
        .library(name: "PlonkBindingsC", type: .dynamic, targets: ["PlonkBindings"]),
        .executable(name: "leakcheck", targets: ["leakcheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Eight-lane field arithmetic (AVX-512 IFMA) for batch-affine rounds,
        // chosen at run time; Pasta falls back to its Swift arithmetic.
        .target(name: "CPastaVector", cSettings: optimizedC),
        .target(name: "Pasta", dependencies: ["CPastaVector"], swiftSettings: strict + optimizedSwift),
        .target(name: "Locking", swiftSettings: strict),
        .target(name: "PolyCommitment", dependencies: ["Pasta", "Locking"], swiftSettings: strict + optimizedSwift),
        .target(name: "CPlonkBindings"),
        // The plain C field multiplication `leakcheck bench fp-mul` measures
        // the Swift code against, in the same process.
        .target(name: "FieldReference", path: "Benchmarks/FieldReference"),
        .target(
            name: "PlonkBindings",
            dependencies: [
                "Pasta",
                "PolyCommitment",
                "Locking",
                "CPlonkBindings",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict + deliberateLeak
        ),
        .target(
            name: "LeakHarness",
            dependencies: [
                "Pasta",
                "PolyCommitment",
                "PlonkBindings",
                "Locking",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "leakcheck",
            dependencies: [
                "Pasta",
                "PolyCommitment",
                "PlonkBindings",
                "LeakHarness",
                "FieldReference",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "Pasta",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "PastaTests",
            dependencies: [
                "Pasta",
                "FieldReference",
                "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Vectors")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PlonkBindingsTests",
            dependencies: [
                "Pasta",
                "PolyCommitment",
                "PlonkBindings",
                "Locking",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LeakHarnessTests",
            dependencies: ["PlonkBindings", "LeakHarness"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PolyCommitmentTests",
            dependencies: [
                "Pasta",
                "PolyCommitment",
                "Locking",
                "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Vectors")],
            swiftSettings: strict
        ),
    ]
)
