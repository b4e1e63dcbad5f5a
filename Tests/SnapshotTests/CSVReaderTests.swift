import Testing
@testable import Snapshot

@Suite struct CSVReaderTests {
    func records(_ text: [UInt8]) throws -> (header: [String], rows: [[String]]) {
        var reader = try CSVReader(bytes: text, fileName: "t.csv")
        var rows: [[String]] = []
        let width = reader.header.count
        try reader.forEachRecord { r in rows.append((0..<width).map { r.string($0, trimmed: false) }) }
        return (reader.header, rows)
    }

    func records(_ text: String) throws -> (header: [String], rows: [[String]]) { try records(Array(text.utf8)) }

    @Test func quotingPerRFC4180() throws {
        let csv = "id,name\n1,\"Acme, Inc.\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\n"
        let (header, rows) = try records(csv)
        #expect(header == ["id", "name"])
        #expect(rows == [["1", "Acme, Inc."], ["2", "say \"hi\""], ["3", "two\nlines"], ["4", ""]])
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let (header, rows) = try records([0xEF, 0xBB, 0xBF] + Array("id,name\r\n1,张三\r\n2,🙂 <b>&\r\n".utf8))
        #expect(header == ["id", "name"])
        #expect(rows == [["1", "张三"], ["2", "🙂 <b>&"]])
    }

    @Test func blankLinesAndMissingFinalNewline() throws {
        let (_, rows) = try records("a,b\n1,2\n\n3,4")
        #expect(rows == [["1", "2"], ["3", "4"]])
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() throws {
        let error = #expect(throws: SnapshotError.self) { try records("a,b\n1,2\n3,\"oops\n4,5\n") }
        #expect(error?.kind == .structural)
        #expect(error?.line == 3)
        #expect(error?.column == 2)
    }

    @Test func quoteInsideUnquotedFieldIsStructural() throws {
        let error = #expect(throws: SnapshotError.self) { try records("a,b\n1,5\" screen\n") }
        #expect(error?.line == 2)
        #expect(error?.column == 2)
        #expect(error?.description.hasPrefix("t.csv:2:2") == true)
    }

    @Test func wrongFieldCountIsStructural() throws {
        let error = #expect(throws: SnapshotError.self) { try records("a,b\n1,2\n1,2,3\n") }
        #expect(error?.line == 3)
        #expect(error?.message.contains("expected 2 fields") == true)
    }

    @Test func invalidUTF8NamesTheLine() throws {
        let bytes = Array("a,b\n1,2\n3,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let error = #expect(throws: SnapshotError.self) { try records(bytes) }
        #expect(error?.line == 3)
        #expect(error?.message.contains("UTF-8") == true)
    }
}
