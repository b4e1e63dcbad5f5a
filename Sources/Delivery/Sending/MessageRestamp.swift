/// A built message with its `Date:` header replaced: the file keeps the date that makes
/// builds reproducible, the copy sent says when it was sent.
public enum MessageRestamp {
    public static func redated(_ message: [UInt8], _ date: MessageDate) -> [UInt8] {
        let marker = Array("\r\nDate: ".utf8)
        guard let start = firstIndex(of: marker, in: message) else { return message }
        let valueStart = start + marker.count
        guard let end = firstIndex(of: Array("\r\n".utf8), in: message, from: valueStart) else { return message }
        return Array(message[..<valueStart]) + Array(date.header.utf8) + Array(message[end...])
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
