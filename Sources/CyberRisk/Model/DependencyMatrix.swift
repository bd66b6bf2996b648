/// The sector-dependency matrix `a_ij`: how much sector `i` depends on sector `j`
/// (the share of `i`'s operation lost per unit of `j`'s inoperability).
///
/// Stored row-major: `values[i * count + j] = a_ij`. Rows and columns follow the scenario's
/// sector order. Diagonal entries are allowed (a sector's dependence on itself, as in the IIM).
public struct DependencyMatrix: Sendable, Equatable, Hashable {
    /// Number of sectors `N`.
    public let count: Int
    /// `N·N` entries, row-major, all finite and `≥ 0`.
    public private(set) var values: [Double]

    /// A matrix from row-major entries; `values.count` must be `count * count`.
    init(count: Int, values: [Double]) {
        precondition(values.count == count * count, "DependencyMatrix needs count² entries")
        self.count = count
        self.values = values
    }

    /// The `N×N` zero matrix.
    static func zero(count: Int) -> DependencyMatrix {
        DependencyMatrix(count: count, values: [Double](repeating: 0, count: count * count))
    }

    /// `a_ij`.
    public subscript(i: Int, j: Int) -> Double {
        get { values[i * count + j] }
        set { values[i * count + j] = newValue }
    }

    /// The matrix with the lifeline floors applied: `a_ij := max(a_ij, floor_j)` for every `i ≠ j`.
    ///
    /// - Parameter floors: one entry per column (sector); 0 leaves the column as it is.
    func applyingFloors(_ floors: [Double]) -> DependencyMatrix {
        precondition(floors.count == count)
        var out = self
        for i in 0..<count {
            for j in 0..<count where i != j {
                out[i, j] = Swift.max(out[i, j], floors[j])
            }
        }
        return out
    }
}
