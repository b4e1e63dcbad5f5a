import Foundation

extension String {
    /// A database's own message as one line: its newlines and trailing period folded away.
    var oneLine: String {
        split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "; ").trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    }
}
