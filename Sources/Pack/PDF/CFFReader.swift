/// The parts of a CID-keyed CFF font that hold and call subroutines (Adobe TN 5176).
struct CFFReader {
    let bytes: [UInt8]

    struct Index {
        var start: Int, end: Int
        var items: [Range<Int>]
    }

    struct Layout {
        var global: Index
        var charStrings: Index
        var fdSelect: [Int]
        /// Per font dictionary: its local subroutines, the offset its private dictionary
        /// counts them from, and where that offset is written (a five-byte integer).
        var local: [Index?]
        var privateStart: [Int]
        var subrsOperand: [Int?]
        /// Where the last private dictionary ends.
        var privateEnd: Int
    }

    func layout() -> Layout? {
        guard bytes.count > 4, bytes[0] == 1 else { return nil }
        guard let names = index(at: Int(bytes[2])), let tops = index(at: names.end), tops.items.count == 1,
              let strings = index(at: tops.end), let global = index(at: strings.end) else { return nil }
        let top = dict(tops.items[0])
        // A CID-keyed font (ROS), with its charstrings, font dictionaries and their selector.
        guard top[1230] != nil, let charStringsAt = top[17]?.first?.value, let fdArrayAt = top[1236]?.first?.value,
              let fdSelectAt = top[1237]?.first?.value,
              let charStrings = index(at: charStringsAt), let fdArray = index(at: fdArrayAt) else { return nil }
        guard let fdSelect = fdSelect(at: fdSelectAt, glyphs: charStrings.items.count, dictionaries: fdArray.items.count) else { return nil }
        var layout = Layout(global: global, charStrings: charStrings, fdSelect: fdSelect, local: [], privateStart: [], subrsOperand: [], privateEnd: 0)
        for item in fdArray.items {
            guard let priv = dict(item)[18], priv.count == 2 else { return nil }
            let (size, start) = (priv[0].value, priv[1].value)
            guard size >= 0, start >= 0, start + size <= bytes.count else { return nil }
            layout.privateStart.append(start)
            layout.privateEnd = max(layout.privateEnd, start + size)
            if let subrs = dict(start..<(start + size))[19]?.first {
                guard subrs.isLong, let local = index(at: start + subrs.value) else { return nil }
                layout.local.append(local)
                layout.subrsOperand.append(subrs.position)
            } else {
                layout.local.append(nil)
                layout.subrsOperand.append(nil)
            }
        }
        return layout
    }

