import CCairo
import CFlate

/// The PNG file of an opaque image surface (`CAIRO_FORMAT_RGB24`): 8-bit RGB, every row
/// unfiltered, deflated at zlib's level 3.
///
/// cairo's own writer goes through libpng, which tries all five row filters on every row:
/// that choice was half the instructions of a pack's e-mail. Charts are large areas of flat
/// colour, where unfiltered rows deflate smaller than the filtered ones libpng picks, so no
/// filter is tried at all. Level 3 deflates a chart in half the time of the default level 6,
/// to files a sixth larger than level 6 makes and still smaller than libpng's filtered ones
/// (the e-mail's four trend charts: 41–58 KB against 44–67 KB).
enum PNGFile {
    /// nil when the surface is in error or zlib has no memory.
    static func rgb(of surface: OpaquePointer) -> [UInt8]? {
        precondition(cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24, "PNGFile writes opaque RGB24 surfaces only")
        cairo_surface_flush(surface)
        let (width, height) = (Int(cairo_image_surface_get_width(surface)), Int(cairo_image_surface_get_height(surface)))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        // Each row: filter type 0, then R, G, B of each pixel (cairo keeps 0x00RRGGBB words).
        let rowBytes = 1 + 3 * width
        var rows = [UInt8](repeating: 0, count: rowBytes * height)
        rows.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let pixels = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                var o = y * rowBytes + 1
                for x in 0..<width {
                    let p = pixels[x]
                    out[o] = UInt8(truncatingIfNeeded: p >> 16)
                    out[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                    out[o + 2] = UInt8(truncatingIfNeeded: p)
                    o += 3
                }
            }
        }
        var size = compressBound(uLong(rows.count))
        var deflated = [UInt8](repeating: 0, count: Int(size))
        guard compress2(&deflated, &size, rows, uLong(rows.count), 3) == Z_OK else { return nil }
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file.reserveCapacity(Int(size) + 64)
        // IHDR: width, height, bit depth 8, colour type 2 (RGB), compression 0, filter method 0, no interlace.
        chunk("IHDR", bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0], into: &file)
        chunk("IDAT", deflated[..<Int(size)], into: &file)
        chunk("IEND", [], into: &file)
        return file
    }

    /// Length, type, data and the CRC of type and data.
    private static func chunk<Data: Collection<UInt8>>(_ type: String, _ data: Data, into file: inout [UInt8]) {
        precondition(data.count <= Int(Int32.max), "a PNG chunk holds at most 2^31 − 1 bytes")
        file += bigEndian(data.count)
        let start = file.count
        file += Array(type.utf8)
        file += data
        let crc = file[start...].withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        file += bigEndian(Int(crc))
    }

    private static func bigEndian(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}
