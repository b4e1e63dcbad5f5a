import Foundation

/// Turns a file written in another encoding into UTF-8, the only text the CSV scanner reads.
///
/// A UTF-16 byte-order mark wins over the configured encoding (Excel's "Unicode text");
/// a UTF-8 file is passed through untouched (the scanner validates it as it goes). The
/// conversion is glibc's iconv, into anonymous memory at most twice the file's size.
enum Transcoder {
    static func utf8(_ file: MappedFile, encoding: TextEncoding, fileName: String) throws -> MappedFile {
        let bytes = UnsafeBufferPointer(file.buffer)
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return try convert(bytes, from: "UTF-16LE", skipping: 2, fileName: fileName) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return try convert(bytes, from: "UTF-16BE", skipping: 2, fileName: fileName) }
        switch encoding {
        case .utf8: return file
        case .gb18030: return try convert(bytes, from: "GB18030", skipping: 0, fileName: fileName)
        case .auto: return looksLikeUTF8(bytes) ? file : try convert(bytes, from: "GB18030", skipping: 0, fileName: fileName)
        }
    }

    /// Whether the first megabyte is valid UTF-8 (a sequence cut at that boundary is allowed).
    static func looksLikeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = min(bytes.count, 1 << 20)
        if end < bytes.count {
            // Step back to the start of a sequence so a cut one does not count against the file.
            var back = 0
            while back < 3, end > 0, bytes[end - 1] & 0xC0 == 0x80 { end -= 1; back += 1 }
            if end > 0, bytes[end - 1] >= 0xC0 { end -= 1 }
        }
        return String(validating: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self) != nil
    }

    private static func convert(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: String, skipping bom: Int, fileName: String) throws -> MappedFile {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw SnapshotError(.structural, file: fileName, message: "this system cannot convert \(encoding) text (iconv has no converter for it)",
                                chinese: "本系统无法转换 \(encoding) 文本（iconv 没有相应的转换器）")
        }
        defer { iconv_close(converter) }
        guard bytes.count > bom else { return MappedFile(bytes: []) }
        let capacity = (bytes.count - bom) * 2 + 16
        let converted = try MappedFile(capacity: capacity) { out -> Int in
            var input = UnsafeMutableRawPointer(mutating: bytes.baseAddress! + bom).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
            var inLeft = bytes.count - bom
            var output = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self) as UnsafeMutablePointer<CChar>?
            var outLeft = out.count
            while inLeft > 0 {
                if iconv(converter, &input, &inLeft, &output, &outLeft) != -1 { continue }
                let written = out.count - outLeft
                let line = 1 + UnsafeBufferPointer(rebasing: out[0..<written]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                let lineStart = UnsafeBufferPointer(rebasing: out[0..<written]).lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let what = errno == EINVAL ? "the file ends inside a character" : "bytes that are not \(encoding) text"
                throw SnapshotError(.structural, file: fileName, line: line,
                                    message: "\(what) after the \(written - lineStart) bytes of UTF-8 read on this line; check the table's encoding in pack.yaml (utf-8, gb18030 or auto)",
                                    chinese: "\(errno == EINVAL ? "文件在一个字符中间结束" : "有不是 \(encoding) 文本的字节")（本行已读出 \(written - lineStart) 字节）；请检查 pack.yaml 中该表的 encoding（utf-8、gb18030 或 auto）")
            }
            return out.count - outLeft
        }
        guard let converted else {
            throw SnapshotError(.structural, file: fileName, message: "no memory to convert the \(encoding) text to UTF-8", chinese: "内存不足，无法把 \(encoding) 文本转换为 UTF-8")
        }
        return converted
    }
}