    /// An INDEX at `start`: its items' byte ranges.
    func index(at start: Int) -> Index? {
        guard start >= 0, start + 2 <= bytes.count else { return nil }
        let count = Int(bytes[start]) << 8 | Int(bytes[start + 1])
        if count == 0 { return Index(start: start, end: start + 2, items: []) }
        guard start + 3 <= bytes.count else { return nil }
        let size = Int(bytes[start + 2])
        guard (1...4).contains(size), start + 3 + (count + 1) * size <= bytes.count else { return nil }
        let base = start + 3 + (count + 1) * size - 1
        let offsets = (0...count).map { i in (0..<size).reduce(0) { $0 << 8 | Int(bytes[start + 3 + i * size + $1]) } }
        guard offsets[0] == 1, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }), base + offsets[count] <= bytes.count else { return nil }
        return Index(start: start, end: base + offsets[count], items: (0..<count).map { (base + offsets[$0])..<(base + offsets[$0 + 1]) })
    }

    struct Operand {
        var value: Int
        /// Where it starts, and whether it is a five-byte integer (which can be rewritten in place).
        var position: Int
        var isLong: Bool
    }

    /// A DICT's operators (escaped ones as 1200 + the second byte) and their integer operands.
    func dict(_ range: Range<Int>) -> [Int: [Operand]] {
        var entries: [Int: [Operand]] = [:], operands: [Operand] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let b = Int(bytes[i])
            switch b {
            case 0...21:
                let op = b == 12 && i + 1 < range.upperBound ? 1200 + Int(bytes[i + 1]) : b
                entries[op] = operands
                operands = []
                i += b == 12 ? 2 : 1
            case 28 where i + 2 < range.upperBound:
                operands.append(Operand(value: Int(Int16(bitPattern: UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i + 2]))), position: i, isLong: false))
                i += 3
            case 29 where i + 4 < range.upperBound:
                let value = (1...4).reduce(0) { $0 << 8 | Int(bytes[i + $1]) }
                operands.append(Operand(value: Int(Int32(truncatingIfNeeded: value)), position: i, isLong: true))
                i += 5
            case 30:
                // A real number: nibbles up to the end marker; its value is not needed here.
                i += 1
                while i < range.upperBound, bytes[i] & 0x0F != 0x0F, bytes[i] >> 4 != 0x0F { i += 1 }
                operands.append(Operand(value: 0, position: i, isLong: false))
                i += 1
            case 32...246:
                operands.append(Operand(value: b - 139, position: i, isLong: false)); i += 1
            case 247...250 where i + 1 < range.upperBound:
                operands.append(Operand(value: (b - 247) * 256 + Int(bytes[i + 1]) + 108, position: i, isLong: false)); i += 2
            case 251...254 where i + 1 < range.upperBound:
                operands.append(Operand(value: -(b - 251) * 256 - Int(bytes[i + 1]) - 108, position: i, isLong: false)); i += 2
            default:
                return [:]
            }
        }
        return entries
    }

    /// Each glyph's font dictionary, from an FDSelect of format 0 or 3.
    func fdSelect(at start: Int, glyphs: Int, dictionaries: Int) -> [Int]? {
        guard start >= 0, start < bytes.count else { return nil }
        var fds: [Int]
        switch bytes[start] {
        case 0:
            guard start + 1 + glyphs <= bytes.count else { return nil }
            fds = bytes[(start + 1)..<(start + 1 + glyphs)].map(Int.init)
        case 3:
            guard start + 3 <= bytes.count else { return nil }
            let ranges = Int(bytes[start + 1]) << 8 | Int(bytes[start + 2])
            guard start + 5 + ranges * 3 <= bytes.count else { return nil }
            let first = { (r: Int) in Int(self.bytes[start + 3 + r * 3]) << 8 | Int(self.bytes[start + 4 + r * 3]) }
            fds = []
            for r in 0..<ranges {
                guard first(r) == fds.count, first(r + 1) > first(r) else { return nil }
                fds += Array(repeating: Int(bytes[start + 5 + r * 3]), count: first(r + 1) - first(r))
            }
        default:
            return nil
        }
        return fds.count == glyphs && fds.allSatisfy({ $0 < dictionaries }) ? fds : nil
    }

    /// An INDEX of `items`, its offsets as short as they can be.
    static func index<Item: Collection>(_ items: [Item]) -> [UInt8] where Item.Element == UInt8 {
        guard !items.isEmpty else { return [0, 0] }
        let total = items.reduce(1) { $0 + $1.count }
        let size = total < 1 << 8 ? 1 : total < 1 << 16 ? 2 : total < 1 << 24 ? 3 : 4
        var out: [UInt8] = [UInt8(items.count >> 8), UInt8(items.count & 0xFF), UInt8(size)]
        out.reserveCapacity(out.count + (items.count + 1) * size + total - 1)
        var offset = 1
        for i in 0...items.count {
            for shift in stride(from: (size - 1) * 8, through: 0, by: -8) { out.append(UInt8((offset >> shift) & 0xFF)) }
            if i < items.count { offset += items[i].count }
        }
        for item in items { out.append(contentsOf: item) }
        return out
    }

    /// Rewrites the five-byte integer at `position`.
    static func patch(_ bytes: inout [UInt8], at position: Int, to value: Int) {
        for i in 0..<4 { bytes[position + 1 + i] = UInt8((value >> ((3 - i) * 8)) & 0xFF) }
    }
}
