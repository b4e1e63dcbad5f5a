/// Sentinels for "not known" in columnar arrays, where an Optional would double the memory.
public enum Missing {
    /// An absent timestamp (instants are seconds since 1970 UTC).
    public static let instant = Int64.min
    /// An absent money amount (minor units).
    public static let money = Int64.min
    /// An absent or unknown row reference (a customer index).
    public static let row: Int32 = -1
}
