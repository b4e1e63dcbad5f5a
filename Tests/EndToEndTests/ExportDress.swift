import Foundation
import Snapshot
import Metrics
import ZIPFoundation

/// The sample snapshot dressed as a CRM's own export: other file and column names, its own
/// status words, timestamp and money forms, separator, encoding. The rows, their order and
/// their values stay the sample's, so a mapping that reads it back right gives the plain
/// sample's numbers to the byte.
struct ExportDress: Sendable {
    /// Contract table → file name (one name, or several: the rows split across them in order).
    var files: [String: [String]]
    /// `table.column` → the header the export uses.
    var headers: [String: String]
    var timestamp: @Sendable (CivilDate, Int, Int, Int) -> String
    var date: @Sendable (CivilDate) -> String
    /// Money in minor units → its text (always 2 fraction digits in the sample).
    var money: @Sendable (Int64) -> String
    var words: [String: [String: String]] = [:]
    var delimiter: Character = ","
    var lineEnd = "\n"
    var byteOrderMark = false
    /// iconv's name for the encoding, nil for UTF-8.
    var encoding: String?
    /// Written as `.xlsx` workbooks: timestamps as date cells, money as numbers, the rest as shared strings.
    var workbook = false

    static let timestampColumns: Set<String> = ["signup_at", "ordered_at", "created_at", "first_contact_at", "qualified_at", "opportunity_at",
                                                "won_at", "lost_at", "at", "opened_at", "first_response_at", "resolved_at"]
    static let moneyColumns: Set<String> = ["orders.amount", "orders.cost", "leads.amount", "spend.amount"]

    /// Writes every table of `sample` dressed into `folder`.
    func write(sample: String, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for table in Snapshot.tableNames {
            let reader = try TableReader(path: sample + "/\(table).csv", fileName: "\(table).csv")
            // One pass: the reader unescapes quoted fields in place, so its bytes are read once.
            var rawRows: [[String]] = []
            try reader.forEachRecord { record in rawRows.append(reader.header.indices.map { record.string($0, trimmed: false) }) }
            let rows = rawRows.map { raw in raw.indices.map { i in dress(table, reader.header[i], raw[i]) } }
            let header = reader.header.map { headers["\(table).\($0)"] ?? $0 }
            let names = files[table] ?? ["\(table).csv"]
            if workbook {
                let kinds = reader.header.map { Self.cellKind(table, $0) }
                try Self.writeWorkbook(header: header, rows: rawRows, kinds: kinds, words: reader.header.map { words["\(table).\($0)"] ?? [:] },
                                       to: folder + "/" + names[0])
                continue
            }
            let size = (rows.count + names.count - 1) / names.count
            for (k, name) in names.enumerated() {
                let part = rows[min(k * size, rows.count)..<min((k + 1) * size, rows.count)]
                let text = ([header] + part).map { $0.map(quoted).joined(separator: String(delimiter)) }.joined(separator: lineEnd) + lineEnd
                var bytes = Array(text.utf8)
                if let encoding { bytes = try Self.iconv(bytes, to: encoding) }
                if byteOrderMark { bytes = [0xEF, 0xBB, 0xBF] + bytes }
                try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
            }
        }
    }

    private func dress(_ table: String, _ column: String, _ value: String) -> String {
        guard !value.isEmpty else { return value }
        if let word = words["\(table).\(column)"]?[value] { return word }
        if Self.moneyColumns.contains("\(table).\(column)"), let units = Self.minorUnits(value) { return money(units) }
        if Self.timestampColumns.contains(column) || (table == "traffic" && column == "date") {
            let parts = value.split(whereSeparator: { "- :".contains($0) }).map { Int($0)! }
            let day = CivilDate(year: parts[0], month: parts[1], day: parts[2])
            return parts.count == 3 ? date(day) : timestamp(day, parts[3], parts[4], parts[5])
        }
        return value
    }

