import Pack

/// How `audiences:` is read. Dimensions are checked against the configured ones after
/// the whole file is read (the keys may come in any order); filter values are checked
/// against the data when it is read.
enum AudienceRules {
    static let keys = ["id", "title", "filter", "for_each", "sections", "to", "cc", "bcc", "publish"]

    static func audiences(_ node: ConfigNode) throws -> [AudienceConfig] {
        let items = try node.list()
        guard !items.isEmpty, items.count <= 200 else { throw node.problem("must list 1 to 200 audiences") }
        var seen = Set<String>()
        return try items.map { item in
            let audience = try self.audience(item)
            guard seen.insert(audience.id.lowercased()).inserted else { throw item.problem("the id \(audience.id) is used twice") }
            return audience
        }
    }

    static func audience(_ node: ConfigNode) throws -> AudienceConfig {
        let fields = try node.mapping(known: keys)
        func field(_ k: String) -> ConfigNode? { fields.first { $0.key == k }?.value }
        guard let idNode = field("id") else { throw node.problem("an audience needs an id (its folder name, e.g. leadership)") }
        let id = try idNode.string(maxLength: 40)
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }), id.first != "-" else {
            throw idNode.problem("must be a folder name of ASCII letters, digits, - and _, found \(idNode.shown)")
        }
        guard id != "assets" else { throw idNode.problem("\"assets\" is the site's own folder; choose another id") }
        var audience = AudienceConfig(id: id, place: placeText(node))
        audience.title = try field("title")?.string(maxLength: 60)
        if let filter = field("filter") {
            audience.filter = try filter.mapping().map { dimension, values in
                let list: [String]
                if case .sequence = values.node { list = try values.distinctStrings() } else { list = [try values.string()] }
                guard !list.isEmpty else { throw values.problem("must name at least one value") }
                return (dimension.lowercased(), list)
            }
        }
        if let forEach = field("for_each") { audience.forEach = try forEach.string(maxLength: 64).lowercased() }
        if let sections = field("sections") {
            let chosen = try sections.list().map { try $0.choice(PackOptions.allSections) }
            guard Set(chosen).count == chosen.count else { throw sections.problem("lists a section twice") }
            audience.sections = chosen
        }
        if let to = field("to") { audience.to = try EmailRules.addresses(to) }
        if let cc = field("cc") { audience.cc = try EmailRules.addresses(cc) }
        if let bcc = field("bcc") { audience.bcc = try EmailRules.addresses(bcc) }
        if let publish = field("publish") { audience.publish = try publish.bool() }
        return audience
    }

    /// Checks that filters and for_each name customer dimensions the loader reads.
    static func check(_ audiences: [AudienceConfig], dimensions: Set<String>) throws {
        for audience in audiences {
            let named = audience.filter.map(\.dimension) + (audience.forEach.map { [$0] } ?? [])
            for dimension in named where !dimensions.contains(dimension) {
                throw ConfigProblem(file: audience.place, path: "", line: nil, column: nil,
                                    message: "\"\(dimension)\" is not a customer dimension; filters and for_each use one of \(dimensions.sorted().joined(separator: ", ")) (add it to dimensions)")
            }
        }
    }

    static func placeText(_ node: ConfigNode) -> String {
        var place = node.file
        if let mark = node.node.mark { place += ":\(mark.line):\(mark.column)" }
        return "\(place): \(node.path)"
    }
}
