import Foundation

/// Results written from parallel workers (`DispatchQueue.concurrentPerform`), each into
/// its own slot, read after all of them finished.
public final class ConcurrentSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }
    public func get(_ i: Int) -> T { lock.withLock { slots[i]! } }
}
