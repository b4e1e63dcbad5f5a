import Configuration
import Delivery
import Metrics
import Snapshot

/// One pack to build: whose rows, which sections, where it is published and who gets it.
/// `audiences:` entries are resolved against the data (a `for_each` gives one per member).
struct Audience {
    /// The folder under `--out` and the message's name in the outbox; nil for the single
    /// pack of a configuration without audiences (published straight under `--out`).
    var folder: String?
    /// The `audiences:` id it came from ("" without audiences): its Bcc is looked up by it.
    var configId: String
    /// Shown on the pack; nil for the whole company.
    var label: String?
    /// nil: every row.
    var scope: FactsScope?
    /// The single slice the scope is (owner 张伟), whose target rows become the pack's targets.
    var slice: (dimension: String, value: String)?
    var sections: [String]
    var addressing: Addressing
    var publish: Bool

    var messageName: String { folder ?? "pack" }

    /// The audiences of a configuration, checked against the customers read: a filter
    /// value no customer has is a configuration error (a typo would send an empty pack).
    static func resolve(_ config: PackConfig, customers: CustomerFacts) throws -> [Audience] {
        // With audiences, email: holds only sender and Reply-To (the configuration refuses recipients there).
        let base = config.email.addressing
        guard !config.audiences.isEmpty else {
            return [Audience(folder: nil, configId: "", label: nil, scope: nil, slice: nil, sections: config.sections, addressing: base, publish: true)]
        }
        var out: [Audience] = []
        for entry in config.audiences {
            for (dimension, values) in entry.filter {
                let members = Set(customers.allDimensions.first { $0.name == dimension }?.members ?? [])
                if let missing = values.first(where: { !members.contains($0) }) {
                    throw PackBuild.Failure.config("\(entry.place).filter.\(dimension): no customer has \(dimension) \"\(missing)\"; the values are \(members.sorted().joined(separator: ", "))")
                }
            }
            var addressing = base
            (addressing.to, addressing.cc, addressing.bcc) = (entry.to, entry.cc, entry.bcc)
            let filter = entry.filter.map { (dimension: $0.dimension, values: Set($0.values)) }
            let sections = entry.sections ?? config.sections
            guard let forEach = entry.forEach else {
                let label = entry.title ?? (filter.isEmpty ? nil : entry.filter.flatMap(\.values).joined(separator: "、"))
                let slice = entry.filter.count == 1 && entry.filter[0].values.count == 1 ? (entry.filter[0].dimension, entry.filter[0].values[0]) : nil
                out.append(Audience(folder: entry.id, configId: entry.id, label: label, scope: filter.isEmpty ? nil : FactsScope(filter: filter),
                                    slice: slice, sections: sections, addressing: addressing, publish: entry.publish))
                continue
            }
            for member in members(of: forEach, in: customers, filter: filter) {
                var memberAddressing = addressing
                if forEach == "owner", let address = config.owners[member] { memberAddressing.to.append(address) }
                out.append(Audience(folder: "\(entry.id)-\(slug(member))", configId: entry.id,
                                    label: entry.title.map { "\($0) · \(member)" } ?? member,
                                    scope: FactsScope(filter: filter + [(forEach, Set([member]))]), slice: filter.isEmpty ? (forEach, member) : nil,
                                    sections: sections, addressing: memberAddressing, publish: entry.publish))
            }
        }
        var folders = Set<String>()
        for audience in out where !folders.insert(audience.folder!.lowercased()).inserted {
            throw PackBuild.Failure.config("two audiences would both be published as \(audience.folder!); give them different ids")
        }
        return out
    }

    /// The members of `dimension` among the customers the filter keeps, sorted.
    static func members(of dimension: String, in customers: CustomerFacts, filter: [(dimension: String, values: Set<String>)]) -> [String] {
        guard let column = customers.allDimensions.first(where: { $0.name == dimension }) else { return [] }
        let filters = filter.compactMap { entry in customers.allDimensions.first { $0.name == entry.dimension }.map { ($0, entry.values) } }
        var found = Set<String>()
        for row in 0..<customers.count {
            guard let member = column.value(at: row),
                  filters.allSatisfy({ $0.0.value(at: row).map($0.1.contains) ?? false }) else { continue }
            found.insert(member)
        }
        return found.sorted()
    }

    /// A member as part of a folder name: letters and digits (any script) kept, anything else `-`.
    static func slug(_ member: String) -> String {
        let mapped = String(member.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" })
        let trimmed = mapped.split(separator: "-").joined(separator: "-")
        return trimmed.isEmpty ? "x" : String(trimmed.prefix(60))
    }

    /// The target rows that apply: all for the company, the slice's own for a one-slice pack, none otherwise.
    func targets(_ table: TargetTable?) -> TargetTable? {
        guard scope != nil else { return table }
        guard let slice, let table else { return nil }
        return table.scoped(to: slice.dimension, value: slice.value)
    }
}
