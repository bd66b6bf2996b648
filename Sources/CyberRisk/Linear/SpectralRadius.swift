import COpenBLAS

/// The spectral radius `ρ(A) = max |λ_k|` of a square row-major matrix, from LAPACK's `dgeev`.
///
/// The linear cascade `(I − A)⁻¹ c` is the sum of the Neumann series `Σ Aᵏ c`, which converges
/// exactly when `ρ(A) < 1`; validation refuses a year whose `A(t)` has `ρ ≥ 1`.
///
/// ```swift
/// SpectralRadius.of([0, 0.5, 0.5, 0], n: 2)   // 0.5
/// ```
enum SpectralRadius {
    /// `ρ(A)` of the `n×n` matrix with row-major entries `values`; `nil` if LAPACK fails to
    /// converge (it does not for finite input) or the matrix is empty.
    static func of(_ values: [Double], n: Int) -> Double? {
        precondition(values.count == n * n, "SpectralRadius needs n² entries")
        guard n > 0 else { return nil }
        // dgeev wants column-major: the transpose has the same eigenvalues, so the row-major
        // buffer can be handed over as it is.
        var a = values
        var wr = [Double](repeating: 0, count: n)
        var wi = [Double](repeating: 0, count: n)
        var vl = [Double](repeating: 0, count: 1), vr = [Double](repeating: 0, count: 1)
        var n32 = Int32(n), lda = Int32(n), ldvl: Int32 = 1, ldvr: Int32 = 1, info: Int32 = 0
        var jobvl = CChar(UInt8(ascii: "N")), jobvr = CChar(UInt8(ascii: "N"))
        // Workspace query, then the real call.
        var lwork: Int32 = -1
        var query = [Double](repeating: 0, count: 1)
        dgeev_(&jobvl, &jobvr, &n32, &a, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &query, &lwork, &info)
        guard info == 0 else { return nil }
        lwork = Int32(max(query[0], Double(4 * n)))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeev_(&jobvl, &jobvr, &n32, &a, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &work, &lwork, &info)
        guard info == 0 else { return nil }
        var rho = 0.0
        for k in 0..<n {
            rho = max(rho, (wr[k] * wr[k] + wi[k] * wi[k]).squareRoot())
        }
        return rho
    }
}
