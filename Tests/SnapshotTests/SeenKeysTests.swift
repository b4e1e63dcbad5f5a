import Testing
@testable import Snapshot
import Metrics

@Suite struct SeenKeysTests {
    /// What `SeenKeys` says of each key, against a plain hash set, with hashes taken a
    /// batch ahead as the tables take them.
    func agrees(_ keys: [String], capacity: Int = 4) -> Bool {
        var seen = SeenKeys(capacity: capacity), plain = ByteIndex.set(capacity: capacity)
        var answers: [Bool] = [], expected: [Bool] = []
        for batch in stride(from: 0, to: keys.count, by: 3) {
            let slice = Array(keys[batch..<min(batch + 3, keys.count)])
            let hashes = slice.map { key in Array(key.utf8).withUnsafeBufferPointer { seen.ahead($0) } }
            for (k, key) in slice.enumerated() {
                let bytes = Array(key.utf8)
                answers.append(bytes.withUnsafeBufferPointer { seen.add($0, hashes[k]) })
                expected.append(bytes.withUnsafeBufferPointer { plain.add($0) })
            }
        }
        return answers == expected
    }

    @Test func idsInOrderAndOutOfOrderAreFoundAlike() {
        let ascending = (1...500).map { "O\(1_000_000 + $0)" }
        #expect(agrees(ascending))
        #expect(agrees(ascending + ["O1000500"]), "the last id again")
        #expect(agrees(ascending + ["O1000007", "O1000501", "O1000007"]), "an early id again, after the switch")
        #expect(agrees(["A", "A1", "A10", "A100", "A2", "A10", "B"]), "a prefix sorts first")
        #expect(agrees(["订单-2", "订单-1", "订单-2", "订单-3"]), "out of order at once")
        #expect(agrees(["x", "x"]))
        var seed: UInt64 = 42
        let shuffled = (0..<2_000).map { _ in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            return "K\(seed >> 54)"
        }
        #expect(agrees(shuffled), "random ids with repeats")
        #expect(agrees(ascending.map { $0 + "-a-long-suffix-past-eight-bytes" } + ["O1000003-a-long-suffix-past-eight-bytes"]))
    }

    @Test func aRepeatIsFoundByHandInEachMode() {
        var seen = SeenKeys(capacity: 8)
        func add(_ key: String) -> Bool { Array(key.utf8).withUnsafeBufferPointer { seen.add($0, nil) } }
        #expect(add("L1") && add("L2") && add("L3"))
        #expect(!add("L2") && !add("L3"))   // repeats, found among the ids kept in order
        #expect(add("L5"))
        #expect(add("L0"))                  // new and out of order: the ids move to a set
        #expect(!add("L3") && !add("L0") && add("L4"))
    }
}
