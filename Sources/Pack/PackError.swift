/// Why the pack could not be written: a template missing or unreadable, or a file that
/// cannot be written, each naming the path.
public enum PackError: Error, CustomStringConvertible {
    case missingTemplate(String)
    case badTemplate(String, String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .missingTemplate(let p): return "\(p): template not found"
        case .badTemplate(let p, let why): return "\(p): the template cannot be read: \(why)"
        case .cannotWrite(let p, let why): return "\(p): cannot write: \(why)"
        }
    }
}
