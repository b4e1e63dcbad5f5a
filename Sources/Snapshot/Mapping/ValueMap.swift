/// One column's `values:` mapping compiled for the reader: the export's words (matched
/// after trimming, ASCII letters in any case) and the contract's words they stand for.
///
/// The contract's words are kept in one buffer this map owns, so a translated field is
/// handed on as bytes like any other, with no `String` per row.
final class ValueMap: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let entries: [(from: [UInt8], to: Range<Int>)]

    init(_ words: [String: String]) {
        let sorted = words.sorted { $0.key < $1.key }
        storage = .allocate(capacity: max(1, sorted.reduce(0) { $0 + $1.value.utf8.count }))
        var entries: [(from: [UInt8], to: Range<Int>)] = []
        var end = 0
        for (from, to) in sorted {
            let bytes = Array(to.utf8)
            _ = UnsafeMutableBufferPointer(rebasing: storage[end..<(end + bytes.count)]).initialize(from: bytes)
            entries.append((Self.folded(Array(from.trimmingSpaces.utf8)), end..<(end + bytes.count)))
            end += bytes.count
        }
        self.entries = entries
    }

    deinit { storage.deallocate() }

    /// The contract's word for a field, nil when the export's word is not mapped.
    func translate(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        for entry in entries where entry.from.count == field.count {
            if zip(entry.from, field).allSatisfy({ $0 == Self.fold($1) }) {
                return UnsafeBufferPointer(rebasing: storage[entry.to])
            }
        }
        return nil
    }

    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
    static func folded(_ bytes: [UInt8]) -> [UInt8] { bytes.map(fold) }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
