// A hash table from short byte strings (tokens, terms) to numbers, looked up in place without making strings.

/// Maps byte strings to numbers. The analyzer looks up every word of every page here, and the index every
/// term of every result: a `[String: Int32]` would need a string per word and a seeded `Hasher` per lookup,
/// which was most of the index's time. Most words are at most 8 bytes long; a slot holds those bytes, so a
/// lookup usually reads one slot and nothing else.
struct ByteTable: Sendable {
    /// A key's first 8 bytes (zero-padded) and its hash, as a lookup computes them once.
    struct Key {
        var head: UInt64
        var hash: UInt32
    }

    private struct Slot: Sendable {
        var head: UInt64 = 0
        var hash: UInt32 = 0
        /// 0 for a free slot, else the key's length plus one.
        var lengthPlusOne: Int32 = 0
        var value: Int32 = 0
        /// Where the key's bytes after the first 8 start in `tails`.
        var tail: Int32 = 0
    }

    /// Open addressing with linear probing; the count is a power of two, at most half used.
    private var slots = [Slot](repeating: Slot(), count: 1 << 10)
    private var tails: [UInt8] = []
    private(set) var count = 0

    /// The key of `bytes`: its head and a hash of all of it.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        let head = Self.word(bytes, from: 0)
        var mixed = (head ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15
        var offset = 8
        while offset < bytes.count {
            mixed = (mixed ^ (mixed >> 29) ^ Self.word(bytes, from: offset)) &* 0xBF58_476D_1CE4_E5B9
            offset += 8
        }
        mixed ^= mixed >> 32
        return Key(head: head, hash: UInt32(truncatingIfNeeded: mixed))
    }

    /// Up to 8 bytes from `offset`, the first in the lowest bits, zero-padded.
    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> UInt64 {
        let count = Swift.min(8, bytes.count - offset)
        if count == 8 { return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)) }
        var word: UInt64 = 0
        for index in 0..<Swift.max(0, count) { word |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        return word
    }

    /// The value stored for `bytes` (whose key is `key`), if any.
    @inline(__always)
    func value(for bytes: UnsafeBufferPointer<UInt8>, key: Key) -> Int32? {
        let mask = slots.count - 1
        var index = Int(key.hash) & mask
        while true {
            let slot = slots[index]
            if slot.lengthPlusOne == 0 { return nil }
            if slot.hash == key.hash, slot.head == key.head, slot.lengthPlusOne == bytes.count + 1,
                bytes.count <= 8 || tailMatches(bytes, at: Int(slot.tail))
            {
                return slot.value
            }
            index = (index + 1) & mask
        }
    }

    private func tailMatches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        for index in 8..<bytes.count where tails[start + index - 8] != bytes[index] { return false }
        return true
    }

    /// Stores `value` for `bytes` (whose key is `key`), which must not be in the table yet.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, key: Key, value: Int32) {
        var slot = Slot(head: key.head, hash: key.hash, lengthPlusOne: Int32(bytes.count + 1), value: value,
                        tail: Int32(tails.count))
        if bytes.count > 8 { tails.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[8...])) } else { slot.tail = 0 }
        count += 1
        if count * 2 > slots.count {
            let old = slots
            slots = [Slot](repeating: Slot(), count: slots.count * 2)
            for slot in old where slot.lengthPlusOne != 0 { place(slot) }
        }
        place(slot)
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var index = Int(slot.hash) & mask
        while slots[index].lengthPlusOne != 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    /// The value stored for the string's UTF-8 bytes, if any.
    func value(for key: String) -> Int32? {
        var bytes = key
        return bytes.withUTF8 { value(for: $0, key: Self.key($0)) }
    }

    /// The value stored for the string, or `new`, which is stored for it first.
    mutating func value(for key: String, storingIfNew new: Int32) -> Int32 {
        var bytes = key
        return bytes.withUTF8 { bytes in
            let key = Self.key(bytes)
            if let known = value(for: bytes, key: key) { return known }
            insert(bytes, key: key, value: new)
            return new
        }
    }
}
