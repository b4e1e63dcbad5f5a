import Testing
@testable import Metrics

@Suite struct ByteIndexTests {
    func with<T>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var s = s
        return s.withUTF8 { body($0) }
    }

    @Test func shortAndLongKeysRoundTripThroughGrowth() {
        var index = ByteIndex()
        let keys: [String] = (0..<5000).map { (i: Int) -> String in
            switch i % 3 {
            case 0: return "C\(i)"                 // short: kept inline
            case 1: return "客户-\(i)-有限公司"      // long: compared byte by byte
            default: return String(i)
            }
        }
        for (i, k) in keys.enumerated() {
            let (code, inserted) = with(k) { index.insert($0) }
            #expect(inserted && code == Int32(i))
        }
        for (i, k) in keys.enumerated() {
            #expect(with(k) { index.find($0) } == Int32(i))
            #expect(with(k) { index.insert($0) }.inserted == false)
        }
        #expect(with("C") { index.find($0) } == nil)
        #expect(with("C1 ") { index.find($0) } == nil)          // a prefix or longer key is another key
        #expect(with("12345678") { index.find($0) } == nil)
        #expect(index.count == 5000)
    }

    @Test func keysThatPackAlikeStayApart() {
        // "A" and "A\0" pack to the same word; their lengths tell them apart.
        var index = ByteIndex()
        let a: [UInt8] = [65], b: [UInt8] = [65, 0]
        let ca = a.withUnsafeBufferPointer { index.insert($0).code }
        let cb = b.withUnsafeBufferPointer { index.insert($0).code }
        #expect(ca != cb)
        #expect(b.withUnsafeBufferPointer { index.find($0) } == cb)
    }

    /// Keys are read in words (one load for eight bytes, two overlapping loads for two to
    /// seven, eight at a time past eight): a key of every length from 1 to 40 bytes, and each
    /// of it with one byte changed at each place, is its own key, in a set and in an index.
    @Test func everyByteOfEveryLengthCounts() {
        var index = ByteIndex(capacity: 4), set = ByteIndex.set(capacity: 4)
        var keys: [[UInt8]] = []
        for length in 1...40 {
            let key = (0..<length).map { UInt8(truncatingIfNeeded: 0x41 + $0 * 7) }
            keys.append(key)
            for place in 0..<length {
                var changed = key
                changed[place] ^= 0x20
                keys.append(changed)
            }
        }
        // Each key sits in a longer buffer, so that a load past its end would read the
        // bytes after it (0xFF) and make two keys of one prefix collide.
        func within(_ key: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            (key + [UInt8](repeating: 0xFF, count: 8)).withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<key.count])) }
        }
        for (i, key) in keys.enumerated() {
            within(key) { bytes in
                let (code, inserted) = index.insert(bytes)
                let added = set.add(bytes)
                #expect(code == Int32(i) && inserted && added, "\(key)")
            }
        }
        for (i, key) in keys.enumerated() {
            var stored: [UInt8] = key
            stored.append(contentsOf: [0x00, 0x01])
            stored.withUnsafeBufferPointer { bytes in
                let exact = UnsafeBufferPointer(rebasing: bytes[..<key.count])
                #expect(index.find(exact) == Int32(i))
                #expect(index.find(exact, index.ahead(exact)) == Int32(i))
                let addedAgain = set.add(exact)
                #expect(!addedAgain)
            }
        }
        #expect(index.count == keys.count && set.count == keys.count)
    }

    @Test func aSetFindsRepeatsOfShortAndLongKeysThroughGrowth() {
        // A small capacity makes it grow many times; short keys then live only in their slots.
        var set = ByteIndex.set(capacity: 4)
        let keys = (0..<20_000).map { i in i % 2 == 0 ? "O\(i)" : "订单-\(i)-补录" }
        for k in keys { #expect(with(k) { set.add($0) }) }
        for k in keys { #expect(!with(k) { set.add($0) }, "\(k) seen twice but not found") }
        #expect(with("O1") { set.add($0) }, "O1 was never added (odd keys are long)")
        #expect(with("O1") { set.find($0) } != nil)
        #expect(with("O3") { set.find($0) } == nil)
        #expect(set.count == 20_001)
    }

    @Test func hashesTakenAheadOfABatchFindRepeatsWithinItAndAcrossGrowth() {
        // Hashes are taken for a whole batch before any of its keys is added, so a key may
        // repeat inside the batch and the set may grow between taking and using a hash.
        var set = ByteIndex.set(capacity: 4)
        var index = ByteIndex(capacity: 4)
        let keys = (0..<3_000).map { i in i % 7 == 3 ? "K\(i - 3)" : i % 2 == 0 ? "K\(i)" : "客户-\(i)-有限公司" }
        var added: [Bool] = [], codes: [Int32] = []
        for batch in stride(from: 0, to: keys.count, by: 32) {
            let slice = keys[batch..<min(batch + 32, keys.count)]
            let hashes = slice.map { k in with(k) { set.ahead($0) } }
            let indexHashes = slice.map { k in with(k) { index.ahead($0) } }
            for (k, key) in slice.enumerated() {
                added.append(with(key) { set.add($0, hashes[k]) })
                codes.append(with(key) { index.insert($0, indexHashes[k]).code })
            }
        }
        var plain = ByteIndex.set(capacity: 4)
        #expect(added == keys.map { k in with(k) { plain.add($0) } })
        #expect(added.filter { !$0 }.count == (0..<3_000).filter { $0 % 7 == 3 && ($0 - 3) % 2 == 0 }.count)
        for (i, key) in keys.enumerated() {
            #expect(with(key) { index.find($0, index.ahead($0)) } == codes[i])
            #expect(codes[i] == codes[keys.firstIndex(of: key)!])
        }
    }
}
