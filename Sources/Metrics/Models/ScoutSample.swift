/// The data a cold fit scouts on. A cold fit follows three starting shapes to a loose
/// tolerance only to choose the basin it then converges in on all the data; a systematic
/// sample of two thousand groups chooses as well as all of them, and the final Newton
/// iterations, on all groups, reach the same stationary point (to ~1e-10 relative: going
/// from samples of 8,192 groups from 16,384 on to these moved the 10 k and 100 k
/// benchmarks' parameters by at most 5e-12 relative). Scouting takes some 25–30 of a
/// cold fit's 30–35 evaluations, so the sample's size is most of its cost: on a sample, the
/// final iterations on all groups take 5–7 evaluations instead of 2–3, and the groups
/// evaluated in all fall by 40 % at ten thousand customers (4–7 thousand groups a month)
/// and by 25 % at a hundred thousand.
enum ScoutSample {
    /// Fewer groups than this are scouted on whole (a sample would save too little).
    static let threshold = 4_096
    /// About as many groups are kept: every k-th, so that a sorted list is spanned evenly.
    static let target = 2_048

    static func of<T>(_ groups: [T]) -> [T]? {
        guard groups.count >= threshold else { return nil }
        return Swift.stride(from: 0, to: groups.count, by: groups.count / target).map { groups[$0] }
    }
}
