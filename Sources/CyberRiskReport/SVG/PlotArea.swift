import CyberRisk

/// The pixel geometry of one chart: its overall size and the inner rectangle where data is drawn
/// (the margins hold the title, axes and legend).
///
/// ```swift
/// let area = PlotArea(width: 560, height: 320)
/// area.left    // 64: x of the plot's left edge
/// area.bottom  // 276: y of the plot's bottom edge (SVG y grows downwards)
/// ```
public struct PlotArea: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var marginTop: Double
    public var marginRight: Double
    public var marginBottom: Double
    public var marginLeft: Double

    public init(width: Double, height: Double, marginTop: Double = 48, marginRight: Double = 20,
                marginBottom: Double = 44, marginLeft: Double = 64) {
        self.width = width
        self.height = height
        self.marginTop = marginTop
        self.marginRight = marginRight
        self.marginBottom = marginBottom
        self.marginLeft = marginLeft
    }

    public var left: Double { marginLeft }
    public var right: Double { width - marginRight }
    public var top: Double { marginTop }
    public var bottom: Double { height - marginBottom }
    /// `left…right`, for a horizontal ``Scale``.
    public var horizontal: ClosedRange<Double> { left...right }
    /// `top…bottom`, for a vertical ``Scale`` (pass `reversed: true` so values grow upwards).
    public var vertical: ClosedRange<Double> { top...bottom }
}
