import Testing
@_spi(Engine) @testable import CyberRisk

@Suite struct LinearAlgebraTests {
    @Test func leontiefInverseOfTwoByTwo() throws {
        // A = [[0, 0.5], [0.2, 0]]: (I − A)⁻¹ = 1/0.9 · [[1, 0.5], [0.2, 1]].
        let l = try #require(LinearAlgebra.leontiefInverse([0, 0.5, 0.2, 0], n: 2))
        let expected = [1 / 0.9, 0.5 / 0.9, 0.2 / 0.9, 1 / 0.9]
        for k in 0..<4 { #expect(abs(l[k] - expected[k]) < 1e-15) }
    }

    @Test func inverseOfNonSymmetricThreeByThree() throws {
        let m: [Double] = [2, 1, 0, 0, 3, 1, 1, 0, 4]
        let inv = try #require(LinearAlgebra.inverse(m, n: 3))
        for i in 0..<3 {
            for j in 0..<3 {
                var s = 0.0
                for k in 0..<3 { s += m[i * 3 + k] * inv[k * 3 + j] }
                #expect(abs(s - (i == j ? 1 : 0)) < 1e-14)
            }
        }
    }

    @Test func singularMatrixHasNoInverse() {
        #expect(LinearAlgebra.inverse([1, 2, 2, 4], n: 2) == nil)
    }

    @Test func solveUsesRowMajorMatrix() {
        // M = [[2, 1], [0, 4]] (row-major), b = (5, 8) ⇒ x = (1.5, 2).
        var m: [Double] = [2, 1, 0, 4]
        var b: [Double] = [5, 8]
        var pivots: [Int32] = [0, 0]
        let ok = LinearAlgebra.solve(&m, &b, n: 2, pivots: &pivots)
        #expect(ok)
        #expect(abs(b[0] - 1.5) < 1e-15 && abs(b[1] - 2) < 1e-15)
    }

    @Test func spectralRadiusOfKnownMatrices() throws {
        // Eigenvalues of [[0, 0.5], [0.5, 0]] are ±0.5; of a rotation-like [[0, -0.6], [0.6, 0]] ±0.6i.
        #expect(abs(try #require(SpectralRadius.of([0, 0.5, 0.5, 0], n: 2)) - 0.5) < 1e-14)
        #expect(abs(try #require(SpectralRadius.of([0, -0.6, 0.6, 0], n: 2)) - 0.6) < 1e-14)
        // Upper triangular: the largest diagonal entry.
        #expect(abs(try #require(SpectralRadius.of([0.2, 5, 7, 0, 0.9, 3, 0, 0, 0.1], n: 3)) - 0.9) < 1e-12)
    }

    @Test func dgemmWithTransposedRightOperand() {
        // C = A·Bᵀ with A 2×3, B 2×3.
        let a: [Double] = [1, 2, 3, 4, 5, 6]
        let b: [Double] = [1, 0, 1, 0, 1, 0]
        var c = [Double](repeating: 0, count: 4)
        LinearAlgebra.multiplyTransposed(a, b, into: &c, rows: 2, n: 2, k: 3)
        #expect(c == [4, 2, 10, 5])
    }
}
