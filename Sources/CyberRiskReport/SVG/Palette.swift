import CyberRisk

/// The report's colours: the Okabe–Ito qualitative palette (Okabe & Ito 2008, "Color Universal
/// Design"), distinguishable with the common forms of colour blindness, plus greys for axes.
///
/// Series that must be told apart also differ in dash pattern, so the charts survive greyscale
/// printing too.
enum Palette {
    static let black = "#000000"
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"

    /// Axis lines and tick labels.
    static let axis = "#333333"
    /// Grid lines behind the data.
    static let grid = "#E3E3E3"
    /// Secondary data (context lines).
    static let muted = "#B0B0B0"

    /// Colours for up to seven distinguishable series, in order of contrast on white.
    static let series = [blue, vermillion, bluishGreen, orange, reddishPurple, skyBlue, black]
    /// Dash patterns (`stroke-dasharray`) paired with ``series``: solid first.
    static let dashes = ["", "7 4", "2 3", "10 3 2 3", "4 4", "1 2", "12 4"]
}
