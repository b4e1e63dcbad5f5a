import Metrics
import Foundation

/// Streams a worksheet's rows as text fields, the way the CSV scanner hands out records:
/// one byte buffer per row and the range of each field in it.
///
/// Cells are placed by their reference (`C17`), not their position, so sparse rows keep
/// their columns. Each cell becomes the text the contract reads: a shared or inline
/// string as written, a number as written, a date cell (a number in a date style) as
/// `YYYY-MM-DD[ HH:MM:SS]` in the workbook's 1900 or 1904 date system, a boolean as
/// `true`/`false`, an error as its code (`#N/A`).
final class SheetRows: XMLEvents {
    typealias Row = (number: Int, fields: [FieldRange], buffer: UnsafeBufferPointer<UInt8>)

    private let book: Workbook
    /// Fields per row; nil while reading the header, whose width is its last cell.
    private let width: Int?
    private let body: (Row) throws -> Void
    /// The stream feeding these events, to stop it on a failure. It holds this reader, so
    /// the reference back is unowned; not weak, since a weakly referenced object pays a
    /// slow reference count on every retain, and the stream is retained on every callback.
    private unowned(unsafe) var stream: XMLStream?

    /// Excel's own limits: columns A to XFD, rows 1 to 1,048,576.
    static let maxColumns = 16_384
    static let maxRows = 1_048_576
    private(set) var failure: Error?

    private var rowNumber = 0
    private var cells: [(column: Int, start: Int, end: Int)] = []
    private var rowBytes: [UInt8] = []
    private var cell: (column: Int, type: CellType, style: Int)?

