import Foundation

extension SitePublisher {
    /// Cleans up after builds that died without cleaning up (kill -9, power loss):
    /// staging folders and temporary files are removed; a `NAME.old-PID` (the two-rename
    /// fallback was cut between its renames) is renamed back to NAME when NAME is missing,
    /// so the last good pack returns, and removed otherwise. It needs the site lock, so a
    /// live build's staging folder is never touched. A removal that fails is left for the
    /// next build: leftovers never fail a build.
    public func removeLeftovers(holding lock: SiteLock) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names.sorted() {
            if name.hasPrefix(".staging-") || Self.isTemporary(name) {
                DurableFiles.remove(path(name))
            } else if let original = Self.retiredOriginal(name) {
                if DurableFiles.exists(path(original)) { DurableFiles.remove(path(name)) } else { _ = rename(path(name), path(original)) }
            }
        }
    }

    /// `.NAME.PID.tmp`, as `temporaryName` makes them.
    static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let dot = name.dropLast(4).lastIndex(of: "."), dot > name.index(after: name.startIndex)
        else { return false }
        return isNumber(name[name.index(after: dot)..<name.index(name.endIndex, offsetBy: -4)])
    }

    /// NAME for `NAME.old-PID`, as `retiredName` makes them; nil for any other name.
    static func retiredOriginal(_ name: String) -> String? {
        guard let marker = name.range(of: ".old-", options: .backwards), marker.lowerBound > name.startIndex else { return nil }
        return isNumber(name[marker.upperBound...]) ? String(name[..<marker.lowerBound]) : nil
    }

    private static func isNumber(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
