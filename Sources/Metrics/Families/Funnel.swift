/// The period funnel of one month: per stage, the leads whose stage timestamp falls in M,
/// with visits from traffic as the stage before `created` when the snapshot has traffic.
public struct Funnel: Sendable, Equatable {
    public struct Stage: Sendable, Equatable {
        public let kind: FunnelStage.Kind
        public let label: String
        public let count: Int
        /// stage k / stage k − 1; nil for the first stage or an empty previous stage.
        public let stepConversion: Double?
        /// Spend ÷ count, in major units; nil without spend or with no count.
        public let costPerStage: Double?
    }

    public let stages: [Stage]
    /// The same funnel per lead channel, channels sorted by name.
    public let byChannel: [(channel: String, stages: [Stage])]
    /// Last stage over the first.
    public var overallConversion: Double? {
        guard let first = stages.first, let last = stages.last, first.count > 0 else { return nil }
        return Double(last.count) / Double(first.count)
    }

    public init(month: Month, facts: Facts, config: MetricsConfig) {
        var kinds = config.funnel
        if facts.visits != nil, !kinds.contains(where: { $0.kind == .visits }) {
            kinds.insert(FunnelStage(kind: .visits, label: "visits"), at: 0)
        }
        var channels = Set<String>()
        if let l = facts.leads { channels.formUnion(l.dimensions[0].members) }
        let visitsByChannel = facts.visits?.byChannel(month) ?? [:]
        channels.formUnion(visitsByChannel.keys.filter { !$0.isEmpty })

        // Counts per stage: total and per channel name.
        var total = [Int](repeating: 0, count: kinds.count)
        var perChannel: [String: [Int]] = [:]
        for (k, stage) in kinds.enumerated() {
            if stage.kind == .visits {
                total[k] = Int(facts.visits?.total(month) ?? 0)
                for (channel, v) in visitsByChannel where !channel.isEmpty {
                    perChannel[channel, default: Array(repeating: 0, count: kinds.count)][k] += Int(v)
                }
            } else if let l = facts.leads, let days = l.days(of: stage.kind) {
                let channel = l.dimensions[0]
                for i in 0..<l.count where month.contains(days[i]) {
                    total[k] += 1
                    if let name = channel.value(at: i) {
                        perChannel[name, default: Array(repeating: 0, count: kinds.count)][k] += 1
                    }
                }
            }
        }
        let spendByChannel = facts.spend?.byChannel(month)
        let totalSpend = spendByChannel.map { $0.values.reduce(0, +) }
        func stages(_ counts: [Int], spend: Int64?) -> [Stage] {
            kinds.enumerated().map { k, stage in
                let step: Double? = k == 0 || counts[k - 1] == 0 ? nil : Double(counts[k]) / Double(counts[k - 1])
                let cost: Double? = spend.flatMap { s in counts[k] > 0 ? config.majorUnits(s) / Double(counts[k]) : nil }
                return Stage(kind: stage.kind, label: stage.label, count: counts[k], stepConversion: step, costPerStage: cost)
            }
        }
        self.stages = stages(total, spend: totalSpend)
        self.byChannel = channels.sorted().map { channel in
            (channel, stages(perChannel[channel] ?? Array(repeating: 0, count: kinds.count),
                             spend: spendByChannel.map { $0[channel] ?? 0 }))
        }
    }

    public static func == (a: Funnel, b: Funnel) -> Bool {
        a.stages == b.stages && a.byChannel.map(\.channel) == b.byChannel.map(\.channel)
            && zip(a.byChannel, b.byChannel).allSatisfy { $0.stages == $1.stages }
    }
}
