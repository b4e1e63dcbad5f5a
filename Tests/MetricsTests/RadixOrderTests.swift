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

    /// Keys that fit in 64 bits are sorted as 8-byte words: the same order as the same keys in 16 bytes.
    @Test func narrowKeysOrderAsWideOnes() {
        var generator = SystemRandomNumberGenerator()
        let keys: [UInt64] = (0..<5_000).map { _ in UInt64.random(in: 0..<64, using: &generator) << 40 | UInt64.random(in: 0..<1_000, using: &generator) }
            + [UInt64.max, 0, UInt64(1) << 63]
        #expect(RadixOrder.of(keys) == RadixOrder.of(keys.map { UInt128($0) }))
        #expect(RadixOrder.of(keys) == keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map { Int32($0) })
    }

    @Test func trivialInputs() {
        #expect(RadixOrder.of([UInt128]()) == [])
        #expect(RadixOrder.of([7 as UInt128]) == [0])
        #expect(RadixOrder.of([0, 0, 0] as [UInt64]) == [0, 1, 2])
        #expect(RadixOrder.of([3, 1, 2] as [UInt64]) == [1, 2, 0])
    }

    @Test func runsGatherEqualKeysInKeyOrder() {
        let keys: [UInt128] = [5, 1, 5, 3, 1, 5]
        #expect(RadixOrder.runs(keys).map(Array.init) == [[1, 4], [3], [0, 2, 5]])
        #expect(RadixOrder.runs([UInt64]()).isEmpty)
    }
}
