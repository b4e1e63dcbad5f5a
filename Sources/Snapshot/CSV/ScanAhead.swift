import Foundation

/// Scans a large file on a thread of its own, a few chunks of records ahead of the reader
/// that consumes them: the scan (quoting, UTF-8, splitting fields) runs on one core while
/// the table's parsing of those fields runs on another. Chunks come in file order and end
/// where the scanner found a record to end, so the records, their lines and the first
/// problem are the same as scanning in line with the reader.
///
/// The scanner writes only ahead of the chunks handed out (it unescapes quoted fields in
/// place), and the reader gives pages back only behind them, so the two never touch the
/// same bytes.
final class ScanAhead: @unchecked Sendable {
    /// Records per chunk, and chunks scanned but not yet taken at most.
    struct Plan: Sendable {
        var records = 4096
        var depth = 4
        /// Files with fewer bytes after the header are scanned in line: a thread costs more than it saves.
        var minimumBytes = 4 << 20
    }

    private let condition = NSCondition()
    private var ready: [RecordChunk] = []
    private var spare: [RecordChunk] = []
    /// Set by the reader to stop the scan, and by the scan when it has ended.
    private var stopped = false, exited = false

    /// Starts scanning with `scanner`, which stands at the first record; the file's buffer
    /// must outlive ``finish()``.
    init(_ scanner: RecordScanner, width: Int, fileName: String, plan: Plan) {
        precondition(plan.records >= 1 && plan.depth >= 1, "a scan ahead needs room for a chunk of at least one record")
        let thread = Thread { [self] in
            Thread.current.name = "reviewpack scan"
            var scanner = scanner
            while true {
                condition.lock()
                while ready.count >= plan.depth, !stopped { condition.wait() }
                var chunk = stopped ? nil : spare.popLast() ?? RecordChunk()
                condition.unlock()
                guard chunk != nil else { break }
                chunk!.scan(&scanner, width: width, limit: plan.records, fileName: fileName)
                let last = chunk!.isLast
                condition.lock()
                ready.append(chunk!)
                condition.broadcast()
                condition.unlock()
                if last { break }
            }
            condition.lock()
            exited = true
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// The next chunk in file order, waiting for it; nil after the last.
    func next() -> RecordChunk? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty, !exited { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let chunk = ready.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Hands back a chunk's storage once its records went through, for the scanner to reuse.
    func recycle(_ chunk: RecordChunk) {
        condition.lock()
        spare.append(chunk)
        condition.unlock()
    }

    /// Stops the scan (the reader is done or failed) and waits until the thread has left its
    /// loop: after this returns it touches neither the file nor a chunk, and then ends.
    func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !exited { condition.wait() }
        condition.unlock()
    }
}
