import Testing
@testable import Pack

/// The PDF's zlib streams: inflated whole, or refused when cut short or followed by more.
@Suite struct ZlibTests {
    @Test func inflatesWhatItDeflatesWhateverTheRatio() throws {
        // A megabyte of one byte deflates to about a thousand: the result outgrows its first room many times.
        let text = Array("ReviewPack 月度经营分析 ".utf8)
        for data in [[UInt8](repeating: 7, count: 1 << 20), (0..<50_000).map { text[$0 % text.count] }, [42]] {
            let packed = try #require(Zlib.deflate(data))
            #expect(Zlib.inflate(packed[...]) == data)
        }
    }

    @Test func refusesWhatIsNotOneWholeStream() throws {
        let packed = try #require(Zlib.deflate(Array(repeating: 1, count: 10_000)))
        #expect(Zlib.inflate(packed.dropLast(3)) == nil, "cut short")
        #expect(Zlib.inflate((packed + [0, 1, 2])[...]) == nil, "bytes after its end")
        #expect(Zlib.inflate([][...]) == nil, "empty")
        #expect(Zlib.inflate([0x78, 0x9C, 0xFF, 0xFF][...]) == nil, "not deflate data")
    }
}
