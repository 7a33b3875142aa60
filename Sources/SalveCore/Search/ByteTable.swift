// A hash table from short byte strings (tokens, terms) to numbers, looked up in place without making strings.

/// Maps byte strings to numbers. The analyzer looks up every token of every page here, and the index every
/// term of every result: a `[String: Int32]` would need a string per token and a seeded `Hasher` per lookup,
/// which was most of the index's time.
struct ByteTable: Sendable {
    private struct Entry: Sendable {
        var start: Int
        var length: Int
        var hash: UInt32
        var value: Int32
    }

    /// Open addressing: an entry's index plus one, or 0 when free. The count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1 << 10)
    private var entries: [Entry] = []
    private var keys: [UInt8] = []

    var count: Int { entries.count }

    /// FNV-1a: keys are a few bytes long, and this is cheap and spreads them well enough.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    /// The value stored for `bytes` (whose hash is `hash`), if any.
    @inline(__always)
    func value(for bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32? {
        // Plain subscripts, not `withUnsafeBufferPointer`: this runs once per word of the site, and taking
        // the buffers retains and releases them each time.
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if entry.hash == hash, entry.length == bytes.count, equal(bytes, at: entry.start) { return entry.value }
            slot = (slot + 1) & mask
        }
        return nil
    }

    @inline(__always)
    private func equal(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = 0
        while index < bytes.count {
            guard keys[start + index] == bytes[index] else { return false }
            index += 1
        }
        return true
    }

    /// The value stored for the string's UTF-8 bytes, if any.
    func value(for key: String) -> Int32? {
        var key = key
        return key.withUTF8 { value(for: $0, hash: Self.hash($0)) }
    }

    /// The value stored for the string, or `new`, which is stored for it first.
    mutating func value(for key: String, storingIfNew new: Int32) -> Int32 {
        var bytes = key
        return bytes.withUTF8 { bytes in
            let hash = Self.hash(bytes)
            if let known = value(for: bytes, hash: hash) { return known }
            insert(bytes, hash: hash, value: new)
            return new
        }
    }

    /// Stores `value` for `bytes`, which must not be in the table yet.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, value: Int32) {
        entries.append(Entry(start: keys.count, length: bytes.count, hash: hash, value: value))
        keys.append(contentsOf: bytes)
        if entries.count * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for index in entries.indices { place(index) }
        } else {
            place(entries.count - 1)
        }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(entries[index].hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }
}
