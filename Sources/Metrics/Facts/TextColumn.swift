/// Text values stored end to end in one byte buffer, read back as `String`s.
///
/// A million customers' names and ids then take their bytes plus one offset each, where an
/// array of `String` holds a heap object for every value longer than 15 bytes (about
/// 50 MB more for the bench's million names).
public struct TextColumn: RandomAccessCollection, Sendable, Equatable {
    private var bytes: [UInt8] = []
    /// Where each value ends in `bytes`; value `i` starts where value `i − 1` ends.
    private var ends: [Int] = []

    public init() {}

    public init<S: Sequence>(_ values: S) where S.Element == String {
        self.init()
        for value in values { append(value) }
    }

    public mutating func append(_ value: String) {
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(i: Int) -> String {
        let start = i == 0 ? 0 : ends[i - 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[i]]), as: UTF8.self) }
    }
}
