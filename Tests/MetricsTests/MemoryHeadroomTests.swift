import Testing
@testable import Metrics

/// A second fit runs only in memory the process has already held: what it holds now always
/// fits in its peak, and a petabyte more never does.
@Suite struct MemoryHeadroomTests {
    @Test func nothingMoreAlwaysFitsAndAPetabyteNever() {
        #expect(MemoryHeadroom.allows(0))
        #expect(!MemoryHeadroom.allows(1 << 50))
    }
}
