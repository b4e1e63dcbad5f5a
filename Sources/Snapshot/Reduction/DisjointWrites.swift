/// A buffer that tasks running side by side write only at places no other task touches
/// (each its own customers): no lock is needed, since no two tasks share a place. The
/// buffer must outlive the tasks (a `withUnsafeMutableBufferPointer` around them).
struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

    subscript(i: Int) -> Element {
        get { buffer[i] }
        nonmutating set { buffer[i] = newValue }
    }
}
