import Charts
import Foundation
import Metrics

extension PageHTML {
    /// A chart drawn for desktops and for phones.
    struct Drawing: Sendable {
        let scene: Scene
        let narrow: Scene
        let svg: [UInt8]
        let narrowSVG: [UInt8]
    }

    /// Every chart of the document (all of them: the page looks each one up) drawn on both
    /// cores, by chart id: drawing twice is most of a page's work. Each drawing has its own
    /// cairo and pango contexts.
    static func drawings(_ document: PackDocument) -> [String: Drawing] {
        let charts = document.sections.flatMap(\.blocks).compactMap { block -> ChartBlock? in
            if case .chart(let chart) = block { return chart } else { return nil }
        }
        let slots = ConcurrentSlots<Drawing>(count: charts.count)
        DispatchQueue.concurrentPerform(iterations: charts.count) { i in slots.set(i, draw(charts[i])) }
        return Dictionary(charts.indices.map { (charts[$0].id, slots.get($0)) }, uniquingKeysWith: { first, _ in first })
    }

    static func draw(_ chart: ChartBlock) -> Drawing {
        let scene = chart.scene()
        let width = max(narrowWidth, chart.chart.minimumWidth(theme: .narrow))
        let narrow = chart.chart.build(width: width, height: chart.chart.height(width: width, theme: .narrow, standard: chart.height), theme: .narrow)
        return Drawing(scene: scene, narrow: narrow, svg: Array(ChartRenderer.svg(scene).utf8), narrowSVG: Array(ChartRenderer.svg(narrow).utf8))
    }
}
