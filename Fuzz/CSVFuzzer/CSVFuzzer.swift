import Foundation
import FuzzDriver
import Snapshot
import Metrics

/// libFuzzer entry: the input is `orders.csv` of a snapshot whose other tables are fixed,
/// read end to end (scanner, UTF-8 check, header, typed fields, findings). Any outcome
/// but a trap is fine: a thrown ``SnapshotError`` is the reader doing its job.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The scanner alone, from bytes.
    if let reader = try? TableReader(bytes: bytes, fileName: "fuzz.csv") {
        let width = reader.header.count
        _ = try? reader.forEachRecord { record in
            for i in 0..<width { _ = record.string(i) }
        }
    }
    // The whole reader, with the input as orders.csv.
    guard FileManager.default.createFile(atPath: Workspace.orders, contents: Data(bytes)) else { return 0 }
    _ = try? SnapshotReader.read(folder: Workspace.folder, options: Workspace.options)
    return 0
}

enum Workspace {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "reviewpack-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let customers = "customer_id,name,signup_at,channel\nC1,A,2026-01-05,官网\nC2,B,2026-02-10 09:00:00+08:00,\n"
        _ = FileManager.default.createFile(atPath: path + "/customers.csv", contents: Data(customers.utf8))
        return path
    }()
    static let orders = folder + "/orders.csv"
    static let options = SnapshotOptions(zone: Zone(identifier: "Asia/Shanghai")!, asOf: 1_790_000_000, maxLeftOutShare: 1)
}

@_cdecl("CSVFuzzer_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt { runFuzzer(argc, argv, fuzz) }
