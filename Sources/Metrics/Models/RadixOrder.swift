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
    static func runs<Key: FixedWidthInteger & UnsignedInteger>(_ keys: [Key]) -> Runs {
        let order = of(keys)
        var ends: [Int32] = []
        for i in order.indices where i == order.count - 1 || keys[Int(order[i])] != keys[Int(order[i + 1])] {
            ends.append(Int32(i + 1))
        }
        return Runs(order: order, ends: ends)
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
