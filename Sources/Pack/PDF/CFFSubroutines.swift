/// Local subroutines of a CID-keyed CFF font that no glyph calls, emptied.
///
/// cairo 1.16 subsets a font's subroutines by following each glyph's calls, but it follows
/// a local subroutine only the first time any glyph calls it. A later glyph whose outline
/// starts inside such a subroutine then seems to have no outline, cairo takes it for an
/// accented `seac` glyph it cannot subset, and it embeds every subroutine instead: the
/// Noto Sans CJK Bold subset of a pack carried 0.8 MB of them. Here every glyph's calls are
/// followed in full; a subroutine none reaches becomes a lone `return`, keeping its number,
/// so that no charstring changes.
enum CFFSubroutines {
    /// `font` with its unused local subroutines emptied, or nil when there are none to
    /// empty or the font is not laid out as cairo writes a CID-keyed subset (then it stays
    /// as it is).
    static func emptyingUnused(in font: [UInt8]) -> [UInt8]? {
        guard let layout = CFFReader(bytes: font).layout() else { return nil }
        var used = layout.local.map { [Bool](repeating: false, count: $0?.items.count ?? 0) }
        var interpreter = Type2Calls(bytes: font, global: layout.global.items, local: layout.local.map { $0?.items ?? [] })
        for (glyph, charstring) in layout.charStrings.items.enumerated() {
            guard interpreter.follow(charstring, fd: layout.fdSelect[glyph], used: &used) else { return nil }
        }
        // cairo writes each font dictionary's subroutines after all the private dictionaries,
        // in the dictionaries' order, to the end of the font; anything else is left alone.
        let owned = layout.local.indices.compactMap { fd in layout.local[fd].map { (fd, $0) } }
        guard let first = owned.first?.1, owned.allSatisfy({ $0.1.start >= layout.privateEnd }),
              zip(owned, owned.dropFirst()).allSatisfy({ $0.0.1.end == $0.1.1.start }), owned.last?.1.end == font.count else { return nil }
        guard owned.contains(where: { fd, _ in used[fd].contains(false) }) else { return nil }
        var out = Array(font[..<first.start])
        let emptied: ArraySlice<UInt8> = [0x0B]
        for (fd, subrs) in owned {
            let items = subrs.items.enumerated().map { used[fd][$0.offset] ? font[$0.element] : emptied }
            CFFReader.patch(&out, at: layout.subrsOperand[fd]!, to: out.count - layout.privateStart[fd])
            out += CFFReader.index(items)
        }
        return out.count < font.count ? out : nil
    }
}
