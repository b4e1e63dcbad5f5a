import Foundation

/// What the sample generator produces: the scale, the period and the seed.
/// The company's story itself is fixed in `SampleStory`, so equal options give
/// byte-identical files.
struct SampleOptions: Sendable {
    var customers: Int = 2000        // customers signing up over the whole period
    var months: Int = 26
    var endYear: Int = 2026, endMonth: Int = 10   // last month with data; data ends at its last day
    var seed: UInt64 = 1
}

/// Options the generator cannot work with, said in one line.
struct SampleOptionsError: Error, CustomStringConvertible, Sendable {
    let description: String
}

extension SampleOptions {
    /// Rejects values that would give an empty or nonsensical snapshot, before any file is written.
    func validate() throws {
        guard customers >= 1, customers <= 100_000_000 else {
            throw SampleOptionsError(description: "customers must be between 1 and 100000000, got \(customers)")
        }
        guard months >= 1, months <= 600 else {
            throw SampleOptionsError(description: "months must be between 1 and 600, got \(months)")
        }
        guard (1...12).contains(endMonth) else {
            throw SampleOptionsError(description: "end month must be 1…12, got \(endMonth)")
        }
        guard endYear >= 1971, endYear <= 9999, endYear * 12 + endMonth - months >= 1970 * 12 else {
            throw SampleOptionsError(description: "the period must lie between 1970 and 9999")
        }
    }
}
