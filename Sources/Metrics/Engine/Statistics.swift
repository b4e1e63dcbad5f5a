/// Small statistics the definitions use, exactly as METRICS.md settles them.
enum Statistics {
    /// The median; of an even count, the mean of the two middle values. nil when empty.
    /// The middle values are selected, not sorted for: linear in the count.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        var values = values
        let mid = values.count / 2
        let upper = select(mid, in: &values)
        guard values.count % 2 == 0 else { return upper }
        // Selection leaves everything below `mid` at most the middle value: the lower one is their largest.
        return (values[..<mid].max()! + upper) / 2
    }

    /// The first `k` of `items` in the order `precedes`, which puts a larger `key` first
    /// (ties broken as it likes): only the items with at least the key of the k-th place
    /// are sorted, not all of them.
    static func largest<T>(_ k: Int, of items: [T], key: (T) -> Int64, by precedes: (T, T) -> Bool) -> [T] {
        var items = items
        if items.count > k, k > 0 {
            var keys = items.map(key)
            let last = select(keys.count - k, in: &keys)
            items.removeAll { key($0) < last }
        }
        return Array(items.sorted(by: precedes).prefix(k))
    }

    /// The value that would be at `k` if `values` were sorted, moved there, with no larger
    /// value before it and no smaller one after (quickselect with a median-of-three pivot
    /// and three-way partitions, so runs of equal values cost nothing; a sort past a
    /// depth that only adversarial input reaches).
    static func select<T: Comparable>(_ k: Int, in values: inout [T]) -> T {
        var (low, high) = (0, values.count - 1)
        var depth = 2 * (Int.bitWidth - values.count.leadingZeroBitCount)
        while low < high {
            depth -= 1
            if depth < 0 {
                values[low...high].sort()
                break
            }
            let a = values[low], b = values[(low + high) / 2], c = values[high]
            let pivot = max(min(a, b), min(max(a, b), c))
            // values[low..<lt] < pivot, values[lt..<i] == pivot, values[gt+1...high] > pivot.
            var (lt, i, gt) = (low, low, high)
            while i <= gt {
                if values[i] < pivot {
                    values.swapAt(lt, i)
                    lt += 1
                    i += 1
                } else if values[i] > pivot {
                    values.swapAt(i, gt)
                    gt -= 1
                } else {
                    i += 1
                }
            }
            if k < lt { high = lt - 1 } else if k > gt { low = gt + 1 } else { return pivot }
        }
        return values[k]
    }

    static func mean(_ sum: Double, _ count: Double) -> Double? { count > 0 ? sum / count : nil }
}
