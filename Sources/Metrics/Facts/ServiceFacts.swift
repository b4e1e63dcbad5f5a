/// Survey responses and tickets of known customers: they follow their customer's slices.
public struct ServiceFacts: Sendable {
    public struct Surveys: Sendable {
        public let customer: [Int32]
        public let day: [Int32]
        public let isNPS: [Bool]
        public let score: [Double]
        public var count: Int { customer.count }

        public init(customer: [Int32], day: [Int32], isNPS: [Bool], score: [Double]) {
            (self.customer, self.day, self.isNPS, self.score) = (customer, day, isNPS, score)
        }
    }

    public struct Tickets: Sendable {
        public let customer: [Int32]
        public let openedDay: [Int32]
        public let openedAt: [Int64]
        public let firstResponseAt: [Int64]
        public let resolvedAt: [Int64]
        public let isComplaint: [Bool]
        public var count: Int { customer.count }

        public init(customer: [Int32], openedDay: [Int32], openedAt: [Int64], firstResponseAt: [Int64], resolvedAt: [Int64], isComplaint: [Bool]) {
            (self.customer, self.openedDay, self.openedAt, self.firstResponseAt, self.resolvedAt, self.isComplaint) =
                (customer, openedDay, openedAt, firstResponseAt, resolvedAt, isComplaint)
        }
    }

    public let surveys: Surveys?
    public let tickets: Tickets?

    public init(surveys: Surveys?, tickets: Tickets?) { (self.surveys, self.tickets) = (surveys, tickets) }
}
