import Testing
@testable import Pack

/// The subroutines a CID-keyed CFF font's glyphs call, worked out on a font built here by
/// hand: four local subroutines, two glyphs.
@Suite struct CFFSubroutinesTests {
    /// Operand bytes of a small integer (−107…107).
    static func n(_ value: Int) -> UInt8 { UInt8(value + 139) }
    /// The five-byte integer of a DICT, whose length does not depend on its value.
    static func long(_ value: Int) -> [UInt8] { [29] + (0..<4).map { UInt8((value >> ((3 - $0) * 8)) & 0xFF) } }
    static let bias = 107

    static let subroutines: [[UInt8]] = [
        [n(0), n(0), 21, 11],   // 0: rmoveto — the outline starts here
        [n(10), 6, 11],         // 1: hlineto
        [n(0), n(0), 5, 11],    // 2: rlineto, called by no glyph
        [n(0), n(5), 5, 11],    // 3: called by no glyph either
    ]

    static var glyphs: [[UInt8]] {
        // Glyph 0: eight stem pairs, then a hint mask after two more operands (an implicit vstem:
        // nine hints, so two mask bytes). Its second byte is 10, `callsubr`, which only a reader
        // that counted eight hints would run. Then subroutine 0 and endchar.
        let g0 = [UInt8](repeating: n(1), count: 16) + [1, n(0), n(4), 19, 0xFF, 10, n(0 - bias), 10, 14]
        // Glyph 1 starts its outline in subroutine 0, which glyph 0 called already (where cairo
        // 1.16 gives up), then a curve and subroutine 1.
        let g1: [UInt8] = [n(0 - bias), 10] + [UInt8](repeating: n(2), count: 6) + [8, n(1 - bias), 10, 14]
        return [g0, g1]
    }

    /// A CID-keyed font laid out as cairo writes one: header, name, top DICT, strings, global
    /// subroutines, FDSelect, charstrings, FDArray, the private DICT, its subroutines.
    static func font(glyphs: [[UInt8]] = glyphs, cidKeyed: Bool = true) -> [UInt8] {
        let header: [UInt8] = [1, 0, 4, 4], names = CFFReader.index([Array("T".utf8)])
        let topLength = (cidKeyed ? 5 : 0) + 6 + 7 + 7
        let fdSelectAt = header.count + names.count + 5 + topLength + 2 + 2
        let fdSelect: [UInt8] = [0] + glyphs.map { _ in 0 }
        let charStringsAt = fdSelectAt + fdSelect.count
        let charStrings = CFFReader.index(glyphs)
        let fdArrayAt = charStringsAt + charStrings.count
        let privateAt = fdArrayAt + 5 + 7
        let privateDict = long(6) + [19]
        let fd = [n(privateDict.count)] + long(privateAt) + [18]
        let fdArray = CFFReader.index([fd])
        #expect(fdArray.count == 3 + 2 + fd.count)
        let top = (cidKeyed ? [n(0), n(1), n(0), 12, 30] : []) + long(charStringsAt) + [17] + long(fdArrayAt) + [12, 36] + long(fdSelectAt) + [12, 37]
        #expect(top.count == topLength)
        let bytes = header + names + CFFReader.index([top]) + [0, 0] + [0, 0] + fdSelect + charStrings + fdArray + privateDict + CFFReader.index(subroutines)
        #expect(Array(bytes[privateAt..<(privateAt + privateDict.count)]) == privateDict)
        return bytes
    }

    @Test func subroutinesNoGlyphCallsAreEmptiedAndTheRestKeepTheirNumbers() throws {
        let original = Self.font()
        let slim = try #require(CFFSubroutines.emptyingUnused(in: original))
        let layout = try #require(CFFReader(bytes: slim).layout())
        let local = try #require(layout.local[0])
        #expect(local.items.map { Array(slim[$0]) } == [Self.subroutines[0], Self.subroutines[1], [11], [11]])
        #expect(layout.charStrings.items.map { Array(slim[$0]) } == Self.glyphs, "no charstring changes")
        #expect(slim.count == original.count - 6)
        // The subroutines still follow the private DICT: nothing before them moves.
        #expect(Array(slim[..<local.start]) == Array(original[..<local.start]))
        #expect(CFFSubroutines.emptyingUnused(in: slim) == nil, "nothing left to empty")
    }

    @Test func aFontWhoseGlyphsCallEverySubroutineStaysAsItIs() {
        let callsTheRest: [UInt8] = [Self.n(2 - Self.bias), 10, Self.n(3 - Self.bias), 10, 14]
        #expect(CFFSubroutines.emptyingUnused(in: Self.font(glyphs: Self.glyphs + [callsTheRest])) == nil)
    }

    @Test func aFontItCannotFollowStaysAsItIs() {
        #expect(CFFSubroutines.emptyingUnused(in: Self.font(cidKeyed: false)) == nil, "not CID-keyed")
        // A subroutine number computed by arithmetic (add), and an endchar with seac's four operands.
        let computed: [UInt8] = [Self.n(-100), Self.n(-7), 12, 10, 10, 14]
        #expect(CFFSubroutines.emptyingUnused(in: Self.font(glyphs: [Self.glyphs[0], computed])) == nil)
        let seac: [UInt8] = [Self.n(0), Self.n(0), Self.n(1), Self.n(2), 14]
        #expect(CFFSubroutines.emptyingUnused(in: Self.font(glyphs: [Self.glyphs[0], seac])) == nil)
        #expect(CFFSubroutines.emptyingUnused(in: Array(Self.font().dropLast())) == nil, "cut short")
    }
}
