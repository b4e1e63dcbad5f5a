/// Something that stops delivery before any recipient is tried: one sentence.
public struct DeliveryError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
