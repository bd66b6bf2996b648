import Testing
@testable import CyberRisk
@testable import CyberRiskReport

@Suite struct MarkupTests {
    @Test func escapesTextAndAttributes() throws {
        let m = Markup("text", ["data-row": "A \"quoted\" <name> & co"], children: [.text("x < y & z")])
        #expect(m.rendered == "<text data-row=\"A &quot;quoted&quot; &lt;name&gt; &amp; co\">x &lt; y &amp; z</text>")
        // What is escaped parses back to the original.
        let probe = try SVGProbe(m.rendered)
        let e = try probe.elements("text")[0]
        #expect(SVGProbe.attribute(e, "data-row") == "A \"quoted\" <name> & co")
        #expect(e.stringValue == "x < y & z")
    }

    @Test func emptyElementsSelfCloseAndAttributesKeepTheirOrder() {
        #expect(Markup("circle", ["cx": "1", "cy": "2", "r": "3"]).rendered == "<circle cx=\"1\" cy=\"2\" r=\"3\"/>")
        #expect(Markup("line", ["x1": "0"]).with("stroke", "#000").with("x1", "5").rendered == "<line x1=\"5\" stroke=\"#000\"/>")
    }

    @Test func pixelNumbersHaveAtMostTwoDecimals() {
        #expect(Markup.number(12) == "12")
        #expect(Markup.number(12.5) == "12.5")
        #expect(Markup.number(12.256) == "12.26")
        #expect(Markup.number(-0.001) == "0")
        #expect(Markup.points([(1, 2), (3.5, 4.25)]) == "1,2 3.5,4.25")
    }

    @Test func backticksBecomeCode() {
        let p = HTMLPage.paragraph("run `cyberrisk merge` first", class: "warning")
        #expect(p.rendered == "<p class=\"warning\">run <code>cyberrisk merge</code> first</p>")
    }
}
