/// `metrics.json`: the machine-readable result, in the shape METRICS.md documents.
public enum MetricsJSON {
    /// Without `personalData` the at-risk list keeps customer ids but not names: the file may be published.
    public static func document(_ report: Report, personalData: Bool = true) -> JSONValue {
        var top: [(String, JSONValue)] = [
            ("month", .string(report.month.description)),
            ("timezone", .string(report.zone)),
            ("metrics", .object(report.metrics.map { ($0.id, metric($0)) })),
        ]
        if let funnel = report.funnel { top.append(("funnel", Self.funnel(funnel))) }
        let b = report.bridge
        top.append(("bridge", .object([("start", .int(b.start)), ("churned", .int(b.churned)), ("reactivated", .int(b.reactivated)),
                                       ("new", .int(b.new)), ("end", .int(b.end))])))
        top.append(("cohort_retention", .array(report.cohorts.rows.map { row in
            .object([("cohort", .string(row.cohort.description)), ("size", .int(row.size)), ("rates", .array(row.retention.map { .number($0) }))])
        })))
        top.append(("cohort_revenue", .array(report.cohorts.rows.map { row in
            .object([("cohort", .string(row.cohort.description)), ("size", .int(row.size)), ("revenue_per_member", .array(row.revenuePerMember.map { .number($0) }))])
        })))
        top.append(("rfm", .array(report.rfm.segments.map { s in
            .object([("segment", .string(s.nameZh)), ("segment_en", .string(s.nameEn)), ("key", .string(s.key)), ("customers", .int(s.customers)),
                     ("share", .number(s.share)), ("revenue", .number(s.revenue)), ("revenue_share", .number(s.revenueShare)),
                     ("mean_recency_days", .number(s.meanRecencyDays)), ("mean_frequency", .number(s.meanFrequency)), ("mean_monetary", .number(s.meanMonetary))])
        })))
        top += prediction(report.prediction, personalData: personalData)
        top.append(("targets", .array(report.targets.map(target))))
        top.append(("alerts", .array(report.alerts.map(alert))))
        top.append(("quality", quality(report.quality)))
        top.append(("unavailable", .object(report.unavailable.map { ($0.id, .string("table \($0.missingTable) is absent")) })))
        return .object(top)
    }

    static func metric(_ r: MetricResult) -> JSONValue {
        let slices: [(String, JSONValue)] = r.current.slices.map { dim in
            (dim.dimension, .object(dim.members.map { ($0.member, .number($0.value)) }))
        }
        return .object([
            ("value", .number(r.value)),
            ("unit", .string(r.definition.unit.rawValue)),
            ("mom", .number(r.mom)),
            ("yoy", .number(r.yoy)),
            ("series", .array(zip(r.months, r.series).map { .object([("month", .string($0.description)), ("value", .number($1))]) })),
            ("target", .number(r.target?.target)),
            ("attainment", .number(r.target?.attainment)),
            ("pace", .number(r.target?.pace)),
            ("status", r.target?.status.map { .string($0.rawValue) } ?? .null),
            ("slices", .object(slices)),
        ])
    }

    static func funnel(_ f: Funnel) -> JSONValue {
        func stages(_ s: [Funnel.Stage]) -> JSONValue {
            .array(s.map { .object([("stage", .string($0.kind.rawValue)), ("label", .string($0.label)), ("count", .int($0.count)),
                                    ("conversion", .number($0.stepConversion)), ("cost_per_stage", .number($0.costPerStage))]) })
        }
        return .object([("stages", stages(f.stages)), ("overall_conversion", .number(f.overallConversion)),
                        ("by_channel", .object(f.byChannel.map { ($0.channel, stages($0.stages)) }))])
    }

