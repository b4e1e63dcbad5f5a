import Charts

/// The month's page: the pack document expanded through the Mustache templates, with
/// every chart as an SVG file beside it. Mustache escapes every value (`{{ }}`), so text
/// from the data cannot inject markup; the commentary is escaped by ``CommentaryHTML``.
public enum PageHTML {
    /// The page and the chart files it refers to (file name → SVG). Without
    /// `personalData` the columns that name customers are left out: the site may be public.
    public static func render(_ document: PackDocument, templates: TemplateSet, personalData: Bool = false) throws -> (html: String, charts: [(String, String)]) {
        let zh = document.language.isChinese
        var charts: [(String, String)] = []
        let sections: [[String: Any]] = document.sections.map { section in
            ["id": section.id, "title": section.title,
             "blocks": section.blocks.map { block(for: $0, sectionTitle: section.title, zh: zh, personalData: personalData, charts: &charts) }]
        }
        var context: [String: Any] = [
            "lang": zh ? "zh-CN" : "en", "company": document.company, "title": document.title, "monthLabel": document.monthLabel,
            "headline": document.headline, "colophon": document.colophon, "sections": sections,
            "archiveLabel": zh ? "← 全部月份" : "← All months", "pdfLabel": zh ? "下载 PDF" : "Download the PDF",
        ]
        if let audience = document.audience { context["audience"] = audience }
        return (try templates.render(context, "page"), charts)
    }

    static func block(for block: PackBlock, sectionTitle: String, zh: Bool, personalData: Bool, charts: inout [(String, String)]) -> [String: Any] {
        switch block {
        case .note(let text): return ["isNote": true, "text": text]
        case .commentary(let commentary): return ["isCommentary": true, "html": CommentaryHTML.site.render(commentary)]
        case .tiles(let tiles):
            return ["isTiles": true, "tiles": tiles.map { tile -> [String: Any] in
                let file = "spark-\(tile.id.replacingOccurrences(of: "_", with: "-")).svg"
                charts.append((file, ChartRenderer.svg(tile.sparkline)))
                var t: [String: Any] = ["label": tile.label, "value": tile.value, "change": tile.change, "changeTone": tile.changeTone.rawValue,
                                        "changeCaption": tile.changeCaption, "statusTone": tile.statusTone.rawValue,
                                        "sparkFile": file, "sparkAlt": zh ? "\(tile.label)近13个月走势" : "\(tile.label), last 13 months"]
                if let target = tile.target { t["target"] = target; t["status"] = tile.status ?? "" }
                return t
            }]
        case .exceptions(let items):
            return ["isExceptions": true, "items": items.map { item -> [String: Any] in
                let label = switch item.severity {
                case .high: zh ? "高" : "high"
                case .medium: zh ? "中" : "medium"
                case .low: zh ? "低" : "low"
                }
                return ["severity": item.severity.rawValue, "severityLabel": label, "text": item.text]
            }]
        case .chart(let chart):
            let file = "\(chart.id).svg"
            charts.append((file, ChartRenderer.svg(chart.scene)))
            var c: [String: Any] = ["isChart": true, "file": file, "alt": chart.scene.summary,
                                    "width": Int(chart.scene.width), "height": Int(chart.scene.height),
                                    "dataLabel": zh ? "查看数据表" : "Show the numbers", "table": table(chart.data)]
            if chart.wide { c["wide"] = true }
            if chart.scene.title != sectionTitle { c["caption"] = chart.scene.title }
            return c
        case .table(let t): return ["isTable": true, "table": table(personalData ? t : t.withoutPersonalColumns)]
        }
    }

    static func table(_ t: DataTable) -> [String: Any] {
        var out: [String: Any] = [
            "header": t.header.enumerated().map { ["text": $1, "align": t.numericColumns.contains($0) ? "num" : ""] },
            "rows": t.rows.enumerated().map { r, row -> [String: Any] in
                ["tone": t.rowTones?[r].rawValue ?? "",
                 "cells": row.enumerated().map { ["text": $1, "align": t.numericColumns.contains($0) ? "num" : ""] }]
            },
        ]
        if let caption = t.caption { out["caption"] = caption }
        return out
    }
}
