import Foundation

extension PackError {
    /// A write failure from a system call: the path and what `strerror` says, as the end
    /// of a sentence ("site/2026-10/pack.pdf: cannot write: no space left on device").
    static func cannotWrite(_ path: String, errno code: Int32) -> PackError {
        .cannotWrite(path, reason(errno: code))
    }

    /// `strerror`'s text with a lower-case first letter, to read inside a sentence.
    static func reason(errno code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
