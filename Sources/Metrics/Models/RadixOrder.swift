/// The order that sorts unsigned integer keys, by a least-significant-digit radix sort over
/// only the bits the keys use: linear in the number of keys, and stable, so equal keys keep
/// their original order. Grouping a million purchase histories by key this way costs a few
/// passes over two arrays instead of a million hash lookups.
enum RadixOrder {
    static let digitBits = 11

    /// Indices into `keys`, keys ascending.
    static func of<Key: FixedWidthInteger & UnsignedInteger>(_ keys: [Key]) -> [Int32] {
        var order = (0..<Int32(keys.count)).map { $0 }
        let used = Key.bitWidth - (keys.reduce(0, |)).leadingZeroBitCount
        guard keys.count > 1, used > 0 else { return order }
        var next = order
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        let mask = Key((1 << digitBits) - 1)
        for shift in stride(from: 0, to: used, by: digitBits) {
            for i in counts.indices { counts[i] = 0 }
            for k in keys { counts[Int((k >> shift) & mask)] += 1 }
            // Every key has the same digit here: this pass would not move anything.
            if counts[Int((keys[0] >> shift) & mask)] == keys.count { continue }
            var start = 0
            for i in counts.indices { (counts[i], start) = (start, start + counts[i]) }
            for index in order {
                let digit = Int((keys[Int(index)] >> shift) & mask)
                next[counts[digit]] = index
                counts[digit] += 1
            }
            swap(&order, &next)
        }
        return order
    }

    /// The indices of `keys` gathered by key, keys ascending: one run per distinct key.
    static func runs<Key: FixedWidthInteger & UnsignedInteger>(_ keys: [Key]) -> [ArraySlice<Int32>] {
        let order = of(keys)
        var runs: [ArraySlice<Int32>] = []
        var start = 0
        for i in order.indices where i == order.count - 1 || keys[Int(order[i])] != keys[Int(order[i + 1])] {
            runs.append(order[start...i])
            start = i + 1
        }
        return runs
    }
}
