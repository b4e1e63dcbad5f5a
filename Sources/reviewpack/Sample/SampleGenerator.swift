import Foundation

/// Generates the sample snapshot of 示例科技: nine CSV tables and pack.yaml.
///
/// Customers are generated one at a time in sign-up order, each from its own random
/// stream, and stream straight to disk; tables with ids are spilled by month to a
/// temporary folder and written back in time order. Memory stays bounded by one month
/// of one table, time is linear in customers, and equal options give identical bytes.
struct SampleGenerator {
    let options: SampleOptions

    init(options: SampleOptions) {
        self.options = options
    }

    /// Writes customers.csv, orders.csv, leads.csv, traffic.csv, activities.csv, spend.csv,
    /// surveys.csv, tickets.csv, targets.csv and pack.yaml into `directory` (created if needed).
    func write(to directory: URL) throws {
        try options.validate()
        let files = FileManager.default
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".reviewpack-sample-tmp", isDirectory: true)
        try? files.removeItem(at: temporary)
        try files.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: temporary) }

        let world = SampleWorld(options: options)
        let calendar = world.calendar
        let months = calendar.months
        var tally = SampleTally(months: months)
        var sinks = SampleSinks(
            customers: try SampleCSVWriter(url: directory.appendingPathComponent("customers.csv"),
                                           header: ["customer_id", "name", "signup_at", "channel", "region", "industry", "tier", "owner"],
                                           calendar: calendar),
            orders: SampleSpill(directory: temporary, name: "orders", months: months),
            leads: SampleSpill(directory: temporary, name: "leads", months: months),
            tickets: SampleSpill(directory: temporary, name: "tickets", months: months),
            activities: SampleSpill(directory: temporary, name: "activities", months: months),
            surveys: SampleSpill(directory: temporary, name: "surveys", months: months))

        // Sign-up moments: stratified draws through the demand curve, so they come out
        // sorted (customer ids follow time) and follow the seasonality closely.
        var simulator = SampleCustomerSimulator(world: world)
        var r = SampleRandom(seed: options.seed, stream: 0xFFFF_FFFF_0000_0000)
        let cumulative = world.demandCumulative
        let total = cumulative[cumulative.count - 1]
        let n = options.customers
        var day = 0
        for i in 0..<n {
            let u = (Double(i) + r.unit()) / Double(n) * total
            while day < cumulative.count - 1 && cumulative[day] <= u { day += 1 }
            let before = day == 0 ? 0 : cumulative[day - 1]
            let within = min(0.999_999, max(0, (u - before) / world.demand[day]))
            let signupAt = Int64(calendar.startDay + day) * 86_400 + Int64(world.secondOfDay(within))
            try simulator.run(index: i, signupAt: signupAt, sinks: &sinks, tally: &tally)
        }
        try sinks.customers.close()

        try SampleLeads.generateUnwon(world: world, spill: &sinks.leads, tally: &tally)

        // Data-quality findings a real export has: orders of customers that are not in customers.csv.
        for (k, back) in [4, 2, 1].enumerated() where months - back >= 0 {
            let m = months - back
            let first = calendar.monthStartDays[m]
            let d = first + r.int(calendar.monthStartDays[m + 1] - first)
            let amount = world.price(product: 0, tier: 2, random: &r)
            try sinks.orders.append(SampleOrderRecord(at: world.moment(day: d, random: &r), amount: amount,
                                                      cost: Int64(Double(amount) * 0.3), customer: Int32(n + [7, 23, 58][k]),
                                                      status: 0, product: 0), month: m)
        }

        try sinks.orders.finish()
        try sinks.leads.finish()
        try sinks.tickets.finish()
        try sinks.activities.finish()
        try sinks.surveys.finish()
        try SampleTables.writeOrders(sinks.orders, world: world, to: directory.appendingPathComponent("orders.csv"))
        try SampleTables.writeLeads(sinks.leads, world: world, to: directory.appendingPathComponent("leads.csv"))
        try SampleTables.writeTraffic(world: world, to: directory.appendingPathComponent("traffic.csv"))
        try SampleTables.writeActivities(sinks.activities, world: world, to: directory.appendingPathComponent("activities.csv"))
        try SampleTables.writeSpend(tally: tally, world: world, to: directory.appendingPathComponent("spend.csv"))
        try SampleTables.writeSurveys(sinks.surveys, world: world, to: directory.appendingPathComponent("surveys.csv"))
        try SampleTables.writeTickets(sinks.tickets, world: world, to: directory.appendingPathComponent("tickets.csv"))
        try SampleTargets.write(tally: tally, world: world, to: directory.appendingPathComponent("targets.csv"))
        try SampleConfig.write(to: directory.appendingPathComponent("pack.yaml"))
    }
}
