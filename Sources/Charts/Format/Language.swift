/// The language of a pack: every label, number format and date follows it.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    public var isChinese: Bool { self == .zh }
}
