#if canImport(Glibc)
import Glibc
#endif

/// Arrays that are read at random, asked to be backed by 2 MiB pages where the kernel
/// allows it (transparent huge pages in `madvise` mode). A hash index of a million ids is
/// tens of megabytes: with 4 KiB pages nearly every lookup also misses the address
/// translation cache, and the page walk stalls even a prefetch.
enum HugePages {
    private static let size = 2 << 20

    /// `count` zeros, their whole 2 MiB pages advised before the first is touched.
    static func zeros(_ count: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, count * 8 >= size {
                let start = (Int(bitPattern: base) + size - 1) / size * size
                let end = (Int(bitPattern: base) + count * 8) / size * size
                if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
            }
            buffer.initialize(repeating: 0)
            initialized = count
        }
    }
}
