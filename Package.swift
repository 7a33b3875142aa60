// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "salve",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "salve", targets: ["salve"]),
        .library(name: "SalveCore", targets: ["SalveCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The preview server only; `traits: []` leaves out optional parts and builds faster.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // zlib, for the .gz files of `salve build --compress`.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // mimalloc, the `salve` command's allocator (Sources/CMimalloc/shim.h says why); the library targets and
        // the tests keep the C library's.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .target(
            name: "SalveCore",
            dependencies: [
                "CCmarkGFM",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `salve serve`: kept out of SalveCore so the build library does not depend on a server.
        .target(
            name: "SalvePreview",
            dependencies: [
                "SalveCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "salve",
            dependencies: [
                "CMimalloc",
                "SalveCore",
                "SalvePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // swift-mustache is the oracle the template engine's differential test compares against.
        .testTarget(
            name: "SalveCoreTests",
            dependencies: ["SalveCore", .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "SalveEndToEndTests", dependencies: ["SalveCore"]),
        .testTarget(name: "SalvePreviewTests", dependencies: ["SalveCore", "SalvePreview"]),
    ],
    swiftLanguageModes: [.v6]
)
