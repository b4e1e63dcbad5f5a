import Foundation
import ZIPFoundation

/// An `.xlsx` workbook opened for reading one sheet: its shared strings, which cell styles
/// are dates, its date system, and where the sheet's XML is in the archive.
///
/// The sheet itself is never held whole: ``SheetRows`` streams it as ZIPFoundation
/// inflates it. Only the shared strings are kept, as one byte buffer and offsets.
final class Workbook: @unchecked Sendable {
    let archive: Archive
    /// `客户.xlsx[Sheet1]`: the file and sheet, for messages.
    let name: String
    let sheetEntry: Entry
    let strings: SharedStrings
    /// Per cell style (`s` attribute), whether it formats a number as a date, and with a time of day.
    let dateStyles: [DateStyle]
    /// The 1904 date system (old Mac workbooks) instead of the 1900 one.
    let uses1904: Bool

    enum DateStyle { case none, date, dateTime }

    /// Opens `path` and the sheet named `sheet`, or the first sheet.
    init(path: String, fileName: String, sheet: String?) throws {
        let problem = { (message: String, chinese: String) in SnapshotError(.structural, file: fileName, message: message, chinese: chinese) }
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw problem("not an .xlsx workbook (it is not a ZIP archive)", "不是 .xlsx 工作簿（不是 ZIP 压缩包）")
        }
        let archive = self.archive
        func xml(_ path: String, required: Bool) throws -> Entry? {
            guard let entry = archive[path] else {
                if required { throw problem("not an .xlsx workbook (it has no \(path))", "不是 .xlsx 工作簿（缺少 \(path)）") }
                return nil
            }
            return entry
        }
        let book = WorkbookPart()
        try Self.parse(archive, try xml("xl/workbook.xml", required: true)!, into: book, fileName: fileName)
        let links = RelationshipsPart()
        try Self.parse(archive, try xml("xl/_rels/workbook.xml.rels", required: true)!, into: links, fileName: fileName)
        guard !book.sheets.isEmpty else { throw problem("the workbook has no sheets", "工作簿中没有工作表") }
        guard let chosen = sheet.map({ wanted in book.sheets.first { $0.name == wanted } }) ?? book.sheets.first else {
            throw problem("the workbook has no sheet \"\(sheet!)\"; its sheets are \(book.sheets.map(\.name).joined(separator: ", "))",
                            "工作簿中没有工作表“\(sheet!)”；现有工作表：\(book.sheets.map(\.name).joined(separator: "、"))")
        }
        guard let target = links.targets[chosen.relationship] else {
            throw problem("the sheet \(chosen.name) has no part in the workbook", "工作表 \(chosen.name) 在工作簿中没有对应的部件")
        }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        sheetEntry = try xml(path, required: true)!
        name = "\(fileName)[\(chosen.name)]"
        uses1904 = book.uses1904
        let strings = SharedStrings()
        if let entry = try xml("xl/sharedStrings.xml", required: false) { try Self.parse(archive, entry, into: strings, fileName: fileName) }
        guard !strings.tooLarge else {
            throw problem("its shared strings hold more than \(SharedStrings.maxBytes >> 20) MiB of text; the workbook is refused",
                            "共享字符串超过 \(SharedStrings.maxBytes >> 20) MiB，拒绝读取该工作簿")
        }
        self.strings = strings
        let styles = StylesPart()
        if let entry = try xml("xl/styles.xml", required: false) { try Self.parse(archive, entry, into: styles, fileName: fileName) }
        dateStyles = styles.dateStyles
    }

    /// Streams one part of the archive through `events`.
    static func parse(_ archive: Archive, _ entry: Entry, into events: XMLEvents, fileName: String) throws {
        let stream = XMLStream(events: events)
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { data in
                try data.withUnsafeBytes { try stream.feed($0) }
            }
            try stream.feed(UnsafeRawBufferPointer(start: nil, count: 0), last: true)
        } catch let problem as XMLStream.Problem {
            throw SnapshotError(.structural, file: fileName, message: "\(entry.path) is not readable: \(problem)", chinese: "\(entry.path) 无法读取：\(problem)")
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw SnapshotError(.structural, file: fileName, message: "\(entry.path) cannot be inflated (\(error)); the workbook is damaged", chinese: "\(entry.path) 无法解压（\(error)），工作簿已损坏")
        }
    }

    /// The cell style's kind of date, `.none` for a style that is not a date (or unknown).
    func dateStyle(_ index: Int) -> DateStyle { index >= 0 && index < dateStyles.count ? dateStyles[index] : .none }
}

