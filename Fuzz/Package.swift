// swift-tools-version:6.1
// libFuzzer targets for Salve, kept out of the main package so `swift build` of the product is unaffected.
// Built by `make fuzz` with -sanitize=fuzzer,address; debug builds, so `@testable import SalveCore` works.
import PackageDescription

let fuzzTarget = { (name: String) in
    Target.executableTarget(
        name: name, dependencies: ["FuzzSupport", .product(name: "SalveCore", package: "main")],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
    name: "SalveFuzz",
    dependencies: [.package(name: "main", path: "..")],
    targets: ["FuzzFrontMatter", "FuzzMarkdown", "FuzzComparison", "FuzzText", "FuzzSearch", "FuzzURL"].map(fuzzTarget)
        + [.target(name: "FuzzSupport")],
    swiftLanguageModes: [.v6]
)
