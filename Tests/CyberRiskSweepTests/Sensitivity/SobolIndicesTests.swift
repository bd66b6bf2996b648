import Foundation
import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

@Suite struct SobolIndicesTests {
    /// Runs `f` on a Saltelli design with inputs uniform on `[lo, hi]`.
    func indices(inputs k: Int, n: Int, lo: Double, hi: Double, resamples: Int = 200,
                 _ f: ([Double]) -> Double) -> SobolIndices {
        let d = SaltelliDesign(inputs: k, baseRows: n)
        func y(_ u: [Double]) -> Double { f(u.map { lo + $0 * (hi - lo) }) }
        return SobolIndices(fA: d.a.map(y), fB: d.b.map(y), fAB: d.ab.map { $0.map(y) }, resamples: resamples, seed: 5)
    }

    /// Ishigami (a = 7, b = 0.1, inputs uniform on [−π, π]): S1 = (0.3139, 0.4424, 0),
    /// ST = (0.5576, 0.4424, 0.2437) analytically (Sobol' & Levitan 1999).
    @Test func ishigamiIndicesWithinTwoHundredthsAtTwoToTheFourteen() {
        let r = indices(inputs: 3, n: 1 << 14, lo: -.pi, hi: .pi, resamples: 100) { x in
            sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
        }
        let s1 = [0.3139, 0.4424, 0.0], st = [0.5576, 0.4424, 0.2437]
        for i in 0..<3 {
            #expect(abs(r.firstOrder[i].value - s1[i]) < 0.02, "S1[\(i)] = \(r.firstOrder[i].value)")
            #expect(abs(r.total[i].value - st[i]) < 0.02, "ST[\(i)] = \(r.total[i].value)")
            #expect(r.firstOrder[i].low <= r.firstOrder[i].value && r.firstOrder[i].value <= r.firstOrder[i].high)
        }
    }

    /// Y = Σ cᵢ Xᵢ with independent uniform Xᵢ: Sᵢ = S_Tᵢ = cᵢ² / Σ cⱼ².
    @Test func linearModelSharesVarianceByCoefficientsSquared() {
        let c = [1.0, 2.0, 3.0, 0.0]
        let r = indices(inputs: 4, n: 1 << 12, lo: 0, hi: 1) { x in zip(c, x).reduce(0) { $0 + $1.0 * $1.1 } }
        let total = c.reduce(0) { $0 + $1 * $1 }
        for i in 0..<4 {
            let share = c[i] * c[i] / total
            #expect(abs(r.firstOrder[i].value - share) < 0.02, "S1[\(i)]")
            #expect(abs(r.total[i].value - share) < 0.01, "ST[\(i)]")
        }
        #expect(abs(r.total[3].value) < 1e-12)
    }
}
