import Foundation

/// A table as a CSV download (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet
/// programs read Chinese correctly). A cell that a spreadsheet would run as a formula
/// (beginning with =, +, -, @, a tab or a carriage return) is neutralised with a leading
/// apostrophe, so text from the data can never run in the reader's spreadsheet.
public enum TableCSV {
    public static func bytes(_ table: DataTable) -> [UInt8] {
        let lines = ([table.header] + table.rows).map { row in row.map(field).joined(separator: ",") }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func field(_ cell: String) -> String {
        var text = cell
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
