/// Records scanned together, as byte ranges into the file: `width` fields each, end to
/// end, with the line each starts on. A chunk ends at a record boundary the scanner found,
/// so a quoted line break never splits a record between chunks.
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

    /// Scans up to `limit` records on from where `scanner` stands: blank lines are skipped,
    /// and a record with other than `width` fields ends the chunk with its problem.
    mutating func scan(_ scanner: inout RecordScanner, width: Int, limit: Int, fileName: String) {
        fields.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        (start, problem, isLast) = (scanner.offset, nil, false)
        do {
            while lines.count < limit {
                let first = fields.count
                guard let line = try scanner.next(appendingTo: &fields) else {
                    isLast = true
                    return
                }
                let count = fields.count - first
                if count == 1, fields[first].start == fields[first].end, !fields[first].quoted {
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
