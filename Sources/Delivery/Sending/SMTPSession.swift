import CCurl
import Foundation

/// SMTP through libcurl's client (STARTTLS, implicit TLS, AUTH, certificate checks):
/// one handle, so its connection is reused from one recipient to the next.
final class SMTPSession: DeliverySession {
    private let handle: UnsafeMutableRawPointer
    private let settings: SMTPSettings

    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    init(_ settings: SMTPSettings) throws {
        guard Self.initialized, let handle = curl_easy_init() else { throw DeliveryError("libcurl cannot be initialised") }
        self.handle = handle
        self.settings = settings
    }

    deinit { curl_easy_cleanup(handle) }

    func deliver(_ message: [UInt8], from sender: String, to recipient: String) -> DeliveryOutcome {
        curl_easy_reset(handle)
        let source = MessageSource(message)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let recipients = curl_slist_append(nil, "<\(recipient)>")
        defer { curl_slist_free_all(recipients) }
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            ccurl_set_string(handle, CURLOPT_URL, settings.url)
            ccurl_set_long(handle, CURLOPT_USE_SSL, Int(settings.security == .none ? CURLUSESSL_NONE.rawValue : CURLUSESSL_ALL.rawValue))
            if let user = settings.user { ccurl_set_string(handle, CURLOPT_USERNAME, user) }
            if let password = settings.password { ccurl_set_string(handle, CURLOPT_PASSWORD, password) }
            if let caFile = settings.caFile { ccurl_set_string(handle, CURLOPT_CAINFO, caFile) }
            ccurl_set_string(handle, CURLOPT_MAIL_FROM, "<\(sender)>")
            ccurl_set_pointer(handle, CURLOPT_MAIL_RCPT, recipients)
            ccurl_set_long(handle, CURLOPT_UPLOAD, 1)
            ccurl_set_read_function(handle, MessageSource.read)
            ccurl_set_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque())
            ccurl_set_long(handle, CURLOPT_CONNECTTIMEOUT, settings.timeoutSeconds)
            ccurl_set_long(handle, CURLOPT_TIMEOUT, settings.timeoutSeconds * 5)
            ccurl_set_long(handle, CURLOPT_NOSIGNAL, 1)
            ccurl_set_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            return withExtendedLifetime(source) { curl_easy_perform(handle) }
        }
        guard code != CURLE_OK else { return .delivered }
        var reply = 0
        ccurl_get_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let reason = (detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail) + (reply > 0 && !detail.contains("\(reply)") ? " (server replied \(reply))" : "")
        return .failed(reason: reason.prefix(1).lowercased() + reason.dropFirst(), temporary: Self.isTemporary(code, reply: reply))
    }

    /// A 4xx reply, or a server that could not be reached or stopped answering, may work
    /// later (75); a 5xx reply, refused credentials or TLS, or a bad address will not (69).
    static func isTemporary(_ code: CURLcode, reply: Int) -> Bool {
        if (400..<500).contains(reply) { return true }
        if (500..<600).contains(reply) { return false }
        return [CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
                CURLE_GOT_NOTHING].contains(code)
    }
}

/// The message bytes handed to libcurl's read callback piece by piece.
private final class MessageSource {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static let read: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { buffer, size, count, context in
        let source = Unmanaged<MessageSource>.fromOpaque(context!).takeUnretainedValue()
        let n = min(size * count, source.bytes.count - source.offset)
        guard n > 0, let buffer else { return 0 }
        source.bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + source.offset, byteCount: n)
        }
        source.offset += n
        return n
    }
}
