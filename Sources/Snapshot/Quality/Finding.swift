/// The kinds of data-quality finding the contract asks to count.
public enum FindingKind: String, CaseIterable, Sendable, Codable {
    case duplicateKey = "duplicate_key"
    case unknownCustomer = "unknown_customer"
    case unreadableValue = "unreadable_value"
    case missingRequiredValue = "missing_required_value"
    case futureTimestamp = "future_timestamp"
    case stageOrder = "stage_order"
    case wonAndLost = "won_and_lost"
    case negativeAmount = "negative_amount"
    case missingOptionalValue = "missing_optional_value"
}

/// One finding at one place of the input.
public struct Finding: Sendable, Equatable {
    public let kind: FindingKind
    public let file: String
    public let line: Int
    public let column: Int?
    public let columnName: String?
    public let message: String

    public var location: String {
        var place = "\(file):\(line)"
        if let column { place += ":\(column)" }
        if let columnName { place += " (\(columnName))" }
        return place
    }
}

/// Findings of one kind in one column of one file: a count and the first few examples.
public struct FindingTally: Sendable, Equatable {
    public let kind: FindingKind
    public let file: String
    public let columnName: String?
    public var count: Int
    public var examples: [Finding]
}
