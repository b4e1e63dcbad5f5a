import CCairo
import Foundation
import Testing
@testable import Charts

/// The charts' PNG files, read back by libpng (through cairo): every pixel is the one drawn.
@Suite struct PNGFileTests {
    /// An opaque surface of `width` × `height` with a pixel pattern that no filter or run would hide.
    static func surface(width: Int32, height: Int32, _ pixel: (Int, Int) -> UInt32) -> OpaquePointer {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)!
        cairo_surface_flush(surface)
        let data = cairo_image_surface_get_data(surface)!, stride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<Int(height) {
            let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<Int(width) { row[x] = pixel(x, y) & 0xFF_FFFF }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    static func decoded(_ png: [UInt8]) throws -> PixelImage {
        try #require(PixelImage(png: png), "libpng could not read the file")
    }

    @Test(arguments: [(1, 1), (3, 2), (97, 41), (640, 3)] as [(Int32, Int32)])
    func everyPixelReadsBack(_ width: Int32, _ height: Int32) throws {
        // A fixed linear congruential sequence: the same noise every run.
        var state: UInt32 = 12_345 &+ UInt32(width) &* 31 &+ UInt32(height)
        let noise = (0..<Int(width * height)).map { _ -> UInt32 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return state >> 8
        }
        let surface = Self.surface(width: width, height: height) { x, y in noise[y * Int(width) + x] }
        defer { cairo_surface_destroy(surface) }
        let png = try #require(PNGFile.rgb(of: surface))
        let image = try Self.decoded(png)
        #expect(image.width == Int(width) && image.height == Int(height))
        // cairo reads an opaque PNG back as ARGB with alpha 255.
        #expect(image.pixels == noise.map { $0 | 0xFF00_0000 })
    }

    /// A chart's PNG shows what the chart drawn as before showed: on a transparent ARGB32
    /// surface painted white, written by cairo through libpng, pixel for pixel.
    @Test(arguments: [0, 3, 7])
    func aChartIsTheImageCairoWroteBefore(_ sample: Int) throws {
        let scene = ChartSamples.all(.zh)[sample].scene
        let scale = 2.0
        let surface = ChartRenderer.image(scene, scale: scale, format: CAIRO_FORMAT_ARGB32)
        defer { cairo_surface_destroy(surface) }
        let path = NSTemporaryDirectory() + "reviewpack-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS)
        let before = try #require(PixelImage(path: path))
        let now = try Self.decoded(ChartRenderer.png(scene, scale: scale))
        #expect(now.width == before.width && now.height == before.height)
        #expect(now.pixels == before.pixels, "\(ChartSamples.all(.zh)[sample].name)")
    }
}
