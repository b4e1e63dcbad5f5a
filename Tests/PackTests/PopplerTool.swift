import Foundation

/// Runs a poppler tool on PDF bytes; nil when poppler-utils is not installed.
enum PopplerTool {
    static func run(_ name: String, _ pdf: [UInt8]) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/\(name)") else { return nil }
        let path = NSTemporaryDirectory() + "reviewpack-\(UUID().uuidString).pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard (try? Data(pdf).write(to: URL(fileURLWithPath: path))) != nil else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(name)")
        process.arguments = [path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
