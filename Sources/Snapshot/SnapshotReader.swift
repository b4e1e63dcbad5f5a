import Metrics
import Foundation

/// Reads a snapshot: from a folder of files (`<table>.csv`, or the company's own exports as
/// the mapping in `pack.yaml` describes them), or from any tables a ``TableReader`` reads.
///
/// Every table's files are opened and every header checked first, so one run names every
/// missing table and column at once. Then `customers` is read (every other table resolves
/// customer ids against it), then the other tables in parallel, one per core.
public enum SnapshotReader {
    /// One table's opened files and its header bound to the contract.
    public struct Input: Sendable {
        public let reader: TableReader
        public let layout: TableLayout
    }

    /// Opens the present tables of a folder and checks their headers: a missing required
    /// table or column, or a file that cannot be opened, is one problem among all those found.
    public static func open(folder: String, options: SnapshotOptions) throws -> [String: Input] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SnapshotError(.notFound, file: folder, message: "no such folder; expected a folder of <table>.csv files", chinese: "文件夹不存在；应为存放 <表>.csv 文件的文件夹")
        }
        return try open(options: options) { table, mapping in
            guard let files = TableFiles.find(table, in: folder, mapping: mapping) else {
                guard Snapshot.requiredTables.contains(table) else { return nil }
                let name = mapping.file ?? TableMapping.defaultFile(of: table)
                var problem = SnapshotError(.notFound, file: name, message: mapping.file == nil
                    ? "the required table \(table) is missing from \(folder) (an export under another name is mapped with tables.\(table).file in pack.yaml)"
                    : "no file in \(folder) matches \(name), which pack.yaml names for the required table \(table)")
                problem.chinese = mapping.file == nil
                    ? "\(folder) 中缺少必需的表 \(table)（其他文件名的导出文件可在 pack.yaml 的 tables.\(table).file 下指定）"
                    : "\(folder) 中没有与 \(name) 匹配的文件（pack.yaml 为必需的表 \(table) 指定了它）"
                throw problem
            }
            return try TableReader(files: files.files, name: files.displayName, mapping: mapping)
        }
    }

    /// Opens every table `reader` finds (nil: absent) and checks their headers, collecting
    /// every problem before throwing them together. `reader` throws for a required table it cannot find.
    public static func open(options: SnapshotOptions, reader: (_ table: String, _ mapping: TableMapping) throws -> TableReader?) throws -> [String: Input] {
        var inputs: [String: Input] = [:]
        var problems: [SnapshotError] = []
        for table in Snapshot.tableNames {
            let mapping = options.mapping[table] ?? TableMapping()
            do {
                guard let reader = try reader(table, mapping) else { continue }
                let layout = TableLayout(table: table, header: reader.header, fileName: reader.fileName, mapping: mapping, partNames: reader.partNames)
                problems += layout.missingColumns()
                inputs[table] = Input(reader: reader, layout: layout)
            } catch let problem as SnapshotError {
                problems.append(problem)
            }
        }
        if let all = SnapshotError.all(problems) { throw all }
        return inputs
    }

    public static func read(folder: String, options: SnapshotOptions) throws -> Snapshot {
        try read(try open(folder: folder, options: options), options: options)
    }

    /// Reads opened tables (``open(folder:options:)``) into the snapshot.
    public static func read(_ inputs: [String: Input], options: SnapshotOptions) throws -> Snapshot {
        let customersInput = inputs["customers"]!
        let (customers, customerLog) = try CustomerTable.read(customersInput.reader, layout: customersInput.layout, options: options)
        try checkLeftOut(customerLog, options: options)
        guard customers.count > 0 else {
            let rows = customerLog.rowsRead["customers"] ?? 0
            throw SnapshotError(.unusable, file: customersInput.layout.fileName, line: rows > 0 ? 2 : 1,
                                message: rows > 0 ? "none of its \(rows) rows could be read as a customer; every metric would be empty"
                                                  : "the file holds no customers; every metric would be empty",
                                chinese: rows > 0 ? "\(rows) 行中没有一行能读成客户；所有指标都将为空" : "文件中没有客户；所有指标都将为空")
        }

        let others = Snapshot.tableNames.filter { $0 != "customers" }
        // Begun largest first (the work is handed out in this order, a table per core):
        // activities begun after orders and leads were read alone for a third of the read.
        // Their results are still taken in the tables' order, so the findings are too.
        let schedule = others.indices.sorted { (inputs[others[$0]]?.reader.estimatedBytes ?? 0) > (inputs[others[$1]]?.reader.estimatedBytes ?? 0) }
        let results = ConcurrentSlots<Result<Loaded?, Error>>(count: others.count)
        DispatchQueue.concurrentPerform(iterations: others.count) { k in
            let i = schedule[k]
            results.set(i, Result { try inputs[others[i]].flatMap { try readTable(others[i], $0, options: options, customers: customers) } })
        }
        var snapshot = Snapshot(customers: customers, orders: OrderTable(), quality: customerLog, zone: options.zone)
        snapshot.asOf = options.asOf
        for (i, name) in others.enumerated() {
            guard let loaded = try results.get(i).get() else {
                snapshot.quality.noteAbsent(name)
                continue
            }
            snapshot.quality.merge(loaded.log)
            switch loaded.table {
            case let t as OrderTable: snapshot.orders = t
            case let t as LeadTable: snapshot.leads = t
            case let t as TrafficTable: snapshot.traffic = t
            case let t as ActivityTable: snapshot.activities = t
            case let t as SpendTable: snapshot.spend = t
            case let t as SurveyTable: snapshot.surveys = t
            case let t as TicketTable: snapshot.tickets = t
            case let t as TargetTable: snapshot.targets = t
            default: break
            }
        }
        try checkLeftOut(snapshot.quality, options: options)
        if options.strict, let first = snapshot.quality.firstFinding {
            throw SnapshotError(.strictFinding, file: first.file, line: first.line, column: first.column, columnName: first.columnName,
                                message: "\(first.message) (strict mode: \(snapshot.quality.totalFindings) finding(s) in all)",
                                chinese: "\(first.chinese)（严格模式：共 \(snapshot.quality.totalFindings) 处问题）")
        }
        return snapshot
    }

    /// Fails the read when a table lost more than the allowed share of its rows to empty
    /// or unreadable required values: a pack of the rest would look like good news.
    static func checkLeftOut(_ log: QualityLog, options: SnapshotOptions) throws {
        for table in log.rowsLeftOut.keys.sorted() {
            let leftOut = log.rowsLeftOut[table]!, rows = log.rowsRead[table] ?? 0
            guard rows > 0, Double(leftOut) > options.maxLeftOutShare * Double(rows) else { continue }
            let file = log.sources[table] ?? table
            let first = log.tallies.first { $0.table == table && $0.examples.contains { $0.message.contains("the row is left out") } }?
                .examples.first { $0.message.contains("the row is left out") }
            let share = Double(leftOut) / Double(rows) * 100
            throw SnapshotError(.unusable, file: first?.file ?? file, line: first?.line, column: first?.column, columnName: first?.columnName,
                                message: "\(first?.message ?? "a required value cannot be read"); \(leftOut) of \(rows) rows of \(file) "
                                    + "(\(String(format: "%.1f", share)) %) are left out like this, "
                                    + "more than the \(options.maxLeftOutShare * 100) % allowed (quality.max_unreadable_share in pack.yaml)",
                                chinese: "\(first?.chinese ?? "必填值无法读取")；\(file) 的 \(rows) 行中有 \(leftOut) 行（\(String(format: "%.1f", share)) %）因此未计入，"
                                    + "超过允许的 \(options.maxLeftOutShare * 100) %（pack.yaml 中的 quality.max_unreadable_share）")
        }
    }

    struct Loaded: @unchecked Sendable {
        let table: Any
        var log: QualityLog
    }

    private static func readTable(_ name: String, _ input: Input, options: SnapshotOptions, customers: CustomerTable) throws -> Loaded? {
        guard var loaded = try readRecords(name, input, options: options, customers: customers) else { return nil }
        // Rows a database reduced itself were read all the same.
        if let total = input.reader.rowCount { loaded.log.noteRows(total, of: name, from: input.layout.fileName) }
        return loaded
    }

    private static func readRecords(_ name: String, _ input: Input, options: SnapshotOptions, customers: CustomerTable) throws -> Loaded? {
        let (r, layout) = (input.reader, input.layout)
        switch name {
        case "orders": let (t, l) = try OrderTable.read(r, layout: layout, options: options, customers: customers); return Loaded(table: t, log: l)
        case "leads": let (t, l) = try LeadTable.read(r, layout: layout, options: options, customers: customers); return Loaded(table: t, log: l)
        case "traffic": let (t, l) = try TrafficTable.read(r, layout: layout, options: options); return Loaded(table: t, log: l)
        case "activities": let (t, l) = try ActivityTable.read(r, layout: layout, options: options, customers: customers); return Loaded(table: t, log: l)
        case "spend": let (t, l) = try SpendTable.read(r, layout: layout, options: options); return Loaded(table: t, log: l)
        case "surveys": let (t, l) = try SurveyTable.read(r, layout: layout, options: options, customers: customers); return Loaded(table: t, log: l)
        case "tickets": let (t, l) = try TicketTable.read(r, layout: layout, options: options, customers: customers); return Loaded(table: t, log: l)
        case "targets": let (t, l) = try TargetTable.read(r, layout: layout, options: options); return Loaded(table: t, log: l)
        default: return nil
        }
    }
}
