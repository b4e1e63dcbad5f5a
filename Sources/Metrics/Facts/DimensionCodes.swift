/// A dimension column's codes in the fewest bytes its members need: one byte per row while
/// it has fewer than 255 members, two below 65,535, four beyond. Dimensions have a handful
/// of members, so a million customers' five dimensions and four million leads' three take
/// 17 MB instead of 70.
///
/// Codes are stored plus one, so that ``DimensionColumn/none`` (−1) is stored as 0.
public struct DimensionCodes: RandomAccessCollection, Sendable, Equatable {
    /// Exactly one of these holds the codes, the one of `width`.
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var shorts: [UInt16] = []
    @usableFromInline var words: [Int32] = []
    /// Bytes per code: 1, 2 or 4.
    @usableFromInline var width = 1

    public init() {}

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { width == 1 ? bytes.count : width == 2 ? shorts.count : words.count }

    @inlinable public subscript(row: Int) -> Int32 {
        switch width {
        case 1: Int32(bytes[row]) - 1
        case 2: Int32(shorts[row]) - 1
        default: words[row]
        }
    }

    public mutating func append(_ code: Int32) {
        let stored = Int(code) + 1
        if width == 1, stored > Int(UInt8.max) { widen(to: stored > Int(UInt16.max) ? 4 : 2) }
        if width == 2, stored > Int(UInt16.max) { widen(to: 4) }
        switch width {
        case 1: bytes.append(UInt8(stored))
        case 2: shorts.append(UInt16(stored))
        default: words.append(code)
        }
    }

    public mutating func reserveCapacity(_ count: Int) {
        switch width {
        case 1: bytes.reserveCapacity(count)
        case 2: shorts.reserveCapacity(count)
        default: words.reserveCapacity(count)
        }
    }

    /// Moves the codes to a wider array, once per width a column outgrows.
    private mutating func widen(to newWidth: Int) {
        let codes = Array(self)
        (bytes, shorts, words) = ([], [], [])
        width = newWidth
        if newWidth == 2 { shorts = codes.map { UInt16($0 + 1) } } else { words = codes }
    }

    public static func == (a: DimensionCodes, b: DimensionCodes) -> Bool { a.elementsEqual(b) }
}
