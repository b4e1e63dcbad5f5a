import Foundation

/// An RFC 4180 reader that works on the file's bytes, without a `String` per field.
///
/// The file is mapped, not copied, and scanned once: UTF-8 is validated in the same
/// pass, quoted fields are unescaped in place (the unescaped text is never longer than
/// the quoted one), so a record is a list of byte ranges into the mapping, and pages
/// behind the scan are handed back as it goes. Structural problems (bad UTF-8, ragged
/// quoting, a wrong number of fields) throw a ``SnapshotError`` naming the file, line
/// and column. A file in another encoding is first converted to UTF-8 (``Transcoder``);
/// the separator may be `,`, `;` or tab; several files with one header read as one table.
public struct TableReader: Sendable {
    /// The name used in messages: the file (`orders.csv`), or the pattern of several read as one (`订单*.csv`).
    public let fileName: String
    /// Column names of the header row, trimmed, as written.
    public let header: [String]
    private let parts: [Part]
    private let delimiter: UInt8

    /// One file of the table: text with where its first record after the header starts, or a workbook's sheet.
    private enum Part {
        case text(MappedFile, name: String, bodyStart: Int, bodyLine: Int)
        case sheet(Workbook)

        var name: String {
            switch self {
            case .text(_, let name, _, _): return name
            case .sheet(let book): return book.name
            }
        }
    }

    public init(path: String, fileName: String, encoding: TextEncoding = .utf8, delimiter: UInt8 = UInt8(ascii: ",")) throws {
        var mapping = TableMapping()
        (mapping.encoding, mapping.delimiter) = (encoding, delimiter)
        try self.init(files: [(path, fileName)], name: fileName, mapping: mapping)
    }

    /// Several files read as one table, in the order given: every one must have the same
    /// header. A `.xlsx` file (or any, with `format: xlsx`) is read as a workbook's sheet.
    public init(files: [(path: String, name: String)], name: String, mapping: TableMapping = TableMapping()) throws {
        var parts: [Part] = []
        var headers: [[String]] = []
        for (path, fileName) in files {
            if mapping.format == .xlsx || (mapping.format == nil && fileName.lowercased().hasSuffix(".xlsx")) {
                let book = try Workbook(path: path, fileName: fileName, sheet: mapping.sheet)
                headers.append(try Self.readHeader(book))
                parts.append(.sheet(book))
                continue
            }
            let file: MappedFile
            switch RegularFile.map(path) {
            case .success(let mapped): file = try Transcoder.utf8(mapped, encoding: mapping.encoding, fileName: fileName)
            case .failure(let problem): throw SnapshotError(.notFound, file: fileName, message: problem.description)
            }
            let (names, start, line) = try Self.readHeader(file, fileName: fileName, delimiter: mapping.delimiter)
            headers.append(names)
            parts.append(.text(file, name: fileName, bodyStart: start, bodyLine: line))
        }
        try self.init(parts: parts, headers: headers, name: name, delimiter: mapping.delimiter)
    }

    public init(bytes: [UInt8], fileName: String, encoding: TextEncoding = .utf8, delimiter: UInt8 = UInt8(ascii: ",")) throws {
        let file = try Transcoder.utf8(MappedFile(bytes: bytes), encoding: encoding, fileName: fileName)
        try self.init(mapped: [(file, fileName)], name: fileName, delimiter: delimiter)
    }

    init(mapped: [(MappedFile, String)], name: String, delimiter: UInt8) throws {
        var parts: [Part] = [], headers: [[String]] = []
        for (file, fileName) in mapped {
            let (names, start, line) = try Self.readHeader(file, fileName: fileName, delimiter: delimiter)
            headers.append(names)
            parts.append(.text(file, name: fileName, bodyStart: start, bodyLine: line))
        }
        try self.init(parts: parts, headers: headers, name: name, delimiter: delimiter)
    }

