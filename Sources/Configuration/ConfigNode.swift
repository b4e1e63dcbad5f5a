import Foundation
import Snapshot
import Yams

/// One value of `pack.yaml` with the key path and place it came from, and typed readers
/// that turn anything not allowed into a ``ConfigProblem`` naming both.
///
/// Numbers are checked as `Double` before any conversion, so `.inf`, `.nan`, `1e20` or
/// `3000000000` where days are meant is a sentence, never a trap.
struct ConfigNode {
    let node: Node
    let path: String
    let file: String

    func problem(_ message: String) -> ConfigProblem {
        ConfigProblem(file: file, path: path, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    /// The value as written, for messages (shortened).
    var shown: String {
        switch node {
        case .scalar(let s): return s.string.count > 40 ? "\"\(s.string.prefix(40))…\"" : "\"\(s.string)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    func child(_ key: String, _ value: Node) -> ConfigNode {
        ConfigNode(node: value, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    // MARK: Shapes

    /// The entries of a mapping, keys as strings, in file order; duplicate keys are refused.
    func mapping() throws -> [(key: String, value: ConfigNode)] {
        guard case .mapping(let m) = node else { throw problem("expected a mapping of keys, found \(shown)") }
        var seen = Set<String>()
        return try m.map { pair in
            guard case .scalar(let k) = pair.key else { throw child("?", pair.key).problem("a key must be plain text") }
            guard seen.insert(k.string).inserted else { throw child(k.string, pair.key).problem("the key is given twice") }
            return (k.string, child(k.string, pair.value))
        }
    }

    /// Refuses keys outside `known`, naming the nearest known one.
    func mapping(known: [String]) throws -> [(key: String, value: ConfigNode)] {
        let entries = try mapping()
        for entry in entries where !known.contains(entry.key) {
            let hint = Suggestion.nearest(to: entry.key, in: known).map { "did you mean \"\($0)\"? " } ?? ""
            throw entry.value.problem("unknown key; \(hint)known keys: \(known.joined(separator: ", "))")
        }
        return entries
    }

    func list() throws -> [ConfigNode] {
        guard case .sequence(let s) = node else { throw problem("expected a list, found \(shown)") }
        return s.enumerated().map { ConfigNode(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    /// A list whose items are distinct strings.
    func distinctStrings(maxLength: Int = ConfigNode.maxTextLength) throws -> [String] {
        var seen = Set<String>()
        return try list().map { item in
            let s = try item.string(maxLength: maxLength)
            guard seen.insert(s.lowercased()).inserted else { throw item.problem("\"\(s)\" is listed twice") }
            return s
        }
    }

    // MARK: Scalars

    static let maxTextLength = 200

    /// A one-line text of at most `maxLength` characters.
    func string(maxLength: Int = ConfigNode.maxTextLength) throws -> String {
        guard case .scalar(let s) = node else { throw problem("expected text, found \(shown)") }
        let text = s.string.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw problem("expected text, found nothing") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw problem("must be one line of text without control characters")
        }
        guard text.count <= maxLength else { throw problem("must be at most \(maxLength) characters, found \(text.count)") }
        return text
    }

    /// One of `allowed`, compared case-sensitively as the docs write them.
    func choice(_ allowed: [String]) throws -> String {
        let s = try string()
        guard allowed.contains(s) else { throw problem("must be one of \(allowed.joined(separator: ", ")), found \(shown)") }
        return s
    }

    /// A finite number within `range`.
    func number(in range: ClosedRange<Double>, what: String = "a number") throws -> Double {
        guard case .scalar = node, let x = node.float ?? node.int.map(Double.init) else {
            throw problem("must be \(what) from \(Self.show(range.lowerBound)) to \(Self.show(range.upperBound)), found \(shown)")
        }
        guard x.isFinite, range.contains(x) else {
            throw problem("must be \(what) from \(Self.show(range.lowerBound)) to \(Self.show(range.upperBound)), found \(shown)")
        }
        return x
    }

    /// A whole number within `range`.
    func whole(in range: ClosedRange<Int>, what: String = "a whole number") throws -> Int {
        let x = try number(in: Double(range.lowerBound)...Double(range.upperBound), what: what)
        guard x == x.rounded() else { throw problem("must be \(what) from \(range.lowerBound) to \(range.upperBound), found \(shown)") }
        return Int(x)
    }

    static func show(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }
}

extension ConfigNode {
    /// `true` or `false`, as YAML writes them.
    func bool() throws -> Bool {
        guard case .scalar = node, let value = node.bool else { throw problem("must be true or false, found \(shown)") }
        return value
    }
}
