import Testing
@testable import Metrics

/// Instants kept as four-byte offsets from their row's base come back exactly, however far
/// from the base they lie.
@Suite struct InstantOffsetsTests {
    @Test func everyInstantComesBackAsAppended() {
        let base: Int64 = 1_790_000_000   // 2026-09-21
        let century: Int64 = 100 * 365 * 86_400
        let cases: [(instant: Int64, base: Int64)] = [
            (base + 3_600, base),                          // an hour later
            (base - 86_400, base),                         // a day before (stages out of order)
            (Missing.instant, base),                       // never contacted
            (base + century, base),                        // a century later: kept whole
            (base - century, base),                        // a century before
            (base + Int64(Int32.max), base),               // the farthest offset that fits
            (base + Int64(Int32.min) + 1, base),           // the offset that marks "kept whole"
            (base + Int64(Int32.min), base),               // the offset that marks "missing"
            (Int64.max, -1),                               // the difference overflows
        ]
        var offsets = InstantOffsets()
        for c in cases { offsets.append(c.instant, from: c.base) }
        #expect(offsets.count == cases.count)
        for (i, c) in cases.enumerated() {
            #expect(offsets.instant(i, from: c.base) == c.instant, "case \(i)")
        }
    }
}
