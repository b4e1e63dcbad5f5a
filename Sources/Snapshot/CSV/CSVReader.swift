import Foundation

/// An RFC 4180 reader that works on the file's bytes, without a `String` per field.
///
/// The whole file is read once; quoted fields are unescaped in place (the unescaped
/// text is never longer than the quoted one), so a record is a list of byte ranges
/// into one buffer. Structural problems (bad UTF-8, ragged quoting, a wrong number of
/// fields) throw a ``SnapshotError`` naming the file, line and column.
public struct CSVReader {
    /// The name used in messages (`orders.csv`).
    public let fileName: String
    /// Column names of the header row, trimmed, as written.
    public private(set) var header: [String] = []
    private var bytes: [UInt8]
    /// Where the first record after the header starts, and its line number.
    private var bodyStart = 0
    private var bodyLine = 2

    public init(path: String, fileName: String) throws {
        switch RegularFile.read(path) {
        case .success(let bytes): try self.init(bytes: bytes, fileName: fileName)
        case .failure(let problem): throw SnapshotError(.notFound, file: fileName, message: problem.description)
        }
    }

    public init(bytes: [UInt8], fileName: String) throws {
        self.fileName = fileName
        var bytes = bytes
        // Blank out a byte-order mark in place (removing it would copy the whole file).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { (bytes[0], bytes[1], bytes[2]) = (0x20, 0x20, 0x20) }
        if let bad = UTF8Validator.firstInvalidByte(in: bytes) {
            let (line, column) = Self.position(of: bad, in: bytes)
            throw SnapshotError(.structural, file: fileName, line: line,
                                message: "byte \(column) of the line is not valid UTF-8 (the file must be UTF-8 encoded)")
        }
        self.bytes = bytes
        var names: [String] = []
        var next = (offset: 0, line: 1)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            var scanner = RecordScanner(buffer: buffer, fileName: fileName)
            guard let record = try scanner.next() else { return }
            names = record.fields.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0.start..<$0.end]), as: UTF8.self).trimmingCharacters(in: .whitespaces) }
            next = (scanner.offset, scanner.line)
        }
        guard !names.isEmpty else {
            throw SnapshotError(.structural, file: fileName, line: 1, message: "the file is empty; expected a header row naming the columns")
        }
        var firstColumn: [String: Int] = [:]
        for (i, name) in names.enumerated() where !name.isEmpty {
            if let earlier = firstColumn[name.lowercased()] {
                throw SnapshotError(.structural, file: fileName, line: 1, column: i + 1, columnName: name,
                                    message: "the header names this column twice (also column \(earlier + 1)); which one holds the data would be a guess")
            }
            firstColumn[name.lowercased()] = i
        }
        header = names
        bodyStart = next.offset
        bodyLine = next.line
    }

    /// A cheap upper-bound guess of the records, to reserve capacity once.
    public var estimatedRecords: Int { max(bytes.count - bodyStart, 0) / 48 }

    /// Calls `body` for every record after the header, in order.
    public mutating func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        let width = header.count
        let fileName = self.fileName
        let (start, line) = (bodyStart, bodyLine)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            var scanner = RecordScanner(buffer: buffer, fileName: fileName, offset: start, line: line)
            while let record = try scanner.next() {
                if record.fields.count == 1, record.fields[0].start == record.fields[0].end, !record.fields[0].quoted { continue }
                guard record.fields.count == width else {
                    throw SnapshotError(.structural, file: fileName, line: record.line, column: min(record.fields.count, width + 1),
                                        message: "expected \(width) fields as in the header, found \(record.fields.count)")
                }
                try body(CSVRecord(buffer: UnsafeBufferPointer(buffer), fields: record.fields, line: record.line))
            }
        }
    }

    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }
}

/// One record: byte ranges of its fields in the file buffer, valid only inside the callback.
public struct CSVRecord {
    let buffer: UnsafeBufferPointer<UInt8>
    let fields: [FieldRange]
    /// The line on which the record starts (1-based; the header is line 1).
    public let line: Int

    /// The raw bytes of field `index`, trimmed of surrounding spaces and tabs when asked.
    public func bytes(_ index: Int, trimmed: Bool = true) -> UnsafeBufferPointer<UInt8> {
        var start = fields[index].start, end = fields[index].end
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

struct FieldRange {
    var start: Int
    var end: Int
    var quoted: Bool
}

/// The state machine of RFC 4180 over a mutable byte buffer.
struct RecordScanner {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    let fileName: String
    var offset = 0
    var line = 1
    private var fields: [FieldRange] = []

    init(buffer: UnsafeMutableBufferPointer<UInt8>, fileName: String, offset: Int = 0, line: Int = 1) {
        self.buffer = buffer
        self.fileName = fileName
        self.offset = offset
        self.line = line
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// A CR ends a line only as the first half of CRLF, or as the file's last byte.
    @inline(__always) private func isLineEndCR(_ p: Int) -> Bool {
        buffer[p] == Self.cr && (p + 1 == buffer.count || buffer[p + 1] == Self.lf)
    }

    mutating func next() throws -> (fields: [FieldRange], line: Int)? {
        let n = buffer.count
        guard offset < n else { return nil }
        let recordLine = line
        fields.removeAll(keepingCapacity: true)
        var p = offset
        while true {
            if p < n, buffer[p] == Self.quote {
                let openedLine = line
                p += 1
                let start = p
                var write = p
                while true {
                    guard p < n else {
                        throw SnapshotError(.structural, file: fileName, line: openedLine, column: fields.count + 1,
                                            message: "a quoted field is never closed (unbalanced \")")
                    }
                    let c = buffer[p]
                    if c == Self.quote {
                        if p + 1 < n, buffer[p + 1] == Self.quote {
                            buffer[write] = Self.quote
                            write += 1
                            p += 2
                            continue
                        }
                        p += 1
                        break
                    }
                    if c == Self.lf { line += 1 }
                    buffer[write] = c
                    write += 1
                    p += 1
                }
                fields.append(FieldRange(start: start, end: write, quoted: true))
                guard p == n || buffer[p] == Self.comma || buffer[p] == Self.lf || isLineEndCR(p) else {
                    throw SnapshotError(.structural, file: fileName, line: line, column: fields.count,
                                        message: "unexpected text after a closing quote; expected , or end of line")
                }
            } else {
                let start = p
                while p < n {
                    let c = buffer[p]
                    if c == Self.comma || c == Self.lf { break }
                    if c == Self.cr {
                        if isLineEndCR(p) { break }
                        throw SnapshotError(.structural, file: fileName, line: line, column: fields.count + 1,
                                            message: "a carriage return (CR) inside an unquoted field; lines must end in LF or CRLF, and a field holding a line break must be quoted")
                    }
                    if c == Self.quote {
                        throw SnapshotError(.structural, file: fileName, line: line, column: fields.count + 1,
                                            message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                    }
                    p += 1
                }
                fields.append(FieldRange(start: start, end: p, quoted: false))
            }
            if p < n, buffer[p] == Self.comma {
                p += 1
                if p == n { fields.append(FieldRange(start: p, end: p, quoted: false)) }
                continue
            }
            if p < n, buffer[p] == Self.cr { p += 1 }
            if p < n, buffer[p] == Self.lf { p += 1 }
            line += 1
            break
        }
        offset = p
        return (fields, recordLine)
    }
}
