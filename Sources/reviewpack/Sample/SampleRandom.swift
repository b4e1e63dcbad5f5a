import Foundation

/// A small deterministic PRNG (xoshiro256**, seeded through SplitMix64).
/// Own generator so that the sample is byte-identical on every run and platform
/// release; `stream` gives independent sequences (one per customer, one per table),
/// which keeps one customer's history independent of how many others exist.
struct SampleRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64, stream: UInt64) {
        var x = seed ^ SampleRandom.mix(stream &+ 0x632B_E59B_D9B4_E019)
        var words: [UInt64] = []
        words.reserveCapacity(4)
        for _ in 0..<4 {
            x = x &+ 0x9E37_79B9_7F4A_7C15
            words.append(SampleRandom.mix(x))
        }
        s0 = words[0]; s1 = words[1]; s2 = words[2]; s3 = words[3]
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// SplitMix64's finaliser: spreads nearby seeds far apart.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = SampleRandom.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SampleRandom.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1).
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in [a, b).
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    /// Uniform integer in 0..<n (n ≥ 1).
    @inline(__always)
    mutating func int(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform integer in a...b.
    mutating func int(_ a: Int, _ b: Int) -> Int { a + int(b - a + 1) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Standard normal (Box–Muller, one value per call for simplicity).
    mutating func normal() -> Double {
        let u1 = (Double(next() >> 11) + 0.5) * 0x1.0p-53
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Log-normal with the given median: right-skewed durations and amounts.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }

    /// Exponential waiting time with the given mean.
    mutating func exponential(mean: Double) -> Double {
        let u = (Double(next() >> 11) + 0.5) * 0x1.0p-53
        return -log(u) * mean
    }

    /// Poisson count; a normal approximation above λ = 30 keeps big days cheap.
    mutating func poisson(_ lambda: Double) -> Int {
        if lambda <= 0 { return 0 }
        if lambda > 30 {
            return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
        }
        let limit = exp(-lambda)
        var k = 0
        var p = unit()
        while p > limit {
            k += 1
            p *= unit()
        }
        return k
    }

    /// Index drawn by weight from a table of cumulative weights (last entry = total).
    mutating func pick(_ cumulative: [Double]) -> Int {
        let u = unit() * cumulative[cumulative.count - 1]
        var i = 0
        while i < cumulative.count - 1 && cumulative[i] <= u { i += 1 }
        return i
    }
}

/// Weights turned into cumulative form once, so `pick` is a short scan.
enum SampleWeights {
    static func cumulative(_ weights: [Double]) -> [Double] {
        var total = 0.0
        return weights.map { total += $0; return total }
    }
}
