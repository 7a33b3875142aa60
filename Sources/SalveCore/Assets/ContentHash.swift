// The short content hash in Salve's cache-safe file names (`style.3f9a1c2e.css`): FNV-1a 64 of the bytes, folded
// to 32 bits, as 8 lowercase hex digits. Equal bytes always give the same name; any change gives another.

enum ContentHash {
    static func of(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        // FNV's low bits mix less than its high ones: fold both halves into the name.
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// `name` with `hash` before its last extension: `search/results/3.json` -> `search/results/3.3f9a1c2e.json`.
    static func name(_ path: String, hash: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[slash...].lastIndex(of: "."), dot != slash else { return path + "." + hash }
        return String(path[..<dot]) + "." + hash + String(path[dot...])
    }
}
