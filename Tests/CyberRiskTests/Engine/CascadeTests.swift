import Testing
@testable import CyberRisk

@Suite struct CascadeTests {
    /// Hand-computed IIM: A = [[0, 0.5], [0.2, 0]], c = (0.1, 0) ⇒ q = (I − A)⁻¹c = (0.1/0.9, 0.02/0.9).
    @Test func linearBlockMatchesHandComputedLeontief() throws {
        let l = try #require(LinearAlgebra.leontiefInverse([0, 0.5, 0.2, 0], n: 2))
        let c: [Double] = [0.1, 0, 0, 0.3]   // two trials
        var q = [Double](repeating: -1, count: 4)
        Cascade.linearBlock(shocks: c, leontief: l, into: &q, rows: 2, n: 2)
        #expect(abs(q[0] - 0.1 / 0.9) < 1e-15)
        #expect(abs(q[1] - 0.02 / 0.9) < 1e-15)
        // Second trial: c = (0, 0.3) ⇒ q = (0.15/0.9, 0.3/0.9).
        #expect(abs(q[2] - 0.15 / 0.9) < 1e-15)
        #expect(abs(q[3] - 0.3 / 0.9) < 1e-15)
    }

    /// A = [[0, 0.5], [0.8, 0]], c = (0.9, 0): the Leontief solution (1.5, 1.2) clamps to (1, 1);
    /// the saturating least fixed point is q1 = min(1, 0.9 + 0.5 q2), q2 = 0.8 q1 ⇒ (1, 0.8).
    @Test func saturatingDiffersFromClampedLinearWhenASectorSaturates() throws {
        let a: [Double] = [0, 0.5, 0.8, 0]
        let c: [Double] = [0.9, 0]
        var q = [Double](repeating: 0, count: 2)
        var scratch = [Double](repeating: 0, count: 2)
        Cascade.saturatingBlock(shocks: c, matrix: a, into: &q, scratch: &scratch, rows: 1, n: 2)
        #expect(q[0] == 1)
        #expect(abs(q[1] - 0.8) < 1e-12)

        var single = [Double](repeating: 0, count: 2)
        Cascade.saturatingSingle(shocks: c, matrix: a, into: &single, scratch: &scratch, n: 2)
        #expect(single[0] == 1 && abs(single[1] - 0.8) < 1e-12)

        var work = a
        var linear = [Double](repeating: 0, count: 2)
        var pivots: [Int32] = [0, 0]
        Cascade.linearSingle(shocks: c, matrix: &work, into: &linear, n: 2, pivots: &pivots)
        #expect(linear == [1, 1])
    }

    /// Without saturation both modes solve q = c + A q.
    @Test func modesAgreeWhenNothingSaturates() throws {
        let a: [Double] = [0.1, 0.2, 0.05, 0, 0.1, 0.3, 0.2, 0.1, 0]
        let c: [Double] = [0.05, 0.01, 0.02]
        var sat = [Double](repeating: 0, count: 3)
        var scratch = [Double](repeating: 0, count: 3)
        Cascade.saturatingSingle(shocks: c, matrix: a, into: &sat, scratch: &scratch, n: 3)
        var work = a
        var lin = [Double](repeating: 0, count: 3)
        var pivots: [Int32] = [0, 0, 0]
        Cascade.linearSingle(shocks: c, matrix: &work, into: &lin, n: 3, pivots: &pivots)
        for i in 0..<3 {
            // The iteration stops once a step changes q by < 1e-12; with ρ(A) ≈ 0.36 the remaining
            // error is below 1e-12·ρ/(1−ρ) < 1e-12.
            #expect(abs(sat[i] - lin[i]) < 1e-12)
            var residual = c[i] - lin[i]
            for j in 0..<3 { residual += a[i * 3 + j] * lin[j] }
            #expect(abs(residual) < 1e-15)
        }
    }

    @Test func clampMapsIntoUnitIntervalAndNaNToOne() {
        var x: [Double] = [-0.1, 0.5, 1.2, .nan]
        Cascade.clamp(&x, count: 4)
        #expect(x == [0, 0.5, 1, 1])
    }
}
