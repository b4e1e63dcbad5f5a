/// The one cross-reference table cairo writes at the end of a PDF: where each object starts.
struct CrossReference {
    /// In-use objects by number.
    private(set) var offsets: [Int: Int] = [:]
    /// Where the table's `xref` keyword is, and its first entry.
    private let start: Int, entries: Int

    /// Reads the table that `startxref` points to; nil unless it is a single section from object 0.
    init?(_ pdf: [UInt8]) {
        guard let trailer = PDFStructureUpdate.lastTrailer(in: pdf) else { return nil }
        start = trailer.startxref
        guard start >= 0, start < pdf.count, pdf[start...].starts(with: Array("xref\n0 ".utf8)) else { return nil }
        var i = start + 7, count = 0
        while i < pdf.count, (48...57).contains(pdf[i]), count < 10_000_000 { count = count * 10 + Int(pdf[i] - 48); i += 1 }
        guard i < pdf.count, pdf[i] == 0x0A, count > 0, i + 1 + count * 20 <= pdf.count else { return nil }
        entries = i + 1
        for number in 0..<count {
            let entry = Array(pdf[(entries + number * 20)..<(entries + number * 20 + 20)])
            guard let offset = Int(String(decoding: entry[0..<10], as: UTF8.self)) else { return nil }
            if entry[17] == UInt8(ascii: "n") { offsets[number] = offset }
        }
    }

    /// Rewrites, in `pdf` whose bytes were moved by `moved` (an old offset to its new one),
    /// every object's offset and `startxref`, which cairo writes after the table.
    func rewrite(_ pdf: inout [UInt8], moved: (Int) -> Int) {
        let table = moved(entries)
        for (number, offset) in offsets {
            let digits = Array(String(moved(offset)).utf8)
            let at = table + number * 20
            pdf.replaceSubrange(at..<(at + 10), with: Array(repeating: UInt8(ascii: "0"), count: 10 - digits.count) + digits)
        }
        let keyword = Array("startxref\n".utf8)
        guard let at = PDFStructureUpdate.firstPosition(of: keyword, in: pdf, from: table) else { return }
        var end = at + keyword.count
        while end < pdf.count, (48...57).contains(pdf[end]) { end += 1 }
        pdf.replaceSubrange((at + keyword.count)..<end, with: Array(String(moved(start)).utf8))
    }
}