    private init(parts: [Part], headers: [[String]], name: String, delimiter: UInt8) throws {
        for (part, names) in zip(parts, headers).dropFirst() where names.map({ $0.lowercased() }) != headers[0].map({ $0.lowercased() }) {
            throw SnapshotError(.structural, file: part.name, line: 1,
                                message: "its header (\(names.joined(separator: ", "))) differs from that of \(parts[0].name) (\(headers[0].joined(separator: ", "))); files read as one table need the same columns",
                                chinese: "表头（\(names.joined(separator: "、"))）与 \(parts[0].name) 的（\(headers[0].joined(separator: "、"))）不同；合为一张表的文件须有相同的列")
        }
        self.fileName = name
        self.delimiter = delimiter
        self.parts = parts
        self.header = headers.first ?? []
    }

    /// The names in a sheet's first row that holds anything.
    private static func readHeader(_ book: Workbook) throws -> [String] {
        struct Enough: Error {}
        var names: [String]?
        var headerRow = 1
        do {
            try SheetRows.read(book, width: nil) { row in
                headerRow = row.number
                names = row.fields.map { String(decoding: UnsafeBufferPointer(rebasing: row.buffer[$0.start..<$0.end]), as: UTF8.self).trimmingCharacters(in: .whitespaces) }
                throw Enough()
            }
        } catch is Enough {}
        guard let names else { throw SnapshotError(.structural, file: book.name, message: "the sheet is empty; expected a header row naming the columns", chinese: "工作表为空；应有一行表头列出各列") }
        var firstColumn: [String: Int] = [:]
        for (i, name) in names.enumerated() where !name.isEmpty {
            if let earlier = firstColumn[name.lowercased()] {
                throw SnapshotError(.structural, file: book.name + "!\(SheetRows.letters(i))\(headerRow)", columnName: name,
                                    message: "the header names this column twice (also column \(SheetRows.letters(earlier))); which one holds the data would be a guess",
                                    chinese: "表头中此列出现两次（另见 \(SheetRows.letters(earlier)) 列），无法判断哪一列是数据")
            }
            firstColumn[name.lowercased()] = i
        }
        return names
    }

    /// The trimmed column names of a file's first record and where its body starts.
    private static func readHeader(_ file: MappedFile, fileName: String, delimiter: UInt8) throws -> ([String], Int, Int) {
        let buffer = file.buffer
        // Blank out a byte-order mark in place (removing it would move the whole file).
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { (buffer[0], buffer[1], buffer[2]) = (0x20, 0x20, 0x20) }
        var scanner = RecordScanner(buffer: buffer, fileName: fileName, delimiter: delimiter)
        guard let record = try scanner.next() else {
            throw SnapshotError(.structural, file: fileName, line: 1, message: "the file is empty; expected a header row naming the columns", chinese: "文件为空；应有一行表头列出各列")
        }
        let names = record.fields.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0.start..<$0.end]), as: UTF8.self).trimmingCharacters(in: .whitespaces) }
        var firstColumn: [String: Int] = [:]
        for (i, name) in names.enumerated() where !name.isEmpty {
            if let earlier = firstColumn[name.lowercased()] {
                throw SnapshotError(.structural, file: fileName, line: 1, column: i + 1, columnName: name,
                                    message: "the header names this column twice (also column \(earlier + 1)); which one holds the data would be a guess",
                                    chinese: "表头中此列出现两次（另见第 \(earlier + 1) 列），无法判断哪一列是数据")
            }
            firstColumn[name.lowercased()] = i
        }
        return (names, scanner.offset, scanner.line)
    }

    /// The name of each file, as records refer to them (`订单_2025.csv`, `客户.xlsx[Sheet1]`).
    public var partNames: [String] { parts.map(\.name) }

    /// A cheap upper-bound guess of the records, to reserve capacity once.
    public var estimatedRecords: Int {
        parts.reduce(0) { total, part in
            switch part {
            case .text(let file, _, let start, _): return total + max(file.buffer.count - start, 0) / 48
            case .sheet(let book): return total + Int(min(book.sheetEntry.uncompressedSize, 1 << 40)) / 256
            }
        }
    }

    /// Pages are handed back in steps of this many bytes behind the scan.
    static let releaseStep = 32 << 20

    /// Calls `body` for every record after the header, file after file, in order. The
    /// records' bytes are valid only inside `body`; the pages behind the scan are given
    /// back as it goes. A reader is read once.
    public func forEachRecord(_ body: (TableRecord) throws -> Void) throws {
        let width = header.count
        var row = 0
        for (index, part) in parts.enumerated() {
            switch part {
            case .text(let file, let name, let bodyStart, let bodyLine):
                let buffer = file.buffer
                var scanner = RecordScanner(buffer: buffer, fileName: name, delimiter: delimiter, offset: bodyStart, line: bodyLine)
                var released = 0
                while true {
                    let recordStart = scanner.offset
                    guard let record = try scanner.next() else { break }
                    if recordStart - released >= Self.releaseStep {
                        file.release(below: recordStart)
                        released = recordStart
                    }
                    if record.fields.count == 1, record.fields[0].start == record.fields[0].end, !record.fields[0].quoted { continue }
                    guard record.fields.count == width else {
                        throw SnapshotError(.structural, file: name, line: record.line, column: min(record.fields.count, width + 1),
                                            message: "expected \(width) fields as in the header, found \(record.fields.count)",
                                            chinese: "应与表头一样有 \(width) 个字段，实有 \(record.fields.count) 个")
                    }
                    row += 1
                    try body(TableRecord(buffer: UnsafeBufferPointer(buffer), fields: record.fields, part: index, line: record.line, row: row))
                }
                // Read once (quoted fields were unescaped in place): its pages go back now, not when the reader goes.
                file.release(below: buffer.count)
            case .sheet(let book):
                // The sheet's rows go through an escaping callback; the body runs inside it, synchronously.
                try withoutActuallyEscaping(body) { body in
                    var sawHeader = false
                    try SheetRows.read(book, width: width) { sheetRow in
                        guard sawHeader else { sawHeader = true; return }
                        row += 1
                        try body(TableRecord(buffer: sheetRow.buffer, fields: sheetRow.fields, part: index, line: sheetRow.number, row: row, inSheet: true))
                    }
                }
            }
        }
    }
}

