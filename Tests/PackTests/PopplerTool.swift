import Foundation

/// Runs a poppler tool on PDF bytes; nil when poppler-utils is not installed.
enum PopplerTool {
    static func run(_ name: String, _ pdf: [UInt8], _ arguments: [String] = []) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/\(name)") else { return nil }
        let path = NSTemporaryDirectory() + "reviewpack-\(UUID().uuidString).pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard (try? Data(pdf).write(to: URL(fileURLWithPath: path))) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(name)")
        process.arguments = [path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

extension PopplerTool {
    /// Each page of `pdf` as pdftoppm draws it (PNG at 72 dpi); nil when poppler-utils is not installed.
    static func pages(_ pdf: [UInt8]) -> [Data]? {
        pdftoppm(pdf, ["-r", "72", "-png"]) { folder in
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("page") }.sorted()
            return names.compactMap { FileManager.default.contents(atPath: folder + "/" + $0) }
        }
    }

    /// Runs pdftoppm on `pdf` with `arguments`, its pages named `page…` in a folder of their
    /// own, and reads them with `read`; nil when poppler-utils is not installed.
    private static func pdftoppm<T>(_ pdf: [UInt8], _ arguments: [String], read: (_ folder: String) -> T?) -> T? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm") else { return nil }
        let folder = NSTemporaryDirectory() + "reviewpack-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
              (try? Data(pdf).write(to: URL(fileURLWithPath: folder + "/in.pdf"))) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        process.arguments = arguments + [folder + "/in.pdf", folder + "/page"]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return read(folder)
    }
}

extension PopplerTool {
    /// A page as pdftoppm draws it in gray: `width` × `height` bytes, 0 black to 255 white.
    struct GrayPage: Equatable {
        var width: Int, height: Int, pixels: [UInt8]
    }

    /// The first page of `pdf` at `dpi`, in gray (pdftoppm's PGM); nil when poppler-utils is not installed.
    static func grayPage(_ pdf: [UInt8], dpi: Int) -> GrayPage? {
        pdftoppm(pdf, ["-r", "\(dpi)", "-gray", "-f", "1", "-l", "1", "-singlefile"]) { folder in
            FileManager.default.contents(atPath: folder + "/page.pgm").flatMap(GrayPage.init(pgm:))
        }
    }
}

extension PopplerTool.GrayPage {
    /// A binary PGM (P5) of 8-bit gray; nil for anything else.
    init?(pgm data: Data) {
        // P5 header: magic, width, height, maxval, each followed by one whitespace byte.
        var fields: [Int] = [], offset = 2, number = ""
        while fields.count < 3, offset < data.count {
            let byte = data[offset]
            offset += 1
            if (48...57).contains(byte) { number.append(Character(UnicodeScalar(byte))) } else if !number.isEmpty {
                fields.append(Int(number)!)
                number = ""
            }
        }
        guard data.starts(with: Array("P5".utf8)), fields.count == 3, fields[2] == 255, data.count - offset == fields[0] * fields[1] else { return nil }
        (width, height, pixels) = (fields[0], fields[1], [UInt8](data[offset...]))
    }
}
