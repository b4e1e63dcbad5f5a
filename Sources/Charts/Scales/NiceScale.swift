/// A linear axis with "nice" ticks: steps of 1, 2 or 5 × 10ⁿ covering the data.
public struct NiceScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let step: Double

    /// - Parameters:
    ///   - includeZero: bars must start at zero; lines may not.
    ///   - integers: steps of at least 1, for things counted in whole units (no tick at 0.2 customers).
    ///   - bounds: a range the axis stays inside unless the data leaves it (ratios in 0…100 %),
    ///     so padding never shows a share of −100 % or 200 %.
    public init(values: [Double], includeZero: Bool, integers: Bool = false, bounds: ClosedRange<Double>? = nil, targetTicks: Int = 5) {
        // Beyond ±1e300 the span itself would overflow; no chart of this program plots such values.
        let finite = values.filter(\.isFinite).map { min(max($0, -1e300), 1e300) }
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        let bounds = bounds.flatMap { lo >= $0.lowerBound && hi <= $0.upperBound ? $0 : nil }
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if lo == hi {
            let pad = max(lo == 0 ? 1 : abs(lo) * 0.5, integers ? 1 : 0)
            lo -= includeZero && lo >= 0 ? 0 : pad
            hi += pad
            if includeZero && lo > 0 { lo = 0 }
        }
        if let bounds { (lo, hi) = (max(lo, bounds.lowerBound), min(hi, bounds.upperBound)) }
        // Of the 1-2-5 steps near the raw step, the one whose tick count is closest to
        // the target; on a tie the larger step (fewer, rounder ticks), unless it would
        // make the axis twice as long as the data's span (0–2 for data up to 1).
        let raw = (hi - lo) / Double(max(targetTicks - 1, 1))
        let base = Self.niceStep(raw)
        let candidates = [base / 2.5, base / 2, base, base * 2, base * 2.5].map { Self.niceStep($0 * (1 - 1e-9)) }
            .map { integers ? max($0, 1) : $0 }
        func tickCount(_ s: Double) -> Double { ((hi / s).rounded(.up) - (lo / s).rounded(.down)).rounded() + 1 }
        func stretches(_ s: Double) -> Bool { (hi / s).rounded(.up) * s - (lo / s).rounded(.down) * s >= 1.99 * (hi - lo) }
        let step = candidates.min { a, b in
            let (da, db) = (abs(tickCount(a) - Double(targetTicks)), abs(tickCount(b) - Double(targetTicks)))
            if da != db { return da < db }
            if stretches(a) != stretches(b) { return !stretches(a) }
            return a > b
        }!
        self.step = step
        var lower = (lo / step).rounded(.down) * step, upper = (hi / step).rounded(.up) * step
        if let bounds { (lower, upper) = (max(lower, bounds.lowerBound), min(upper, bounds.upperBound)) }
        (self.lower, self.upper) = (lower, upper)
    }

    /// The smallest of 1, 2, 5 × 10ⁿ that is ≥ `raw`.
    public static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw * (1 - 1e-9) { return m * magnitude }
        return 10 * magnitude
    }

    public var ticks: [Double] {
        var out: [Double] = []
        var k = 0
        while true {
            let v = lower + Double(k) * step
            if v > upper + step * 1e-9 { break }
            out.append(abs(v) < step * 1e-9 ? 0 : v)
            k += 1
        }
        return out
    }

    /// Maps a value to [from, to] (to may be less than from, for y axes).
    public func map(_ v: Double, from: Double, to: Double) -> Double {
        upper == lower ? from : from + (v - lower) / (upper - lower) * (to - from)
    }
}
