/// Records scanned together, as byte ranges from the chunk's start in the file: `width`
/// fields each, end to end, with the line each starts on. A chunk ends at a record boundary
/// the scanner found, so a quoted line break never splits a record between chunks.
struct RecordChunk {
    /// The first `count × width` are the records' fields; the slots after them are room.
    private(set) var fields: [FieldRange] = []
    /// The first `count` are the lines the records start on.
    private(set) var lines: [Int] = []
    private(set) var count = 0
    /// Where its first record starts in the file.
    var start = 0
    /// The problem that ended the scan right after these records, if any.
    var problem: Error?
    /// True once the file's last record is in this chunk or an earlier one.
    var isLast = false

    /// Bytes a chunk may start records in: half the offsets a field can have.
    static let span = FieldRange.limit / 2

    /// Scans up to `limit` records on from where `scanner` stands: blank lines are skipped,
    /// and a record with other than `width` fields ends the chunk with its problem. A chunk
    /// also ends past 2 GiB, so that its records' offsets stay within ``FieldRange/limit``.
    mutating func scan(_ scanner: inout RecordScanner, width: Int, limit: Int, fileName: String) {
        // Room for `limit` records: the fields of a longer record are counted, not kept (``FieldSlots``).
        let room = limit * width
        if fields.count < room { fields = Array(repeating: FieldRange(start: 0, end: 0), count: room) }
        if lines.count < limit { lines = Array(repeating: 0, count: limit) }
        // Kept in locals while the slots are borrowed, and stored after.
        var count = 0, start = scanner.offset, isLast = false, problem: Error?
        do {
            try fields.withUnsafeMutableBufferPointer { fields in
                try lines.withUnsafeMutableBufferPointer { lines in
                    var slots = FieldSlots(base: fields.baseAddress!, capacity: fields.count)
                    while count < limit, scanner.offset - start <= Self.span {
                        let first = slots.count
                        let recordStart = scanner.offset
                        guard let line = try scanner.next(appendingTo: &slots, base: start) else {
                            isLast = true
                            return
                        }
                        let found = slots.count - first
                        // A blank line: one empty field where the record starts (a quoted "" starts after its quote).
                        if found == 1, Int(slots[first].end) == recordStart - start {
                            slots.count = first
                            if count == 0 { start = scanner.offset }
                            continue
                        }
                        guard found == width else {
                            throw SnapshotError(.structural, file: fileName, line: line, column: min(found, width + 1),
                                                message: "expected \(width) fields as in the header, found \(found)",
                                                chinese: "应与表头一样有 \(width) 个字段，实有 \(found) 个")
                        }
                        lines[count] = line
                        count += 1
                    }
                }
            }
        } catch let error {
            (problem, isLast) = (error, true)
        }
        (self.count, self.start, self.isLast, self.problem) = (count, start, isLast, problem)
    }
}
