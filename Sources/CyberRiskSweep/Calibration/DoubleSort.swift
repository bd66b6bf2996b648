import CyberRisk
/// Ascending sort of `Double`s (no NaN) by bottom-up merge sort: the same result as
/// `sorted()`. The calibration sorts its draws dozens of times per fit (summaries, rank
/// normalisation, predictive quantiles); the standard library's generic sort runs unspecialised
/// in debug builds — those the test suite uses — where this concrete one is several times faster.
///
/// ```swift
/// DoubleSort.sorted([3, 1, 2])   // [1, 2, 3]
/// ```
enum DoubleSort {
    static func sorted(_ values: [Double]) -> [Double] {
        var a = values
        var b = values
        let n = values.count
        var width = 1
        a.withUnsafeMutableBufferPointer { pa in
            b.withUnsafeMutableBufferPointer { pb in
                var source = pa.baseAddress!, target = pb.baseAddress!
                var inA = true
                while width < n {
                    var start = 0
                    while start < n {
                        let middle = Swift.min(start + width, n), end = Swift.min(start + 2 * width, n)
                        var i = start, j = middle, k = start
                        while i < middle && j < end {
                            if source[j] < source[i] { target[k] = source[j]; j += 1 } else { target[k] = source[i]; i += 1 }
                            k += 1
                        }
                        while i < middle { target[k] = source[i]; i += 1; k += 1 }
                        while j < end { target[k] = source[j]; j += 1; k += 1 }
                        start = end
                    }
                    swap(&source, &target)
                    inA.toggle()
                    width *= 2
                }
                if !inA { pa.baseAddress!.update(from: pb.baseAddress!, count: n) }
            }
        }
        return a
    }
}
