import Foundation
@testable import Metrics

/// One simulated customer base observed at consecutive month ends, as the monthly review sees
/// its own data: customers arrive on whole days over the first `acquisitionDays`, buy by the
/// BG/NBD process (same-day purchases merged, as in `BGNBDSimulator.cohort`) and spend by the
/// Gamma–Gamma process (ν ~ Gamma(q, γ) per customer, each purchase day's value ~ Gamma(p, ν)).
/// Month m's summaries are everything known on its end day, so consecutive months share most
/// of their customers and histories.
struct MonthlyPanel {
    struct Person { let firstDay: Int; let repeatDays: [Int]; let repeatValues: [Double] }
    let people: [Person]

    init(purchases: BGNBDSimulator, spend: GammaGammaSimulator, customers: Int, acquisitionDays: Int, lastDay: Int, seed: UInt64) {
        var rng = Xoshiro256(seed: seed)
        people = (0..<customers).map { _ in
            let first = Int(rng.uniform() * Double(acquisitionDays))
            let c = purchases.customer(T: Double(lastDay - first) / 7, keepTimes: true, &rng)
            let days = Array(Set(c.times.map { first + Int(($0 * 7).rounded(.down)) }.filter { $0 > first && $0 <= lastDay })).sorted()
            let nu = rng.gamma(shape: spend.q, rate: spend.gamma)
            return Person(firstDay: first, repeatDays: days, repeatValues: days.map { _ in rng.gamma(shape: spend.p, rate: nu) })
        }
    }

    /// The grouped BG/NBD and Gamma–Gamma summaries on day `end`, sorted by key.
    func summaries(at end: Int) -> (purchases: [BGNBD.Summary], spend: [GammaGamma.Summary]) {
        var histories: [[Int]: Double] = [:]
        var spend: [[Double]: Double] = [:]
        for person in people where person.firstDay <= end {
            let known = person.repeatDays.prefix { $0 <= end }
            let tx = known.last.map { $0 - person.firstDay } ?? 0
            histories[[known.count, tx, end - person.firstDay], default: 0] += 1
            if !known.isEmpty {
                let mean = person.repeatValues.prefix(known.count).reduce(0, +) / Double(known.count)
                spend[[Double(known.count), mean], default: 0] += 1
            }
        }
        let purchases = histories.keys.sorted { $0.lexicographicallyPrecedes($1) }.map {
            BGNBD.Summary(x: Double($0[0]), tx: Double($0[1]) / 7, T: Double($0[2]) / 7, count: histories[$0]!)
        }
        let values = spend.keys.sorted { $0.lexicographicallyPrecedes($1) }.map {
            GammaGamma.Summary(x: $0[0], mean: $0[1], count: spend[$0]!)
        }
        return (purchases, values)
    }
}
