import Foundation

/// A file's bytes mapped into memory, privately: the reader unescapes quoted fields in
/// place, and those writes stay in this process (copy-on-write pages), never in the file.
///
/// Mapping instead of reading means no copy of the bytes at all, and pages the reader
/// has passed can be handed back (``release(below:)``), so reading a file of gigabytes
/// needs only the part being scanned in memory.
public final class MappedFile: @unchecked Sendable {
    public let buffer: UnsafeMutableBufferPointer<UInt8>
    private let length: Int
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps an open regular file of `size` bytes.
    init?(descriptor fd: Int32, size: Int) {
        guard size > 0 else {
            (buffer, length) = (UnsafeMutableBufferPointer(start: nil, count: 0), 0)
            return
        }
        guard let base = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        madvise(base, size, MADV_SEQUENTIAL)
        (buffer, length) = (UnsafeMutableBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size), size)
    }

    /// Anonymous memory holding `bytes` (text given in memory, as tests do).
    public init(bytes: [UInt8]) {
        guard !bytes.isEmpty, let base = mmap(nil, bytes.count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), base != MAP_FAILED else {
            (buffer, length) = (UnsafeMutableBufferPointer(start: nil, count: 0), 0)
            return
        }
        let typed = base.assumingMemoryBound(to: UInt8.self)
        bytes.withUnsafeBufferPointer { typed.initialize(from: $0.baseAddress!, count: bytes.count) }
        (buffer, length) = (UnsafeMutableBufferPointer(start: typed, count: bytes.count), bytes.count)
    }

    /// Anonymous memory of `capacity` bytes filled by `fill`, which returns how many it
    /// wrote, or nil when it failed: text converted to UTF-8 lives here.
    init?(capacity: Int, fill: (UnsafeMutableBufferPointer<UInt8>) throws -> Int) rethrows {
        guard capacity > 0, let base = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), base != MAP_FAILED else { return nil }
        let whole = UnsafeMutableBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: capacity)
        do {
            let used = try fill(whole)
            (buffer, length) = (UnsafeMutableBufferPointer(rebasing: whole[0..<used]), capacity)
        } catch {
            munmap(base, capacity)
            throw error
        }
    }

    /// Gives back the whole pages below `offset`: they were read and are not needed again.
    public func release(below offset: Int) {
        guard let base = buffer.baseAddress else { return }
        let end = offset / Self.pageSize * Self.pageSize
        if end > 0 { madvise(UnsafeMutableRawPointer(base), end, MADV_DONTNEED) }
    }

    deinit {
        if let base = buffer.baseAddress { munmap(UnsafeMutableRawPointer(base), length) }
    }
}
