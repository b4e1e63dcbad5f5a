import Charts
import Pack

/// What the e-mail shows, taken from the pack document: the headline, the commentary,
/// the KPI tiles with targets and status, the exceptions, and a few key charts. Both
/// bodies (HTML and text) expand the same context through their templates.
struct EmailBody {
    let document: PackDocument
    let pageURL: String?

    /// Content width of the HTML body (600 px less its padding): Outlook and phones both fit it.
    static let chartWidth = 552.0
    /// The charts worth a glance in an inbox, in this order of preference: half-width
    /// trends, whose labels stay legible at the e-mail's width (a wide chart would shrink).
    static let keyCharts = ["trend-revenue", "trend-new-customers", "trend-churn-rate", "trend-win-rate", "trend-live-customers", "trend-active-customers"]
    static let chartCount = 4

    /// The charts shown, each drawn as a PNG at twice the size it is shown at.
    var charts: [(block: ChartBlock, scene: Scene, cid: String, png: [UInt8], width: Int, height: Int)] {
        let all = document.charts
        var chosen = Self.keyCharts.compactMap { id in all.first { $0.id == id && !$0.wide } }
        if chosen.count < 3 {
            let others = all.filter { c in !chosen.contains { $0.id == c.id } }
            chosen += (others.filter { !$0.wide } + others.filter(\.wide)).prefix(3 - chosen.count)
        }
        return chosen.prefix(Self.chartCount).map { chart in
            let scene = chart.scene()
            let scale = Self.chartWidth / scene.width
            return (chart, scene, "\(chart.id)@reviewpack", ChartRenderer.png(scene, scale: 2 * scale),
                    Int(Self.chartWidth), Int((scene.height * scale).rounded()))
        }
    }

    var subject: String {
        ([document.company] + (document.audience.map { [$0] } ?? []) + [document.title, document.monthLabel]).joined(separator: " · ")
    }

    func context(charts: [(block: ChartBlock, scene: Scene, cid: String, png: [UInt8], width: Int, height: Int)]) -> [String: Any] {
        let zh = document.language.isChinese
        func text(_ z: String, _ e: String) -> String { zh ? z : e }
        var tiles: [[String: Any]] = []
        var exceptions: [[String: Any]] = []
        for block in document.sections.flatMap(\.blocks) {
            if case .tiles(let ts) = block {
                tiles += ts.map { t in
                    // The text part's "较上月 −16.5%" / "−16.5% vs last month", in each language's order.
                    let changeText = zh ? "\(t.changeCaption) \(t.change)" : "\(t.change) \(t.changeCaption)"
                    var d: [String: Any] = ["label": t.label, "value": t.value, "change": t.change, "changeCaption": t.changeCaption, "changeText": changeText,
                                            "changeColor": Self.color(t.changeTone), "statusColor": Self.color(t.statusTone)]
                    if let target = t.target { d["target"] = target; d["status"] = t.status ?? "" }
                    return d
                }
            }
            if case .exceptions(let items) = block {
                exceptions += items.map { item in
                    let color = switch item.severity {
                    case .high: "#c0440a"
                    case .medium: "#a86b00"
                    case .low: "#5f6b7a"
                    }
                    return ["severityLabel": item.severityLabel(chinese: zh), "color": color, "text": item.text]
                }
            }
        }
        // Two tiles a row; the outer cells keep their padding on the inside only.
        let rows = stride(from: 0, to: tiles.count, by: 2).map { i -> [String: Any] in
            ["tiles": tiles[i..<min(i + 2, tiles.count)].enumerated().map { k, tile -> [String: Any] in
                var t = tile
                (t["padLeft"], t["padRight"]) = k == 0 ? (0, 4) : (4, 0)
                return t
            }]
        }
        var context: [String: Any] = [
            "lang": zh ? "zh-CN" : "en", "subject": subject, "company": document.company, "title": document.title,
            "monthLabel": document.monthLabel, "headline": document.headline, "colophon": document.colophon,
            "tilesTitle": text("本月概览", "The month at a glance"), "hasTiles": !tiles.isEmpty, "tiles": tiles, "tileRows": rows,
            "exceptionsTitle": text("需要关注", "Needs attention"), "hasExceptions": !exceptions.isEmpty, "exceptions": exceptions,
            "charts": charts.map { c -> [String: Any] in
                ["title": c.scene.title, "cid": c.cid, "width": c.width, "height": c.height, "alt": c.scene.summary]
            },
            // The text part's punctuation: full-width in a Chinese pack.
            "colon": text("：", ": "), "semicolon": text("；", "; "), "open": text("（", " ("), "close": text("）", ")"),
            "severityOpen": text("【", "["), "severityClose": text("】", "] "),
            "attachmentNote": text("完整报告见附件 PDF。", "The full pack is in the attached PDF."),
            "pageLinkLabel": text("在网页上查看本月报告", "Read this month's pack on the web"),
        ]
        if let audience = document.audience { context["audience"] = audience }
        if let pageURL { context["pageURL"] = pageURL }
        if let commentary = document.commentary {
            context["hasCommentary"] = true
            context["commentaryTitle"] = text("分析师点评", "Analyst's commentary")
            context["commentaryHTML"] = Self.commentaryStyle.render(commentary)
            context["commentaryText"] = CommentaryText.render(commentary)
        }
        return context
    }

    /// Inline styles for the commentary: Outlook's Word engine ignores `<style>` for layout.
    static let commentaryStyle: CommentaryHTML = {
        var html = CommentaryHTML()
        let base = "margin:0 0 10px 0;font-size:15px;line-height:22px;color:#1f2933;"
        html.paragraph = base
        html.heading = [1: "margin:12px 0 6px 0;font-size:16px;line-height:22px;font-weight:bold;color:#1f2933;",
                        2: "margin:10px 0 6px 0;font-size:15px;line-height:21px;font-weight:bold;color:#1f2933;",
                        3: "margin:8px 0 4px 0;font-size:14px;line-height:20px;font-weight:bold;color:#1f2933;"]
        html.list = "margin:0 0 10px 0;padding:0 0 0 22px;font-size:15px;line-height:22px;color:#1f2933;"
        html.item = "margin:0 0 4px 0;"
        html.quote = "margin:0 0 10px 0;padding:0 0 0 12px;border-left:3px solid #dde3ea;font-size:15px;line-height:22px;color:#5f6b7a;"
        html.code = "margin:0 0 10px 0;padding:8px 10px;background-color:#f5f7fa;font-size:13px;line-height:18px;white-space:pre-wrap;"
        html.link = "color:#0b63b6;text-decoration:underline;"
        html.rule = "border:0;border-top:1px solid #dde3ea;margin:10px 0;"
        return html
    }()

    static func color(_ tone: KPITile.Tone) -> String {
        switch tone {
        case .good: return "#00795a"
        case .warning: return "#a86b00"
        case .bad: return "#c0440a"
        case .neutral: return "#5f6b7a"
        }
    }
}
