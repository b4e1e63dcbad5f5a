import Testing
@testable import Metrics

@Suite struct StatisticsTests {
    @Test func medianOfSmallCountsWorkedByHand() {
        #expect(Statistics.median([]) == nil)
        #expect(Statistics.median([7]) == 7)
        #expect(Statistics.median([3, 1]) == 2)
        #expect(Statistics.median([5, 1, 4]) == 4)
        #expect(Statistics.median([2, 9, 2, 2]) == 2)
        #expect(Statistics.median([10, 0.5, 3, 8, 1, 6]) == 4.5)   // 3 and 6 in the middle
    }

    /// Against the sorted middle on inputs that trouble a selection: runs of equal values,
    /// sorted and reversed orders, organ pipes, and every length from 1 to 64.
    @Test func medianAgreesWithTheSortedMiddle() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            return seed
        }
        var inputs: [[Double]] = (1...64).map { n in (0..<n).map { _ in Double(next() % 1000) / 8 } }
        inputs += [(0..<1001).map(Double.init), (0..<1000).reversed().map(Double.init),
                   (0..<999).map { Double(min($0, 998 - $0)) }, [Double](repeating: 4.25, count: 500),
                   (0..<2000).map { _ in Double(next() % 3) }, (0..<777).map { _ in Double(next() % 100_000) / 100 }]
        for values in inputs {
            let sorted = values.sorted(), mid = sorted.count / 2
            let expected = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
            #expect(Statistics.median(values) == expected, "\(values.count) values")
        }
    }

    /// The first k in (key descending, name ascending) order, as a full sort gives them,
    /// with many ties at the k-th place's key and k from 0 to past the count.
    @Test func theFirstKAreThoseOfAFullSort() {
        var generator = Xoshiro256(seed: 7)
        for _ in 0..<200 {
            let n = Int.random(in: 0...60, using: &generator)
            let items = (0..<n).map { (key: Int64.random(in: 0...6, using: &generator), name: "c\($0)") }
            let order = { (a: (key: Int64, name: String), b: (key: Int64, name: String)) in a.key != b.key ? a.key > b.key : a.name < b.name }
            for k in [0, 1, 5, 20, n, n + 3] {
                let first = Statistics.largest(k, of: items, key: \.key, by: order)
                #expect(first.map(\.name) == Array(items.sorted(by: order).prefix(k)).map(\.name), "k = \(k) of \(items)")
            }
        }
    }
}
