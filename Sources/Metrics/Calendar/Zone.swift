import Foundation

/// The configured time zone, reduced to a table of UTC-offset changes.
///
/// Foundation's `TimeZone` is far too slow to ask once per timestamp; the offsets it
/// knows are read once (every transition between 1900 and 2100) and then looked up by
/// binary search. Instants are seconds since 1970-01-01 00:00 UTC.
public struct Zone: Sendable, Equatable {
    public let identifier: String
    /// Instants at which a new offset starts, ascending; `offsets[i]` holds from `starts[i]`.
    /// Seen by the inlinable look-ups: the readers convert every timestamp, and a call into
    /// this module per conversion cost 2 % of reading the snapshot.
    @usableFromInline let starts: [Int64]
    @usableFromInline let offsets: [Int64]

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        var starts: [Int64] = [Int64.min]
        var offsets: [Int64] = [Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: -2_208_988_800)))]
        var cursor = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        let end = Date(timeIntervalSince1970: 4_102_444_800)     // 2100-01-01
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let offset = Int64(zone.secondsFromGMT(for: next))
            if offset != offsets.last {
                starts.append(Int64(next.timeIntervalSince1970.rounded()))
                offsets.append(offset)
            }
            cursor = next
        }
        self.starts = starts
        self.offsets = offsets
    }

    /// Seconds east of UTC in force at `instant`.
    @inlinable
    public func offset(at instant: Int64) -> Int64 {
        // Most instants fall after the last transition (fixed-offset zones have one entry).
        if instant >= starts[starts.count - 1] { return offsets[offsets.count - 1] }
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= instant { low = mid } else { high = mid - 1 }
        }
        return offsets[low]
    }

    /// The local calendar day (days since 1970-01-01) on which `instant` falls.
    @inlinable
    public func day(of instant: Int64) -> Int32 {
        let local = instant + offset(at: instant)
        return Int32(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The instant of a local wall-clock time given as seconds since 1970-01-01 00:00 local.
    @inlinable
    public func instant(ofLocal local: Int64) -> Int64 {
        let guess = local - offset(at: local)
        return local - offset(at: guess)
    }

    /// The instant of local midnight starting `day`.
    public func startOf(day: Int32) -> Int64 {
        instant(ofLocal: Int64(day) * 86_400)
    }

    public static func == (a: Zone, b: Zone) -> Bool { a.identifier == b.identifier }
}
