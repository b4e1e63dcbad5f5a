import Foundation
import Metrics
import Snapshot
import Testing
@testable import Warehouse

/// The parts of the database sources that need no server: which type `load` gives a
/// column, and which connection strings carry a password.
@Suite struct LoadAndConnectionTests {
    let parser = TimestampParser(zone: Zone(identifier: "Asia/Shanghai")!)

    /// Narrows a column's type over its values, as `load` does.
    func type(_ kind: ColumnType.Kind, _ values: [String]) -> ColumnType? {
        var type: ColumnType?
        for value in values {
            var value = value
            value.withUTF8 { type = ColumnType.narrow(type, kind: kind, value: $0, parser: parser) }
        }
        return type
    }

    @Test func aTimeColumnIsAnInstantOnlyWhenEveryValueCarriesAnOffset() {
        #expect(type(.time, ["2026-10-01T08:00:00+08:00", "2026-10-31T23:30:00Z", "2026-11-01 09:00:00-0500"]) == .timestamptz)
        #expect(type(.time, ["2026-10-01 08:00", "2026-10-02", "2026-10-03T09:15:00"]) == .timestamp)
        // A mix of instants and local times, or one value that is no time, keeps the column as text.
        #expect(type(.time, ["2026-10-01 08:00", "2026-10-01T08:00:00Z"]) == .text)
        #expect(type(.time, ["2026-10-01 08:00", "2026-02-30"]) == .text)
        #expect(type(.time, ["2026/10/01"]) == .text)
    }

    @Test func moneyIsNumericOnlyInThePlainFormAndWithinFifteenDigits() {
        #expect(type(.money, ["1234.50", "-3", "0.1", "999999999999.99"]) == .numeric)
        #expect(type(.money, ["1,234.50"]) == .text)
        #expect(type(.money, ["12.", "7"]) == .text)
        #expect(type(.money, ["12.340"]) == .text, "more decimals than CNY has: unreadable in a file, so not rounded by a database")
        #expect(type(.money, ["1234567890123.456"]) == .text, "16 significant digits would not survive SQLite's REAL")
        #expect(type(.integer, ["00123", "-4"]) == .bigint)
        #expect(type(.integer, ["12a"]) == .text)
        #expect(type(.integer, ["1234567890123456789"]) == .text, "19 digits may not fit a bigint")
        // Ids and words stay text whatever they look like, so 00123 keeps its zeros.
        #expect(type(.text, ["00123"]) == .text)
    }

    @Test func aPasswordInTheConnectionStringIsFound() {
        #expect(PostgresConnection.carriesPassword("postgresql://report:s3cret@db.example.com/crm"))
        #expect(PostgresConnection.carriesPassword("postgres://db.example.com/crm?sslmode=require&password=s3cret"))
        #expect(PostgresConnection.carriesPassword("host=db.example.com password=s3cret dbname=crm"))
        #expect(!PostgresConnection.carriesPassword("postgresql://report@db.example.com:5432/crm?sslmode=verify-full"))
        #expect(!PostgresConnection.carriesPassword("postgresql://report@[::1]:5432/crm?options=-csearch_path%3Dsales"))
        #expect(!PostgresConnection.carriesPassword("host=db.example.com user=report dbname=crm"))
    }
}

/// A SQLite table is read in rowid order, except where there is no rowid to order by.
@Suite struct SQLiteRowOrderTests {
    @Test func viewsAndWithoutRowidTablesAreReadInTheirOwnOrder() throws {
        let path = NSTemporaryDirectory() + "reviewpack-rowid-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try SQLiteDatabase(path: path, create: true)
        try database.execute("""
            CREATE TABLE plain (id TEXT); CREATE VIEW seen AS SELECT * FROM plain;
            CREATE TABLE keyed (id TEXT PRIMARY KEY) WITHOUT ROWID; CREATE TABLE spaced (id TEXT PRIMARY KEY) without
              rowid;
            """)
        #expect(try database.hasRowid("plain"))
        #expect(try !database.hasRowid("seen"))
        #expect(try !database.hasRowid("keyed"))
        #expect(try !database.hasRowid("spaced"))
    }
}
