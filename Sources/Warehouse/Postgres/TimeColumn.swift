/// A time column as a reduction reads it.
///
/// A typed column (`timestamptz`, `timestamp`, `date`) is read as it is. Text is read as
/// its local time when it is written in one of the contract's forms that the database
/// reads exactly as the reader does (``ReductionTerms/time(_:_:offsets:as:)``); any other
/// text gives NULL, which no clean test passes, so its row comes whole to the reader.
struct TimeColumn {
    /// The time the database compares: the column, or the local time of its text.
    let value: String
    /// The type of ``value``.
    let type: String
    /// Whether ``value`` is a time the reader reads.
    let readable: String
    /// Whether the row holds no time here: NULL, or empty text.
    let isAbsent: String
    /// For text, the select item that works out ``value`` once per row (see ``TableReduction/keys``).
    var key: String? = nil
}
