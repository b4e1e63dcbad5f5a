import Metrics
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
    /// How a large file is scanned on a thread of its own (``ScanAhead``); nil: always in line.
    var scanAhead: ScanAhead.Plan? = ScanAhead.Plan()

    /// One file of the table: text with where its first record after the header starts, a
    /// workbook's sheet, or a database table's rows.
    private enum Part {
        case text(MappedFile, name: String, bodyStart: Int, bodyLine: Int)
        case sheet(Workbook)
        case rows(any RowSource, name: String)

        var name: String {
            switch self {
            case .text(_, let name, _, _): return name
            case .sheet(let book): return book.name
            case .rows(_, let name): return name
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

    /// A database table's rows, named `name` in messages (`crm.sqlite orders`). Two columns
    /// whose names differ only in case are refused, as in a file's header.
    public init(rows: any RowSource, name: String) throws {
        let names = rows.columns.map { $0.trimmingCharacters(in: .whitespaces) }
        var first: [String: Int] = [:]
        for (i, column) in names.enumerated() {
            if let earlier = first[column.lowercased()] {
                throw SnapshotError(.structural, file: name, column: i + 1, columnName: column,
                                    message: "the table has this column twice (also \(names[earlier])); which one holds the data would be a guess",
                                    chinese: "表中此列出现两次（另见 \(names[earlier])），无法判断哪一列是数据")
            }
            first[column.lowercased()] = i
        }
        try self.init(parts: [.rows(rows, name: name)], headers: [names], name: name, delimiter: UInt8(ascii: ","))
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
                names = row.fields.map { String(decoding: UnsafeBufferPointer(rebasing: row.buffer[$0.range]), as: UTF8.self).trimmingCharacters(in: .whitespaces) }
                throw Enough()
            }
        } catch is Enough {}
        guard let names else { throw SnapshotError(.structural, file: book.name, message: "the sheet is empty; expected a header row naming the columns", chinese: "工作表为空；应有一行表头列出各列") }
        var firstColumn: [String: Int] = [:]
        for (i, name) in names.enumerated() where !name.isEmpty {
            if let earlier = firstColumn[name.lowercased()] {
                throw SnapshotError(.structural, file: book.name + "!\(Finding.sheetColumn(i))\(headerRow)", columnName: name,
                                    message: "the header names this column twice (also column \(Finding.sheetColumn(earlier))); which one holds the data would be a guess",
                                    chinese: "表头中此列出现两次（另见 \(Finding.sheetColumn(earlier)) 列），无法判断哪一列是数据")
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
        var fields: [FieldRange] = []
        guard try scanner.next(appendingTo: &fields) != nil else {
            throw SnapshotError(.structural, file: fileName, line: 1, message: "the file is empty; expected a header row naming the columns", chinese: "文件为空；应有一行表头列出各列")
        }
        let names = fields.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0.range]), as: UTF8.self).trimmingCharacters(in: .whitespaces) }
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

    /// The rows of the whole table when a database source hands over only those it could not
    /// reduce itself; nil when every record is read here.
    public var rowCount: Int? {
        guard case .rows(let source, _)? = parts.first else { return nil }
        return source.rowCount
    }

    /// The name of each file, as records refer to them (`订单_2025.csv`, `客户.xlsx[Sheet1]`).
    public var partNames: [String] { parts.map(\.name) }

    /// A cheap guess of the records, a little above the truth, to reserve capacity once:
    /// a text file's size over the length of its first lines. (A fixed bytes-per-row
    /// guess reserved three times too much for leads' long rows: 0.5 GB of empty slots
    /// at a million customers.)
    public var estimatedRecords: Int {
        parts.reduce(0) { total, part in
            switch part {
            case .text(let file, _, let start, _): return total + Self.estimatedLines(file.buffer, from: start)
            case .sheet(let book): return total + Int(min(book.sheetEntry.uncompressedSize, 1 << 40)) / 256
            case .rows: return total
            }
        }
    }

    /// The bytes to read, a measure of the work (a database's rows count 100 bytes each): the
    /// tables are read side by side, one per core, largest first, so that no large table is
    /// read alone at the end.
    public var estimatedBytes: Int {
        parts.reduce(0) { total, part in
            switch part {
            case .text(let file, _, _, _): return total + file.buffer.count
            case .sheet(let book): return total + Int(min(book.sheetEntry.uncompressedSize, 1 << 40))
            case .rows(let source, _): return total + (source.rowCount ?? 0) * 100
            }
        }
    }

    /// Lines in `buffer` after `start`, counted in the first 256 KiB and scaled to the rest,
    /// with a tenth more for rows longer than those sampled.
    static func estimatedLines(_ buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int) -> Int {
        let size = max(buffer.count - start, 0), sampled = min(size, 256 << 10)
        guard sampled > 0 else { return 0 }
        var lines = 0
        for i in start..<(start + sampled) where buffer[i] == UInt8(ascii: "\n") { lines += 1 }
        guard sampled < size else { return lines + 1 }
        return Int(Double(size) / Double(sampled) * Double(max(lines, 1)) * 1.1) + 16
    }

    /// Pages are handed back in steps of this many bytes behind the scan.
    static let releaseStep = 32 << 20

    /// Records handed to `prepare` together before `body` sees the first of them: enough
    /// for the lookups they start (``forEachRecord(lookingAhead:_:)``) to be in flight
    /// together, few enough that their fields stay in the first-level cache.
    static let lookahead = 32

    /// Calls `body` for every record after the header, file after file, in order. The
    /// records' bytes are valid only inside `body`; the pages behind the scan are given
    /// back as it goes. A reader is read once.
    public func forEachRecord(_ body: (TableRecord) throws -> Void) throws {
        try forEachRecord(lookingAhead: { _ in () }) { record, _ in try body(record) }
    }

    /// ``forEachRecord(_:)``, where a file's records go to `prepare` a batch at a time before
    /// `body` sees them, with what `prepare` found: a table starts its hash lookups there, so
    /// that their cache misses overlap (a sheet's or a database's rows go through one by
    /// one). `body` still sees every record in order, and a problem in a record is thrown
    /// only after every record before it went through `body`.
    func forEachRecord<Ahead>(lookingAhead prepare: (TableRecord) -> Ahead, _ body: (TableRecord, Ahead) throws -> Void) throws {
        let width = header.count
        var row = 0
        for (index, part) in parts.enumerated() {
            switch part {
            case .text(let file, let name, let bodyStart, let bodyLine):
                let buffer = file.buffer
                let scanner = RecordScanner(buffer: buffer, fileName: name, delimiter: delimiter, offset: bodyStart, line: bodyLine)
                var released = 0
                var ahead: [Ahead] = []
                /// Hands a chunk's records to `prepare` and `body` in batches, then throws the problem that ended it.
                func consume(_ chunk: RecordChunk) throws {
                    if chunk.start - released >= Self.releaseStep {
                        file.release(below: chunk.start)
                        released = chunk.start
                    }
                    let records = UnsafeBufferPointer(rebasing: buffer[chunk.start...])
                    try chunk.fields.withUnsafeBufferPointer { fields in
                        for batch in stride(from: 0, to: chunk.count, by: Self.lookahead) {
                            let end = min(batch + Self.lookahead, chunk.count)
                            func record(_ k: Int) -> TableRecord {
                                TableRecord(buffer: records, fields: UnsafeBufferPointer(rebasing: fields[(k * width)..<((k + 1) * width)]),
                                            part: index, line: chunk.lines[k], row: row + k - batch + 1)
                            }
                            ahead.removeAll(keepingCapacity: true)
                            for k in batch..<end { ahead.append(prepare(record(k))) }
                            for k in batch..<end { try body(record(k), ahead[k - batch]) }
                            row += end - batch
                        }
                    }
                    if let problem = chunk.problem { throw problem }
                }
                if let plan = scanAhead, buffer.count - bodyStart >= plan.minimumBytes {
                    let pipeline = ScanAhead(scanner, width: width, fileName: name, plan: plan)
                    defer { pipeline.finish() }
                    while let chunk = pipeline.next() {
                        try consume(chunk)
                        pipeline.recycle(chunk)
                    }
                } else {
                    var scanner = scanner, chunk = RecordChunk()
                    repeat {
                        chunk.scan(&scanner, width: width, limit: Self.lookahead, fileName: name)
                        try consume(chunk)
                    } while !chunk.isLast
                }
                // Read once (quoted fields were unescaped in place): its pages go back now, not when the reader goes.
                file.release(below: buffer.count)
            case .sheet(let book):
                // The sheet's rows go through an escaping callback; the body runs inside it, synchronously.
                try withoutActuallyEscaping(prepare) { prepare in
                    try withoutActuallyEscaping(body) { body in
                        var sawHeader = false
                        try SheetRows.read(book, width: width) { sheetRow in
                            guard sawHeader else { sawHeader = true; return }
                            row += 1
                            try sheetRow.fields.withUnsafeBufferPointer { fields in
                                let record = TableRecord(buffer: sheetRow.buffer, fields: fields, part: index, line: sheetRow.number, row: row, place: .cell)
                                try body(record, prepare(record))
                            }
                        }
                    }
                }
            case .rows(let source, let name):
                try source.forEachRow { fields in
                    guard fields.count == width else {
                        throw SnapshotError(.structural, file: name, line: fields.row ?? row + 1, message: "expected \(width) fields as in the columns, found \(fields.count)",
                                            chinese: "应与列一样有 \(width) 个字段，实有 \(fields.count) 个")
                    }
                    row = fields.row ?? row + 1
                    guard !fields.tooLong else {
                        throw SnapshotError(.structural, file: name, line: row, message: SnapshotError.rowTooLong.message, chinese: SnapshotError.rowTooLong.chinese)
                    }
                    try fields.bytes.withUnsafeBufferPointer { buffer in
                        try fields.fields.withUnsafeBufferPointer { ranges in
                            let record = TableRecord(buffer: buffer, fields: ranges, part: index, line: row, row: row, place: .row)
                            try body(record, prepare(record))
                        }
                    }
                }
            }
        }
    }
}