    private func quoted(_ field: String) -> String {
        field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    static func minorUnits(_ text: String) -> Int64? {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let whole = Int64(parts[0]), let cents = Int64(parts[1]) else { return nil }
        return whole * 100 + cents
    }

    /// `1234567` → `12,345.67` with the given separators.
    static func grouped(_ units: Int64, thousands: String, decimal: String) -> String {
        var whole = String(units / 100), out = ""
        while whole.count > 3 {
            out = thousands + whole.suffix(3) + out
            whole.removeLast(3)
        }
        return whole + out + decimal + String(format: "%02d", Int(units % 100))
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func iconv(_ bytes: [UInt8], to encoding: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(bytes)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    // MARK: Workbooks

    enum CellKind { case text, timestamp, date, money }

    static func cellKind(_ table: String, _ column: String) -> CellKind {
        if moneyColumns.contains("\(table).\(column)") { return .money }
        if timestampColumns.contains(column) { return .timestamp }
        return table == "traffic" && column == "date" ? .date : .text
    }

    /// One sheet: text as shared strings, money as numbers, timestamps as date cells
    /// (serial days since 1899-12-30 in a date-and-time style); an empty value is no cell at all.
    static func writeWorkbook(header: [String], rows: [[String]], kinds: [CellKind], words: [[String: String]], to path: String) throws {
        var strings: [String] = [], index: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let i = index[text] { return i }
            strings.append(text)
            index[text] = strings.count - 1
            return strings.count - 1
        }
        func column(_ i: Int) -> String { i < 26 ? String(UnicodeScalar(UInt8(65 + i))) : "A" + String(UnicodeScalar(UInt8(65 + i - 26))) }
        var sheet = "<row r=\"1\">" + header.enumerated().map { "<c r=\"\(column($0))1\" t=\"s\"><v>\(shared($1))</v></c>" }.joined() + "</row>"
        for (r, row) in rows.enumerated() {
            sheet += "<row r=\"\(r + 2)\">"
            for (i, value) in row.enumerated() where !value.isEmpty {
                let ref = "\(column(i))\(r + 2)"
                switch kinds[i] {
                case .money:
                    let units = minorUnits(value)!
                    let number = units % 100 == 0 ? "\(units / 100)" : units % 10 == 0 ? "\(units / 100).\(units % 100 / 10)" : "\(units / 100).\(twoDigits(Int(units % 100)))"
                    sheet += "<c r=\"\(ref)\"><v>\(number)</v></c>"
                case .timestamp, .date:
                    let parts = value.split(whereSeparator: { "- :".contains($0) }).map { Int($0)! }
                    let days = CivilDate(year: parts[0], month: parts[1], day: parts[2]).dayNumber - CivilDate(year: 1899, month: 12, day: 30).dayNumber
                    let seconds = parts.count == 6 ? parts[3] * 3600 + parts[4] * 60 + parts[5] : 0
                    sheet += "<c r=\"\(ref)\" s=\"\(kinds[i] == .date ? 1 : 2)\"><v>\(Double(days) + Double(seconds) / 86_400)</v></c>"
                case .text:
                    sheet += "<c r=\"\(ref)\" t=\"s\"><v>\(shared(words[i][value] ?? value))</v></c>"
                }
            }
            sheet += "</row>"
        }
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let parts = [
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "xl/workbook.xml": "<workbook \(ns) xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/styles.xml": "<styleSheet \(ns)><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>",
            "xl/sharedStrings.xml": "<sst \(ns)>" + strings.map { "<si><t xml:space=\"preserve\">\(escaped($0))</t></si>" }.joined() + "</sst>",
            "xl/worksheets/sheet1.xml": "<worksheet \(ns)><sheetData>\(sheet)</sheetData></worksheet>",
        ]
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    // MARK: The dresses

    /// An American CRM: renamed headers and files, `MM/dd/yyyy hh:mm:ss a`, `"1,234.50"`, `Closed Won`.
    static let englishCRM = ExportDress(
        files: ["customers": ["Accounts.csv"], "orders": ["Orders.csv"], "leads": ["Leads.csv"], "traffic": ["Web Traffic.csv"],
                "activities": ["Activity History.csv"], "spend": ["Marketing Spend.csv"], "surveys": ["Survey Responses.csv"],
                "tickets": ["Cases.csv"], "targets": ["Sales Targets.csv"]],
        headers: ["customers.customer_id": "Account ID", "customers.name": "Account Name", "customers.signup_at": "Created Date",
                  "customers.channel": "Lead Source", "customers.region": "Region", "customers.industry": "Industry",
                  "customers.tier": "Segment", "customers.owner": "Account Owner",
                  "orders.order_id": "Order Number", "orders.customer_id": "Account ID", "orders.ordered_at": "Order Date",
                  "orders.amount": "Amount", "orders.status": "Status", "orders.cost": "Cost", "orders.product": "Product Name",
                  "leads.lead_id": "Lead ID", "leads.created_at": "Created Date", "leads.channel": "Lead Source", "leads.campaign": "Campaign Name",
                  "leads.owner": "Lead Owner", "leads.first_contact_at": "First Contact Date", "leads.qualified_at": "Qualified Date",
                  "leads.opportunity_at": "Converted Date", "leads.won_at": "Won Date", "leads.lost_at": "Lost Date",
                  "leads.amount": "Deal Value", "leads.customer_id": "Account ID",
                  "traffic.date": "Day", "traffic.channel": "Source", "traffic.visits": "Sessions",
                  "activities.customer_id": "Account ID", "activities.at": "Timestamp", "activities.type": "Activity Type",
                  "activities.owner": "Assigned To",
                  "spend.month": "Month", "spend.channel": "Channel", "spend.amount": "Amount",
                  "surveys.customer_id": "Account ID", "surveys.at": "Timestamp", "surveys.kind": "Survey Type", "surveys.score": "Rating",
                  "tickets.ticket_id": "Case Number", "tickets.customer_id": "Account ID", "tickets.opened_at": "Date Opened",
                  "tickets.first_response_at": "First Response Date", "tickets.resolved_at": "Date Closed", "tickets.kind": "Category",
                  "targets.metric": "KPI", "targets.period": "Period", "targets.target": "Goal"],
        timestamp: { d, h, m, s in
            "\(twoDigits(d.month))/\(twoDigits(d.day))/\(d.year) \(twoDigits(h % 12 == 0 ? 12 : h % 12)):\(twoDigits(m)):\(twoDigits(s)) \(h < 12 ? "AM" : "PM")"
        },
        date: { d in "\(twoDigits(d.month))/\(twoDigits(d.day))/\(d.year)" },
        money: { "$" + grouped($0, thousands: ",", decimal: ".") },
        words: ["orders.status": ["paid": "Closed Won", "refunded": "Refunded", "cancelled": "Cancelled"],
                "surveys.kind": ["nps": "NPS", "csat": "CSAT"]])

    /// A Chinese Excel "CSV": GB18030, Chinese file names and headers, `yyyy/M/d H:mm:ss`, Chinese status words.
    static let chineseExcel = ExportDress(
        files: ["customers": ["客户.csv"], "orders": ["订单.csv"], "leads": ["线索.csv"], "traffic": ["流量.csv"],
                "activities": ["行为记录.csv"], "spend": ["投放花费.csv"], "surveys": ["问卷.csv"], "tickets": ["工单.csv"], "targets": ["目标.csv"]],
        headers: ["customers.customer_id": "客户编号", "customers.name": "客户名称", "customers.signup_at": "注册时间",
                  "customers.channel": "来源渠道", "customers.region": "大区", "customers.industry": "行业",
                  "customers.tier": "客户等级", "customers.owner": "负责人",
                  "orders.order_id": "订单编号", "orders.customer_id": "客户编号", "orders.ordered_at": "下单时间",
                  "orders.amount": "订单金额", "orders.status": "订单状态", "orders.cost": "成本", "orders.product": "产品",
                  "leads.lead_id": "线索编号", "leads.created_at": "留资时间", "leads.channel": "渠道", "leads.campaign": "推广活动",
                  "leads.owner": "负责人", "leads.first_contact_at": "首次跟进时间", "leads.qualified_at": "有效线索时间",
                  "leads.opportunity_at": "商机时间", "leads.won_at": "成交时间", "leads.lost_at": "丢单时间",
                  "leads.amount": "成交金额", "leads.customer_id": "客户编号",
                  "traffic.date": "日期", "traffic.channel": "渠道", "traffic.visits": "访问量",
                  "activities.customer_id": "客户编号", "activities.at": "时间", "activities.type": "类型", "activities.owner": "负责人",
                  "spend.month": "月份", "spend.channel": "渠道", "spend.amount": "金额",
                  "surveys.customer_id": "客户编号", "surveys.at": "填写时间", "surveys.kind": "问卷类型", "surveys.score": "评分",
                  "tickets.ticket_id": "工单编号", "tickets.customer_id": "客户编号", "tickets.opened_at": "提交时间",
                  "tickets.first_response_at": "首次响应时间", "tickets.resolved_at": "解决时间", "tickets.kind": "工单类型",
                  "targets.metric": "指标", "targets.period": "期间", "targets.target": "目标值", "targets.dimension": "维度", "targets.value": "维度值"],
        timestamp: { d, h, m, s in "\(d.year)/\(d.month)/\(d.day) \(h):\(twoDigits(m)):\(twoDigits(s))" },
        date: { d in "\(d.year)/\(d.month)/\(d.day)" },
        money: { grouped($0, thousands: "", decimal: ".") },
        words: ["orders.status": ["paid": "已付款", "refunded": "已退款", "cancelled": "已取消"],
                "surveys.kind": ["nps": "净推荐值", "csat": "满意度"]],
        lineEnd: "\r\n",
        encoding: "GB18030")

    /// A European spreadsheet: `;`, decimal commas, `dd.MM.yyyy HH:mm:ss`, a BOM and CRLF, orders in two files.
    static let european = ExportDress(
        files: ["orders": ["orders_1.csv", "orders_2.csv"]],
        headers: [:],
        timestamp: { d, h, m, s in "\(twoDigits(d.day)).\(twoDigits(d.month)).\(d.year) \(twoDigits(h)):\(twoDigits(m)):\(twoDigits(s))" },
        date: { d in "\(twoDigits(d.day)).\(twoDigits(d.month)).\(d.year)" },
        money: { grouped($0, thousands: ".", decimal: ",") },
        delimiter: ";",
        lineEnd: "\r\n",
        byteOrderMark: true)

    /// An Excel workbook per table, Chinese headers, date cells and numeric amounts.
    static let chineseWorkbook: ExportDress = {
        var dress = chineseExcel
        dress.files = chineseExcel.files.mapValues { $0.map { $0.replacingOccurrences(of: ".csv", with: ".xlsx") } }
        dress.encoding = nil
        dress.workbook = true
        return dress
    }()
}
