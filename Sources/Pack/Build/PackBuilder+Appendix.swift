import Charts
import Metrics

extension PackBuilder {
    func quality() -> PackSection {
        let q = report.quality
        var blocks: [PackBlock] = []
        let rowsRead = q.rowsRead.keys.sorted().map { [$0, q.sources[$0] ?? "", format.exact(q.rowsRead[$0]!)] }
        if q.isAudienceShare {
            blocks.append(.note(q.totalFindings == 0
                ? text("本报告所涵盖的行中未发现数据质量问题。", "The rows this pack covers have no data-quality findings.")
                : text("本报告所涵盖的行中发现 \(format.exact(q.totalFindings)) 处数据质量问题；问题行已计数并按口径处理，未被静默丢弃。其他范围的行的问题不在此列。",
                       "The rows this pack covers have \(format.exact(q.totalFindings)) data-quality findings; each is counted and handled as the definitions say, none silently dropped. Findings in rows outside this pack are not shown.")))
        } else {
            blocks.append(.note(q.totalFindings == 0
                ? text("读取时未发现数据质量问题。", "No data-quality problems were found while reading.")
                : text("读取时共发现 \(format.exact(q.totalFindings)) 处数据质量问题；问题行已计数并按口径处理，未被静默丢弃。",
                       "\(format.exact(q.totalFindings)) data-quality problems were found while reading; each is counted and handled as the definitions say, none silently dropped.")))
        }
        if !q.absentTables.isEmpty {
            blocks.append(.note(text("快照中缺少可选表：", "Optional tables absent from the snapshot: ")
                                + q.absentTables.sorted().map(tableName).joined(separator: text("、", ", ")) + text("。", ".")))
        }
        if let completeness = report.metric("data_completeness") {
            blocks.append(.chart(trend(completeness)))
            if let table = sliceTable(id: "completeness-by-owner", caption: text("分负责人资料完整率", "Completeness by owner"), dimension: "owner", ids: ["data_completeness"]) {
                blocks.append(.table(table))
            }
        }
        blocks.append(.table(DataTable(id: "rows-read", caption: q.isAudienceShare ? text("读取行数（整个快照）", "Rows read (the whole snapshot)") : text("读取行数", "Rows read"), header: [text("表", "Table"), text("来源", "Source"), text("行数", "Rows")], rows: rowsRead, numericColumns: [2])))
        if !q.tallies.isEmpty {
            blocks.append(.table(DataTable(id: "findings", caption: text("发现的问题", "Findings"),
                                           header: [text("类型", "Kind"), text("来源", "Source"), text("列", "Column"), text.count, text("首例", "First example")],
                                           rows: q.sortedTallies.map { t in
                                               [findingName(t.kind), t.file, t.columnName ?? "—", format.exact(t.count), t.examples.first.map(example) ?? ""]
                                           }, numericColumns: [3])))
        }
        return PackSection(id: "quality", title: text.quality, blocks: blocks)
    }

    func findingName(_ kind: FindingKind) -> String {
        switch kind {
        case .duplicateKey: return text("重复主键", "Duplicate key")
        case .unknownCustomer: return text("未知客户", "Unknown customer")
        case .unreadableValue: return text("无法读取的值", "Unreadable value")
        case .missingRequiredValue: return text("缺少必填值", "Missing required value")
        case .futureTimestamp: return text("未来时间", "Future timestamp")
        case .stageOrder: return text("阶段时间倒序", "Stages out of order")
        case .wonAndLost: return text("既成交又丢单", "Both won and lost")
        case .negativeAmount: return text("负金额", "Negative amount")
        case .missingOptionalValue: return text("缺少可选字段", "Missing optional field")
        }
    }

    /// Where the first finding of a kind is and how it was handled, in the pack's language.
    func example(_ finding: Finding) -> String {
        options.language.isChinese ? "\(finding.chineseLocation)：\(finding.chinese)" : "\(finding.location): \(finding.message)"
    }

    func unitName(_ unit: MetricDefinition.Unit) -> String {
        switch unit {
        case .count: return text("个数", "count")
        case .money: return text("金额", "money")
        case .ratio: return text("比率", "ratio")
        case .multiple: return text("倍数", "multiple")
        case .days: return text("天", "days")
        case .hours: return text("小时", "hours")
        case .months: return text("月", "months")
        case .score: return text("分", "score")
        case .number: return text("数值", "number")
        }
    }

    /// The appendix: every definition, the configuration in force and, when the pack
    /// predicts, the models behind the predictions.
    func dictionary(parameters: [PackBlock]?) -> PackSection {
        let zh = options.language.isChinese
        let direction = { (d: MetricDefinition.Direction) in d == .up ? text("越高越好", "higher") : d == .down ? text("越低越好", "lower") : "—" }
        let rows = report.catalog.definitions.map { d in
            [d.name(chinese: zh), d.id, d.formula(chinese: zh), unitName(d.unit), direction(d.direction), d.sources.joined(separator: ", ")]
        }
        let keys = report.config.definitions.keyValues.map { "\($0.0) = \($0.1)" }.joined(separator: "; ")
        var blocks: [PackBlock] = [
            .note(text("每个数字都严格按以下口径计算，所有图表、表格与 metrics.json 一致。参数：", "Every number is computed exactly as defined here, the same in every chart, table and metrics.json. Parameters: ") + keys),
            .table(DataTable(id: "dictionary", header: [text("名称", "Name"), text("代码", "id"), text("定义", "Definition"), text("单位", "Unit"), text("方向", "Better"), text("来源表", "Sources")], rows: rows)),
        ]
        blocks += parameters ?? []
        return PackSection(id: "dictionary", title: text.dictionary, blocks: blocks)
    }
}
