/// A 128-bit fingerprint of a message's content (two FNV-1a 64 passes with different
/// seeds): the same pack gives the same Message-ID, a different one a different ID.
enum ContentHash {
    /// The fingerprint of `parts` one after another, as of their concatenation.
    static func hex(_ parts: [UInt8]...) -> String {
        // Both hashes in one pass: two independent chains of multiplies run side by side,
        // where two passes over a 1.4 MB message each waited on every multiply in turn.
        var (a, b): (UInt64, UInt64) = (0xCBF2_9CE4_8422_2325, 0x6C62_272E_07BB_0142)
        for bytes in parts {
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* 0x100_0000_01B3
                b = (b ^ UInt64(byte)) &* 0x100_0000_01B3
            }
        }
        return [a, b].map { value in
            let s = String(value, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }.joined()
    }
}
