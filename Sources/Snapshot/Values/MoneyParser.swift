/// Reads money exactly into integer minor units (fen, cents): never through floating point.
public struct MoneyParser: Sendable {
    /// Fraction digits of the currency (2 for CNY, USD, EUR).
    public let fractionDigits: Int
    public let format: MoneyFormat
    /// Decided once: comparing formats per value would cost an array comparison per field.
    private let isPlain: Bool

    public init(fractionDigits: Int, format: MoneyFormat = .plain) {
        self.fractionDigits = fractionDigits
        self.format = format
        self.isPlain = format == .plain
    }

    public var expected: String {
        format == .plain ? "money: a decimal with at most \(fractionDigits) fraction digits"
            : "money written like \(format) with at most \(fractionDigits) fraction digits"
    }

    public var expectedChinese: String {
        format == .plain ? "最多 \(fractionDigits) 位小数的金额" : "形如 \(format)、最多 \(fractionDigits) 位小数的金额"
    }

    /// Minor units, or nil when the bytes are not money in the format with at most
    /// `fractionDigits` fraction digits (an optional leading `-` is accepted; tables decide on the sign).
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !isPlain else { return parsePlain(bytes) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { out in
            format.normalize(bytes, into: out).flatMap { parsePlain(UnsafeBufferPointer(rebasing: out[0..<$0])) }
        }
    }

    /// The contract's form: `-1234.50`.
    private func parsePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var units: Int64 = 0
        var integerDigits = 0
        /// Appends one decimal digit; false on overflow.
        func push(_ digit: UInt8) -> Bool {
            let (m, o1) = units.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(digit - 48))
            units = s
            return !o1 && !o2
        }
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
            guard push(bytes[i]) else { return nil }
            integerDigits += 1
            i += 1
        }
        guard integerDigits > 0 else { return nil }
        var fraction = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                fraction += 1
                guard fraction <= fractionDigits, push(bytes[i]) else { return nil }
                i += 1
            }
            guard fraction > 0 else { return nil }
        }
        guard i == bytes.count else { return nil }
        for _ in fraction..<fractionDigits {
            guard push(48) else { return nil }
        }
        return negative ? -units : units
    }
}
