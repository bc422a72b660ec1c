// swift-tools-version: 6.1
//
// Builds ordo-one/malloc-interposer's preloadable library for
// ci/malloc-interposer.sh, outside the main package so that the main build
// never links or even mentions it (linking would change the allocator).

import PackageDescription

let package = Package(
    name: "MallocInterposerBuild",
    dependencies: [
        .package(url: "https://github.com/ordo-one/malloc-interposer", from: "1.6.1"),
    ],
    targets: [
        // SwiftPM resolves a dependency's products only for a package that
        // uses it; this target is that use and contains nothing else.
        .target(
            name: "Placeholder",
            dependencies: [.product(name: "MallocInterposerSwift", package: "malloc-interposer")]
        ),
    ]
)
