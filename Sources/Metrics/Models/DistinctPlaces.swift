/// The place of each distinct value in the order first seen: the likelihoods take log Γ, ψ,
/// a log or a reciprocal once per distinct x or time, and look the place up for every group.
/// A million customers' groups do that a million times per fit; `Dictionary`, with its
/// seeded SipHash, was a sixth of a fit. Keys are 64-bit patterns in an open-addressing table
/// hashed by one multiply.
struct DistinctPlaces {
    private var keys: [UInt64]
    /// Place + 1 of the key in the same slot; 0 for an empty slot.
    private var places: [Int32]
    private(set) var count = 0
    private var shift: UInt64

    init() {
        keys = [UInt64](repeating: 0, count: 16)
        places = [Int32](repeating: 0, count: 16)
        shift = 64 - 4
    }

    /// The place of a number, as `Dictionary<Double, _>` tells them apart: 0 and −0 are one.
    /// NaN is not a value the fits see (their histories are finite); unlike a dictionary,
    /// this would give NaNs of one bit pattern one place.
    @inline(__always) mutating func place(of value: Double) -> (place: Int, isNew: Bool) {
        place(of: (value + 0).bitPattern)
    }

    /// The place of `key`, the next one when it is new.
    @inline(__always) mutating func place(of key: UInt64) -> (place: Int, isNew: Bool) {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while places[i] != 0 {
            if keys[i] == key { return (Int(places[i]) - 1, false) }
            i = (i + 1) & mask
        }
        keys[i] = key
        count += 1
        places[i] = Int32(count)
        if count * 2 > keys.count { grow() }
        return (count - 1, true)
    }

    /// Twice the slots, at most half of them full.
    private mutating func grow() {
        let (oldKeys, oldPlaces) = (keys, places)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        places = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (key, place) in zip(oldKeys, oldPlaces) where place != 0 {
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while places[i] != 0 { i = (i + 1) & mask }
            (keys[i], places[i]) = (key, place)
        }
    }
}
