/// A hash index from byte strings to dense codes, looked up straight from a CSV field's
/// bytes: no `String` is made and no SipHash is run per row. Reading a million
/// customers' activities spends most of its time finding ids, so this is hand-written.
struct ByteIndex: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing: slot → (hash tag << 32) | (code + 1); 0 is empty. The tag lets a probe
    /// skip a different key without touching its bytes (a cache miss at a million keys).
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
    }

    /// FNV-1a, 64 bits: short keys, good spread.
    @inline(__always) private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    @inline(__always) private func equals(_ code: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let (s, e) = (starts[code], starts[code + 1])
        guard e - s == key.count else { return false }
        for i in 0..<key.count where bytes[s + i] != key[i] { return false }
        return true
    }

    /// The code of `key`, or nil.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        let h = Self.hash(key)
        let tag = h >> 32
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            let code = Int(slots[i] & 0xFFFF_FFFF) - 1
            if slots[i] >> 32 == tag, equals(code, key) { return Int32(code) }
            i = (i + 1) & mask
        }
        return nil
    }

    /// The code of `key`, adding it with the next code when new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (code: Int32, inserted: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        let h = Self.hash(key)
        let tag = h >> 32
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            let code = Int(slots[i] & 0xFFFF_FFFF) - 1
            if slots[i] >> 32 == tag, equals(code, key) { return (Int32(code), false) }
            i = (i + 1) & mask
        }
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        slots[i] = tag << 32 | UInt64(count + 1)
        count += 1
        return (Int32(count - 1), true)
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for code in 0..<count {
            let h = bytes.withUnsafeBufferPointer { all in Self.hash(UnsafeBufferPointer(rebasing: all[starts[code]..<starts[code + 1]])) }
            var i = Int(truncatingIfNeeded: h) & mask
            while bigger[i] != 0 { i = (i + 1) & mask }
            bigger[i] = (h >> 32) << 32 | UInt64(code + 1)
        }
        slots = bigger
    }
}
