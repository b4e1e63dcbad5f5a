/// Finds the first byte that breaks UTF-8, so an encoding error can name its line.
enum UTF8Validator {
    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                let need: Int
                var minimum: UInt32
                var scalar: UInt32
                switch c {
                case 0xC2...0xDF: need = 1; minimum = 0x80; scalar = UInt32(c & 0x1F)
                case 0xE0...0xEF: need = 2; minimum = 0x800; scalar = UInt32(c & 0x0F)
                case 0xF0...0xF4: need = 3; minimum = 0x10000; scalar = UInt32(c & 0x07)
                default: return i
                }
                guard i + need < n else { return i }
                for k in 1...need {
                    let cc = b[i + k]
                    guard cc & 0xC0 == 0x80 else { return i }
                    scalar = scalar << 6 | UInt32(cc & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
                i += need + 1
            }
            return nil
        }
    }
}
