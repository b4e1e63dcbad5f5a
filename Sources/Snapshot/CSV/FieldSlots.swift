/// Where ``RecordScanner`` puts the ranges of a record's fields: an array (a header, a
/// test) or a chunk's ``FieldSlots``.
protocol FieldSink {
    var count: Int { get }
    mutating func append(_ range: FieldRange)
}

extension Array: FieldSink where Element == FieldRange {}

/// A chunk's field ranges written straight into slots made once: an array's append
/// checks uniqueness and capacity, which at tens of millions of fields cost as much as a
/// tenth of the scan. Fields past the last slot are counted but not kept: a chunk has room
/// for the fields of all its records, so a record that reaches past it has the wrong number
/// of fields, which ends the chunk with a problem that needs only their count.
struct FieldSlots: FieldSink {
    let base: UnsafeMutablePointer<FieldRange>
    let capacity: Int
    var count = 0

    @inline(__always) mutating func append(_ range: FieldRange) {
        if count < capacity { base[count] = range }
        count &+= 1
    }

    subscript(index: Int) -> FieldRange { base[index] }
}
