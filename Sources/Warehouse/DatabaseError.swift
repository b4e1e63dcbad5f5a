/// Why a database source could not be read or written: one sentence naming the source
/// (never a password) and, for a query, the table.
public struct DatabaseError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The database file or server is not there (exit 66).
        case notFound
        /// It is there but refused us: connection, authentication, permission (exit 69).
        case unavailable
        /// A statement failed on a table (exit 65).
        case query
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) { (self.kind, self.message) = (kind, message) }

    public var description: String { message }
}
