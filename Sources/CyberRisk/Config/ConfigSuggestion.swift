/// "Did you mean …?": the candidates nearest to a misspelt name, by optimal-string-alignment
/// edit distance (insertions, deletions, substitutions and adjacent transpositions).
package enum ConfigSuggestion {
    /// The candidates at the smallest distance from `word`, if that distance is at most
    /// `max(2, word.count / 3)`; at most `limit`, in the candidates' order.
    static func nearest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let w = Array(word.unicodeScalars.prefix(200))
        let threshold = max(2, w.count / 3)
        var best = Int.max
        var found: [String] = []
        for candidate in candidates {
            let c = Array(candidate.unicodeScalars.prefix(200))
            guard abs(c.count - w.count) <= threshold else { continue }
            let d = distance(w, c)
            guard d <= threshold else { continue }
            if d < best {
                best = d
                found = [candidate]
            } else if d == best, !found.contains(candidate) {
                found.append(candidate)
            }
        }
        return Array(found.prefix(limit))
    }

    /// ` (did you mean 'a' or 'b'?)`, or an empty string when nothing is close.
    package static func phrase(for word: String, among candidates: [String]) -> String {
        let near = nearest(to: word, among: candidates)
        guard !near.isEmpty else { return "" }
        return " (did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?)"
    }

    /// Optimal string alignment distance.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var previous2 = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, previous2[j - 2] + 1)
                }
                current[j] = d
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
