import CMalloc
import Metrics

/// glibc's allocator raises its mmap threshold each time a large block is freed, and then
/// takes the next large arrays from the heap, which keeps pages resident after they are
/// freed. While the snapshot is read, fixed thresholds give every large block back to the
/// system when it is freed (when this was set, the peak at a million customers fell by about
/// 100 MiB, 1,107 to 1,004 MiB, in the same time); after reading and after the metrics, see
/// ``afterReading(customers:)`` and ``afterMetrics()``.
enum FreedMemory {
    static func returnToTheSystem() {
        mallopt(M_MMAP_THRESHOLD, 256 << 10)
        mallopt(M_TRIM_THRESHOLD, 1 << 20)
    }

    /// Gives back what the reading's threads freed in their own heaps: glibc trims a
    /// thread's heap only from its top, so freed holes below stay resident until asked.
    ///
    /// Then, below ``keepingFreedBelow`` customers, or above it when the build has already
    /// held room for them beyond what it holds now (``keptBytesPerCustomer``), blocks up to
    /// 32 MiB come from the heap and stay there when freed: the metrics make and free the same
    /// per-customer arrays month after month, and the packs their surfaces and buffers chart
    /// after chart, and fresh mapped pages had each to be faulted in and zeroed again. At 10 k
    /// the packs took 0.38–0.40 s instead of 0.43–0.58 and the 100 k build 1.6 s instead of
    /// 2.2; single builds' peaks stayed within their spread, a 26-month backfill's rose from
    /// 183 to 212 MiB. A million customers read from CSV files peak while they are read, far
    /// above their facts, and keep them: the fits then took 2.1–2.2 s of CPU instead of
    /// 2.9–3.0 s, the metrics 2.2–2.3 s instead of 2.7–2.9 s, at the same peak.
    static func afterReading(customers: Int) {
        malloc_trim(0)
        guard customers < keepingFreedBelow || MemoryHeadroom.allows(customers * keptBytesPerCustomer) else { return }
        keepFreed()
    }

    /// Once the metrics are made the facts are let go, and the packs' surfaces and buffers
    /// are all that is made and freed: however many customers, they stay in the heap.
    static func afterMetrics() { keepFreed() }

    private static func keepFreed() {
        mallopt(M_MMAP_THRESHOLD, 32 << 20)
        mallopt(M_TRIM_THRESHOLD, 256 << 20)
    }

    /// What the metrics' freed blocks may hold when kept, per customer (kept, they lifted a
    /// million customers' peak from PostgreSQL by 31 MiB), with room.
    static let keptBytesPerCustomer = 150

    /// From this many customers the months' arrays go back to the system when freed, as
    /// while reading, unless the build has already held the room to keep them: kept
    /// regardless, they lifted the peak of a million customers read from PostgreSQL from 568
    /// to 599 MiB (its limit is 600) for a tenth of the metrics' CPU.
    static let keepingFreedBelow = 500_000
}
