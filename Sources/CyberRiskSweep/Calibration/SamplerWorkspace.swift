import CyberRisk
import Foundation

/// One chain's flat buffers: the fitted rows (count, base, known reporting rate — NaN where the
/// shared `ρ` applies — and sector), index lists of row subsets, and a copy of the factors. The
/// sweep's inner loops sum hundreds of log-likelihood terms per update; reading them through
/// pointers keeps those loops free of reference counting and allocation.
final class SamplerWorkspace {
    let rowCount: Int
    let count: UnsafeMutablePointer<Double>
    let base: UnsafeMutablePointer<Double>
    let known: UnsafeMutablePointer<Double>
    let sector: UnsafeMutablePointer<Int>
    /// Row indices: every row, then those with the shared rate, then those with a known rate.
    let all: UnsafeMutableBufferPointer<Int>
    let shared: UnsafeMutableBufferPointer<Int>
    let knownRows: UnsafeMutableBufferPointer<Int>
    /// The sectors with data, and each one's rows.
    let dataSectors: [Int]
    let rowsOf: [UnsafeMutableBufferPointer<Int>]
    /// The factors `θ_i` of the state being updated (copied in by ``load(_:)``).
    let theta: UnsafeMutablePointer<Double>

    init(problem p: CalibrationProblem) {
        rowCount = p.rows.count
        count = .allocate(capacity: rowCount)
        base = .allocate(capacity: rowCount)
        known = .allocate(capacity: rowCount)
        sector = .allocate(capacity: rowCount)
        for (k, row) in p.rows.enumerated() {
            count[k] = row.count
            base[k] = row.base
            known[k] = row.knownRate ?? .nan
            sector[k] = row.sector
        }
        func buffer(_ indices: [Int]) -> UnsafeMutableBufferPointer<Int> {
            let b = UnsafeMutableBufferPointer<Int>.allocate(capacity: indices.count)
            _ = b.initialize(from: indices)
            return b
        }
        all = buffer(Array(p.rows.indices))
        shared = buffer(p.rows.indices.filter { p.rows[$0].knownRate == nil })
        knownRows = buffer(p.rows.indices.filter { p.rows[$0].knownRate != nil })
        dataSectors = p.sectorIDs.indices.filter { p.calibrated[$0] && !p.rowsOfSector[$0].isEmpty }
        rowsOf = p.rowsOfSector.map(buffer)
        theta = .allocate(capacity: p.sectorIDs.count)
        theta.initialize(repeating: 0, count: p.sectorIDs.count)
    }

    deinit {
        count.deallocate()
        base.deallocate()
        known.deallocate()
        sector.deallocate()
        all.deallocate()
        shared.deallocate()
        knownRows.deallocate()
        for b in rowsOf { b.deallocate() }
        theta.deallocate()
    }

    /// Copies the state's factors into ``theta``.
    func load(_ values: [Double]) {
        for i in values.indices { theta[i] = values[i] }
    }

    /// `Σ_k` over `rows` of the `μ`-dependent log-likelihood of row `k`, with
    /// `μ_k = scale·θ_{i(k)}·base_k·r_k` (`r_k` known, or `rho`), plus `D(y_k, κ)` when
    /// `withDispersionTerm` (for updates of `s`).
    @inline(__always)
    func logLikelihood(_ rows: UnsafeMutableBufferPointer<Int>, scale: Double, rho: Double, dispersion: Double,
                       withDispersionTerm: Bool = false) -> Double {
        var l = 0.0
        for k in rows {
            let r = known[k].isNaN ? rho : known[k]
            let mu = scale * theta[sector[k]] * base[k] * r
            let y = count[k]
            guard mu > 0 else {
                if y != 0 { return -.infinity }
                continue
            }
            l += CountLikelihood.kernel(y, mean: mu, dispersion: dispersion)
            if withDispersionTerm { l += CountLikelihood.dispersionTerm(y, dispersion: dispersion) }
        }
        return l
    }

    /// The same for one sector's rows with its factor set to `value`.
    @inline(__always)
    func logLikelihood(sector i: Int, factor value: Double, rho: Double, dispersion: Double) -> Double {
        let saved = theta[i]
        theta[i] = value
        defer { theta[i] = saved }
        return logLikelihood(rowsOf[i], scale: 1, rho: rho, dispersion: dispersion)
    }
}
