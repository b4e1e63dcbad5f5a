/// A 128-bit fingerprint of a message's content (two FNV-1a 64 passes with different
/// seeds): the same pack gives the same Message-ID, a different one a different ID.
enum ContentHash {
    static func hex(_ bytes: [UInt8]) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var h = seed
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            return h
        }
        return [fnv(0xCBF2_9CE4_8422_2325), fnv(0x6C62_272E_07BB_0142)].map { value in
            let s = String(value, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }.joined()
    }
}
