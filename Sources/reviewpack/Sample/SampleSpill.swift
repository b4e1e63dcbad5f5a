import Foundation

/// Fixed-size binary records partitioned by month in temporary files.
/// Tables with ids (orders, leads, tickets) and the event logs are generated per
/// customer but written in time order; spilling them by month and sorting one month at
/// a time keeps memory bounded by the largest month while ids still follow time.
struct SampleSpill<Record: BitwiseCopyable> {
    private let urls: [URL]
    private var handles: [FileHandle?]
    private var pending: [[Record]]
    private(set) var counts: [Int]
    private let flushRecords: Int

    init(directory: URL, name: String, months: Int) {
        urls = (0..<months).map { directory.appendingPathComponent("\(name)-\($0).bin") }
        handles = Array(repeating: nil, count: months)
        pending = Array(repeating: [], count: months)
        counts = Array(repeating: 0, count: months)
        // about 256 KB buffered per month file
        flushRecords = max(64, (256 * 1024) / max(1, MemoryLayout<Record>.stride))
    }

    var total: Int { counts.reduce(0, +) }

    mutating func append(_ record: Record, month: Int) throws {
        pending[month].append(record)
        counts[month] += 1
        if pending[month].count >= flushRecords { try flush(month) }
    }

    private mutating func flush(_ month: Int) throws {
        if pending[month].isEmpty { return }
        if handles[month] == nil {
            guard FileManager.default.createFile(atPath: urls[month].path, contents: nil) else {
                throw SampleOptionsError(description: "cannot create \(urls[month].path)")
            }
            handles[month] = try FileHandle(forWritingTo: urls[month])
        }
        let data = pending[month].withUnsafeBytes { Data($0) }
        try handles[month]!.write(contentsOf: data)
        pending[month].removeAll(keepingCapacity: true)
    }

    /// Flushes and closes every file; call once before reading back.
    mutating func finish() throws {
        for m in 0..<urls.count {
            try flush(m)
            pending[m] = []
            try handles[m]?.close()
            handles[m] = nil
        }
    }

    /// All records of one month, in the order they were appended; the file is removed.
    func take(month: Int) throws -> [Record] {
        let count = counts[month]
        if count == 0 { return [] }
        let data = try Data(contentsOf: urls[month])
        let stride = MemoryLayout<Record>.stride
        guard data.count == count * stride else {
            throw SampleOptionsError(description: "temporary file \(urls[month].lastPathComponent) is damaged")
        }
        let records = [Record](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
            }
            initialized = count
        }
        try? FileManager.default.removeItem(at: urls[month])
        return records
    }
}

/// One order as generated; customer ≥ customers marks a row pointing nowhere.
struct SampleOrderRecord {
    var at: Int64
    var amount: Int64
    var cost: Int64          // −1: not recorded
    var customer: Int32
    var status: UInt8        // 0 paid, 1 refunded, 2 cancelled
    var product: UInt8
}

/// One lead with its stage times (−1: stage not reached by the end of the data).
struct SampleLeadRecord {
    var created: Int64
    var contacted: Int64
    var qualified: Int64
    var opportunity: Int64
    var won: Int64
    var lost: Int64
    var amount: Int64        // −1: none
    var customer: Int32      // −1: none
    var channel: UInt8
    var owner: UInt8         // 255: unassigned
    var campaign: UInt16     // 0xFFFF: none
}

struct SampleTicketRecord {
    var opened: Int64
    var responded: Int64     // −1: unanswered
    var resolved: Int64      // −1: open
    var customer: Int32
    var kind: UInt8
}

struct SampleActivityRecord {
    var at: Int64
    var customer: Int32
    var type: UInt8
    var owner: UInt8         // 255: none
}

struct SampleSurveyRecord {
    var at: Int64
    var customer: Int32
    var kind: UInt8          // 0 nps, 1 csat
    var score: UInt8
}
