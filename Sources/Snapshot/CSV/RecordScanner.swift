import CByteMask

/// The state machine of RFC 4180, with the table's separator, over a mutable byte buffer:
/// UTF-8 checked and quoted fields unescaped in place as it goes.
///
/// Sendable so that a file can be scanned on a thread of its own (``ScanAhead``): its
/// buffer is then written by that thread alone, ahead of the records already handed out.
struct RecordScanner: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    let fileName: String
    var offset = 0
    var line = 1

    init(buffer: UnsafeMutableBufferPointer<UInt8>, fileName: String, delimiter: UInt8, offset: Int = 0, line: Int = 1) {
        self.buffer = buffer
        self.delimiter = delimiter
        self.fileName = fileName
        self.offset = offset
        self.line = line
    }

    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    /// The field separator.
    let delimiter: UInt8
    /// The stop bytes of the 64 from `maskStart` (``csv_stop_mask64``), a bit each: one
    /// vector pass serves the several short fields those bytes hold.
    private var maskStart = -64
    private var mask: UInt64 = 0

    // MARK: UTF-8, checked in the same pass

    /// The length of the UTF-8 sequence that starts with the byte ≥ 0x80 at `p`, or an
    /// error naming the line and field: overlong forms, surrogates and values past
    /// U+10FFFF are not UTF-8 either.
    @inline(never) private func sequenceLength(at p: Int, field: Int) throws -> Int {
        let c = buffer[p]
        let need: Int
        var minimum: UInt32, scalar: UInt32
        switch c {
        case 0xC2...0xDF: (need, minimum, scalar) = (1, 0x80, UInt32(c & 0x1F))
        case 0xE0...0xEF: (need, minimum, scalar) = (2, 0x800, UInt32(c & 0x0F))
        case 0xF0...0xF4: (need, minimum, scalar) = (3, 0x10000, UInt32(c & 0x07))
        default: throw notUTF8(field)
        }
        guard p + need < buffer.count else { throw notUTF8(field) }
        for k in 1...need {
            let next = buffer[p + k]
            guard next & 0xC0 == 0x80 else { throw notUTF8(field) }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { throw notUTF8(field) }
        return need + 1
    }

    private func notUTF8(_ field: Int) -> SnapshotError {
        SnapshotError(.structural, file: fileName, line: line, column: field,
                      message: "the field holds bytes that are not valid UTF-8; a GBK or GB18030 export needs encoding: gb18030 for its table in pack.yaml (auto decides by the first megabyte only)",
                      chinese: "字段中有不是有效 UTF-8 的字节；GBK 或 GB18030 导出文件需在 pack.yaml 中为该表设 encoding: gb18030（auto 只看前 1 MB）")
    }

    // MARK: Eight bytes at a time, in quoted fields

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lfs: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    private static let quotes: UInt64 = 0x2222_2222_2222_2222

    @inline(__always) private func word(at p: Int) -> UInt64 {
        UnsafeRawPointer(buffer.baseAddress!).loadUnaligned(fromByteOffset: p, as: UInt64.self)
    }

    /// The high bit of each byte of `w` (little-endian) that equals the byte repeated in
    /// `pattern`. Only bytes above a true match can be flagged falsely, so the lowest set
    /// bit always marks the first match.
    @inline(__always) private static func matches(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = w ^ pattern
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The first byte at or after `p` that may end an unquoted field's plain run (delimiter,
    /// LF, CR, quote or a byte ≥ 0x80), or the buffer's end. Positions only grow while a
    /// file is scanned, and unescaping writes only behind them, so the bits kept for the
    /// bytes ahead stay true.
    @inline(__always) private mutating func nextStop(from start: Int) -> Int {
        // Read into locals first: a read of `delimiter` right after `maskStart` was stored
        // beside it stalled on the store.
        let n = buffer.count, bytes = buffer.baseAddress!, delimiter = delimiter
        var p = start
        let shift = UInt(bitPattern: p &- maskStart)
        if shift < 64 {
            let ahead = mask >> UInt64(shift)
            if ahead != 0 { return p + ahead.trailingZeroBitCount }
            p = maskStart + 64
        }
        while p + 64 <= n {
            let found = csv_stop_mask64(bytes + p, delimiter)
            if found != 0 {
                (maskStart, mask) = (p, found)
                return p + found.trailingZeroBitCount
            }
            p += 64
        }
        while p < n {
            let c = bytes[p]
            if c == delimiter || c == Self.lf || c == Self.cr || c == Self.quote || c >= 0x80 { return p }
            p += 1
        }
        return n
    }

    /// Fields are kept as 32-bit offsets from their chunk's start (``FieldRange``), and a
    /// chunk starts no record past 2 GiB: a record reaching past 4 GiB from there, so longer
    /// than 2 GiB, is refused with its place rather than cut.
    private func tooLong(column: Int) -> SnapshotError {
        SnapshotError(.structural, file: fileName, line: line, column: column,
                      message: "the record is longer than 2 GiB; a field this long is not table data (an unclosed quote earlier in the file would read like this)",
                      chinese: "该记录超过 2 GiB；这样长的字段不是表格数据（前面某处未闭合的引号也会造成这种情况）")
    }

    /// A CR ends a line only as the first half of CRLF, or as the file's last byte.
    @inline(__always) private func isLineEndCR(_ p: Int) -> Bool {
        buffer[p] == Self.cr && (p + 1 == buffer.count || buffer[p + 1] == Self.lf)
    }

    /// Scans the next record, appending its fields' ranges, as offsets from `base`, to
    /// `fields` (a chunk's slots, which its records share, or an array), and returns the line
    /// it starts on; nil at the end. A record ending more than ``FieldRange/limit`` bytes past
    /// `base` is refused (``tooLong(column:)``): each field is checked where it is added,
    /// spelt out at each place, which the compiler keeps tighter than a shared helper.
    mutating func next<Fields: FieldSink>(appendingTo fields: inout Fields, base: Int = 0) throws -> Int? {
        let n = buffer.count
        guard offset < n else { return nil }
        let recordLine = line
        let first = fields.count
        var p = offset
        while true {
            if p < n, buffer[p] == Self.quote {
                let openedLine = line
                p += 1
                let start = p
                var write = p
                while true {
                    guard p < n else {
                        throw SnapshotError(.structural, file: fileName, line: openedLine, column: fields.count &- first &+ 1,
                                            message: "a quoted field is never closed (unbalanced \")", chinese: "带引号的字段没有闭合（引号不成对）")
                    }
                    // Nothing unescaped yet: jump to the next quote, LF or non-ASCII byte, eight bytes at a time.
                    if write == p, p + 8 <= n {
                        let stops = Self.matches(word(at: p), Self.quotes) | Self.matches(word(at: p), Self.lfs) | (word(at: p) & Self.highBits)
                        let skip = stops == 0 ? 8 : stops.trailingZeroBitCount >> 3
                        p += skip
                        write += skip
                        if skip == 8 { continue }
                    }
                    let c = buffer[p]
                    if c >= 0x80 {
                        let length = try sequenceLength(at: p, field: fields.count &- first &+ 1)
                        for k in 0..<length { buffer[write + k] = buffer[p + k] }
                        write += length
                        p += length
                        continue
                    }
                    if c == Self.quote {
                        if p + 1 < n, buffer[p + 1] == Self.quote {
                            buffer[write] = Self.quote
                            write += 1
                            p += 2
                            continue
                        }
                        p += 1
                        break
                    }
                    if c == Self.lf { line += 1 }
                    buffer[write] = c
                    write += 1
                    p += 1
                }
                guard write &- base <= FieldRange.limit else { throw tooLong(column: fields.count &- first &+ 1) }
                fields.append(FieldRange(checkedStart: start &- base, end: write &- base))
                guard p == n || buffer[p] == delimiter || buffer[p] == Self.lf || isLineEndCR(p) else {
                    throw SnapshotError(.structural, file: fileName, line: line, column: fields.count &- first,
                                        message: "unexpected text after a closing quote; expected \(Character(Unicode.Scalar(delimiter)) == "\t" ? "a tab" : String(Character(Unicode.Scalar(delimiter)))) or end of line",
                                        chinese: "闭合引号后出现了多余文字；应为分隔符或行尾")
                }
            } else {
                // Unquoted fields, one after another until the record ends or a quoted one begins.
                var start = p
                while true {
                    p = nextStop(from: p)
                    guard p < n else { break }
                    let c = buffer[p]
                    if c == delimiter {
                        // The next field is unquoted as well: it is scanned here, without going round the record's loop.
                        guard p &+ 1 < n, buffer[p &+ 1] != Self.quote else { break }
                        guard p &- base <= FieldRange.limit else { throw tooLong(column: fields.count &- first &+ 1) }
                        fields.append(FieldRange(checkedStart: start &- base, end: p &- base))
                        p &+= 1
                        start = p
                        continue
                    }
                    if c >= 0x80 {
                        // A run of non-ASCII text is checked here to its end. The common
                        // three-byte sequence (U+1000–U+CFFF, which holds the CJK ideographs)
                        // inline; the rest, and every error, by `sequenceLength`.
                        var c = c
                        repeat {
                            if c >= 0xE1, c <= 0xEC, p + 2 < n, buffer[p + 1] & 0xC0 == 0x80, buffer[p + 2] & 0xC0 == 0x80 {
                                p += 3
                            } else {
                                p += try sequenceLength(at: p, field: fields.count &- first &+ 1)
                            }
                            guard p < n else { break }
                            c = buffer[p]
                        } while c >= 0x80
                        continue
                    }
                    if c == Self.lf { break }
                    if c == Self.cr {
                        if isLineEndCR(p) { break }
                        throw SnapshotError(.structural, file: fileName, line: line, column: fields.count &- first &+ 1,
                                            message: "a carriage return (CR) inside an unquoted field; lines must end in LF or CRLF, and a field holding a line break must be quoted",
                                            chinese: "未加引号的字段中有回车符（CR）；行应以 LF 或 CRLF 结尾，含换行的字段须加引号")
                    }
                    throw SnapshotError(.structural, file: fileName, line: line, column: fields.count &- first &+ 1,
                                        message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")",
                                        chinese: "未加引号的字段中有引号；应给整个字段加引号，并把其中的引号写成两个（\"\"）")
                }
                guard p &- base <= FieldRange.limit else { throw tooLong(column: fields.count &- first &+ 1) }
                fields.append(FieldRange(checkedStart: start &- base, end: p &- base))
            }
            if p < n, buffer[p] == delimiter {
                // A separator as the file's last byte is followed by an empty field, which the loop's next round adds.
                p += 1
                continue
            }
            if p < n, buffer[p] == Self.cr { p += 1 }
            if p < n, buffer[p] == Self.lf { p += 1 }
            line += 1
            break
        }
        offset = p
        return recordLine
    }
}
