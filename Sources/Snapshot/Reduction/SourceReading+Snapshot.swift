import Metrics

extension SourceReading {
    /// A read snapshot reduced to what the metric engine reads; its tables are let go as their facts are made.
    public init(snapshot: consuming Snapshot, dimensions: [String]) {
        let (targets, quality, columns) = (snapshot.targets, snapshot.quality, snapshot.customers.columns)
        self.init(facts: Facts(snapshot: consume snapshot, dimensions: dimensions), targets: targets, quality: quality, customerColumns: columns)
    }
}
