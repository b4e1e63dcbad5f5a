import CFlate

/// The zlib streams of a PDF's `/FlateDecode` filter.
enum Zlib {
    /// The bytes `data` inflates to, or nil when it is not a whole zlib stream.
    static func inflate(_ data: ArraySlice<UInt8>) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        // Inflated straight into the result, grown as needed (font streams inflate to about 1.2 times their size).
        var out = [UInt8](repeating: 0, count: max(data.count * 2, 1 << 12)), produced = 0
        let whole = data.withUnsafeBufferPointer { source -> Bool in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                if produced == out.count { out.append(contentsOf: repeatElement(0, count: out.count)) }
                let status = out.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress! + produced
                    stream.avail_out = UInt32(buffer.count - produced)
                    defer { produced = buffer.count - Int(stream.avail_out) }
                    return CFlate.inflate(&stream, Z_NO_FLUSH)
                }
                if status == Z_STREAM_END { return stream.avail_in == 0 }
                guard status == Z_OK else { return false }
            }
        }
        guard whole else { return nil }
        out.removeLast(out.count - produced)
        return out
    }

    /// `data` deflated at zlib's default level, as cairo writes its streams (nil only when
    /// zlib has no memory for it).
    static func deflate(_ data: [UInt8]) -> [UInt8]? {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        guard compress2(&out, &size, data, uLong(data.count), Z_DEFAULT_COMPRESSION) == Z_OK else { return nil }
        return Array(out[..<Int(size)])
    }
}