/// `xl/workbook.xml`: the sheets in order and the date system.
private final class WorkbookPart: XMLEvents {
    var sheets: [(name: String, relationship: String)] = []
    var uses1904 = false

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("sheet"), let sheet = attributes.string("name"), let id = attributes.string("id") {
            sheets.append((sheet, id))
        } else if name.is("workbookPr"), let value = attributes.string("date1904") {
            uses1904 = value == "1" || value == "true"
        }
    }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    func end(_ name: XMLName) {}
}

/// `xl/_rels/workbook.xml.rels`: relationship id → part path.
private final class RelationshipsPart: XMLEvents {
    var targets: [String: String] = [:]

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("Relationship"), let id = attributes.string("Id"), let target = attributes.string("Target") { targets[id] = target }
    }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    func end(_ name: XMLName) {}
}

/// `xl/styles.xml`: which cell formats (`cellXfs`) show a number as a date.
private final class StylesPart: XMLEvents {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    private var inCellFormats = false

    /// Excel's built-in date and time formats (14–22, 45–47, and the East Asian 27–36, 50–58);
    /// the ones that show a time of day are read with it.
    static let builtInDates: Set<Int> = Set(14...17).union(27...31).union([36]).union(50...54).union(57...58)
    static let builtInDateTimes: Set<Int> = Set(18...22).union(32...35).union(45...47).union(55...56)

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("numFmt"), let id = attributes.string("numFmtId").flatMap(Int.init), let code = attributes.string("formatCode") {
            customFormats[id] = code
        } else if name.is("cellXfs") {
            inCellFormats = true
        } else if inCellFormats, name.is("xf") {
            cellFormats.append(attributes.string("numFmtId").flatMap(Int.init) ?? 0)
        }
    }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    func end(_ name: XMLName) { if name.is("cellXfs") { inCellFormats = false } }

    var dateStyles: [Workbook.DateStyle] {
        cellFormats.map { id in
            if Self.builtInDateTimes.contains(id) { return .dateTime }
            if Self.builtInDates.contains(id) { return .date }
            guard let code = customFormats[id] else { return .none }
            return Self.kind(of: code)
        }
    }

    /// A custom format is a date when it has date letters outside quotes and brackets
    /// (`[Red]`, `[$-804]`), and a date with a time when it also has hours or seconds.
    static func kind(of code: String) -> Workbook.DateStyle {
        var quoted = false, bracket = false, escaped = false
        var date = false, time = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[": if !quoted { bracket = true }
            case "]": if !quoted { bracket = false }
            case "y", "d", "m": if !quoted && !bracket { date = true }
            case "h", "s": if !quoted && !bracket { time = true }
            default: break
            }
        }
        return date ? (time ? .dateTime : .date) : .none
    }
}

/// `xl/sharedStrings.xml`: every string of the workbook, in one byte buffer with offsets.
/// Rich-text runs are joined; phonetic guides (`rPh`) are left out.
final class SharedStrings: XMLEvents {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    private var inText = false, inPhonetic = false
    /// More text than this is no CRM export but a decompression bomb.
    static let maxBytes = 1 << 30
    private(set) var tooLarge = false

    /// The bytes of string `index`, nil when there is no such string.
    func string(_ index: Int) -> ArraySlice<UInt8>? {
        guard index >= 0, index < ends.count else { return nil }
        return bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("t") { inText = !inPhonetic } else if name.is("rPh") { inPhonetic = true }
    }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard inText, !tooLarge else { return }
        guard self.bytes.count + bytes.count <= Self.maxBytes else { tooLarge = true; return }
        self.bytes.append(contentsOf: bytes)
    }
    func end(_ name: XMLName) {
        if name.is("t") { inText = false } else if name.is("rPh") { inPhonetic = false } else if name.is("si") { ends.append(bytes.count) }
    }
}
