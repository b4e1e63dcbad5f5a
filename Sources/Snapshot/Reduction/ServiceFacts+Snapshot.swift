import Metrics

extension ServiceFacts {
    /// Survey responses and tickets of known customers, their days in the snapshot's zone.
    init(snapshot: Snapshot) {
        let zone = snapshot.zone
        let surveys = snapshot.surveys.map { s in
            let keep = (0..<s.count).filter { s.customer[$0] >= 0 }
            return Surveys(customer: keep.map { s.customer[$0] }, day: keep.map { s.day[$0] },
                           isNPS: keep.map { s.kind[$0] == .nps }, score: keep.map { s.score[$0] })
        }
        let tickets = snapshot.tickets.map { t in
            let keep = (0..<t.count).filter { t.customer[$0] >= 0 }
            return Tickets(customer: keep.map { t.customer[$0] }, openedDay: keep.map { zone.day(of: t.openedAt[$0]) },
                           openedAt: keep.map { t.openedAt[$0] }, firstResponseAt: keep.map { t.firstResponseAt[$0] },
                           resolvedAt: keep.map { t.resolvedAt[$0] }, isComplaint: keep.map { t.isComplaint[$0] })
        }
        self.init(surveys: surveys, tickets: tickets)
    }
}
