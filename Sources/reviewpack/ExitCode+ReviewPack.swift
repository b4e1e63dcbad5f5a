import ArgumentParser

/// Exit codes from sysexits.h, so scripts and cron can tell what went wrong.
extension ExitCode {
    /// A message could not be delivered and trying again will not help (a 5xx reply, refused credentials or TLS).
    static let unavailable = ExitCode(69)
    /// The snapshot is unreadable, or a finding in strict mode.
    static let dataError = ExitCode(65)
    /// An input file or folder does not exist.
    static let noInput = ExitCode(66)
    /// The output cannot be written.
    static let cannotCreate = ExitCode(73)
    /// Another build into the same site held its lock too long, or a delivery failed for
    /// now (a 4xx reply, a server out of reach): trying again later may work.
    static let temporaryFailure = ExitCode(75)
    /// `pack.yaml` is wrong.
    static let configError = ExitCode(78)

    /// A build stopped by a signal, as a shell reports it: 128 + the signal's number.
    static func stopped(by signal: Int32) -> ExitCode { ExitCode(128 + signal) }
}

/// Prints a one-line message to stderr and exits with `code`: never a stack trace.
func fail(_ message: String, _ code: ExitCode) -> ExitCode {
    Console.error(message)
    return code
}
