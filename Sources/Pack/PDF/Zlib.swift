import CFlate

/// The zlib streams of a PDF's `/FlateDecode` filter.
enum Zlib {
    /// The bytes `data` inflates to, or nil when it is not a whole zlib stream.
    static func inflate(_ data: ArraySlice<UInt8>) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = Array(data)
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return CFlate.inflate(&stream, Z_NO_FLUSH)
                }
                out += chunk[0..<(chunk.count - Int(stream.avail_out))]
                if status == Z_STREAM_END { return stream.avail_in == 0 ? out : nil }
                guard status == Z_OK else { return nil }
            }
        }
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
