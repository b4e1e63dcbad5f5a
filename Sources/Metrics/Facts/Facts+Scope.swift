extension Facts {
    /// The facts of one audience, built from its own rows only, so that nothing of any
    /// other customer can reach its pack:
    ///
    /// - its customers, with their orders, activities, surveys and tickets;
    /// - leads by the lead's own `channel` and `owner`, and by any other dimension the
    ///   filter names when the leads export carries it for the lead (`region`); the contract's
    ///   lead has no region (only a won lead names a customer, so counting those alone
    ///   would show a funnel in which every lead wins), so without such a column the
    ///   audience has no leads and its lead sections say why;
    /// - spend and traffic only when the filter is on `channel`, the one thing they carry.
    ///
    /// Returns the tables held back for the scope (absent from its facts though present).
    public func restricted(to scope: FactsScope) -> (facts: Facts, withheld: Set<String>) {
        let c = customers
        var keep = Array(0..<c.count)
        for (dimension, values) in scope.filter {
            guard let column = c.allDimensions.first(where: { $0.name == dimension }) else { keep = []; break }
            keep = keep.filter { column.value(at: $0).map(values.contains) ?? false }
        }
        var newIndex = [Int32](repeating: -1, count: c.count)
        for (k, old) in keep.enumerated() { newIndex[old] = Int32(k) }

        var usageStart: [Int32] = [0], usageDays: [Int32] = []
        var orderStart: [Int32] = [0], orderDays: [Int32] = [], orderAmounts: [Int64] = [], orderCosts: [Int64] = [], orderCounts: [Int32] = []
        for old in keep {
            usageDays += c.usageDays[c.usage(old)]
            usageStart.append(Int32(usageDays.count))
            let orders = c.orders(old)
            orderDays += c.orderDays[orders]
            for i in orders {
                orderAmounts.append(c.orderAmount(i))
                orderCounts.append(Int32(c.orderCount(i..<i + 1, of: old)))
            }
            orderCosts += c.orderCosts[orders]
            orderStart.append(Int32(orderDays.count))
        }
        let allDimensions = c.allDimensions.map { $0.rows(keep) }
        let dimensions = c.dimensions.map { d in allDimensions.first { $0.name == d.name } ?? d.rows(keep) }
        let scoped = CustomerFacts(signupDay: keep.map { c.signupDay[$0] }, dimensions: dimensions, allDimensions: allDimensions,
                                   usageStart: usageStart, usageDays: usageDays, orderStart: orderStart, orderDays: orderDays,
                                   orderAmounts: orderAmounts, orderCosts: orderCosts, orderCounts: orderCounts)

        var withheld = Set<String>()
        let dimensionsNamed = Set(scope.filter.map(\.dimension))
        var scopedLeads: LeadFacts?
        if let leads {
            let columns = scope.filter.map { (leads.audienceColumn($0.dimension), $0.values) }
            if columns.allSatisfy({ $0.0 != nil }) {
                scopedLeads = leads.rows { row in columns.allSatisfy { column, values in column!.value(at: row).map(values.contains) ?? false } }
            } else {
                withheld.insert("leads")
            }
        }
        let channels = dimensionsNamed == ["channel"] ? scope.filter.reduce(into: Set<String>()) { $0.formUnion($1.values) } : nil
        func channelFacts(_ facts: ChannelMonthFacts?, _ table: String) -> ChannelMonthFacts? {
            guard let facts, !scope.filter.isEmpty else { return facts }
            guard let channels else { withheld.insert(table); return nil }
            return facts.channels(channels)
        }
        let spend = channelFacts(self.spend, "spend"), visits = channelFacts(self.visits, "traffic")
        let facts = Facts(customers: scoped, leads: scopedLeads, spend: spend, visits: visits, service: service.customers(newIndex),
                          customerIds: TextColumn(keep.lazy.map { customerIds[$0] }), customerNames: TextColumn(keep.lazy.map { customerNames[$0] }),
                          dataDays: dataDays, zone: zone)
        return (facts, withheld)
    }
}

extension DimensionColumn {
    /// The column of the given rows only: members that no kept row has are gone too.
    func rows(_ keep: [Int]) -> DimensionColumn {
        var column = DimensionColumn(name: name)
        for row in keep { column.append(value(at: row) ?? "") }
        return column
    }
}

extension LeadFacts {
    /// The leads for which `include` holds, in their order.
    func rows(_ include: (Int) -> Bool) -> LeadFacts {
        let keep = (0..<count).filter(include)
        func pick<T>(_ values: [T]) -> [T] { keep.map { values[$0] } }
        var firstContact = InstantOffsets()
        for i in keep { firstContact.append(firstContactAt(i), from: createdAt[i]) }
        return LeadFacts(createdDay: pick(createdDay), qualifiedDay: pick(qualifiedDay), opportunityDay: pick(opportunityDay),
                         wonDay: pick(wonDay), lostDay: pick(lostDay), createdAt: pick(createdAt), firstContact: firstContact,
                         amount: pick(amount), dimensions: dimensions.map { $0.rows(keep) },
                         audienceDimensions: audienceDimensions.map { $0.rows(keep) })
    }
}

extension ChannelMonthFacts {
    /// Only the given channels' amounts.
    func channels(_ kept: Set<String>) -> ChannelMonthFacts {
        var out = ChannelMonthFacts()
        for (month, byChannel) in values.sorted(by: { $0.key < $1.key }) {
            for (channel, amount) in byChannel.sorted(by: { $0.key < $1.key }) where kept.contains(channel) { out.add(month: month, channel: channel, amount) }
        }
        return out
    }
}

extension ServiceFacts {
    /// Surveys and tickets of the kept customers, renumbered (`newIndex[old]`, −1 when not kept).
    func customers(_ newIndex: [Int32]) -> ServiceFacts {
        let s = surveys.map { s in
            let keep = (0..<s.count).filter { newIndex[Int(s.customer[$0])] >= 0 }
            return Surveys(customer: keep.map { newIndex[Int(s.customer[$0])] }, day: keep.map { s.day[$0] },
                           isNPS: keep.map { s.isNPS[$0] }, score: keep.map { s.score[$0] })
        }
        let t = tickets.map { t in
            let keep = (0..<t.count).filter { newIndex[Int(t.customer[$0])] >= 0 }
            return Tickets(customer: keep.map { newIndex[Int(t.customer[$0])] }, openedDay: keep.map { t.openedDay[$0] },
                           openedAt: keep.map { t.openedAt[$0] }, firstResponseAt: keep.map { t.firstResponseAt($0) },
                           resolvedAt: keep.map { t.resolvedAt($0) }, isComplaint: keep.map { t.isComplaint[$0] })
        }
        return ServiceFacts(surveys: s, tickets: t)
    }
}
