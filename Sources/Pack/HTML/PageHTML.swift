import Charts

/// The month's page: the pack document expanded through the Mustache templates, with
/// every chart as SVG files beside it (one drawn for desktops, one for phones) and every
/// table as a CSV download. Mustache escapes every value (`{{ }}`), so text from the
/// data cannot inject markup; the commentary is escaped by ``CommentaryHTML``.
public enum PageHTML {
    /// Phones get charts drawn this wide (CSS pixels), in the narrow theme's type.
    static let narrowWidth = 340.0

    /// The page and the files it refers to (path relative to the page → bytes). Without
    /// `personalData` the columns that name customers are left out: the site may be public.
    public static func render(_ document: PackDocument, templates: TemplateSet, links: MonthLinks = MonthLinks(), personalData: Bool = false) throws -> (html: String, files: [(String, [UInt8])]) {
        let zh = document.language.isChinese
        var files: [(String, [UInt8])] = []
        let drawings = self.drawings(document)
        let sections: [[String: Any]] = document.sections.map { section in
            ["id": section.id, "title": section.title,
             "blocks": blocks(section, drawings: drawings, zh: zh, personalData: personalData, files: &files)]
        }
        var context: [String: Any] = [
            "lang": zh ? "zh-CN" : "en", "company": document.company, "title": document.title, "monthLabel": document.monthLabel,
            "headline": document.headline, "colophon": document.colophon, "sections": sections,
            "pdfLabel": zh ? "下载 PDF" : "Download the PDF", "tocLabel": zh ? "本页目录" : "Contents",
        ]
        if let audience = document.audience { context["audience"] = audience }
        context.merge(links.context(language: document.language)) { $1 }
        return (try templates.render(context, "page"), files)
    }

    /// The section's blocks, with each run of half-width charts gathered into one grid.
    static func blocks(_ section: PackSection, drawings: [String: Drawing], zh: Bool, personalData: Bool, files: inout [(String, [UInt8])]) -> [[String: Any]] {
        var out: [[String: Any]] = []
        var halves: [[String: Any]] = []
        func flush() {
            if !halves.isEmpty { out.append(["isCharts": true, "charts": halves]) }
            halves = []
        }
        for block in section.blocks {
            if case .chart(let chart) = block, !chart.wide {
                halves.append(figure(chart, drawing: drawings[chart.id]!, sectionTitle: section.title, zh: zh, files: &files))
                continue
            }
            flush()
            out.append(self.block(block, drawings: drawings, sectionTitle: section.title, zh: zh, personalData: personalData, files: &files))
        }
        flush()
        return out
    }

    static func block(_ block: PackBlock, drawings: [String: Drawing], sectionTitle: String, zh: Bool, personalData: Bool, files: inout [(String, [UInt8])]) -> [String: Any] {
        switch block {
        case .note(let text): return ["isNote": true, "text": text]
        case .commentary(let commentary): return ["isCommentary": true, "html": CommentaryHTML.site.render(commentary)]
        case .tiles(let tiles):
            return ["isTiles": true, "tiles": tiles.map { tile -> [String: Any] in
                let file = "spark-\(tile.id.replacingOccurrences(of: "_", with: "-")).svg"
                files.append(("charts/\(file)", Array(ChartRenderer.svg(tile.sparkline).utf8)))
                var t: [String: Any] = ["label": tile.label, "value": tile.value, "change": tile.change, "changeTone": tile.changeTone.rawValue,
                                        "changeCaption": tile.changeCaption, "statusTone": tile.statusTone.rawValue,
                                        "sparkFile": file, "sparkAlt": tile.sparkline.summary]
                if let target = tile.target { t["target"] = target; t["status"] = tile.status ?? "" }
                return t
            }]
        case .exceptions(let items):
            return ["isExceptions": true, "items": items.map { item -> [String: Any] in
                ["severity": item.severity.rawValue, "severityLabel": item.severityLabel(chinese: zh), "text": item.text]
            }]
        case .chart(let chart):
            return ["isCharts": true, "wide": chart.wide, "charts": [figure(chart, drawing: drawings[chart.id]!, sectionTitle: sectionTitle, zh: zh, files: &files)]]
        case .table(let t): return ["isTable": true, "table": table(personalData ? t : t.withoutPersonalColumns, zh: zh, files: &files)]
        }
    }

    /// A chart drawn twice — at its standard size for desktops and for a phone's width —
    /// with its numbers as a table beside it.
    static func figure(_ chart: ChartBlock, drawing: Drawing, sectionTitle: String, zh: Bool, files: inout [(String, [UInt8])]) -> [String: Any] {
        let (scene, narrow) = (drawing.scene, drawing.narrow)
        files.append(("charts/\(chart.id).svg", drawing.svg))
        files.append(("charts/\(chart.id)-narrow.svg", drawing.narrowSVG))
        var c: [String: Any] = ["id": chart.id, "file": "\(chart.id).svg", "narrowFile": "\(chart.id)-narrow.svg", "alt": scene.summary,
                                "width": Int(scene.width.rounded()), "height": Int(scene.height.rounded()),
                                "narrowWidth": Int(narrow.width.rounded()), "narrowHeight": Int(narrow.height.rounded()),
                                "dataLabel": zh ? "查看数据表" : "Show the numbers", "table": table(chart.data, zh: zh, files: &files)]
        if narrow.width > Self.narrowWidth {
            c["scrolls"] = true
            c["scrollHint"] = zh ? "图表较宽，可左右滑动查看全部" : "The chart is wider than the screen: swipe sideways to see all of it"
        }
        if scene.title != sectionTitle { c["caption"] = scene.title }
        return c
    }

    static func table(_ t: DataTable, zh: Bool, files: inout [(String, [UInt8])]) -> [String: Any] {
        files.append(("tables/\(t.id).csv", TableCSV.bytes(t)))
        let classes = t.header.indices.map { columnClass(t, $0) }
        var out: [String: Any] = [
            "id": t.id, "csv": "\(t.id).csv", "csvLabel": zh ? "下载 CSV" : "Download CSV",
            "label": t.caption ?? t.header.first ?? t.id,
            // A header wraps as it needs; only its alignment follows the column.
            "header": t.header.enumerated().map { ["text": $1, "align": classes[$0] == "num" ? "num" : ""] },
            "rows": t.rows.enumerated().map { r, row -> [String: Any] in
                ["tone": t.rowTones?[r].rawValue ?? "",
                 "cells": row.enumerated().map { ["text": $1, "align": $0 < classes.count ? classes[$0] : ""] }]
            },
        ]
        if let caption = t.caption { out["caption"] = caption }
        return out
    }

    /// How a column sets its cells: numbers right-aligned on one line; short words and
    /// dates on one line ("2026-04-12" never breaks at its hyphen); sentences (a finding's
    /// example, a definition) with room enough to be read on a phone.
    static func columnClass(_ t: DataTable, _ column: Int) -> String {
        if t.numericColumns.contains(column) { return "num" }
        let longest = t.rows.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        if longest > 30 { return "prose" }
        return longest <= 12 ? "short" : ""
    }
}
