/// Records scanned together, as byte ranges from the chunk's start in the file: `width`
/// fields each, end to end, with the line each starts on. A chunk ends at a record boundary
/// the scanner found, so a quoted line break never splits a record between chunks.
struct RecordChunk {
    var fields: [FieldRange] = []
    var lines: [Int] = []
    /// Where its first record starts in the file.
    var start = 0
    /// The problem that ended the scan right after these records, if any.
    var problem: Error?
    /// True once the file's last record is in this chunk or an earlier one.
    var isLast = false

    var count: Int { lines.count }

    /// Bytes a chunk may start records in: half the offsets a field can have.
    static let span = FieldRange.limit / 2

    /// Scans up to `limit` records on from where `scanner` stands: blank lines are skipped,
    /// and a record with other than `width` fields ends the chunk with its problem. A chunk
    /// also ends past 2 GiB, so that its records' offsets stay within ``FieldRange/limit``.
    mutating func scan(_ scanner: inout RecordScanner, width: Int, limit: Int, fileName: String) {
        fields.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        (start, problem, isLast) = (scanner.offset, nil, false)
        do {
            while lines.count < limit, scanner.offset - start <= Self.span {
                let first = fields.count
                let recordStart = scanner.offset
                guard let line = try scanner.next(appendingTo: &fields, base: start) else {
                    isLast = true
                    return
                }
                let count = fields.count - first
                // A blank line: one empty field where the record starts (a quoted "" starts after its quote).
                if count == 1, Int(fields[first].end) == recordStart - start {
                    fields.removeLast()
                    if lines.isEmpty { start = scanner.offset }
                    continue
                }
                guard count == width else {
                    throw SnapshotError(.structural, file: fileName, line: line, column: min(count, width + 1),
                                        message: "expected \(width) fields as in the header, found \(count)",
                                        chinese: "应与表头一样有 \(width) 个字段，实有 \(count) 个")
                }
                lines.append(line)
            }
        } catch {
            fields.removeLast(fields.count - lines.count * width)
            problem = error
            isLast = true
        }
    }
}
