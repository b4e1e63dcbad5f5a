/// Instants kept as seconds from a base instant of the same row (a lead's first contact from
/// its creation, a ticket's response from its opening): four bytes each where a whole
/// instant takes eight, 17 MB less for four million leads. The rare instant more than 68
/// years from its base is kept whole beside.
public struct InstantOffsets: Sendable {
    private var offsets: [Int32] = []
    /// Rows whose instant is too far from its base, and the instant.
    private var far: [Int: Int64] = [:]
    private static let missing = Int32.min
    private static let farAway = Int32.min + 1

    public init() {}

    /// `instants` (or ``Missing/instant``) of rows whose bases are `bases`.
    public init(_ instants: [Int64], from bases: [Int64]) {
        reserveCapacity(instants.count)
        for (instant, base) in zip(instants, bases) { append(instant, from: base) }
    }

    public var count: Int { offsets.count }

    public mutating func reserveCapacity(_ count: Int) { offsets.reserveCapacity(count) }

    /// Appends `instant` (or ``Missing/instant``) of a row whose base is `base`.
    public mutating func append(_ instant: Int64, from base: Int64) {
        guard instant != Missing.instant else { return offsets.append(Self.missing) }
        let (offset, overflow) = instant.subtractingReportingOverflow(base)
        if !overflow, let near = Int32(exactly: offset), near > Self.farAway {
            offsets.append(near)
        } else {
            far[offsets.count] = instant
            offsets.append(Self.farAway)
        }
    }

    /// The instant of row `i`, whose base is `base`; ``Missing/instant`` when it has none.
    @inline(__always) public func instant(_ i: Int, from base: Int64) -> Int64 {
        switch offsets[i] {
        case Self.missing: Missing.instant
        case Self.farAway: far[i]!
        case let offset: base + Int64(offset)
        }
    }
}
