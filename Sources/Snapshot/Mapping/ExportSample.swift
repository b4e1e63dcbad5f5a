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

    /// Looks at a file; nil when it is not a table of text this reader can read.
    public static func look(path: String) -> ExportSample? {
        guard case .success(let mapped) = RegularFile.map(path) else { return nil }
        let bytes = UnsafeBufferPointer(mapped.buffer)
        let encoding: TextEncoding
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            encoding = .utf8  // the byte-order mark decides, whatever is configured
        } else {
            encoding = Transcoder.looksLikeUTF8(bytes) ? .utf8 : .gb18030
        }
        let name = (path as NSString).lastPathComponent
        guard let text = try? Transcoder.utf8(mapped, encoding: encoding, fileName: name) else { return nil }
        let firstLine = UnsafeBufferPointer(text.buffer).prefix { $0 != 0x0A }
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9]
        let delimiter = candidates.max { a, b in firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count }!
        guard let reader = try? TableReader(mapped: [(text, name)], name: name, delimiter: delimiter) else { return nil }
        var values = [[String]](repeating: [], count: reader.header.count)
        struct Enough: Error {}
        do {
            try reader.forEachRecord { record in
                for i in values.indices {
                    let value = record.string(i)
                    if !value.isEmpty { values[i].append(value) }
                }
                if record.row >= rowsLooked { throw Enough() }
            }
        } catch is Enough {} catch { return nil }
        return ExportSample(file: name, encoding: encoding, delimiter: delimiter, header: reader.header, values: values)
    }
}
