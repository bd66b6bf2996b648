extension QuantileSketch {
    /// For each fraction `p` of `fractions` (each in `(0, 1]`): ``quantile(_:)`` at `1 − p` and
    /// ``tailMean(fraction:)`` at `p`, exactly as the two would give them one by one, from one pass
    /// over the buckets from the top (return periods ask for many levels of the same sketch).
    /// The tail sums are exact (``ExactSum``), so their grouping does not change them.
    func upperTail(_ fractions: [Double]) -> [(quantile: Double, tailMean: Double)] {
        guard count > 0 else { return fractions.map { _ in (.nan, .nan) } }
        // Per fraction: the descending position of the quantile's item (ascending rank
        // ⌊q(n − 1)⌋), and the number of top items of the tail mean.
        let n = count
        struct Target {
            var quantilePosition: UInt64?   // nil: q is 0 or invalid (handled by quantile(_:))
            var tailCount: UInt64
            var quantile = Double.nan
            var total = ExactSum()
            var taken: UInt64 = 0
            var plusInfinity = false, minusInfinity = false
        }
        var targets = fractions.map { p -> Target in
            let q = 1 - p
            var position: UInt64?
            if p > 0 && p <= 1 && q > 0 && q < 1 {
                let rank = Swift.min(UInt64((q * Double(n - 1)).rounded(.down)), n - 1)
                position = n - 1 - rank
            }
            let want = (p * Double(n)).rounded(.up)
            let m = want >= 0x1p64 ? n : Swift.max(1, Swift.min(UInt64(want), n))
            return Target(quantilePosition: position, tailCount: p > 0 && p <= 1 ? m : 0)
        }
        var seen: UInt64 = 0   // items passed so far, from the top
        func visit(_ available: UInt64, _ value: Double, _ raw: Double) {
            guard available > 0 else { return }
            for k in targets.indices {
                if let position = targets[k].quantilePosition, position >= seen, position < seen + available {
                    targets[k].quantile = clamped(raw)
                }
                let left = targets[k].tailCount - targets[k].taken
                let take = Swift.min(available, left)
                guard take > 0 else { continue }
                targets[k].taken += take
                if value == 0 { continue }
                if value == .infinity { targets[k].plusInfinity = true; continue }
                if value == -.infinity { targets[k].minusInfinity = true; continue }
                let c = Double(take)
                let product = c * value
                targets[k].total.add(product)
                targets[k].total.add((-product).addingProduct(c, value))
            }
            seen += available
        }
        if let range = positive.occupied {
            for i in range.reversed() {
                let r = QuantileSketch.representative(ofIndex: i)
                visit(positive.count(at: i), clamped(r), r)
            }
        }
        visit(zeroCount, 0, 0)
        if let range = negative.occupied {
            for i in range {
                let r = -QuantileSketch.representative(ofIndex: i)
                visit(negative.count(at: i), clamped(r), r)
            }
        }
        return zip(fractions, targets).map { p, t in
            let quantile = t.quantilePosition == nil ? self.quantile(1 - p) : t.quantile
            guard t.tailCount > 0 else { return (quantile, .nan) }
            if t.plusInfinity || t.minusInfinity {
                return (quantile, t.plusInfinity && t.minusInfinity ? .nan : (t.plusInfinity ? .infinity : -.infinity))
            }
            return (quantile, t.total.value / Double(t.tailCount))
        }
    }
}
