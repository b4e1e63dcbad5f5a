import CPrefetch

/// A hash index from byte strings to dense codes, looked up straight from a CSV field's
/// bytes: no `String` is made and no SipHash is run per row. Reading a million
/// customers' activities spends most of its time finding ids, so this is hand-written.
///
/// Each slot is two words side by side (one cache line holds four slots): the code with
/// the key's length and a hash tag, and then either the key itself, when it has at most
/// eight bytes (`C0000123`), or its full hash. Short keys are therefore found without
/// touching the key store at all; long ones are compared byte by byte after both match.
///
/// The table is at most three quarters full: probes stay short (a slot's neighbours share
/// its cache line), and a set sized for 4.4 M order ids takes 8 M slots (128 MiB), not 16 M.
///
/// A reader looks keys up some records ahead (``ahead(_:)``): the hash is taken and the
/// key's cache line asked for then, so that the memory waits of many lookups overlap
/// instead of each stalling the scan in turn. At a million customers the index is tens of
/// megabytes and nearly every lookup misses the cache.
///
/// A set (``set(capacity:)``) only says whether it saw a key, so it keeps no short key
/// beyond its slot: the order ids of a million customers' 4.4 M orders then take no key
/// store at all.
public struct ByteIndex: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// 2 words per slot; a zero first word is an empty slot.
    private var slots: [UInt64]
    private(set) var count = 0
    /// False for a set: keys of at most eight bytes live in their slot alone.
    private let keepsShortKeys: Bool

    public init(capacity: Int = 16) { self.init(capacity: capacity, keepsShortKeys: true) }

    private init(capacity: Int, keepsShortKeys: Bool) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        slots = HugePages.zeros(size * 2)
        self.keepsShortKeys = keepsShortKeys
    }

    /// A set of byte strings, for finding repeated keys: ``add(_:)`` but no codes.
    public static func set(capacity: Int) -> ByteIndex { ByteIndex(capacity: capacity, keepsShortKeys: false) }

    private var slotCount: Int { slots.count / 2 }

    /// A key of at most eight bytes is hashed from its packed word by the splitmix64
    /// finalizer (three multiplies, where a byte-by-byte hash takes eight in a chain); a
    /// longer one eight bytes at a time (a multiply and a shift each, an 18-character CRM
    /// id three rounds instead of eighteen), then by the same finalizer.
    @inline(__always) private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if key.count <= 8 { return hash(packed: packed(key), length: key.count) }
        let bytes = UnsafeRawPointer(key.baseAddress!)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
            i += 8
        }
        return hash(packed: h ^ packed(UnsafeBufferPointer(rebasing: key[i...])), length: key.count)
    }

    /// The hash of a short key from its packed word and length.
    @inline(__always) private static func hash(packed word: UInt64, length: Int) -> UInt64 {
        var z = word &+ UInt64(length) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The key's bytes as one word (keys of at most 8 bytes), byte i at bits 8i: one load
    /// for eight bytes (`C0000123`), two overlapping ones for two to seven (their common
    /// bytes are the same in both, so or-ing them is exact), never a byte past the key.
    @inline(__always) private static func packed(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = key.baseAddress else { return 0 }
        let bytes = UnsafeRawPointer(base), n = key.count
        switch n {
        case 8:
            return bytes.loadUnaligned(as: UInt64.self).littleEndian
        case 4...7:
            let low = UInt64(bytes.loadUnaligned(as: UInt32.self).littleEndian)
            let high = UInt64(bytes.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self).littleEndian)
            return low | high << UInt64(8 * (n - 4))
        case 2...3:
            let low = UInt64(bytes.loadUnaligned(as: UInt16.self).littleEndian)
            let high = UInt64(bytes.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self).littleEndian)
            return low | high << UInt64(8 * (n - 2))
        case 1:
            return UInt64(key[0])
        default:
            return 0
        }
    }

    /// First word: code + 1 (bits 0–31), length (32–47), hash tag (48–63).
    @inline(__always) private static func head(code: Int, length: Int, hash: UInt64) -> UInt64 {
        UInt64(code + 1) | UInt64(min(length, 0xFFFF)) << 32 | (hash >> 48) << 48
    }

    @inline(__always) private func equals(_ code: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let (s, e) = (starts[code], starts[code + 1])
        guard e - s == key.count else { return false }
        for i in 0..<key.count where bytes[s + i] != key[i] { return false }
        return true
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always) private func probe(_ key: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (slot: Int, code: Int?) {
        let mask = slotCount - 1
        let short = key.count <= 8
        let second = short ? Self.packed(key) : h
        let want = Self.head(code: 0, length: key.count, hash: h) & ~0xFFFF_FFFF
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let first = slots[2 * i]
            if first == 0 { return (i, nil) }
            if first & ~0xFFFF_FFFF == want, slots[2 * i + 1] == second {
                let code = Int(first & 0xFFFF_FFFF) - 1
                if short || equals(code, key) { return (i, code) }
            }
            i = (i + 1) & mask
        }
    }

    /// A key's hash, taken before its lookup.
    public struct Hash: Sendable {
        fileprivate let value: UInt64
    }

    /// The hash of `key`, with the cache line of its first slot asked for. The hash stays
    /// right for this key whatever is added meanwhile; only the prefetch may go stale.
    public func ahead(_ key: UnsafeBufferPointer<UInt8>) -> Hash {
        let h = Self.hash(key)
        slots.withUnsafeBufferPointer { prefetch_for_read($0.baseAddress! + 2 * (Int(truncatingIfNeeded: h) & (slotCount - 1))) }
        return Hash(value: h)
    }

    /// ``ahead(_:)`` for an index being filled while it is looked ahead in, given in place:
    /// a reader's closure that called the method on the index copied it first, its three
    /// arrays retained and released for every row.
    public static func ahead(_ key: UnsafeBufferPointer<UInt8>, in index: inout ByteIndex) -> Hash { index.ahead(key) }

    /// The code of `key`, or nil.
    public func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? { find(key, Hash(value: Self.hash(key))) }

    /// The code of `key`, whose hash ``ahead(_:)`` took, or nil.
    public func find(_ key: UnsafeBufferPointer<UInt8>, _ hash: Hash) -> Int32? {
        assert(hash.value == Self.hash(key), "a hash taken of another key")
        return probe(key, hash.value).code.map { Int32($0) }
    }

    /// The code of `key`, adding it with the next code when new (an index, not a set).
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (code: Int32, inserted: Bool) {
        insert(key, Hash(value: Self.hash(key)))
    }

    /// ``insert(_:)`` with the hash ``ahead(_:)`` took.
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ hash: Hash) -> (code: Int32, inserted: Bool) {
        let (code, inserted) = store(key, hash.value)
        return (Int32(code), inserted)
    }

    /// Adds `key` to a set; false when it was there already.
    public mutating func add(_ key: UnsafeBufferPointer<UInt8>) -> Bool { store(key, Self.hash(key)).inserted }

    /// ``add(_:)`` with the hash ``ahead(_:)`` took.
    public mutating func add(_ key: UnsafeBufferPointer<UInt8>, _ hash: Hash) -> Bool { store(key, hash.value).inserted }

    /// Finds or adds `key`, whose hash is `h`. A key is written to the key store unless it is
    /// short and this is a set; a slot's code is its key's place there (0, never read, for a
    /// short key of a set).
    private mutating func store(_ key: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (code: Int, inserted: Bool) {
        assert(h == Self.hash(key), "a hash taken of another key")
        if (count + 1) * 4 > slotCount * 3 { grow() }
        let (slot, existing) = probe(key, h)
        if let existing { return (existing, false) }
        let short = key.count <= 8
        var code = 0
        if keepsShortKeys || !short {
            code = starts.count - 1
            bytes.append(contentsOf: key)
            starts.append(bytes.count)
        }
        slots[2 * slot] = Self.head(code: code, length: key.count, hash: h)
        slots[2 * slot + 1] = short ? Self.packed(key) : h
        count += 1
        return (code, true)
    }

    private mutating func grow() {
        let old = slots
        slots = HugePages.zeros(old.count * 2)
        let mask = slotCount - 1
        for k in stride(from: 0, to: old.count, by: 2) where old[k] != 0 {
            // A long key's slot holds its hash; a short one's, the key itself.
            let length = Int(old[k] >> 32 & 0xFFFF)
            let h = length <= 8 ? Self.hash(packed: old[k + 1], length: length) : old[k + 1]
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[2 * i] != 0 { i = (i + 1) & mask }
            slots[2 * i] = old[k]
            slots[2 * i + 1] = old[k + 1]
        }
    }
}
