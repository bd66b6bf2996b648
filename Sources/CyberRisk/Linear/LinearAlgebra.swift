import COpenBLAS

/// Thin wrappers over BLAS and LAPACK for the row-major matrices the model uses.
///
/// All matrices are row-major `[Double]`/buffers with leading dimension equal to their column count.
/// LAPACK is column-major, so a row-major buffer is its transpose; each wrapper says how it
/// accounts for that.
public enum LinearAlgebra {
    /// Restricts OpenBLAS to one thread: parallelism comes from Dispatch over trial blocks, and
    /// BLAS threads on top would oversubscribe the cores. Call once at start-up.
    public static func useSingleThreadedBLAS() {
        openblas_set_num_threads(1)
    }

    /// OpenBLAS's build description (for the run manifest), e.g. `"OpenBLAS 0.3.21 DYNAMIC_ARCH ..."`.
    static var blasDescription: String {
        guard let c = openblas_get_config() else { return "OpenBLAS" }
        return String(cString: c)
    }

    /// `M⁻¹` for a row-major `n×n` matrix, or `nil` if it is singular.
    ///
    /// Solves `Mᵀ X = I` in LAPACK's column-major view of the buffer (which is `Mᵀ`), giving
    /// `X = (Mᵀ)⁻¹` column-major — that is `M⁻¹` row-major.
    static func inverse(_ m: [Double], n: Int) -> [Double]? {
        var a = m
        var b = [Double](repeating: 0, count: n * n)
        for i in 0..<n { b[i * n + i] = 1 }
        var ipiv = [Int32](repeating: 0, count: n)
        var n32 = Int32(n), nrhs = Int32(n), lda = Int32(n), ldb = Int32(n), info: Int32 = 0
        dgesv_(&n32, &nrhs, &a, &lda, &ipiv, &b, &ldb, &info)
        return info == 0 ? b : nil
    }

    /// The Leontief inverse `L = (I − A)⁻¹` of a row-major `n×n` matrix, or `nil` if `I − A` is singular.
    @_spi(Engine) public static func leontiefInverse(_ a: [Double], n: Int) -> [Double]? {
        var m = a
        for i in 0..<n * n { m[i] = -m[i] }
        for i in 0..<n { m[i * n + i] += 1 }
        return inverse(m, n: n)
    }

    /// Solves `M x = b` in place for one row-major `n×n` matrix `M` (destroyed), `b` becoming `x`.
    ///
    /// `dgetrf` factorises LAPACK's view `Mᵀ`; `dgetrs` with `trans = 'T'` then solves
    /// `(Mᵀ)ᵀ x = M x = b`. Returns `false` if `M` is singular. No allocation.
    @inline(__always)
    static func solve(_ m: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>,
                             n: Int, pivots: UnsafeMutablePointer<Int32>) -> Bool {
        var n32 = Int32(n), lda = Int32(n), nrhs: Int32 = 1, ldb = Int32(n), info: Int32 = 0
        dgetrf_(&n32, &n32, m, &lda, pivots, &info)
        if info != 0 { return false }
        var trans = CChar(UInt8(ascii: "T"))
        dgetrs_(&trans, &n32, &nrhs, m, &lda, pivots, b, &ldb, &info)
        return info == 0
    }

    /// Solves `M x = b` in place for another right-hand side with the factorisation that
    /// ``solve(_:_:n:pivots:)`` left in `m` and `pivots` (`dgetrs`, `trans = 'T'`).
    @inline(__always)
    static func resolve(_ m: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>,
                               n: Int, pivots: UnsafeMutablePointer<Int32>) -> Bool {
        var n32 = Int32(n), lda = Int32(n), nrhs: Int32 = 1, ldb = Int32(n), info: Int32 = 0
        var trans = CChar(UInt8(ascii: "T"))
        dgetrs_(&trans, &n32, &nrhs, m, &lda, pivots, b, &ldb, &info)
        return info == 0
    }

    /// `C := alpha·A·Bᵀ + beta·C` for row-major `A` (`rows×k`), `B` (`n×k`), `C` (`rows×n`): `cblas_dgemm`.
    @inline(__always)
    @_spi(Engine) public static func multiplyTransposed(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                                          into c: UnsafeMutablePointer<Double>,
                                          rows: Int, n: Int, k: Int, alpha: Double = 1, beta: Double = 0) {
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(n), Int32(k),
                    alpha, a, Int32(k), b, Int32(k), beta, c, Int32(n))
    }
}
