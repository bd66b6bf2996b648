import CyberRisk

import Foundation

/// Viridis (van der Walt & Smith, matplotlib 2015): a perceptually uniform sequential colour map,
/// readable with colour blindness and in greyscale, from dark purple (low) to yellow (high).
///
/// ```swift
/// ColorMap.viridis(0)     // "#440154"
/// ColorMap.viridis(1)     // "#FDE725"
/// ColorMap.isDark(0.2)    // true: write labels on it in white
/// ```
enum ColorMap {
    /// Ten evenly spaced samples of viridis; colours between them are interpolated in sRGB.
    static let anchors: [(Double, Double, Double)] = [
        (0x44, 0x01, 0x54), (0x48, 0x28, 0x78), (0x3E, 0x4A, 0x89), (0x31, 0x68, 0x8E), (0x26, 0x82, 0x8E),
        (0x1F, 0x9E, 0x89), (0x35, 0xB7, 0x79), (0x6D, 0xCD, 0x59), (0xB4, 0xDE, 0x2C), (0xFD, 0xE7, 0x25),
    ]

    /// The colour at `t ∈ [0, 1]` (clamped; NaN gives a neutral grey) as `#RRGGBB`.
    static func viridis(_ t: Double) -> String {
        guard t.isFinite else { return "#CCCCCC" }
        let u = Swift.min(Swift.max(t, 0), 1) * Double(anchors.count - 1)
        let k = Swift.min(Int(u), anchors.count - 2)
        let f = u - Double(k)
        let a = anchors[k], b = anchors[k + 1]
        func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
        return String(format: "#%02X%02X%02X", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    /// Whether text on the colour at `t` should be white (the lower half of viridis is dark).
    static func isDark(_ t: Double) -> Bool { t < 0.55 }
}
