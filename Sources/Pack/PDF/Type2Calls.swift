/// Follows a Type 2 charstring's subroutine calls (Adobe TN 5177), counting stem hints
/// so that each hint mask's length is known. It gives up (false) on what a subset font
/// from cairo does not hold: arithmetic and storage operators, a subroutine number that is
/// not a number just pushed, `seac`, nesting past the limit.
struct Type2Calls {
    let bytes: [UInt8]
    let global: [Range<Int>]
    let local: [[Range<Int>]]
    private var stack = 0, hints = 0, last: Int?
    private var steps = 0

    init(bytes: [UInt8], global: [Range<Int>], local: [[Range<Int>]]) {
        (self.bytes, self.global, self.local) = (bytes, global, local)
    }

    /// Marks in `used` the local subroutines one glyph calls, however deep.
    mutating func follow(_ charstring: Range<Int>, fd: Int, used: inout [[Bool]]) -> Bool {
        (stack, hints, last) = (0, 0, nil)
        return run(charstring, fd: fd, depth: 0, used: &used) != nil
    }

    private static func bias(_ count: Int) -> Int { count < 1240 ? 107 : count < 33900 ? 1131 : 32768 }

    /// Runs one charstring or subroutine: true when the glyph ended in it, false when it returned, nil to give up.
    private mutating func run(_ range: Range<Int>, fd: Int, depth: Int, used: inout [[Bool]]) -> Bool? {
        guard depth <= 10 else { return nil }
        var i = range.lowerBound
        while i < range.upperBound {
            steps += 1
            guard steps < 10_000_000, stack <= 48 else { return nil }
            let b = Int(bytes[i])
            var number: Int?
            switch b {
            case 32...246: number = b - 139; i += 1
            case 247...250: guard i + 1 < range.upperBound else { return nil }; number = (b - 247) * 256 + Int(bytes[i + 1]) + 108; i += 2
            case 251...254: guard i + 1 < range.upperBound else { return nil }; number = -(b - 251) * 256 - Int(bytes[i + 1]) - 108; i += 2
            case 28: guard i + 2 < range.upperBound else { return nil }
                number = Int(Int16(bitPattern: UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i + 2]))); i += 3
            case 255: guard i + 4 < range.upperBound else { return nil }; stack += 1; last = nil; i += 5; continue
            case 1, 3, 18, 23:
                hints += stack / 2; stack = 0; i += 1
            case 19, 20:
                // A hint mask after stems with no operator of their own declares them as vstems.
                hints += stack / 2; stack = 0
                i += 1 + (hints + 7) / 8
            case 10, 29:
                guard let n = last else { return nil }
                stack -= 1
                let subrs = b == 10 ? local[fd] : global
                let index = n + Self.bias(subrs.count)
                guard subrs.indices.contains(index) else { return nil }
                if b == 10 { used[fd][index] = true }
                last = nil
                i += 1
                guard let ended = run(subrs[index], fd: fd, depth: depth + 1, used: &used) else { return nil }
                if ended { return true }
                continue
            case 11: return false
            case 14: return stack >= 4 ? nil : true
            case 4, 5, 6, 7, 8, 21, 22, 24, 25, 26, 27, 30, 31:
                stack = 0; i += 1
            case 12:
                guard i + 1 < range.upperBound, (34...37).contains(bytes[i + 1]) else { return nil }
                stack = 0; i += 2
            default: return nil
            }
            if let number { stack += 1; last = number } else { last = nil }
        }
        return false
    }
}
