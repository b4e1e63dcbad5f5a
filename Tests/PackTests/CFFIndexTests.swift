import Testing
@testable import Pack

/// A CFF INDEX written with offsets as short as they can be, read back item for item.
@Suite struct CFFIndexTests {
    @Test func offsetsTakeOneToFourBytesAsTheDataGrows() throws {
        // Data of 255 bytes and less needs 1-byte offsets (they count from 1); then 2, 3 and 4.
        for (lengths, size) in [([3, 0, 250], 1), ([200, 60], 2), ([70_000, 1], 3), ([1 << 24, 5], 4)] {
            let items = lengths.enumerated().map { k, length in [UInt8](repeating: UInt8(k + 1), count: length) }
            let bytes = CFFReader.index(items)
            #expect(bytes[2] == UInt8(size), "\(lengths)")
            #expect(bytes.count == 3 + (items.count + 1) * size + lengths.reduce(0, +))
            let index = try #require(CFFReader(bytes: bytes).index(at: 0))
            #expect(index.items.map { Array(bytes[$0]) } == items, "\(lengths)")
            #expect(index.end == bytes.count)
        }
        #expect(CFFReader.index([[UInt8]]()) == [0, 0])
    }

    @Test func slicesWriteTheSameIndexAsArrays() {
        let font: [UInt8] = Array(0..<200)
        let slices = [font[10..<20], font[0..<0], font[150..<200]]
        #expect(CFFReader.index(slices) == CFFReader.index(slices.map(Array.init)))
    }
}
