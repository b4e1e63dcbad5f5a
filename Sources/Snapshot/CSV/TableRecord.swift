import Metrics

/// One record: byte ranges of its fields in a buffer (a chunk of the file, a sheet's row or a
/// database row), valid only inside the callback.
public struct TableRecord {
    let buffer: UnsafeBufferPointer<UInt8>
    let fields: UnsafeBufferPointer<FieldRange>
    /// Which of the reader's files it is in (``TableReader/partNames``): an index, not a
    /// name, so that handing out a record costs no reference count.
    public let part: Int
    /// The line on which the record starts (1-based; the header is line 1).
    public let line: Int
    /// Its place among the table's records (1-based, header not counted): the same in
    /// any source of the same rows, where lines are not (a quoted field may hold line breaks).
    public let row: Int
    /// What `line` counts: a file's lines, a sheet's rows or a database table's rows.
    public var place = Finding.Place.line

    /// The raw bytes of field `index`, trimmed of surrounding spaces and tabs when asked.
    @inline(__always) public func bytes(_ index: Int, trimmed: Bool = true) -> UnsafeBufferPointer<UInt8> {
        var start = Int(fields[index].start), end = Int(fields[index].end)
        if trimmed {
            while start < end, buffer[start] == 32 || buffer[start] == 9 { start += 1 }
            while end > start, buffer[end - 1] == 32 || buffer[end - 1] == 9 { end -= 1 }
        }
        return UnsafeBufferPointer(rebasing: buffer[start..<end])
    }

    public func string(_ index: Int, trimmed: Bool = true) -> String {
        String(decoding: bytes(index, trimmed: trimmed), as: UTF8.self)
    }
}

/// Where one field lies in its record's buffer, as offsets from the buffer's start: eight
/// bytes, so that a chunk's fields stay in cache for the thread that parses them after
/// another scanned them. A field reaching past ``limit`` from its buffer's start (a file's
/// chunk, a sheet's or a database's row) is refused where it is made.
struct FieldRange {
    var start: UInt32
    var end: UInt32

    static let limit = Int(UInt32.max)

    init(start: Int, end: Int) {
        self.start = UInt32(start)
        self.end = UInt32(end)
    }

    /// For the scanner, which refuses a record past ``limit`` before it makes its fields.
    init(checkedStart start: Int, end: Int) {
        assert(start >= 0 && start <= end && end <= Self.limit)
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
    }

    var range: Range<Int> { Int(start)..<Int(end) }
}
