import Snapshot

/// Survey responses and tickets of known customers: they follow their customer's slices.
public struct ServiceFacts: Sendable {
    public struct Surveys: Sendable {
        public let customer: [Int32]
        public let day: [Int32]
        public let isNPS: [Bool]
        public let score: [Double]
        public var count: Int { customer.count }
    }

    public struct Tickets: Sendable {
        public let customer: [Int32]
        public let openedDay: [Int32]
        public let openedAt: [Int64]
        public let firstResponseAt: [Int64]
        public let resolvedAt: [Int64]
        public let isComplaint: [Bool]
        public var count: Int { customer.count }
    }

    public let surveys: Surveys?
    public let tickets: Tickets?

    init(surveys: Surveys?, tickets: Tickets?) { (self.surveys, self.tickets) = (surveys, tickets) }

    init(snapshot: Snapshot) {
        let zone = snapshot.zone
        surveys = snapshot.surveys.map { s in
            let keep = (0..<s.count).filter { s.customer[$0] >= 0 }
            return Surveys(customer: keep.map { s.customer[$0] }, day: keep.map { zone.day(of: s.at[$0]) },
                           isNPS: keep.map { s.kind[$0] == .nps }, score: keep.map { s.score[$0] })
        }
        tickets = snapshot.tickets.map { t in
            let keep = (0..<t.count).filter { t.customer[$0] >= 0 }
            let complaint = t.kind.code(of: "complaint")
            return Tickets(customer: keep.map { t.customer[$0] }, openedDay: keep.map { zone.day(of: t.openedAt[$0]) },
                           openedAt: keep.map { t.openedAt[$0] }, firstResponseAt: keep.map { t.firstResponseAt[$0] },
                           resolvedAt: keep.map { t.resolvedAt[$0] }, isComplaint: keep.map { complaint != nil && t.kind.codes[$0] == complaint })
        }
    }
}
