/// What the browser test asks of every page, run inside the page: the layout as the
/// reader sees it, measured by the browser itself. Returns `{problems: [String], links: [String]}`.
enum PageChecks {
    /// - Parameters:
    ///   - standardText, narrowText: the smallest text (px) of charts drawn for desktops and for phones.
    static func script(standardText: Double, narrowText: Double) -> String {
        """
        (() => {
          const problems = [];
          const root = document.documentElement;
          const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
          if (root.scrollWidth > window.innerWidth + 1) problems.push(`the page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window`);
          for (const img of document.images) {
            if (!img.complete || img.naturalWidth === 0) { problems.push(`image not loaded: ${img.currentSrc || img.src}`); continue; }
            if (img.closest('.chart-box')) {
              // Sizes in the chart's own units: the width attribute of the rendering the browser chose.
              const narrow = img.currentSrc.endsWith('-narrow.svg');
              const units = Number((narrow ? img.parentElement.querySelector('source') : img).getAttribute('width'));
              const shown = img.getBoundingClientRect().width / units * (narrow ? \(narrowText) : \(standardText));
              if (shown < 11 - 0.05) problems.push(`chart text shows at ${shown.toFixed(1)}px (< 11): ${img.currentSrc.split('/').pop()}`);
            }
          }
          // Tables get the width they need, up to the width of their section (the desktop-grid bug squeezed them into half of it).
          for (const wrap of document.querySelectorAll('.table-wrap')) {
            const table = wrap.querySelector('table');
            // A table a phone's stylesheet lays out as cards (the archive) has no table width to keep.
            if (!table || !wrap.getClientRects().length || getComputedStyle(table).display !== 'table') continue;
            const before = table.style.width;
            table.style.width = 'max-content';
            const natural = table.getBoundingClientRect().width;
            table.style.width = before;
            const holder = wrap.closest('section, main') || document.body;
            const padding = parseFloat(getComputedStyle(holder).paddingLeft) + parseFloat(getComputedStyle(holder).paddingRight);
            const room = holder.clientWidth - padding;
            const box = wrap.getBoundingClientRect().width;
            if (box + 1 < Math.min(natural, room)) problems.push(`a table ${Math.round(natural)}px wide is squeezed into ${Math.round(box)}px of ${Math.round(room)}px: ${table.getAttribute('aria-labelledby') || wrap.getAttribute('aria-label')}`);
          }
          // A short label never breaks one character per line.
          for (const cell of document.querySelectorAll('th, td:first-child, figcaption, .tile .label')) {
            const text = cell.textContent.trim();
            if (!text || text.length > 8 || !cell.getClientRects().length) continue;
            const range = document.createRange();
            range.selectNodeContents(cell);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
            if (lines > 2) problems.push(`"${text}" breaks over ${lines} lines`);
          }
          // Every in-page link has its target; the rest are checked on disk by the test. The
          // analyst's notes may link to pages elsewhere (http, https, mailto); nothing else may.
          const links = [];
          for (const el of document.querySelectorAll('a[href], link[href], img[src], source[srcset]')) {
            const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('srcset');
            if (el.closest('.commentary') && /^(https?:|mailto:)/.test(raw)) continue;
            if (raw.startsWith('#')) { if (!document.getElementById(decodeURIComponent(raw.slice(1)))) problems.push(`link to a missing #${raw.slice(1)}`); continue; }
            links.push(new URL(raw, location.href).href);
          }
          return { problems, links };
        })()
        """
    }

    /// Every visible text's colour against what is behind it, composited through
    /// translucent backgrounds: WCAG contrast of at least 4.5:1.
    static let contrast = """
    (() => {
      const parse = (c) => { const p = (c.match(/\\(([^)]*)\\)/) || [, '0 0 0 0'])[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
      const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3])).concat(1);
      const luminance = (c) => { const l = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
      const background = (el) => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
        }
        let base = [255, 255, 255, 1];
        for (const layer of layers.reverse()) base = over(layer, base);
        return base;
      };
      const problems = [];
      const seen = new Set();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || seen.has(el)) continue;
        seen.add(el);
        const style = getComputedStyle(el);
        if (!el.getClientRects().length || style.visibility === 'hidden') continue;
        const bg = background(el);
        const fg = over(parse(style.color), bg);
        const [a, b] = [luminance(fg), luminance(bg)];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)}:1 for "${node.textContent.trim().slice(0, 30)}" (${style.color} on rgb(${bg.slice(0, 3).map(Math.round)}))`);
      }
      return problems;
    })()
    """
}
