/// The order that sorts unsigned integer keys, by a least-significant-digit radix sort over
/// only the bits the keys use: linear in the number of keys, and stable, so equal keys keep
/// their original order. Grouping a million purchase histories by key this way costs a few
/// passes over the keys and their indices instead of a million hash lookups.
enum RadixOrder {
    static let digitBits = 11

    /// Indices into `keys`, keys ascending.
    static func of<Key: FixedWidthInteger & UnsignedInteger>(_ keys: [Key]) -> [Int32] { sorted(keys).order }

    /// The indices of `keys` gathered by key, keys ascending: one run per distinct key.
    static func runs<Key: FixedWidthInteger & UnsignedInteger>(_ keys: consuming [Key]) -> Runs {
        let (order, sortedKeys) = sorted(keys)
        var ends: [Int32] = []
        for i in sortedKeys.indices where i == sortedKeys.count - 1 || sortedKeys[i] != sortedKeys[i + 1] { ends.append(Int32(i + 1)) }
        return Runs(order: order, ends: ends)
    }

    /// The order that sorts `keys`, and the keys in that order. Each pass moves the keys with
    /// their indices, so that it reads both in sequence; reading each key through the order
    /// instead is a cache miss a key at a million customers. Every pass's digits are counted
    /// in one read of the keys, before the first pass moves them.
    private static func sorted<Key: FixedWidthInteger & UnsignedInteger>(_ keys: consuming [Key]) -> (order: [Int32], keys: [Key]) {
        var keys = keys
        var order = (0..<Int32(keys.count)).map { $0 }
        let used = Key.bitWidth - (keys.reduce(0, |)).leadingZeroBitCount
        guard keys.count > 1, used > 0 else { return (order, keys) }
        let radix = 1 << digitBits, mask = Key(radix - 1)
        let passes = (used + digitBits - 1) / digitBits
        var counts = [Int](repeating: 0, count: radix * passes)
        for k in keys {
            for pass in 0..<passes { counts[pass * radix + Int((k >> (pass * digitBits)) & mask)] += 1 }
        }
        var nextKeys = keys, nextOrder = order
        for pass in 0..<passes {
            let shift = pass * digitBits, bucket = pass * radix
            // Every key has the same digit here: this pass would not move anything.
            if counts[bucket + Int((keys[0] >> shift) & mask)] == keys.count { continue }
            var start = 0
            for d in 0..<radix { (counts[bucket + d], start) = (start, start + counts[bucket + d]) }
            // Written through pointers: the arrays' checks on every write cost as much as the moves.
            counts.withUnsafeMutableBufferPointer { counts in
                nextKeys.withUnsafeMutableBufferPointer { nextKeys in
                    nextOrder.withUnsafeMutableBufferPointer { nextOrder in
                        for i in keys.indices {
                            let k = keys[i]
                            let slot = bucket + Int((k >> shift) & mask)
                            (nextKeys[counts[slot]], nextOrder[counts[slot]]) = (k, order[i])
                            counts[slot] += 1
                        }
                    }
                }
            }
            swap(&keys, &nextKeys)
            swap(&order, &nextOrder)
        }
        return (order, keys)
    }

    /// Runs of equal keys: the sorted indices and where each run ends among them, four
    /// bytes a run (a list of slices would take 32, 15 MB for a million customers' groups).
    struct Runs: RandomAccessCollection {
        let order: [Int32]
        let ends: [Int32]

        var startIndex: Int { 0 }
        var endIndex: Int { ends.count }

        subscript(run: Int) -> ArraySlice<Int32> { order[(run == 0 ? 0 : Int(ends[run - 1]))..<Int(ends[run])] }
    }
}
