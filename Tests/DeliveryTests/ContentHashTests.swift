import Testing
@testable import Delivery

/// The message's fingerprint: FNV-1a 64 with two seeds, over its parts as if joined.
@Suite struct ContentHashTests {
    @Test func partsHashAsTheirConcatenation() {
        let head = Array("Subject: 2026-10\n".utf8), body = Array("正文 and the PDF".utf8)
        #expect(ContentHash.hex(head, body) == ContentHash.hex(head + body))
        #expect(ContentHash.hex(head, body) != ContentHash.hex(body, head))
    }

    @Test func knownValues() {
        // FNV-1a 64 of nothing is its offset basis; of "a", the published test vector af63dc4c8601ec8c.
        #expect(ContentHash.hex([]) == "cbf29ce484222325" + "6c62272e07bb0142")
        #expect(ContentHash.hex(Array("a".utf8)).hasPrefix("af63dc4c8601ec8c"))
    }
}
