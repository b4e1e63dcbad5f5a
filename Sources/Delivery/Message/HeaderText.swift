import Foundation

/// Header values as RFC 5322 and RFC 2047 want them: ASCII only (anything else as
/// `=?UTF-8?B?…?=` encoded words of at most 75 characters), no line breaks from the
/// data (so no value can add a header), and lines folded before 78 characters.
enum HeaderText {
    /// A display name: an atom sequence as it is, a quoted string when it holds
    /// specials (`Doe, John`), encoded words when it is not ASCII.
    static func phrase(_ text: String) -> String {
        let text = oneLine(text)
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) else { return encodedWords(text) }
        let specials = Set("()<>[]:;@\\,.\"")
        guard text.contains(where: specials.contains) else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Unstructured text (the subject): as it is when printable ASCII, else encoded words.
    static func unstructured(_ text: String) -> String {
        let text = oneLine(text)
        return text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) ? text : encodedWords(text)
    }

    /// `=?UTF-8?B?…?=` words of at most 64 characters each (39 bytes of text, so that even
    /// the first one fits on a line after `Subject: `), split
    /// between characters, separated by a space that decoders drop.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: " ")
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?\(Data(bytes).base64EncodedString())?=" }

    /// Line breaks and other control characters become spaces: a value stays one header.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// `Name: value` folded at spaces so that no line passes 78 characters where a space allows.
    static func field(_ name: String, _ value: String) -> String {
        var lines: [String] = []
        var line = "\(name):"
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if line.count + 1 + word.count > 78, !line.isEmpty, line != "\(name):" {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }
}
