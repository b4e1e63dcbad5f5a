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
        var random = SystemRandomNumberGenerator()
        let noise = (0..<Int(width * height)).map { _ in UInt32.random(in: 0...0xFF_FFFF, using: &random) }
        let surface = Self.surface(width: width, height: height) { x, y in noise[y * Int(width) + x] }
        defer { cairo_surface_destroy(surface) }
        let png = try #require(PNGFile.rgb(of: surface))
        let image = try Self.decoded(png)
        #expect(image.width == Int(width) && image.height == Int(height))
        // cairo reads an opaque PNG back as ARGB with alpha 255.
        #expect(image.pixels == noise.map { $0 | 0xFF00_0000 })
    }

    @Test func aChartIsTheSameImageAsCairosOwnPNG() throws {
        let scene = ChartSamples.all(.zh)[0].scene
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(scene.width), Int32(scene.height))!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        ScenePainter.paint(scene, on: CairoCanvas(context: cr))
        cairo_destroy(cr)
        let path = NSTemporaryDirectory() + "reviewpack-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS)
        let theirs = try #require(PixelImage(path: path))
        let png = try #require(PNGFile.rgb(of: surface))
        #expect(try Self.decoded(png).pixels == theirs.pixels)
        #expect(ChartRenderer.png(scene, scale: 1) == png)
    }
}
