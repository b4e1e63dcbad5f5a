import Foundation
import Testing
@testable import Snapshot
import Metrics
import CByteMask

@Suite struct TableReaderTests {
    func records(_ text: [UInt8]) throws -> (header: [String], rows: [[String]]) {
        let reader = try TableReader(bytes: text, fileName: "t.csv")
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
        // In a table of one column, a quoted empty field is a record; a blank line is not.
        #expect(try records("v\n\"\"\n\nx\n\"\"").rows == [[""], ["x"], [""]])
        // Empty fields at the end of a file without a final line break, and before a quoted one.
        #expect(try records("a,b,c\n1,,").rows == [["1", "", ""]])
        #expect(try records("a,b,c\n,,\"q\"\n1,\"\",").rows == [["", "", "q"], ["1", "", ""]])
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

/// UTF-8 is checked in the scanning pass itself, on the bytes as written (before any
/// unescaping moves them), and neither the 64-byte windows of unquoted fields nor the
/// eight-byte steps of quoted ones skip a delimiter. Serialized: one
/// test counts this process's scan threads, which its neighbours here start too.
@Suite(.serialized) struct CSVScanTests {
    func error(_ bytes: [UInt8]) -> SnapshotError? {
        do {
            let reader = try TableReader(bytes: bytes, fileName: "t.csv")
            try reader.forEachRecord { _ in }
            return nil
        } catch let e as SnapshotError { return e } catch { return nil }
    }

    @Test(arguments: [
        ([0xC0, 0x80], "overlong"), ([0xED, 0xA0, 0x80], "surrogate"), ([0xF4, 0x90, 0x80, 0x80], "past U+10FFFF"),
        ([0xE4, 0xB8], "truncated at the end"), ([0x80], "stray continuation"), ([0xFF], "never UTF-8"),
    ] as [([UInt8], String)])
    func invalidSequencesNameLineAndField(_ bad: [UInt8], _ what: String) {
        let e = error(Array("id,name\n1,ok\n2,abcdefghij".utf8) + bad)
        #expect(e?.line == 3, "\(what)")
        #expect(e?.column == 2, "\(what)")
        #expect(e?.message.contains("not valid UTF-8") == true, "\(what)")
        let quoted = error(Array("id,name\n1,\"x\"\"y".utf8) + bad + Array("\"\n".utf8))
        #expect(quoted?.line == 2 && quoted?.column == 2, "\(what) in a quoted field")
    }

    @Test func validTextInEveryAlignmentAroundEightByteSteps() throws {
        for pad in 0..<9 {
            let name = String(repeating: "a", count: pad) + "张三🙂,\"x\"\"y,z\"," + String(repeating: "b", count: 9 - pad)
            let reader = try TableReader(bytes: Array("id,n,q,t\n1,\(name)\n2,,,\n".utf8), fileName: "t.csv")
            var rows: [[String]] = []
            try reader.forEachRecord { r in rows.append((0..<4).map { r.string($0, trimmed: false) }) }
            #expect(rows == [["1", String(repeating: "a", count: pad) + "张三🙂", "x\"y,z", String(repeating: "b", count: 9 - pad)], ["2", "", "", ""]])
        }
    }

    @Test func fieldsOfEveryLengthAcrossSixtyFourByteWindows() throws {
        // Seeded: plain runs up to 150 bytes of ASCII, CJK and emoji, and quoted fields with
        // doubled quotes, separators and line breaks, ended by LF or CRLF, so that field ends
        // fall at every offset of the scanner's 64-byte windows. The records read back, in
        // line and in chunks, are those written.
        var random = SplitMix64(seed: 64)
        let pieces = ["a", "Z9", " ", "张", "三", "🙂", "é", ".", "\t", ",", "\"", "\n"]
        var rows: [[String]] = [], text = "a,b,c\n"
        for _ in 0..<600 {
            let row = (0..<3).map { _ in
                let plain = random.next() % 3 != 0
                var field = ""
                for _ in 0..<(random.next() % 60) { field += pieces[Int(random.next() % UInt64(plain ? 9 : pieces.count))] }
                return field
            }
            rows.append(row)
            text += row.map { $0.contains(where: { ",\"\n".contains($0) }) || random.next() % 4 == 0 ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",") + (random.next() % 2 == 0 ? "\n" : "\r\n")
        }
        for plan in [nil, ScanAhead.Plan(records: 7, depth: 2, minimumBytes: 0)] {
            var reader = try TableReader(bytes: Array(text.utf8), fileName: "t.csv")
            reader.scanAhead = plan
            var read: [[String]] = []
            try reader.forEachRecord { r in read.append((0..<3).map { r.string($0, trimmed: false) }) }
            #expect(read == rows)
        }
    }

    @Test func stopMasksFlagExactlyTheStopBytes() {
        // Seeded windows, half their bytes drawn from the stops and their neighbours (a byte
        // one above a stop is what a borrow-based test flags falsely): the vector mask and the
        // portable one each flag the bytes a byte loop finds, and no others.
        var random = SplitMix64(seed: 7)
        let near: [UInt8] = [0x2C, 0x2D, 0x3B, 0x3C, 0x09, 0x0A, 0x0B, 0x0D, 0x0E, 0x22, 0x23, 0x7F, 0x80, 0xE4, 0xFF, 0x00, 0x01]
        for round in 0..<20_000 {
            let delimiter: UInt8 = [0x2C, 0x3B, 0x09][round % 3]
            let window = (0..<64).map { _ in random.next() % 2 == 0 ? near[Int(random.next() % UInt64(near.count))] : UInt8(truncatingIfNeeded: random.next()) }
            var expected: UInt64 = 0
            for (i, c) in window.enumerated() where c == delimiter || c == 0x0A || c == 0x0D || c == 0x22 || c >= 0x80 { expected |= 1 << UInt64(i) }
            window.withUnsafeBufferPointer { bytes in
                #expect(csv_stop_mask64(bytes.baseAddress!, delimiter) == expected, "round \(round)")
                #expect(csv_stop_mask64_portable(bytes.baseAddress!, delimiter) == expected, "round \(round)")
            }
        }
    }

    @Test func aStrayByteIsFoundAtEveryOffsetOfAWindow() {
        // Seventy bytes follow the stray one, so that the vector windows see it at every place.
        let after = String(repeating: "y", count: 70)
        for offset in 0..<140 {
            let before = Array("id,name\n1,".utf8) + Array(repeating: UInt8(ascii: "x"), count: offset)
            let cr = error(before + Array("\r\(after)\n".utf8))
            #expect(cr?.line == 2 && cr?.column == 2 && cr?.message.contains("carriage return") == true, "CR after \(offset)")
            if offset > 0 {   // at the field's start a quote opens a quoted field
                let quote = error(before + Array("\"\(after)\n".utf8))
                #expect(quote?.line == 2 && quote?.column == 2 && quote?.message.contains("a quote inside") == true, "quote after \(offset)")
            }
            let broken = error(before + [0xE4, 0xB8, 0x41] + Array("\(after)\n".utf8))
            #expect(broken?.line == 2 && broken?.column == 2 && broken?.message.contains("UTF-8") == true, "bad UTF-8 after \(offset)")
            let valid = try? TableReader(bytes: before + Array("张\(after)\n2,y".utf8), fileName: "t.csv")
            var names: [String] = []
            try? valid?.forEachRecord { names.append($0.string(1)) }
            #expect(names == [String(repeating: "x", count: offset) + "张" + after, "y"], "a character after \(offset)")
        }
    }

    @Test func pagesBehindTheScanAreGivenBackWithoutLosingARecord() throws {
        // More than one release step of rows, each checked after the pages before it went back.
        let row = "C0000001,2026-01-05 10:00:00,\"a, \"\"quoted\"\" name\",官网\n"
        let count = TableReader.releaseStep / row.utf8.count + 1000
        var text = "id,at,name,channel\n"
        text.reserveCapacity(count * row.utf8.count + 32)
        for _ in 0..<count { text += row }
        let path = NSTemporaryDirectory() + "reviewpack-release-\(getpid()).csv"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try TableReader(path: path, fileName: "big.csv")
        var seen = 0
        try reader.forEachRecord { r in
            #expect(r.string(2) == "a, \"quoted\" name" && r.string(3) == "官网")
            seen += 1
        }
        #expect(seen == count)
    }

    @Test func recordsLookedAtAheadStillReachTheBodyInOrderBeforeAProblem() throws {
        // Blank lines and a quoted line break move lines away from rows; a ragged record far
        // past the first batch must be thrown only after every record before it reached the body.
        var text = "id,note\n"
        for i in 1...100 { text += i == 40 ? "\n" : i == 50 ? "50,\"two\nlines\"\n" : "\(i),n\(i)\n" }
        text += "101,a,b\n102,n102\n"
        let reader = try TableReader(bytes: Array(text.utf8), fileName: "t.csv")
        var prepared: [String] = [], bodies: [(id: String, ahead: String, line: Int, row: Int)] = []
        let error = #expect(throws: SnapshotError.self) {
            try reader.forEachRecord(lookingAhead: { record in
                prepared.append(record.string(0))
                return record.string(0)
            }) { record, ahead in
                #expect(prepared.count - bodies.count <= TableReader.lookahead, "looked further ahead than a batch")
                bodies.append((record.string(0), ahead, record.line, record.row))
            }
        }
        #expect(error?.line == 103)
        let ids = (1...100).filter { $0 != 40 }.map(String.init)
        #expect(bodies.map(\.id) == ids)
        #expect(bodies.allSatisfy { $0.id == $0.ahead })
        #expect(bodies.map(\.row) == Array(1...99))
        #expect(bodies.first { $0.id == "41" }?.line == 42 && bodies.first { $0.id == "51" }?.line == 53)
        #expect(prepared == ids, "the ragged record is never handed out")
    }

    /// Every record with its line and row, and the problem that ended the reading, read
    /// in line (nil) or scanned ahead in chunks of the plan's size.
    func scanned(_ text: String, _ plan: ScanAhead.Plan?) throws -> (records: [String], problem: String?) {
        var reader = try TableReader(bytes: Array(text.utf8), fileName: "t.csv")
        reader.scanAhead = plan
        var records: [String] = []
        do {
            try reader.forEachRecord { r in
                records.append((0..<reader.header.count).map { r.string($0, trimmed: false) }.joined(separator: "|") + " @\(r.line)#\(r.row)")
            }
            return (records, nil)
        } catch let problem as SnapshotError {
            return (records, "\(problem.line ?? 0):\(problem.column ?? 0) \(problem.message)")
        }
    }

    @Test func chunksScannedAheadGiveTheRecordsOfOneChunk() throws {
        // Quoted line breaks, doubled quotes, blank lines and CRLF fall at and across chunk
        // ends of every size from 1 to 7 records.
        var text = "id,note,amount\r\n"
        for i in 1...200 {
            switch i % 9 {
            case 0: text += "\(i),\"two\nlines, \"\"quoted\"\"\",\(i).50\n"
            case 4: text += "\n"
            case 7: text += "\(i),\"客户\n\n三行\",1\r\n"
            default: text += "\(i),n\(i),\(i)\n"
            }
        }
        let inLine = try scanned(text, nil)
        #expect(inLine.problem == nil && inLine.records.count == 200 - 22)
        #expect(inLine.records.first { $0.hasPrefix("9|") } == "9|two\nlines, \"quoted\"|9.50 @12#8")   // after a blank line and a record of three lines
        let oneChunk = try scanned(text, ScanAhead.Plan(records: 1 << 20, depth: 1, minimumBytes: 0))
        #expect(oneChunk.records == inLine.records && oneChunk.problem == nil)
        for size in 1...7 {
            let chunked = try scanned(text, ScanAhead.Plan(records: size, depth: 2, minimumBytes: 0))
            #expect(chunked.records == inLine.records && chunked.problem == nil, "chunks of \(size)")
        }
        // A problem ends every reading after the same records, with the same line and column.
        for broken in [text + "201,a\n202,b,2\n", text + "201,\"never closed,1\n202,b,2\n", text.replacingOccurrences(of: "n150,", with: "n1\"50,")] {
            let inLine = try scanned(broken, nil)
            #expect(inLine.problem != nil)
            for size in [1, 2, 5, 1 << 20] {
                let chunked = try scanned(broken, ScanAhead.Plan(records: size, depth: 2, minimumBytes: 0))
                #expect(chunked.records == inLine.records && chunked.problem == inLine.problem, "chunks of \(size): \(chunked.problem ?? "")")
            }
        }
    }

    @Test func aRecordLongerThanItsChunksRoomIsCountedWhole() throws {
        // A chunk keeps room for the fields of its records: the fields past that are still
        // scanned and counted, so the problem gives their number, and a fault far out in them
        // is still found where it is.
        let text = "id,note,amount\n1,a,1\n2,b,2\n"
        let long = text + "3," + Array(repeating: "x", count: 500).joined(separator: ",") + "\n4,d,4\n"
        let strayQuote = text + "3," + Array(repeating: "x", count: 399).joined(separator: ",") + ",x\"y,z\n"
        for (broken, problem) in [(long, "4:4 expected 3 fields as in the header, found 501"), (strayQuote, "4:401 a quote inside an unquoted field")] {
            for plan in [nil, ScanAhead.Plan(records: 1, depth: 2, minimumBytes: 0), ScanAhead.Plan(records: 3, depth: 2, minimumBytes: 0)] {
                let read = try scanned(broken, plan)
                #expect(read.records == ["1|a|1 @2#1", "2|b|2 @3#2"])
                #expect(read.problem?.hasPrefix(problem) == true, "\(read.problem ?? "no problem")")
            }
        }
    }

    /// Threads of this process named as the scan names its thread.
    func scanThreads() -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter { (try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8))?.hasPrefix("reviewpack scan") == true }.count
    }

    @Test func aReaderThatStopsEarlyEndsItsScanThread() throws {
        // The body throws in the third chunk: the scan thread runs while the body does, has
        // stopped scanning when the reading returns (it says so last, under the lock), and
        // then ends rather than waiting for chunks nobody takes.
        let text = "id\n" + (1...10_000).map(String.init).joined(separator: "\n")
        var reader = try TableReader(bytes: Array(text.utf8), fileName: "t.csv")
        reader.scanAhead = ScanAhead.Plan(records: 10, depth: 3, minimumBytes: 0)
        struct Enough: Error {}
        var seen = 0, threadsWhileReading = 0
        #expect(throws: Enough.self) {
            try reader.forEachRecord { _ in
                seen += 1
                // Looked for until seen, a millisecond apart: under load (the whole suite on two
                // cores) one look, and 25 in a row at the first records, have found none.
                if seen == 1 {
                    let deadline = Date().addingTimeInterval(5)
                    while scanThreads() == 0, Date() < deadline { usleep(1_000) }
                    threadsWhileReading = scanThreads()
                }
                if seen == 25 { throw Enough() }
            }
        }
        #expect(seen == 25)
        #expect(threadsWhileReading >= 1)
        let deadline = Date().addingTimeInterval(5)
        while scanThreads() > 0, Date() < deadline { usleep(1_000) }
        #expect(scanThreads() == 0)
    }
}

/// SplitMix64 (Steele, Lea & Flood): a seeded generator, so that random tables are the same every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
