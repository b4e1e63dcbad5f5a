import CCairo
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Charts

@Suite struct ChartRenderingTests {
    static let samples = Language.allCases.flatMap { language in ChartSamples.all(language).map { ("\($0.name)-\(language.rawValue)", $0.scene) } }
    /// The same charts as a phone gets them.
    static let narrow = Language.allCases.flatMap { language in ChartSamples.narrow(language).map { ("\($0.name)-\(language.rawValue)-narrow", $0.scene) } }

    @Test(arguments: samples.map(\.0))
    func svgParsesAndDescribesItself(_ name: String) throws {
        let scene = try #require(Self.samples.first { $0.0 == name }?.1)
        let svg = ChartRenderer.svg(scene)
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "SVG of \(name) is not well-formed XML")
        #expect(collector.elements.first == "svg")
        #expect(collector.text["title"]?.isEmpty == false)
        #expect(collector.text["desc"]?.isEmpty == false)
        #expect(ChartRenderer.svg(scene) == svg, "SVG of \(name) is not deterministic")
    }

    /// cairo's counted surface ids become one fixed id; nothing else is touched.
    @Test func surfaceIdsAreFixed() {
        let cases = [
            (#"<g id="surface12" clip="x"><g id="surface7">"#, #"<g id="chart" clip="x"><g id="chart">"#),
            (##"id="surface" id="surface1a" href="#surface3" id="surface99"##, ##"id="surface" id="surface1a" href="#surface3" id="surface99"##),
            (#"ids="surface4" id="surface40""#, #"ids="surface4" id="chart""#),
            ("", ""),
        ]
        for (input, expected) in cases {
            #expect(String(decoding: ChartRenderer.fixedSurfaceIds(Array(input.utf8)), as: UTF8.self) == expected, "\(input)")
        }
    }

    @Test(arguments: (samples + narrow).map(\.0))
    func textStaysInsideAndDoesNotOverlap(_ name: String) throws {
        let scene = try #require((Self.samples + Self.narrow).first { $0.0 == name }?.1)
        let frame = Rect(x: 0, y: 0, width: scene.width, height: scene.height)
        let texts = scene.texts
        for t in texts {
            #expect(frame.contains(t.bounds, tolerance: 1), "\(name): \"\(t.string)\" at \(t.bounds) leaves the chart")
        }
        for i in texts.indices {
            for j in texts.indices where j > i {
                let a = texts[i].bounds.insetBy(1), b = texts[j].bounds.insetBy(1)
                #expect(!a.intersects(b), "\(name): \"\(texts[i].string)\" overlaps \"\(texts[j].string)\"")
            }
        }
    }

    /// Drawn for a phone, shown at about its own width: no text under 11 CSS pixels.
    @Test(arguments: narrow.map(\.0))
    func narrowChartsKeepTextReadable(_ name: String) throws {
        let scene = try #require(Self.narrow.first { $0.0 == name }?.1)
        #expect(scene.width <= 340 || name.hasPrefix("heatmap"), "\(name) is \(scene.width) wide")
        for t in scene.texts { #expect(t.style.size >= 11, "\(name): \"\(t.string)\" is \(t.style.size) px") }
    }

    @Test func allNullSeriesStillRenders() {
        let chart = TrendChart(title: "t", monthLabels: ["a", "b"], series: [.init(name: "s", values: [nil, nil])], kind: .ratio,
                               format: NumberFormat(language: .zh), zeroBased: false)
        let scene = chart.build(width: 300, height: 150)
        #expect(scene.summary.contains("无数据"))
        #expect(!ChartRenderer.png(scene).isEmpty)
    }

    @Test func pdfEmbedsItsFonts() throws {
        let pdf = String(decoding: ChartRenderer.pdf(ChartSamples.all(.zh)[2].scene), as: UTF8.self)
        let descriptors = pdf.components(separatedBy: "/Type /FontDescriptor").count - 1
        let files = pdf.components(separatedBy: "/FontFile").count - 1  // FontFile2 (TrueType) or FontFile3 (CFF)
        #expect(descriptors > 0)
        #expect(files == descriptors, "every font descriptor carries an embedded font file")
    }

    /// Renders each sample to PNG and compares it with the committed golden image.
    /// `UPDATE_GOLDEN=1 swift test` rewrites the goldens after an intended change.
    @Test(arguments: samples.map(\.0))
    func pngMatchesGolden(_ name: String) throws {
        let scene = try #require(Self.samples.first { $0.0 == name }?.1)
        let png = ChartRenderer.png(scene, scale: 1)
        #expect(ChartRenderer.png(scene, scale: 1) == png, "PNG of \(name) is not deterministic")
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).png")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(png).write(to: golden)
            return
        }
        let expected = try #require(PixelImage(path: golden.path), "missing golden \(golden.lastPathComponent); run UPDATE_GOLDEN=1 swift test")
        let actual = try #require(PixelImage(png: png))
        #expect(actual.width == expected.width && actual.height == expected.height)
        let (differing, total) = actual.differingPixels(from: expected, tolerance: 24)
        // Allow anti-aliasing noise from another cairo or FreeType build, not a moved label.
        #expect(Double(differing) / Double(total) < 0.005, "\(name): \(differing) of \(total) pixels differ from the golden image")
    }
}

extension Rect {
    func insetBy(_ d: Double) -> Rect { Rect(x: x + d, y: y + d, width: max(width - 2 * d, 0), height: max(height - 2 * d, 0)) }
}

final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var text: [String: String] = [:]
    private var current: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(name)
        current = name
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current, current == "title" || current == "desc" { text[current, default: ""] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { current = nil }
}

/// A decoded PNG (through cairo), compared pixel by pixel.
struct PixelImage {
    let width: Int
    let height: Int
    let pixels: [UInt32]

    init?(path: String) {
        guard FileManager.default.fileExists(atPath: path), let surface = cairo_image_surface_create_from_png(path),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        self.init(surface: surface)
    }

    init?(png: [UInt8]) {
        let path = NSTemporaryDirectory() + "reviewpack-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard (try? Data(png).write(to: URL(fileURLWithPath: path))) != nil else { return nil }
        self.init(path: path)
    }

    private init(surface: OpaquePointer) {
        defer { cairo_surface_destroy(surface) }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels.append(row[x]) }
        }
        self.pixels = pixels
    }

    func differingPixels(from other: PixelImage, tolerance: Int) -> (Int, Int) {
        guard width == other.width, height == other.height else { return (pixels.count, max(pixels.count, 1)) }
        var differing = 0
        for (a, b) in zip(pixels, other.pixels) where a != b {
            for shift in stride(from: 0, through: 24, by: 8) {
                if abs(Int((a >> UInt32(shift)) & 0xFF) - Int((b >> UInt32(shift)) & 0xFF)) > tolerance { differing += 1; break }
            }
        }
        return (differing, pixels.count)
    }
}

@Suite struct DonutTests {
    @Test func eightNamedSlicesThenOther() {
        let format = NumberFormat(language: .en)
        let slices = (1...11).map { DonutChart.Slice(name: "s\($0)", value: Double(100 - $0)) } + [.init(name: "zero", value: 0)]
        let shown = DonutChart(title: "t", slices: slices, otherLabel: "Other", centerLabel: "", kind: .count, format: format).shown
        #expect(shown.count == 9)
        #expect(shown.prefix(8).map(\.name) == (1...8).map { "s\($0)" })
        #expect(shown.last?.name == "Other")
        #expect(shown.last?.value == Double(270))   // s9 + s10 + s11 = 91 + 90 + 89
        let eight = DonutChart(title: "t", slices: Array(slices.prefix(8)), otherLabel: "Other", centerLabel: "", kind: .count, format: format).shown
        #expect(eight.count == 8 && !eight.contains { $0.name == "Other" })
    }
}
