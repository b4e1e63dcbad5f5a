import Charts
import Foundation

/// The living style guide: every chart kind with sample values, in both languages, as
/// SVG, PNG and PDF, and one HTML page that shows them side by side.
public enum Gallery {
    /// Relative path → bytes, and the seconds spent rendering the three formats.
    public static func files() -> (files: [(String, [UInt8])], renderSeconds: Double) {
        var files: [(String, [UInt8])] = []
        var figures: [String] = []
        let start = DispatchTime.now().uptimeNanoseconds
        for language in Language.allCases {
            // Each sample as pages and desktops show it, then as a phone gets it.
            let samples = ChartSamples.all(language).map { ($0.name, $0.scene) } + ChartSamples.narrow(language).map { ("\($0.name)-narrow", $0.scene) }
            for sample in samples.map({ (name: $0.0, scene: $0.1) }) {
                let stem = "\(sample.name)-\(language.rawValue)"
                files.append(("\(stem).svg", Array(ChartRenderer.svg(sample.scene).utf8)))
                files.append(("\(stem).png", ChartRenderer.png(sample.scene)))
                files.append(("\(stem).pdf", ChartRenderer.pdf(sample.scene)))
                figures.append("""
                <figure><figcaption>\(XMLText.escape(sample.scene.title)) <small>\(stem) · <a href="\(stem).svg">SVG</a> · <a href="\(stem).png">PNG</a> · <a href="\(stem).pdf">PDF</a></small></figcaption>
                <img src="\(stem).svg" alt="\(XMLText.escape(sample.scene.summary))" style="max-width:\(Int(sample.scene.width))px"></figure>
                """)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ReviewPack chart gallery</title>
        <style>
        body { font: 15px/1.5 "Noto Sans CJK SC", sans-serif; color: #1f2933; margin: 24px auto; max-width: 1200px; padding: 0 16px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 28px; }
        figure { margin: 0; } figcaption { font-weight: 700; margin-bottom: 6px; } small { font-weight: normal; color: #616e7c; }
        img { width: 100%; height: auto; border: 1px solid #e4e7eb; } .grey img { filter: grayscale(1); }
        </style></head><body>
        <h1>Chart gallery</h1>
        <p>Every chart kind with sample values, in Chinese and English, drawn by one painter to SVG, PNG and PDF.
        The second half repeats the charts in greyscale, as a black-and-white printout shows them.</p>
        <div class="grid">\(figures.joined(separator: "\n"))</div>
        <h2>In greyscale</h2>
        <div class="grid grey">\(figures.joined(separator: "\n"))</div>
        </body></html>
        """
        files.append(("index.html", Array(page.utf8)))
        return (files, seconds)
    }
}
