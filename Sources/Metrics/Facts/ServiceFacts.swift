/// Survey responses and tickets of known customers: they follow their customer's slices.
public struct ServiceFacts: Sendable {
    public struct Surveys: Sendable {
        public let customer: [Int32]
        public let day: [Int32]
        public let isNPS: [Bool]
        /// Whole scores (NPS 0–10, CSAT 1–5): a byte each.
        public let score: [UInt8]
        public var count: Int { customer.count }

        public init(customer: [Int32], day: [Int32], isNPS: [Bool], score: [UInt8]) {
            (self.customer, self.day, self.isNPS, self.score) = (customer, day, isNPS, score)
        }
    }

    public struct Tickets: Sendable {
        public let customer: [Int32]
        public let openedDay: [Int32]
        public let openedAt: [Int64]
        /// First response and resolution, from `openedAt` (``firstResponseAt(_:)``, ``resolvedAt(_:)``).
        public let firstResponse: InstantOffsets
        public let resolved: InstantOffsets
        public let isComplaint: [Bool]
        public var count: Int { customer.count }

        public init(customer: [Int32], openedDay: [Int32], openedAt: [Int64], firstResponseAt: [Int64], resolvedAt: [Int64], isComplaint: [Bool]) {
            (self.customer, self.openedDay, self.openedAt, self.isComplaint) = (customer, openedDay, openedAt, isComplaint)
            firstResponse = InstantOffsets(firstResponseAt, from: openedAt)
            resolved = InstantOffsets(resolvedAt, from: openedAt)
        }

        /// The instant of ticket `i`'s first response, ``Missing/instant`` when none.
        @inline(__always) public func firstResponseAt(_ i: Int) -> Int64 { firstResponse.instant(i, from: openedAt[i]) }
        /// The instant ticket `i` was resolved, ``Missing/instant`` when not.
        @inline(__always) public func resolvedAt(_ i: Int) -> Int64 { resolved.instant(i, from: openedAt[i]) }
    }

    public let surveys: Surveys?
    public let tickets: Tickets?

    public init(surveys: Surveys?, tickets: Tickets?) { (self.surveys, self.tickets) = (surveys, tickets) }
}