    static func prediction(_ p: Prediction, personalData: Bool) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        switch p.purchasing {
        case .success(let fit):
            let m = fit.model
            out.append(("bgnbd", .object([("r", .number(m.r)), ("alpha", .number(m.alpha)), ("a", .number(m.a)), ("b", .number(m.b)),
                                          ("loglik", .number(fit.logLikelihood)), ("n", .int(fit.n))])))
        case .failure(let e):
            out.append(("bgnbd", .object([("error", .string(e.description)), ("n", .int(p.customers))])))
        }
        switch p.spending {
        case .success(let fit)?:
            let m = fit.model
            out.append(("gamma_gamma", .object([("p", .number(m.p)), ("q", .number(m.q)), ("gamma", .number(m.gamma)),
                                                ("loglik", .number(fit.logLikelihood)), ("n", .int(fit.n)), ("left_out_zero_mean", .int(fit.excludedZeroMean))])))
        case .failure(let e)?:
            out.append(("gamma_gamma", .object([("error", .string(e.description))])))
        case nil:
            out.append(("gamma_gamma", .null))
        }
        out.append(("at_risk", .array(p.atRisk.map { a in
            .object([("customer_id", .string(a.customerId))] + (personalData ? [("name", .string(a.name))] : [])
                + [("owner", a.owner.map { .string($0) } ?? .null),
                   ("last_order", .string(CivilDate(dayNumber: Int(a.lastOrderDay)).description)), ("revenue_12m", .number(a.revenue)),
                   ("p_alive", .number(a.probabilityAlive))])
        })))
        return out
    }

    static func target(_ t: TargetOutcome) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("metric", .string(t.metric)), ("period", .string(t.period))]
        if let slice = t.slice { pairs += [("dimension", .string(slice.dimension)), ("value", .string(slice.value))] }
        pairs += [("target", .number(t.target)), ("actual", .number(t.actual)), ("attainment", .number(t.attainment)),
                  ("open", .bool(t.open)), ("pace", .number(t.pace)), ("status", t.status.map { .string($0.rawValue) } ?? .null)]
        return .object(pairs)
    }

    static func alert(_ a: Alert) -> JSONValue {
        let (kind, _) = conditionParts(a.rule.condition)
        var pairs: [(String, JSONValue)] = [("metric", .string(a.rule.metric))]
        if let slice = a.rule.slice { pairs += [("dimension", .string(slice.dimension)), ("value", .string(slice.value))] }
        pairs += [("condition", .string(kind)), ("threshold", .number(a.threshold)), ("observed", .number(a.observed)),
                  ("severity", .string(a.rule.severity.rawValue))]
        return .object(pairs)
    }

    public static func conditionParts(_ c: AlertRule.Condition) -> (String, Double) {
        switch c {
        case .above(let t): return ("above", t)
        case .below(let t): return ("below", t)
        case .changeAbove(let t): return ("change_above", t)
        case .changeBelow(let t): return ("change_below", t)
        }
    }

    /// Findings in the contract's terms (table, row, column), so that every source of the same rows writes the same bytes.
    static func quality(_ q: QualityLog) -> JSONValue {
        let counts = FindingKind.allCases.map { ($0.rawValue, JSONValue.int(q.count(of: $0))) }
        let rows = q.rowsRead.keys.sorted().map { ($0, JSONValue.int(q.rowsRead[$0]!)) }
        let findings: [JSONValue] = q.sortedTallies.map { t in
            .object([("kind", .string(t.kind.rawValue)), ("table", .string(t.table)), ("column", t.field.map { .string($0) } ?? .null),
                     ("count", .int(t.count)),
                     ("examples", .array(t.examples.map { .object([("row", .int($0.row)), ("message", .string($0.message))]) }))])
        }
        return .object([("of", .string(q.isAudienceShare ? "audience" : "snapshot")),
                        ("total", .int(q.totalFindings)), ("counts", .object(counts)), ("rows_read", .object(rows)),
                        ("absent_tables", .array(q.absentTables.sorted().map { .string($0) })), ("findings", .array(findings))])
    }
}
