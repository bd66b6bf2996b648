import Testing
@testable import CyberRisk
@testable import CyberRiskSweep

@Suite struct LatinHypercubeTests {
    @Test func oneSampleInEachStratumAndSeeded() {
        let n = 50
        let u = LatinHypercube.points(samples: n, dimensions: 3, seed: 7)
        for j in 0..<3 {
            #expect(Set(u.map { Int($0[j] * Double(n)) }).count == n)
            #expect(u.allSatisfy { $0[j] >= 0 && $0[j] < 1 })
        }
        #expect(u == LatinHypercube.points(samples: n, dimensions: 3, seed: 7))
        #expect(u != LatinHypercube.points(samples: n, dimensions: 3, seed: 8))
    }
}
