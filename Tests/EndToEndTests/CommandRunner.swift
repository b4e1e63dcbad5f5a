import Foundation

/// Runs the built `reviewpack` executable as a user would, capturing its output.
struct CommandRunner {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sampleData = repository.appendingPathComponent("sample-data").path

    /// The executable next to the test bundle (`swift build --build-tests` builds both).
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reviewpack")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repository.appendingPathComponent(".build/debug/reviewpack")
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the executable with `arguments`, through `launcher` (a command and its
    /// arguments, such as setpriv switching user) when one is given.
    static func run(_ arguments: [String], environment: [String: String] = [:], launcher: [String] = []) throws -> Result {
        let process = Process()
        process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? executable
        process.arguments = launcher.isEmpty ? arguments : launcher.dropFirst() + [executable.path] + arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a helper tool (pdffonts, pdftotext); nil when it is not installed.
    static func tool(_ name: String, _ arguments: [String]) -> String? {
        guard let path = ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "reviewpack-e2e-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func contents(of folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        for case let path as String in fm.enumerator(atPath: folder)! {
            var isDirectory: ObjCBool = false
            let full = (folder as NSString).appendingPathComponent(path)
            if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { out[path] = fm.contents(atPath: full) }
        }
        return out
    }
}
