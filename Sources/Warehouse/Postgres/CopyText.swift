/// PostgreSQL's `COPY` text format, read: fields split by tabs, `\N` for NULL, and the
/// backslash escapes the server writes for backslash, tab, newline and the other controls.
enum CopyText {
    /// Calls `body` with each field of a line (its newline dropped), unescaped into `field`;
    /// a NULL comes as an empty field, as an empty value in a file.
    static func forEachField(_ line: UnsafeBufferPointer<UInt8>, _ field: inout [UInt8], _ body: (Int, [UInt8]) throws -> Void) rethrows {
        var i = 0, index = 0
        let end = line.count > 0 && line[line.count - 1] == 10 ? line.count - 1 : line.count
        while true {
            field.removeAll(keepingCapacity: true)
            if i + 2 <= end, line[i] == 92, line[i + 1] == UInt8(ascii: "N"), i + 2 == end || line[i + 2] == 9 {
                i += 2
            } else {
                while i < end, line[i] != 9 {
                    if line[i] == 92, i + 1 < end {
                        i += 1
                        switch line[i] {
                        case UInt8(ascii: "n"): field.append(10)
                        case UInt8(ascii: "r"): field.append(13)
                        case UInt8(ascii: "t"): field.append(9)
                        case UInt8(ascii: "b"): field.append(8)
                        case UInt8(ascii: "f"): field.append(12)
                        case UInt8(ascii: "v"): field.append(11)
                        default: field.append(line[i])
                        }
                    } else {
                        field.append(line[i])
                    }
                    i += 1
                }
            }
            try body(index, field)
            index += 1
            guard i < end else { return }
            i += 1
        }
    }
}
