import Foundation
import FuzzDriver
import Snapshot
import Metrics
import ZIPFoundation

/// libFuzzer entry: the input is a worksheet's XML, zipped into a workbook with fixed
/// shared strings and styles (or, when it starts with `PK`, the whole .xlsx file), and read
/// as a table through ZIPFoundation and libxml2. Any outcome but a trap is fine.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    try? FileManager.default.removeItem(atPath: Workspace.book)
    if bytes.starts(with: [0x50, 0x4B]) {
        guard FileManager.default.createFile(atPath: Workspace.book, contents: bytes) else { return 0 }
    } else {
        guard (try? Workspace.zip(sheet: bytes)) != nil else { return 0 }
    }
    if let reader = try? TableReader(files: [(Workspace.book, "fuzz.xlsx")], name: "fuzz.xlsx") {
        let width = reader.header.count
        _ = try? reader.forEachRecord { record in
            for i in 0..<width { _ = record.string(i) }
        }
    }
    return 0
}

enum Workspace {
    static let book = NSTemporaryDirectory() + "reviewpack-fuzz-\(getpid()).xlsx"
    static let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    static let parts: [(String, Data)] = [
        ("xl/workbook.xml", "<workbook \(ns) xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
        ("xl/styles.xml", "<styleSheet \(ns)><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy/m/d h:mm\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"),
        ("xl/sharedStrings.xml", "<sst \(ns)><si><t>customer_id</t></si><si><r><t>signup</t></r><r><t>_at</t></r></si><si><t>客户</t><rPh><t>kehu</t></rPh></si></sst>"),
    ].map { ($0.0, Data($0.1.utf8)) }

    static func zip(sheet: Data) throws {
        let archive = try Archive(url: URL(fileURLWithPath: book), accessMode: .create)
        for (name, data) in parts + [("xl/worksheets/sheet1.xml", sheet)] {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}

@_cdecl("WorkbookFuzzer_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt { runFuzzer(argc, argv, fuzz) }
