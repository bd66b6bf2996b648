import CyberRisk
/// The posterior draws of every chain: per draw the sector factors `θ_i`, the factors' CV
/// `c = 1/√α` and mean `m`, the shared reporting rate `ρ` and the overdispersion `s`.
///
/// Draws are stored chain by chain, in sampling order; ``pooled(_:)`` lists a quantity over
/// all chains in that order (chain 0's draws first), the order every output uses.
struct PosteriorDraws: Sendable {
    /// A stored quantity.
    enum Quantity: Sendable, Hashable {
        case factor(Int), factorCV, factorMean, reportingRate, dispersion
    }

    let sectorCount: Int
    let chains: Int
    let drawsPerChain: Int
    /// `chains × drawsPerChain × (sectorCount + 4)` values.
    let values: [Double]

    init(sectorCount: Int, chains: Int, drawsPerChain: Int, values: [Double]) {
        precondition(values.count == chains * drawsPerChain * (sectorCount + 4))
        self.sectorCount = sectorCount
        self.chains = chains
        self.drawsPerChain = drawsPerChain
        self.values = values
    }

    /// Values per draw.
    var stride: Int { sectorCount + 4 }

    /// Total draws, `chains × drawsPerChain`.
    var count: Int { chains * drawsPerChain }

    func offset(_ q: Quantity) -> Int {
        switch q {
        case .factor(let i): return i
        case .factorCV: return sectorCount
        case .factorMean: return sectorCount + 1
        case .reportingRate: return sectorCount + 2
        case .dispersion: return sectorCount + 3
        }
    }

    /// The value of `q` in pooled draw `d` (`d = chain·drawsPerChain + k`).
    func value(_ q: Quantity, draw d: Int) -> Double {
        values[d * stride + offset(q)]
    }

    /// `q` over all draws, chain by chain.
    func pooled(_ q: Quantity) -> [Double] {
        let k = offset(q)
        return (0..<count).map { values[$0 * stride + k] }
    }

    /// `q`'s draws per chain.
    func byChain(_ q: Quantity) -> [[Double]] {
        let k = offset(q)
        return (0..<chains).map { c in (0..<drawsPerChain).map { values[(c * drawsPerChain + $0) * stride + k] } }
    }
}
