import Testing
@testable import Metrics

/// Distinct values get places in the order first seen, as the dictionaries they replace gave.
@Suite struct DistinctPlacesTests {
    @Test func placesAreThoseOfAFirstSeenList() {
        var random = Xoshiro256(seed: 7)
        // Few distinct values among many (weeks as the fits see them), across several growths.
        let values = (0..<20_000).map { _ in Double(Int.random(in: 0..<3_000, using: &random)) / 7 }
        var places = DistinctPlaces()
        var firstSeen: [Double: Int] = [:]
        for v in values {
            let expected = firstSeen[v] ?? firstSeen.count
            let isNew = firstSeen[v] == nil
            firstSeen[v] = expected
            let found = places.place(of: v)
            #expect(found.place == expected && found.isNew == isNew)
        }
        #expect(places.count == firstSeen.count)
    }

    @Test func zeroAndNegativeZeroAreOneNumberButTwoPatterns() {
        var places = DistinctPlaces()
        #expect(places.place(of: 0.0) == (0, true))
        #expect(places.place(of: -0.0) == (0, false))
        #expect(places.place(of: 1.0) == (1, true))
        var patterns = DistinctPlaces()
        #expect(patterns.place(of: (0.0).bitPattern) == (0, true))
        #expect(patterns.place(of: (-0.0).bitPattern) == (1, true))
    }

    /// Keys that differ only in their high bits (which the multiplicative hash reads) or low bits.
    @Test func keysDifferingInOneBitAreApart() {
        var places = DistinctPlaces()
        for bit in 0..<64 { #expect(places.place(of: UInt64(1) << UInt64(bit)) == (bit, true)) }
        for bit in 0..<64 { #expect(places.place(of: UInt64(1) << UInt64(bit)) == (bit, false)) }
        #expect(places.place(of: 0 as UInt64) == (64, true))
    }
}
