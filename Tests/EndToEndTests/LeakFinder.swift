/// Finds which of many strings (customer ids and names) occur in a text, in one pass over
/// its bytes: needles are indexed by their first six bytes, so thousands of names cost no
/// more than a few.
struct LeakFinder {
    private var byPrefix: [UInt64: [(needle: [UInt8], label: String)]] = [:]

    /// `needles`: the string to look for and what to call it when found; shorter than six bytes is skipped.
    init(_ needles: [(String, String)]) {
        for (needle, label) in needles {
            let bytes = Array(needle.utf8)
            guard bytes.count >= 6 else { continue }
            byPrefix[Self.key(bytes, 0), default: []].append((bytes, label))
        }
    }

    /// The label of the first needle found in `text`, nil when none occurs.
    func first(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 6 else { return nil }
        for i in 0...(bytes.count - 6) {
            guard let candidates = byPrefix[Self.key(bytes, i)] else { continue }
            for (needle, label) in candidates where i + needle.count <= bytes.count && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                return label
            }
        }
        return nil
    }

    private static func key(_ bytes: [UInt8], _ i: Int) -> UInt64 {
        var k: UInt64 = 0
        for j in 0..<6 { k = k << 8 | UInt64(bytes[i + j]) }
        return k
    }
}