/// One record: byte ranges of its fields in the file buffer, valid only inside the callback.
public struct TableRecord {
    let buffer: UnsafeBufferPointer<UInt8>
    let fields: [FieldRange]
    /// Which of the reader's files it is in (``TableReader/partNames``): an index, not a
    /// name, so that handing out a record costs no reference count.
    public let part: Int
    /// The line on which the record starts (1-based; the header is line 1).
    public let line: Int
    /// Its place among the table's records (1-based, header not counted): the same in
    /// any source of the same rows, where lines are not (a quoted field may hold line breaks).
    public let row: Int
    /// Whether the place is a worksheet cell (`file[sheet]!C17`) rather than a line and field.
    public var inSheet = false

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

    init(buffer: UnsafeMutableBufferPointer<UInt8>, fileName: String, delimiter: UInt8, offset: Int = 0, line: Int = 1) {
        self.buffer = buffer
        self.delimiter = delimiter
        self.delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
        self.fileName = fileName
        self.offset = offset
        self.line = line
    }

    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    /// The field separator, alone and repeated in each byte of a word.
    let delimiter: UInt8
    private let delimiters: UInt64

    // MARK: UTF-8, checked in the same pass

    /// The length of the UTF-8 sequence that starts with the byte ≥ 0x80 at `p`, or an
    /// error naming the line and field: overlong forms, surrogates and values past
    /// U+10FFFF are not UTF-8 either.
    @inline(never) private func sequenceLength(at p: Int, field: Int) throws -> Int {
        let c = buffer[p]
        let need: Int
        var minimum: UInt32, scalar: UInt32
        switch c {
        case 0xC2...0xDF: (need, minimum, scalar) = (1, 0x80, UInt32(c & 0x1F))
        case 0xE0...0xEF: (need, minimum, scalar) = (2, 0x800, UInt32(c & 0x0F))
        case 0xF0...0xF4: (need, minimum, scalar) = (3, 0x10000, UInt32(c & 0x07))
        default: throw notUTF8(field)
        }
        guard p + need < buffer.count else { throw notUTF8(field) }
        for k in 1...need {
            let next = buffer[p + k]
            guard next & 0xC0 == 0x80 else { throw notUTF8(field) }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { throw notUTF8(field) }
        return need + 1
    }

    private func notUTF8(_ field: Int) -> SnapshotError {
        SnapshotError(.structural, file: fileName, line: line, column: field,
                      message: "the field holds bytes that are not valid UTF-8; a GBK or GB18030 export needs encoding: gb18030 for its table in pack.yaml (auto decides by the first megabyte only)",
                      chinese: "字段中有不是有效 UTF-8 的字节；GBK 或 GB18030 导出文件需在 pack.yaml 中为该表设 encoding: gb18030（auto 只看前 1 MB）")
    }

    // MARK: Eight bytes at a time

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lfs: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    private static let crs: UInt64 = 0x0D0D_0D0D_0D0D_0D0D, quotes: UInt64 = 0x2222_2222_2222_2222

    @inline(__always) private func word(at p: Int) -> UInt64 {
        UnsafeRawPointer(buffer.baseAddress!).loadUnaligned(fromByteOffset: p, as: UInt64.self)
    }

    /// The high bit of each byte of `w` (little-endian) that equals the byte repeated in
    /// `pattern`. Only bytes above a true match can be flagged falsely, so the lowest set
    /// bit always marks the first match.
    @inline(__always) private static func matches(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = w ^ pattern
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

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
                                            message: "a quoted field is never closed (unbalanced \")", chinese: "带引号的字段没有闭合（引号不成对）")
                    }
                    // Nothing unescaped yet: jump to the next quote, LF or non-ASCII byte, eight bytes at a time.
                    if write == p, p + 8 <= n {
                        let stops = Self.matches(word(at: p), Self.quotes) | Self.matches(word(at: p), Self.lfs) | (word(at: p) & Self.highBits)
                        let skip = stops == 0 ? 8 : stops.trailingZeroBitCount >> 3
                        p += skip
                        write += skip
                        if skip == 8 { continue }
                    }
                    let c = buffer[p]
                    if c >= 0x80 {
                        let length = try sequenceLength(at: p, field: fields.count + 1)
                        for k in 0..<length { buffer[write + k] = buffer[p + k] }
                        write += length
                        p += length
                        continue
                    }
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
                guard p == n || buffer[p] == delimiter || buffer[p] == Self.lf || isLineEndCR(p) else {
                    throw SnapshotError(.structural, file: fileName, line: line, column: fields.count,
                                        message: "unexpected text after a closing quote; expected \(Character(Unicode.Scalar(delimiter)) == "\t" ? "a tab" : String(Character(Unicode.Scalar(delimiter)))) or end of line",
                                        chinese: "闭合引号后出现了多余文字；应为分隔符或行尾")
                }
            } else {
                let start = p
                while p < n {
                    // Jump to the next delimiter, quote, CR or non-ASCII byte, eight bytes at a time.
                    if p + 8 <= n {
                        let w = word(at: p)
                        let stops = Self.matches(w, delimiters) | Self.matches(w, Self.lfs) | Self.matches(w, Self.crs)
                            | Self.matches(w, Self.quotes) | (w & Self.highBits)
                        if stops == 0 {
                            p += 8
                            continue
                        }
                        p += stops.trailingZeroBitCount >> 3
                    }
                    let c = buffer[p]
                    if c >= 0x80 {
                        p += try sequenceLength(at: p, field: fields.count + 1)
                        continue
                    }
                    if c == delimiter || c == Self.lf { break }
                    if c == Self.cr {
                        if isLineEndCR(p) { break }
                        throw SnapshotError(.structural, file: fileName, line: line, column: fields.count + 1,
                                            message: "a carriage return (CR) inside an unquoted field; lines must end in LF or CRLF, and a field holding a line break must be quoted",
                                            chinese: "未加引号的字段中有回车符（CR）；行应以 LF 或 CRLF 结尾，含换行的字段须加引号")
                    }
                    if c == Self.quote {
                        throw SnapshotError(.structural, file: fileName, line: line, column: fields.count + 1,
                                            message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")",
                                            chinese: "未加引号的字段中有引号；应给整个字段加引号，并把其中的引号写成两个（\"\"）")
                    }
                    p += 1
                }
                fields.append(FieldRange(start: start, end: p, quoted: false))
            }
            if p < n, buffer[p] == delimiter {
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
