import Metrics

/// The ids a table has read so far, for finding repeats (the first row of an id is kept).
///
/// Exports are commonly sorted by their id. While every id is greater than the one before
/// (byte by byte), none can repeat, so the ids are only kept end to end in one buffer: no
/// hashing and no random access, in about half the memory of a hash set (70 MB instead of
/// 128 MiB for 4.4 M order ids). An id that is not greater is looked for among them by
/// binary search: a repeat is found there, and the first new id out of order moves them
/// all into a ``ByteIndex`` set, which answers from then on.
struct SeenKeys {
    /// The ids in the order read, while that order is ascending.
    private var kept = TextColumn()
    private var set: ByteIndex?
    /// The rows expected, to size the ids or the set once.
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The key's hash with its lookup started (``ByteIndex/ahead(_:)``) once ids have come out
    /// of order; nil before, when nothing needs looking up.
    func ahead(_ key: UnsafeBufferPointer<UInt8>) -> ByteIndex.Hash? { set?.ahead(key) }

    /// Adds `key`; false when it was read before. `hash`: what ``ahead(_:)`` gave for it.
    mutating func add(_ key: UnsafeBufferPointer<UInt8>, _ hash: ByteIndex.Hash?) -> Bool {
        if set == nil {
            if kept.isEmpty { kept.reserveCapacity(capacity, bytesEach: key.count) }
            if kept.isEmpty || compare(key, kept.count - 1) > 0 {
                kept.append(bytes: key)
                return true
            }
            // A repeat keeps the ids in order; only a new id out of order needs the set.
            if contains(key) { return false }
            moveIntoSet()
        }
        if let hash { return set!.add(key, hash) }
        return set!.add(key)
    }

    /// The order of `key` against kept id `i`, byte by byte (a prefix sorts first): −1, 0 or 1.
    private func compare(_ key: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        kept.withBytes(i) { id in
            for k in 0..<min(key.count, id.count) where key[k] != id[k] { return key[k] < id[k] ? -1 : 1 }
            return key.count == id.count ? 0 : key.count < id.count ? -1 : 1
        }
    }

    /// Whether `key` is among the kept ids, which are in order: a binary search.
    private func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var (low, high) = (0, kept.count - 1)
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
        var set = ByteIndex.set(capacity: max(capacity, kept.count + 1))
        for i in kept.indices { _ = kept.withBytes(i) { set.add($0) } }
        (kept, self.set) = (TextColumn(), set)
    }
}
