import Testing
@testable import Pack

@Suite struct TableCSVTests {
    func csv(_ cells: [String]) -> String {
        let bytes = TableCSV.bytes(DataTable(id: "t", header: ["h"], rows: cells.map { [$0] }))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte-order mark, so spreadsheets read UTF-8")
        return String(decoding: bytes.dropFirst(3), as: UTF8.self)
    }

    @Test func formulasFromTheDataNeverRunInASpreadsheet() {
        let text = csv(["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "−3", "官网"])
        #expect(text == "h\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'+1\r\n'-2\r\n'@SUM(A1)\r\n'\tx\r\n\"'\rx\"\r\n−3\r\n官网\r\n")
    }

    @Test func commasQuotesAndLineBreaksAreQuoted() {
        #expect(csv(["a,b", "say \"hi\"", "two\nlines"]) == "h\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n")
    }
}
