/// cairo's PDF with its CID-keyed CFF font subsets slimmed (``CFFSubroutines``): each such
/// font stream is inflated, its unused subroutines emptied, deflated again in place, and
/// the cross-reference table moved to the objects' new offsets. Anything not as cairo
/// writes it leaves the PDF as it is.
enum PDFFontStreams {
    static func slimmed(_ pdf: [UInt8]) -> [UInt8] {
        guard let xref = CrossReference(pdf) else { return pdf }
        // (old bytes, new bytes) in the file's order: each slimmed font's data and its length.
        let edits = xref.offsets.sorted { $0.value < $1.value }.compactMap { slimmedFont(in: pdf, object: $0.key, at: $0.value, xref: xref) }
            .flatMap { $0 }.sorted { $0.0.lowerBound < $1.0.lowerBound }
        guard !edits.isEmpty, zip(edits, edits.dropFirst()).allSatisfy({ $0.0.0.upperBound <= $0.1.0.lowerBound }) else { return pdf }
        var out: [UInt8] = [], shifts: [(from: Int, by: Int)] = [], at = 0, shift = 0
        out.reserveCapacity(pdf.count)
        for (range, bytes) in edits {
            out += pdf[at..<range.lowerBound]
            out += bytes
            at = range.upperBound
            shift += bytes.count - range.count
            shifts.append((at, shift))
        }
        out += pdf[at...]
        // Edits never hold an object's start: an offset moves by the edits before it.
        xref.rewrite(&out) { offset in offset + (shifts.last { $0.from <= offset }?.by ?? 0) }
        return out
    }

    /// The edits that slim the font stream `number` at `offset`, if it is one: its data, and
    /// the object holding its length, as cairo writes them
    /// (`<< /Length 12 0 R /Filter /FlateDecode /Subtype /CIDFontType0C >>`).
    private static func slimmedFont(in pdf: [UInt8], object number: Int, at offset: Int, xref: CrossReference) -> [(Range<Int>, [UInt8])]? {
        let rest = Array(" 0 R\n   /Filter /FlateDecode\n   /Subtype /CIDFontType0C\n>>\nstream\n".utf8)
        guard let (lengthNumber, reference) = integer(in: pdf, at: offset, after: "\(number) 0 obj\n<< /Length "),
              pdf[reference.upperBound...].starts(with: rest),
              let lengthAt = xref.offsets[lengthNumber], let (length, digits) = integer(in: pdf, at: lengthAt, after: "\(lengthNumber) 0 obj\n   ") else { return nil }
        let start = reference.upperBound + rest.count
        guard start + length <= pdf.count, pdf[(start + length)...].starts(with: Array("\nendstream".utf8)),
              let font = Zlib.inflate(pdf[start..<(start + length)]),
              let slim = CFFSubroutines.emptyingUnused(in: font), let data = Zlib.deflate(slim) else { return nil }
        return [(start..<(start + length), data), (digits, Array(String(data.count).utf8))]
    }

    /// The decimal integer that follows `prefix` at `offset`, and where its digits are.
    private static func integer(in pdf: [UInt8], at offset: Int, after prefix: String) -> (Int, Range<Int>)? {
        let prefix = Array(prefix.utf8)
        guard offset >= 0, offset < pdf.count, pdf[offset...].starts(with: prefix) else { return nil }
        let start = offset + prefix.count
        var end = start
        while end < pdf.count, end - start < 12, (48...57).contains(pdf[end]) { end += 1 }
        guard end > start, let value = Int(String(decoding: pdf[start..<end], as: UTF8.self)) else { return nil }
        return (value, start..<end)
    }
}
