import Foundation

/// The reason a file operation failed, as the end of a sentence ("no such file or
/// directory"), never Foundation's error dump with its domains and user-info.
enum ErrorText {
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return "\(error)" }
        if ns.domain == NSPOSIXErrorDomain { return posix(Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return posix(Int32(underlying.code))
        }
        let text = ns.localizedDescription
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    private static func posix(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