    /// The `t` attribute of a cell.
    enum CellType {
        case number, shared, boolean, other

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            switch String(decoding: bytes, as: UTF8.self) {
            case "n": self = .number
            case "s": self = .shared
            case "b": self = .boolean
            default: self = .other   // inlineStr, str (a formula's text), d (ISO date), e (error)
            }
        }
    }
    private var value: [UInt8] = []
    private var inValue = false, inInlineText = false, inPhonetic = false

    init(book: Workbook, width: Int?, body: @escaping (Row) throws -> Void) {
        self.book = book
        self.width = width
        self.body = body
    }

    /// Streams the sheet; `body` may throw to stop early (the error is rethrown).
    static func read(_ book: Workbook, width: Int?, body: @escaping (Row) throws -> Void) throws {
        let rows = SheetRows(book: book, width: width, body: body)
        let stream = XMLStream(events: rows)
        rows.stream = stream
        struct Stopped: Error {}
        do {
            _ = try book.archive.extract(book.sheetEntry, bufferSize: 1 << 16, skipCRC32: false) { data in
                try data.withUnsafeBytes { try stream.feed($0) }
                if rows.failure != nil { throw Stopped() }
            }
            try stream.feed(UnsafeRawBufferPointer(start: nil, count: 0), last: true)
        } catch is Stopped {
        } catch let problem as XMLStream.Problem {
            if rows.failure == nil { throw SnapshotError(.structural, file: book.name, message: "the sheet is not readable: \(problem)", chinese: "工作表无法读取：\(problem)") }
        } catch let error as SnapshotError {
            throw error
        } catch {
            if rows.failure == nil { throw SnapshotError(.structural, file: book.name, message: "the sheet cannot be inflated (\(error)); the workbook is damaged", chinese: "工作表无法解压（\(error)），工作簿已损坏") }
        }
        if let failure = rows.failure { throw failure }
    }

    private func fail(_ error: Error) {
        guard failure == nil else { return }
        failure = error
        stream?.stop()
    }

    private func problem(_ column: Int?, _ message: String, _ chinese: String) -> SnapshotError {
        let place = column.map { "!\(Finding.sheetColumn($0))\(rowNumber)" } ?? " row \(rowNumber)"
        return SnapshotError(.structural, file: book.name + place, message: message, chinese: chinese)
    }

    // MARK: Events

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        guard failure == nil else { return }
        if name.is("c") {
            var column = cells.last.map { $0.column + 1 } ?? 0
            if let reference = attributes.value("r") {
                guard let parsed = Self.column(of: reference) else { return fail(problem(nil, "a cell reference \"\(String(decoding: reference, as: UTF8.self))\" that is not a column and row",
                                                                       "单元格引用“\(String(decoding: reference, as: UTF8.self))”不是列加行")) }
                column = parsed
            }
            guard column < Self.maxColumns else { return fail(problem(nil, "a cell beyond column XFD, the last a sheet may have", "单元格超出了工作表最后一列 XFD")) }
            let type = attributes.value("t").map(CellType.init) ?? .number
            let style = attributes.value("s").flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
            cell = (column, type, style)
            value.removeAll(keepingCapacity: true)
        } else if name.is("v") {
            inValue = true
        } else if name.is("t") {
            inInlineText = cell != nil && !inPhonetic
        } else if name.is("rPh") {
            inPhonetic = true
        } else if name.is("row") {
            let next = attributes.value("r").flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? rowNumber + 1
            guard (1...Self.maxRows).contains(next) else { return fail(problem(nil, "a row number outside 1 to \(Self.maxRows)", "行号不在 1 到 \(Self.maxRows) 之间")) }
            rowNumber = next
            cells.removeAll(keepingCapacity: true)
            rowBytes.removeAll(keepingCapacity: true)
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inValue || inInlineText { value.append(contentsOf: bytes) }
    }

    func end(_ name: XMLName) {
        guard failure == nil else { return }
        if name.is("v") {
            inValue = false
        } else if name.is("t") {
            inInlineText = false
        } else if name.is("rPh") {
            inPhonetic = false
        } else if name.is("c"), let cell {
            self.cell = nil
            let start = rowBytes.count
            do { try appendText(of: cell) } catch { return fail(error) }
            cells.append((cell.column, start, rowBytes.count))
        } else if name.is("row") {
            do { try deliver() } catch { fail(error) }
        }
    }

    // MARK: Cells

    private func appendText(of cell: (column: Int, type: CellType, style: Int)) throws {
        switch cell.type {
        case .shared:
            guard !value.isEmpty else { return }
            guard let index = Int(String(decoding: value, as: UTF8.self)), let text = book.strings.string(index) else {
                throw problem(cell.column, "the cell refers to shared string \(String(decoding: value, as: UTF8.self)), which the workbook does not have",
                              "单元格引用的共享字符串 \(String(decoding: value, as: UTF8.self)) 在工作簿中不存在")
            }
            rowBytes.append(contentsOf: text)
        case .boolean:
            if !value.isEmpty { rowBytes.append(contentsOf: value == [UInt8(ascii: "1")] ? Array("true".utf8) : Array("false".utf8)) }
        case .number:
            let style = book.dateStyle(cell.style)
            guard style != .none, !value.isEmpty else { return rowBytes.append(contentsOf: value) }
            // Day 2,958,465 is 9999-12-31 in the 1900 system. Anything else is passed on as
            // written, so the reader reports it as an unreadable value of its row.
            let lastDay = book.uses1904 ? 2_957_003.0 : 2_958_465.0
            guard let serial = Double(String(decoding: value, as: UTF8.self)), serial.isFinite, serial >= 0, serial < lastDay + 1 else {
                return rowBytes.append(contentsOf: value)
            }
            rowBytes.append(contentsOf: Self.dateText(serial: serial, uses1904: book.uses1904, withTime: style == .dateTime).utf8)
        case .other:  // inline strings, formula strings, ISO dates, errors: as written
            rowBytes.append(contentsOf: value)
        }
    }

    /// A date cell's serial number as the contract's local time. In the 1900 system day 1 is
    /// 1900-01-01 and day 60 the 29 February 1900 Excel believes in; in the 1904 system day 0
    /// is 1904-01-01. The fraction is the time of day, to the nearest second.
    static func dateText(serial: Double, uses1904: Bool, withTime: Bool) -> String {
        var seconds = Int64((serial * 86_400).rounded())
        if !uses1904, serial < 61 { seconds += 86_400 }   // before Excel's phantom leap day
        let epoch = uses1904 ? CivilDate(year: 1904, month: 1, day: 1) : CivilDate(year: 1899, month: 12, day: 30)
        let day = CivilDate(dayNumber: epoch.dayNumber + Int(seconds / 86_400))
        let time = Int(seconds % 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let date = "\(day.year)-\(two(day.month))-\(two(day.day))"
        return withTime || time != 0 ? "\(date) \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))" : date
    }

    // MARK: Rows

    private func deliver() throws {
        let filled = cells.filter { $0.end > $0.start }
        guard !filled.isEmpty else { return }   // an empty row, as a blank line in a CSV
        let count = width ?? (filled.map(\.column).max()! + 1)
        if let beyond = filled.first(where: { $0.column >= count }) {
            throw problem(beyond.column, "a value in a column with no header (the header has \(count) columns)", "该列没有表头却有值（表头共 \(count) 列）")
        }
        guard rowBytes.count <= FieldRange.limit else {
            throw problem(filled.last!.column, SnapshotError.rowTooLong.message, SnapshotError.rowTooLong.chinese)
        }
        var fields = [FieldRange](repeating: FieldRange(start: 0, end: 0), count: count)
        for cell in filled { fields[cell.column] = FieldRange(start: cell.start, end: cell.end) }
        try rowBytes.withUnsafeBufferPointer { buffer in try body((rowNumber, fields, buffer)) }
    }

    // MARK: References

    /// The 0-based column of a reference such as `C17` or `AA3`.
    static func column(of reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var column = 0, letters = 0
        for byte in reference {
            let upper = byte & ~0x20
            guard upper >= 65, upper <= 90 else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            column = column * 26 + Int(upper - 64)
        }
        guard letters > 0, letters < reference.count else { return nil }
        return column - 1
    }
}
