/// Text values stored end to end in one byte buffer, read back as `String`s.
///
/// A million customers' names and ids then take their bytes plus one offset each, where an
/// array of `String` holds a heap object for every value longer than 15 bytes (about
/// 50 MB more for the bench's million names).
public struct TextColumn: RandomAccessCollection, Sendable, Equatable {
    @usableFromInline var bytes: [UInt8] = []
    /// Where each value ends in `bytes`; value `i` starts where value `i − 1` ends.
    @usableFromInline var ends: [Int] = []

    public init() {}

    public init<S: Sequence>(_ values: S) where S.Element == String {
        self.init()
        for value in values { append(value) }
    }

    public mutating func append(_ value: String) {
        var value = value
        value.withUTF8 { append(bytes: $0) }
    }

    /// Appends a value given as its UTF-8 bytes.
    @inlinable public mutating func append(bytes value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
    }

    /// Room for `count` values of about `length` bytes each, reserved at once.
    public mutating func reserveCapacity(_ count: Int, bytesEach length: Int) {
        ends.reserveCapacity(count)
        bytes.reserveCapacity(count * length)
    }

    /// The bytes of value `i`, valid inside `body`.
    @inlinable public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = i == 0 ? 0 : ends[i - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[i]])) }
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { ends.count }

    public subscript(i: Int) -> String { withBytes(i) { String(decoding: $0, as: UTF8.self) } }
}
