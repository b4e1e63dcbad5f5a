import Metrics

/// The ids a table has read so far, for finding repeats (the first row of an id is kept).
///
/// Exports are commonly sorted by their id. While every id is greater than the one before
/// (byte by byte), none can repeat, so the ids are only kept end to end in one buffer: no
/// hashing and no random access, in under half the memory of a hash set (53 MB instead of
/// 128 MiB for 4.4 M order ids). An id that is not greater is looked for among them by
/// binary search: a repeat is found there, and the first new id out of order moves them
/// all into a ``ByteIndex`` set, which answers from then on.
struct SeenKeys {
    private var bytes: [UInt8] = []
    /// Where each id ends in `bytes`.
    private var ends: [UInt32] = []
    private var set: ByteIndex?
    /// The rows expected, to size the buffer or the set once.
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The key's hash with its lookup started (``ByteIndex/ahead(_:)``) once ids have come out
    /// of order; nil before, when nothing needs looking up.
    func ahead(_ key: UnsafeBufferPointer<UInt8>) -> ByteIndex.Hash? { set?.ahead(key) }

    /// Adds `key`; false when it was read before. `hash`: what ``ahead(_:)`` gave for it.
    mutating func add(_ key: UnsafeBufferPointer<UInt8>, _ hash: ByteIndex.Hash?) -> Bool {
        if set == nil {
            switch ends.isEmpty ? 1 : compare(key, ends.count - 1) {
            case 1 where bytes.count + key.count <= Int(UInt32.max):
                if ends.isEmpty {
                    ends.reserveCapacity(capacity)
                    bytes.reserveCapacity(capacity * key.count)
                }
                bytes.append(contentsOf: key)
                ends.append(UInt32(bytes.count))
                return true
            case 1: break
            default:
                // A repeat keeps the ids in order; only a new id out of order needs the set.
                if contains(key) { return false }
            }
            moveIntoSet()
        }
        if let hash { return set!.add(key, hash) }
        return set!.add(key)
    }

    /// The order of `key` against kept id `i`, byte by byte (a prefix sorts first): −1, 0 or 1.
    private func compare(_ key: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let start = i > 0 ? Int(ends[i - 1]) : 0, end = Int(ends[i])
        return bytes.withUnsafeBufferPointer { kept in
            for (k, byte) in key.enumerated() {
                guard start + k < end else { return 1 }
                if byte != kept[start + k] { return byte > kept[start + k] ? 1 : -1 }
            }
            return key.count == end - start ? 0 : -1
        }
    }

    /// Whether `key` is among the kept ids, which are in order: a binary search.
    private func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var (low, high) = (0, ends.count - 1)
        while low <= high {
            let mid = (low + high) / 2
            switch compare(key, mid) {
            case 0: return true
            case 1: low = mid + 1
            default: high = mid - 1
            }
        }
        return false
    }

    private mutating func moveIntoSet() {
        var set = ByteIndex.set(capacity: max(capacity, ends.count + 1))
        bytes.withUnsafeBufferPointer { kept in
            var start = 0
            for end in ends.lazy.map(Int.init) {
                _ = set.add(UnsafeBufferPointer(rebasing: kept[start..<end]))
                start = end
            }
        }
        (bytes, ends, self.set) = ([], [], set)
    }
}
