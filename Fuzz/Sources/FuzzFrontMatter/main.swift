// Fuzz target: front matter splitting and YAML into the typed content models, for each kind.
import Foundation
import FuzzSupport
@testable import SalveCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard let text = String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self) else {
        _ = ContentSource.decodeUTF8(Data(bytes: bytes, count: count))
        return 0
    }
    for kind in ContentKind.allCases {
        _ = Document.parse(text, kind: kind, contentPath: "\(kind.folder)/fuzz.md", sourcePath: "content/fuzz.md",
                           config: SiteConfig())
    }
    _ = SiteConfig.parse(text, path: "salve.yml")
    _ = Glossary.parse(text)
    return 0
}

@_cdecl("FuzzFrontMatter_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
