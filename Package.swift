// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "ReviewPack",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "reviewpack", targets: ["reviewpack"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // cairo (PDF, SVG, PNG surfaces) and pangocairo, from the Debian -dev packages.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo cairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // libcurl, for sending the month's e-mail over SMTP (STARTTLS, SMTPS, AUTH).
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // libsqlite3 and libpq: the database sources (SQLite files; PostgreSQL and the servers that speak its protocol).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CPostgres", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // zlib (as CFlate: ZIPFoundation already has a CZLib): the charts' PNG files, and reopening the font streams cairo compresses in a PDF.
        .systemLibrary(name: "CFlate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // glibc's malloc.h (mallopt): part of libc, so nothing to link.
        .systemLibrary(name: "CMalloc"),
        // The compiler's prefetch hint: header-only, so nothing to link.
        .systemLibrary(name: "CPrefetch"),
        // Vector byte compares for the CSV scanner (SSE2 where there is SSE2): header-only too.
        .systemLibrary(name: "CByteMask"),
        // libxml2, whose push parser streams an .xlsx worksheet as ZIPFoundation inflates it.
        .systemLibrary(
            name: "CXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The metric catalog, the facts and the source interface they come through, metric
        // families, targets and metrics.json.
        .target(name: "Metrics", dependencies: ["CPrefetch"]),
        // The data contract: value parsing, CSV and .xlsx reading with the mapping of a CRM's
        // exports, typed columnar tables, findings, and their reduction to facts.
        .target(name: "Snapshot", dependencies: ["Metrics", "CXML2", "CByteMask", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The SQL sources (SQLite, PostgreSQL) behind the metric engine's source interface, and `load`.
        .target(name: "Warehouse", dependencies: ["Metrics", "Snapshot", "CSQLite", "CPostgres"]),
        // Chart specifications, scales, number formats and the one cairo drawing path.
        .target(name: "Charts", dependencies: ["CCairo", "CFlate"]),
        // The document model, HTML site, paginated PDF and publishing.
        .target(
            name: "Pack",
            dependencies: ["Metrics", "Charts", "CCairo", "CFlate", .product(name: "Mustache", package: "swift-mustache"), .product(name: "Ink", package: "Ink")]
        ),
        // The e-mail message (HTML, text, inline charts, PDF) and sending it (SMTP through libcurl, or sendmail).
        .target(name: "Delivery", dependencies: ["Pack", "Metrics", "Charts", "CCurl"]),
        // pack.yaml read and validated as data, in a library of its own so that it can be fuzzed.
        .target(
            name: "Configuration",
            dependencies: ["Snapshot", "Metrics", "Charts", "Pack", "Delivery", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "reviewpack",
            dependencies: [
                "Snapshot", "Warehouse", "Metrics", "Charts", "Pack", "Delivery", "Configuration", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "SnapshotTests", dependencies: ["Snapshot", "Metrics", "CByteMask", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "WarehouseTests", dependencies: ["Warehouse", "Snapshot", "Metrics"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "Snapshot"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "CCairo"], exclude: ["Golden"]),
        .testTarget(name: "PackTests", dependencies: ["Pack", "Metrics", "Charts"]),
        .testTarget(name: "DeliveryTests", dependencies: ["Delivery", "Pack", "Charts"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "Metrics", "Snapshot"]),
        .testTarget(name: "EndToEndTests", dependencies: ["reviewpack", "Snapshot", "Metrics", "Warehouse", "Charts", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ]
)

// `make fuzz` builds libFuzzer harnesses (Fuzz/) with -sanitize=fuzzer; they have no
// main of their own, so they exist only when REVIEWPACK_FUZZ is set.
if ProcessInfo.processInfo.environment["REVIEWPACK_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"))
    for (name, dependencies) in [("CSVFuzzer", ["Snapshot", "Metrics"]), ("ValueFuzzer", ["Snapshot", "Metrics"]), ("ConfigFuzzer", ["Configuration"])] {
        package.products.append(.executable(name: name, targets: [name]))
        package.targets.append(.executableTarget(name: name, dependencies: (dependencies + ["FuzzDriver"]).map { .target(name: $0) }, path: "Fuzz/\(name)"))
    }
    // The workbook fuzzer zips each input into an .xlsx before reading it.
    package.products.append(.executable(name: "WorkbookFuzzer", targets: ["WorkbookFuzzer"]))
    package.targets.append(.executableTarget(name: "WorkbookFuzzer", dependencies: ["Snapshot", "Metrics", "FuzzDriver", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                                             path: "Fuzz/WorkbookFuzzer"))
}
