import Foundation
import Testing
@testable import Snapshot
import Metrics

/// `.xlsx` sheets read as tables: strings shared and inline, numbers, booleans, date cells
/// in both date systems, sparse rows, and errors that name the sheet, row and column letter.
@Suite struct WorkbookTests {
    func rows(_ sheet: String, strings: [String] = [], date1904: Bool = false, sheetName: String = "Sheet1", pick: String? = nil) throws -> [[String]] {
        let path = NSTemporaryDirectory() + "reviewpack-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WorkbookFixture.write(to: path, sheetName: sheetName, rows: sheet, strings: strings, date1904: date1904)
        var mapping = TableMapping()
        mapping.sheet = pick
        let reader = try TableReader(files: [(path, "客户.xlsx")], name: "客户.xlsx", mapping: mapping)
        var out = [reader.header]
        try reader.forEachRecord { record in out.append(reader.header.indices.map { record.string($0) }) }
        return out
    }

    @Test func cellsOfEveryKindBecomeTheContractsText() throws {
        let sheet = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>金额</t></is></c><c r="D1" t="s"><v>2</v></c></row>
            <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="2"><v>46146.5</v></c><c r="C2"><v>1234.5</v></c><c r="D2" t="b"><v>1</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><r><t>C</t></r><r><t>2</t></r></is></c><c r="B3" s="1"><v>46146</v></c><c r="C3" t="str"><f>C2*2</f><v>2469</v></c><c r="D3" t="e"><v>#N/A</v></c></row>
            """
        #expect(try rows(sheet, strings: ["客户编号", "注册时间", "活跃", "C1"]) == [
            ["客户编号", "注册时间", "金额", "活跃"],
            ["C1", "2026-05-04 12:00:00", "1234.5", "true"],
            ["C2", "2026-05-04", "2469", "#N/A"],
        ])
    }

    @Test func aDateCellThatIsNoDateIsPassedOnForTheReaderToReport() throws {
        let sheet = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>at</t></is></c></row>
            <row r="2"><c r="A2" s="1"><v>-3</v></c></row><row r="3"><c r="A3" s="2"><v>99999999</v></c></row>
            """
        #expect(try rows(sheet) == [["at"], ["-3"], ["99999999"]])
    }

    @Test func sparseRowsKeepTheirColumnsAndEmptyRowsAreSkipped() throws {
        let sheet = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>
            <row r="2"><c r="C2"><v>3</v></c></row>
            <row r="5"/>
            <row r="7"><c r="A7"><v>1</v></c><c r="B7" t="s"/></row>
            """
        #expect(try rows(sheet) == [["a", "b", "c"], ["", "", "3"], ["1", "", ""]])
    }

    @Test func theDateSystemsAndTimesOfDayAreExact() {
        // 1900 system: serial 1 is 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01 (60 is Excel's phantom 29 February).
        #expect(SheetRows.dateText(serial: 1, uses1904: false, withTime: false) == "1900-01-01")
        #expect(SheetRows.dateText(serial: 59, uses1904: false, withTime: false) == "1900-02-28")
        #expect(SheetRows.dateText(serial: 61, uses1904: false, withTime: false) == "1900-03-01")
        #expect(SheetRows.dateText(serial: 46146, uses1904: false, withTime: true) == "2026-05-04 00:00:00")
        // 1904 system: serial 0 is 1904-01-01, so the same day is 1,462 less.
        #expect(SheetRows.dateText(serial: 46146 - 1462, uses1904: true, withTime: false) == "2026-05-04")
        // 23:59:59.6 rounds to the next day's midnight, never to a 24:00.
        #expect(SheetRows.dateText(serial: 46146 + 86_399.6 / 86_400, uses1904: false, withTime: true) == "2026-05-05 00:00:00")
        #expect(SheetRows.dateText(serial: 46146 + (13 * 3600 + 5 * 60 + 7) / 86_400.0, uses1904: false, withTime: false) == "2026-05-04 13:05:07")
    }

    @Test func a1904WorkbookAndACustomDateFormatAreRead() throws {
        let sheet = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>at</t></is></c></row>
            <row r="2"><c r="A2" s="3"><v>\(46146 - 1462).25</v></c></row>
            """
        #expect(try rows(sheet, date1904: true) == [["at"], ["2026-05-04 06:00:00"]])
    }

    @Test func theSheetIsChosenByName() throws {
        let sheet = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
        #expect(try rows(sheet, sheetName: "客户", pick: "客户") == [["x"]])
        #expect { try rows(sheet, sheetName: "客户", pick: "Sheet2") } throws: { "\($0)".contains("has no sheet \"Sheet2\"; its sheets are 客户") }
    }

    @Test(arguments: [
        ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"C2\"><v>2</v></c></row>",
         "客户.xlsx[Sheet1]!C2: a value in a column with no header"),
        ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>", "客户.xlsx[Sheet1]!A1: the cell refers to shared string 7"),
        ("<row r=\"1\"><c r=\"XFE1\" t=\"inlineStr\"><is><t>a</t></is></c></row>", "beyond column XFD"),
        ("<row r=\"1\"><c r=\"CnumFmtinlineStr\"><v>1</v></c></row>", "a cell reference \"CnumFmtinlineStr\" that is not a column and row"),
        ("<row r=\"9223372036854775807\"><c><v>1</v></c></row><row><c><v>2</v></c></row>", "a row number outside 1 to 1048576"),
        ("<row r=\"1\"><c r=\"A1\"><v>1</v></row>", "客户.xlsx[Sheet1]: the sheet is not readable"),
        ("", "the sheet is empty"),
    ])
    func problemsNameTheSheetRowAndColumnLetter(_ sheet: String, _ expected: String) throws {
        #expect { try rows(sheet) } throws: { "\($0)".contains(expected) }
    }

    @Test func aFileThatIsNoWorkbookIsSaidSo() throws {
        let path = NSTemporaryDirectory() + "reviewpack-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "customer_id,signup_at\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try TableReader(files: [(path, "客户.xlsx")], name: "客户.xlsx") } throws: { "\($0)".contains("not an .xlsx workbook") }
    }

    @Test func aFindingInASheetIsPlacedByCell() {
        let finding = Finding(kind: .unreadableValue, table: "orders", row: 16, field: "amount", file: "订单.xlsx[Sheet1]", line: 17, column: 3,
                              columnName: "金额", message: "m", place: .cell)
        #expect(finding.location == "订单.xlsx[Sheet1]!C17 (金额)")
        #expect(Finding.sheetColumn(0) == "A" && Finding.sheetColumn(25) == "Z" && Finding.sheetColumn(26) == "AA" && Finding.sheetColumn(701) == "ZZ")
    }
}
