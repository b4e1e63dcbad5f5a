import Foundation

/// What a look at an export's first rows shows: how its text is written, its header, and
/// the values of its first records, column by column.
public struct ExportSample: Sendable {
    public let file: String
    public let encoding: TextEncoding
    public let delimiter: UInt8
    public let header: [String]
    /// Per column, its non-empty values in the first ``rowsLooked`` records.
    public let values: [[String]]

    public static let rowsLooked = 500

    /// Looks at a file; the reason when it is not a table this reader can read.
    public static func look(path: String) -> Result<ExportSample, SnapshotError> {
        do { return .success(try read(path)) } catch let problem as SnapshotError { return .failure(problem) } catch {
            return .failure(SnapshotError(.structural, file: (path as NSString).lastPathComponent, message: "\(error)"))
        }
    }

    private static func read(_ path: String) throws -> ExportSample {
        let name = (path as NSString).lastPathComponent
        var encoding = TextEncoding.utf8
        var delimiter = UInt8(ascii: ",")
        var reader: TableReader
        if name.lowercased().hasSuffix(".xlsx") {
            reader = try TableReader(files: [(path, name)], name: name)
        } else {
            let mapped: MappedFile
            switch RegularFile.map(path) {
            case .success(let file): mapped = file
            case .failure(let problem): throw SnapshotError(.notFound, file: name, message: problem.description)
            }
            let bytes = UnsafeBufferPointer(mapped.buffer)
            let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
            // A UTF-16 byte-order mark decides whatever is configured, so utf-8 stands for it.
            if !utf16, !Transcoder.looksLikeUTF8(bytes) { encoding = .gb18030 }
            let text = try Transcoder.utf8(mapped, encoding: encoding, fileName: name)
            let firstLine = UnsafeBufferPointer(text.buffer).prefix { $0 != 0x0A }
            let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9]
            delimiter = candidates.max { a, b in firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count }!
            reader = try TableReader(mapped: [(text, name)], name: name, delimiter: delimiter)
        }
        var values = [[String]](repeating: [], count: reader.header.count)
        // A few hundred rows are looked at: a thread scanning thousands ahead would be wasted.
        reader.scanAhead = nil
        struct Enough: Error {}
        do {
            try reader.forEachRecord { record in
                for i in values.indices {
                    let value = record.string(i)
                    if !value.isEmpty { values[i].append(value) }
                }
                if record.row >= rowsLooked { throw Enough() }
            }
        } catch is Enough {}
        return ExportSample(file: name, encoding: encoding, delimiter: delimiter, header: reader.header, values: values)
    }
}
