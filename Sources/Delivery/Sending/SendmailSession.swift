import Foundation

/// Delivery through a local `sendmail`-compatible command (Postfix, Exim, msmtp), run
/// once per recipient with the message on its standard input.
struct SendmailSession: DeliverySession {
    let command: [String]

    func deliver(_ message: [UInt8], from sender: String, to recipient: String) -> DeliveryOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + ["-i", "-f", sender, "--", recipient]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch {
            return .failed(reason: "\(command[0]) cannot be run", temporary: false)
        }
        // Write on another thread: a command that exits early must not block us on a full pipe.
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(message))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let said = stderr.split(separator: "\n").first.map { ": \($0)" } ?? ""
            let status = process.terminationReason == .exit ? "exited with \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
            // sendmail's own exit codes are sysexits: 75 means try again later.
            return .failed(reason: "\(command[0]) \(status)\(said)", temporary: process.terminationStatus == 75)
        }
        return .delivered
    }
}
