import Foundation

/// What cairo 1.16 leaves out of a tagged PDF — each figure's alternative text (`/Alt`)
/// and the document's language (`/Lang`) — added as an incremental update
/// (ISO 32000-1, 7.5.6): new versions of those objects and a cross-reference section for
/// them, appended after cairo's bytes, which stay as they are.
enum PDFStructureUpdate {
    static func append(to pdf: [UInt8], figureAlternatives: [String], language: String) -> [UInt8] {
        var objects: [(number: Int, body: String)] = []
        // cairo numbers structure elements as they are opened, so figures by number are in painting order.
        let figures = objectsStarting(with: "<< /Type /StructElem\n   /S /Figure\n", in: pdf).sorted { $0.number < $1.number }
        if figures.count == figureAlternatives.count {
            for (figure, alt) in zip(figures, figureAlternatives) {
                objects.append((figure.number, figure.body.replacingOccurrences(of: "<< /Type /StructElem\n", with: "<< /Type /StructElem\n   /Alt \(textString(alt))\n")))
            }
        }
        if let catalog = objectsStarting(with: "<< /Type /Catalog\n", in: pdf).first {
            objects.append((catalog.number, catalog.body.replacingOccurrences(of: "<< /Type /Catalog\n", with: "<< /Type /Catalog\n   /Lang \(textString(language))\n")))
        }
        guard !objects.isEmpty, let trailer = lastTrailer(in: pdf) else { return pdf }
        var out = pdf
        var offsets: [(Int, Int)] = []
        for (number, body) in objects.sorted(by: { $0.number < $1.number }) {
            offsets.append((number, out.count))
            out += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n"
        for (number, offset) in offsets {
            let digits = String(offset)
            table += "\(number) 1\n" + String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(trailer.size)\n   /Root \(trailer.root)\n"
        if let info = trailer.info { table += "   /Info \(info)\n" }
        table += "   /Prev \(trailer.startxref)\n>>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    /// A PDF text string in UTF-16BE with its byte-order mark, as hex: any language, no escaping.
    static func textString(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = "<FEFF"
        for unit in s.utf16 {
            for shift in [12, 8, 4, 0] { out.append(hex[Int(unit >> UInt16(shift)) & 0xF]) }
        }
        return out + ">"
    }

    /// Every object whose dictionary starts with `prefix`: its number and its dictionary.
    static func objectsStarting(with prefix: String, in pdf: [UInt8]) -> [(number: Int, body: String)] {
        let needle = Array(prefix.utf8), end = Array("\nendobj".utf8), header = Array(" 0 obj\n".utf8)
        return positions(of: needle, in: pdf).compactMap { start in
            // "N 0 obj\n" just before the dictionary.
            guard start >= header.count, Array(pdf[(start - header.count)..<start]) == header else { return nil }
            var digitsStart = start - header.count
            while digitsStart > 0, (48...57).contains(pdf[digitsStart - 1]) { digitsStart -= 1 }
            guard let number = Int(String(decoding: pdf[digitsStart..<(start - header.count)], as: UTF8.self)),
                  let stop = firstPosition(of: end, in: pdf, from: start) else { return nil }
            return (number, String(decoding: pdf[start..<stop], as: UTF8.self))
        }
    }

    struct Trailer { var size: Int, root: String, info: String?, startxref: Int }

    /// The last trailer's /Size, /Root and /Info, and where its cross-reference section starts.
    static func lastTrailer(in pdf: [UInt8]) -> Trailer? {
        guard let at = positions(of: Array("trailer\n".utf8), in: pdf).last,
              let xrefAt = firstPosition(of: Array("startxref\n".utf8), in: pdf, from: at) else { return nil }
        let dictionary = String(decoding: pdf[at..<xrefAt], as: UTF8.self)
        let tail = String(decoding: pdf[(xrefAt + 10)...], as: UTF8.self)
        func reference(_ key: String) -> String? {
            guard let r = dictionary.range(of: "/\(key) ") else { return nil }
            let rest = dictionary[r.upperBound...]
            return rest.range(of: " R").map { String(rest[..<$0.upperBound]) }
        }
        guard let sizeRange = dictionary.range(of: "/Size "),
              let size = Int(dictionary[sizeRange.upperBound...].prefix { $0.isNumber }),
              let root = reference("Root"), let startxref = Int(tail.prefix { $0.isNumber }) else { return nil }
        return Trailer(size: size, root: root, info: reference("Info"), startxref: startxref)
    }

    static func positions(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
        var found: [Int] = []
        var from = 0
        while let at = firstPosition(of: needle, in: bytes, from: from) {
            found.append(at)
            from = at + 1
        }
        return found
    }

    static func firstPosition(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count, start >= 0 else { return nil }
        return bytes.withUnsafeBufferPointer { b in
            var i = start
            let last = b.count - needle.count
            // Candidates by memchr, which looks at a vector of bytes at a time.
            while i <= last, let hit = memchr(b.baseAddress! + i, Int32(first), last - i + 1) {
                i = b.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var k = 1
                while k < needle.count, b[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
                i += 1
            }
            return nil
        }
    }
}
