import Foundation

/// A buffered CSV file writer (UTF-8, LF, RFC 4180 quoting) that formats numbers,
/// money and timestamps by hand from integers. Rows stream through a ~1 MB buffer,
/// so no table is ever held in memory as text.
struct SampleCSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var rowStarted = false
    private let calendar: SampleCalendar
    private static let flushSize = 1 << 20

    init(url: URL, header: [String], calendar: SampleCalendar) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw SampleOptionsError(description: "cannot create \(url.path)")
        }
        handle = try FileHandle(forWritingTo: url)
        self.calendar = calendar
        buffer.reserveCapacity(SampleCSVWriter.flushSize + 64 * 1024)
        for name in header { text(name) }
        try endRow()
    }

    @inline(__always)
    private mutating func separator() {
        if rowStarted { buffer.append(44) } else { rowStarted = true }
    }

    /// A text field, quoted only when it holds a comma, quote or line break.
    mutating func text(_ value: String) {
        separator()
        var needsQuotes = false
        for b in value.utf8 where b == 44 || b == 34 || b == 10 || b == 13 {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            buffer.append(contentsOf: value.utf8)
            return
        }
        buffer.append(34)
        for b in value.utf8 {
            if b == 34 { buffer.append(34) }
            buffer.append(b)
        }
        buffer.append(34)
    }

    /// A field of pre-encoded bytes known not to need quoting (labels from the story).
    mutating func bytes(_ value: [UInt8]) {
        separator()
        buffer.append(contentsOf: value)
    }

    /// An empty field (NULL).
    mutating func empty() { separator() }

    private mutating func digits(_ value: Int, width: Int) {
        var n = value
        if n < 0 {
            buffer.append(45)
            n = -n
        }
        var count = 1
        var power = 10
        while count < 19 && power <= n {
            count += 1
            power &*= 10
        }
        if width > count {
            for _ in 0..<(width - count) { buffer.append(48) }
        }
        let start = buffer.count
        for _ in 0..<count { buffer.append(48) }
        var i = start + count - 1
        repeat {
            buffer[i] = 48 + UInt8(n % 10)
            n /= 10
            i -= 1
        } while n > 0
    }

    /// An integer, zero-padded to `width` digits.
    mutating func int(_ value: Int, width: Int = 0) {
        separator()
        digits(value, width: width)
    }

    /// An id such as C000123: an ASCII prefix letter and a zero-padded number.
    mutating func id(_ prefix: UInt8, _ number: Int, width: Int) {
        separator()
        buffer.append(prefix)
        digits(number, width: width)
    }

    /// Money from integer minor units (fen): 123.45.
    mutating func money(_ fen: Int64) {
        separator()
        var v = Int(fen)
        if v < 0 {
            buffer.append(45)
            v = -v
        }
        digits(v / 100, width: 0)
        buffer.append(46)
        buffer.append(48 + UInt8(v % 100 / 10))
        buffer.append(48 + UInt8(v % 10))
    }

    private mutating func appendDay(_ day: Int) {
        if day >= calendar.startDay && day <= calendar.endDay {
            let at = (day - calendar.startDay) * 10
            buffer.append(contentsOf: calendar.dateText[at..<(at + 10)])
        } else {
            SampleCalendar.appendDate(days: day, to: &buffer)
        }
    }

    /// Local time "YYYY-MM-DD HH:MM:SS" from local seconds since 1970-01-01.
    mutating func timestamp(_ seconds: Int64) {
        separator()
        let day = Int(seconds / 86_400)
        let s = Int(seconds - Int64(day) * 86_400)
        appendDay(day)
        buffer.append(32)
        let h = s / 3600, m = s / 60 % 60, sec = s % 60
        buffer.append(48 + UInt8(h / 10)); buffer.append(48 + UInt8(h % 10)); buffer.append(58)
        buffer.append(48 + UInt8(m / 10)); buffer.append(48 + UInt8(m % 10)); buffer.append(58)
        buffer.append(48 + UInt8(sec / 10)); buffer.append(48 + UInt8(sec % 10))
    }

    /// A timestamp, or an empty field for "never" (negative).
    mutating func optionalTimestamp(_ seconds: Int64) {
        if seconds < 0 { empty() } else { timestamp(seconds) }
    }

    /// A date "YYYY-MM-DD".
    mutating func date(day: Int) {
        separator()
        appendDay(day)
    }

    mutating func endRow() throws {
        buffer.append(10)
        rowStarted = false
        if buffer.count >= SampleCSVWriter.flushSize {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    mutating func close() throws {
        if !buffer.isEmpty { try handle.write(contentsOf: buffer) }
        buffer = []
        try handle.close()
    }
}
