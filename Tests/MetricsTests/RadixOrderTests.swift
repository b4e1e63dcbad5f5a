import Testing
@testable import Metrics

/// The radix order is the order a comparison sort gives, equal keys in their original order.
@Suite struct RadixOrderTests {
    @Test func ordersLikeAStableComparisonSort() {
        var generator = SystemRandomNumberGenerator()
        // Keys as PurchaseGroups packs them: x in the high word, days in the low one, with
        // many repeats and a few keys using the top bits.
        var keys: [UInt128] = (0..<5_000).map { _ in
            UInt128(UInt64.random(in: 0..<8, using: &generator)) << 64 | UInt128(UInt64.random(in: 0..<40, using: &generator)) << 32
                | UInt128(UInt64.random(in: 0..<3, using: &generator))
        }
        keys += [UInt128.max, 0, UInt128(1) << 127, UInt128.max]
        let expected = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map { Int32($0) }
        #expect(RadixOrder.of(keys) == expected)
    }

    @Test func trivialInputs() {
        #expect(RadixOrder.of([]) == [])
        #expect(RadixOrder.of([7]) == [0])
        #expect(RadixOrder.of([0, 0, 0]) == [0, 1, 2])
        #expect(RadixOrder.of([3, 1, 2]) == [1, 2, 0])
    }

    @Test func runsGatherEqualKeysInKeyOrder() {
        let keys: [UInt128] = [5, 1, 5, 3, 1, 5]
        #expect(RadixOrder.runs(keys).map(Array.init) == [[1, 4], [3], [0, 2, 5]])
        #expect(RadixOrder.runs([]).isEmpty)
    }
}
