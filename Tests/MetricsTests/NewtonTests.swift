import Foundation
import Testing
@testable import Metrics

/// The safeguarded Newton's method of the fits, on objectives whose answers are known.
@Suite struct NewtonTests {
    /// f = 50 (x − y + 3)² + e^(−y): a valley along x = y − 3 that keeps falling as y grows,
    /// so the minimum in the box [−9, 9]² is where it meets the edge, (6, 9) — the shape of a
    /// BG/NBD likelihood whose b runs to the box edge with a/b fixed. Value, gradient and
    /// Hessian, counted.
    final class Ridge {
        var evaluations = 0
        func evaluate(_ p: [Double]) -> Newton.Evaluation? {
            evaluations += 1
            let (d, e) = (p[0] - p[1] + 3, exp(-p[1]))
            return Newton.Evaluation(value: 50 * d * d + e,
                                     gradient: [100 * d, -100 * d - e],
                                     hessian: [[100, -100], [-100, 100 + e]])
        }
    }

    @Test func aValleyRunningOutOfTheBoxIsFollowedToTheEdge() throws {
        let ridge = Ridge()
        let newton = Newton(lower: -9, upper: 9)
        let result = try #require(newton.minimize(from: [0, 0.5], ridge.evaluate))
        #expect(abs(result.point[0] - 6) < 1e-9 && abs(result.point[1] - 9) < 1e-9, "\(result.point)")
        // Along the valley each Newton step is 1 in both coordinates; from y = 0.5 one of
        // them crosses the edge halfway. Ended at the edge it stays in the valley, and a few
        // more steps settle there. Clamping y alone left x half a step off the valley, and
        // the shifts that then rescued the value crawled to the edge in 59 evaluations.
        #expect(ridge.evaluations <= 12, "\(ridge.evaluations) evaluations")
    }

    @Test func anInteriorMinimumIsReachedExactly() throws {
        // f = (x − 1)² + 2 (y + 2)² + (x − 1)(y + 2): minimum at (1, −2), inside the box.
        let newton = Newton(lower: -9, upper: 9)
        let result = try #require(newton.minimize(from: [5, 5]) { p in
            let (u, v) = (p[0] - 1, p[1] + 2)
            return Newton.Evaluation(value: u * u + 2 * v * v + u * v, gradient: [2 * u + v, 4 * v + u], hessian: [[2, 1], [1, 4]])
        })
        #expect(abs(result.point[0] - 1) < 1e-12 && abs(result.point[1] + 2) < 1e-12, "\(result.point)")
    }
}
