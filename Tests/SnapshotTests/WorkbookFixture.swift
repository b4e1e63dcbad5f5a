import Foundation
import ZIPFoundation

/// Writes minimal `.xlsx` workbooks from XML parts, so a test says exactly which cells,
/// types, styles and strings the reader meets.
enum WorkbookFixture {
    /// Cell styles: 0 general, 1 a date (`yyyy/m/d`, built-in 14), 2 a date and time (22), 3 a custom `yyyy"年"m"月"d"日" hh:mm`.
    static let styles = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; hh:mm"/></numFmts>
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/></cellXfs></styleSheet>
        """

    /// A workbook with one sheet holding `rows` (the XML inside `<sheetData>`) and `strings` as its shared strings.
    static func write(to path: String, sheetName: String = "Sheet1", rows: String, strings: [String] = [], date1904: Bool = false) throws {
        let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let rel = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        let shared = strings.map { "<si><t>\(escaped($0))</t></si>" }.joined()
        try zip(to: path, parts: [
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "xl/workbook.xml": "<workbook \(ns) \(rel)>\(date1904 ? "<workbookPr date1904=\"1\"/>" : "")<sheets><sheet name=\"\(escaped(sheetName))\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/styles.xml": styles,
            "xl/sharedStrings.xml": "<sst \(ns) count=\"\(strings.count)\">\(shared)</sst>",
            "xl/worksheets/sheet1.xml": "<worksheet \(ns)><sheetData>\(rows)</sheetData></worksheet>",
        ])
    }

    static func zip(to path: String, parts: [String: String]) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
