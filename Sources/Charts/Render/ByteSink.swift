import CCairo

/// Collects what a cairo stream surface writes.
public final class ByteSink {
    public var bytes: [UInt8] = []

    public init() {}

    public static let write: cairo_write_func_t = { closure, data, length in
        let sink = Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
