// Package chart draws pcnfin's charts as plain SVG 1.1 (no scripts, no fonts
// or files from elsewhere), well-formed whatever the names hold: text is
// escaped, and control characters become visible escapes (render.Clean).
// The forecast program's -svg and the web page use it.
package chart

import (
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/pcnfin/pcnfin/internal/render"
	"html"
	"math"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
)

// Years draws a forecast as a standalone SVG document: one stacked bar a year (network entitlements, then ARRS
// claims on top) against a marker at entitlements + the ARRS sum, the most
// the PCN could have in the year; the gap between the top of the bar and
// the marker is the ARRS headroom. Projected years are hatched and
// labelled.
func Years(f scenario.Forecast) string { return xmlDecl + years(f, "") }

// YearsInline is the Years chart for an HTML page: no XML declaration, and
// the class "chart".
func YearsInline(f scenario.Forecast) string { return years(f, ` class="chart" role="img"`) }

const xmlDecl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

const (
	svgW, svgH                       = 960, 560
	padL, padR, padTop, padBottom    = 96, 24, 96, 100
	colEnt, colClaims, colSum, colAx = "#2b6cb0", "#dd6b20", "#1a202c", "#4a5568"
)

func years(f scenario.Forecast, attrs string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	n := len(f.Years)
	plotW, plotH := float64(svgW-padL-padR), float64(svgH-padTop-padBottom)

	fl := func(d decimal.Decimal) float64 { return d.InexactFloat64() }
	top := 0.0
	for _, y := range f.Years {
		e := fl(y.Entitlements.Total.Decimal())
		top = math.Max(top, math.Max(e+fl(y.ARRS.Claims.Decimal()), e+fl(y.ARRS.Sum.Decimal())))
	}
	step, max := niceScale(top)
	yPos := func(v float64) float64 { return padTop + plotH - v/max*plotH }

	first, last := "", ""
	if n > 0 {
		first, last = f.Years[0].Year.String(), f.Years[n-1].Year.String()
	}
	span := first
	if last != first {
		span = first + " to " + last
	}
	title := fmt.Sprintf("%s, %s", f.Scenario, span)
	subtitle := "Network entitlements and ARRS claims against the ARRS sum, by DES year"

	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg"%s width="%d" height="%d" viewBox="0 0 %d %d"`+
		` font-family="Helvetica, Arial, sans-serif" font-size="13">
<title>%s</title>
<defs>
  <pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="8" height="8" fill="none"/>
    <line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="3" stroke-opacity="0.75"/>
  </pattern>
</defs>
<rect width="%d" height="%d" fill="#ffffff"/>
`, attrs, svgW, svgH, svgW, svgH, esc(title+": "+subtitle), svgW, svgH)
	p(`<text x="%d" y="26" font-size="17" font-weight="bold" fill="%s">%s</text>`, padL-70, colSum, esc(title))
	p(`<text x="%d" y="45" font-size="13" fill="%s">%s</text>`, padL-70, colAx, esc(subtitle))

	// Legend.
	lx, ly := float64(padL-70), 60.0
	legend := func(swatch, label string, w float64) {
		p(`<g transform="translate(%s,%s)">%s<text x="24" y="12">%s</text></g>`, num(lx), num(ly), swatch, esc(label))
		lx += w
	}
	legend(fmt.Sprintf(`<rect width="16" height="14" fill="%s"/>`, colEnt), "Network entitlements", 190)
	legend(fmt.Sprintf(`<rect width="16" height="14" fill="%s"/>`, colClaims), "ARRS claims (roster)", 180)
	legend(fmt.Sprintf(`<line x1="-2" y1="7" x2="18" y2="7" stroke="%s" stroke-width="3"/>`+
		`<circle cx="8" cy="7" r="4" fill="%s"/>`, colSum, colSum), "Entitlements + ARRS sum", 220)
	for _, y := range f.Years {
		if y.Projected {
			legend(fmt.Sprintf(`<rect width="16" height="14" fill="%s"/><rect width="16" height="14" fill="url(#hatch)"/>`,
				colEnt), "PROJECTION (assumptions, not published)", 300)
			break
		}
	}

	// Grid and £ axis.
	for v := 0.0; v <= max+step/2; v += step {
		yy := yPos(v)
		p(`<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="#e2e8f0"/>`, padL, num(yy), svgW-padR, num(yy))
		p(`<text x="%d" y="%s" text-anchor="end" fill="%s">%s</text>`, padL-8, num(yy+4), colAx, esc(poundsShort(v)))
	}
	p(`<line x1="%d" y1="%d" x2="%d" y2="%s" stroke="%s"/>`, padL, padTop, padL, num(padTop+plotH), colAx)
	p(`<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="%s"/>`,
		padL, num(padTop+plotH), svgW-padR, num(padTop+plotH), colAx)
	p(`<text transform="translate(22,%s) rotate(-90)" text-anchor="middle" fill="%s">£ a year</text>`,
		num(padTop+plotH/2), colAx)

	if n == 0 {
		b.WriteString("</svg>\n")
		return b.String()
	}
	slot := plotW / float64(n)
	barW := math.Min(slot*0.56, 90)
	var marks []string
	for i, y := range f.Years {
		cx := padL + slot*(float64(i)+0.5)
		x0 := cx - barW/2
		e, c, s := fl(y.Entitlements.Total.Decimal()), fl(y.ARRS.Claims.Decimal()), fl(y.ARRS.Sum.Decimal())
		label := y.Year.String()
		if y.Projected {
			// a shaded band behind the projected year
			p(`<rect x="%s" y="%d" width="%s" height="%s" fill="#f7fafc" stroke="#cbd5e0" stroke-dasharray="4 3"/>`,
				num(cx-slot/2+2), padTop, num(slot-4), num(plotH))
		}
		tip := fmt.Sprintf("%s%s: entitlements %s; ARRS claims %s; ARRS sum %s; headroom %s", label, projTag(y),
			y.Entitlements.Total.String(), y.ARRS.Claims.String(), y.ARRS.Sum.String(), y.ARRS.Headroom.String())
		p(`<g><title>%s</title>`, esc(tip))
		p(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`,
			num(x0), num(yPos(e)), num(barW), num(yPos(0)-yPos(e)), colEnt)
		p(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`,
			num(x0), num(yPos(e+c)), num(barW), num(yPos(e)-yPos(e+c)), colClaims)
		if y.Projected {
			p(`<rect x="%s" y="%s" width="%s" height="%s" fill="url(#hatch)"/>`,
				num(x0), num(yPos(e+c)), num(barW), num(yPos(0)-yPos(e+c)))
		}
		my := yPos(e + s)
		p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="3"/>`,
			num(x0-6), num(my), num(x0+barW+6), num(my), colSum)
		p(`<circle cx="%s" cy="%s" r="4.5" fill="%s"/>`, num(cx), num(my), colSum)
		b.WriteString("</g>\n")
		marks = append(marks, num(cx)+","+num(my))

		p(`<text x="%s" y="%s" text-anchor="middle" font-size="11" fill="%s">%s</text>`,
			num(cx), num(my-9), colSum, esc(poundsShort(e+s)))
		p(`<text x="%s" y="%s" text-anchor="middle" fill="%s">%s</text>`,
			num(cx), num(padTop+plotH+20), colSum, esc(label))
		if y.Projected {
			p(`<text x="%s" y="%s" text-anchor="middle" font-size="11" font-weight="bold" fill="#c53030">PROJECTION</text>`,
				num(cx), num(padTop+plotH+36))
			p(`<text x="%s" y="%s" text-anchor="middle" font-size="10" fill="%s">from %s</text>`,
				num(cx), num(padTop+plotH+49), colAx, esc(y.ProjectedFrom.String()))
		}
	}
	if len(marks) > 1 {
		p(`<polyline points="%s" fill="none" stroke="%s" stroke-width="1.5" stroke-dasharray="5 4"/>`,
			strings.Join(marks, " "), colSum)
	}
	p(`<text x="%d" y="%d" font-size="11" fill="%s">Marker: entitlements plus the whole ARRS sum, the most available.`+
		` Bar top to marker: the ARRS headroom (a marker below the bar top: claims exceed the sum).</text>`,
		padL-70, svgH-30, colAx)
	p(`<text x="%d" y="%d" font-size="11" fill="%s">Figures no source gives are derived by a stated rule or carried,`+
		` and labelled so (see the table output); -sourced-only leaves them out.</text>`,
		padL-70, svgH-14, colAx)
	b.WriteString("</svg>\n")
	return b.String()
}

func projTag(y scenario.YearResult) string {
	if y.Projected {
		return " (PROJECTION from " + y.ProjectedFrom.String() + ")"
	}
	return ""
}

// niceScale picks a round tick step and an axis top at or above v, with
// four to eight ticks.
func niceScale(v float64) (step, top float64) {
	if v <= 0 {
		return 1000, 5000
	}
	raw := v / 6
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		step = m * mag
		if step >= raw {
			break
		}
	}
	top = math.Ceil(v/step) * step
	if top < v*1.04 { // room for the value labels above the markers
		top += step
	}
	return step, top
}

// poundsShort writes an axis amount: £0, £250k, £1.5m.
func poundsShort(v float64) string {
	switch {
	case v >= 1e6:
		s := fmt.Sprintf("%.2f", v/1e6)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		return "£" + s + "m"
	case v >= 1e3:
		return fmt.Sprintf("£%.0fk", v/1e3)
	}
	return fmt.Sprintf("£%.0f", v)
}

// num prints a coordinate with at most one decimal place.
func num(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

// esc escapes text for SVG: control characters (invalid in XML 1.0, or
// terminal escapes) become visible escapes first.
func esc(s string) string { return html.EscapeString(render.Clean(s)) }

// Months draws a year's cumulative claims, month by month, against the ARRS
// sum, for an HTML page (the classes are the page's style sheet's).
func Months(r arrs.Result) string {
	const w, h, pad = 640, 220, 40
	top := r.Sum.Decimal()
	if len(r.Months) > 0 && r.Months[len(r.Months)-1].Cumulative.Decimal().GreaterThan(top) {
		top = r.Months[len(r.Months)-1].Cumulative.Decimal()
	}
	if !top.IsPositive() {
		top = decimal.NewFromInt(1)
	}
	y := func(d decimal.Decimal) float64 {
		f, _ := d.Div(top).Float64() // drawing only: pixel positions, not money
		return float64(h-pad) - f*float64(h-2*pad)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart months" viewBox="0 0 %d %d" role="img" `+
		`aria-label="cumulative ARRS claims by month against the ARRS sum">`, w, h)
	fmt.Fprintf(&b, `<line class="sum" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, pad, w-10, y(r.Sum.Decimal()), y(r.Sum.Decimal()))
	fmt.Fprintf(&b, `<text x="%d" y="%.1f">ARRS sum %s</text>`, pad, y(r.Sum.Decimal())-4, esc(r.Sum.String()))
	step := float64(w-pad-10) / 12
	for i, m := range r.Months {
		x := float64(pad) + float64(i)*step
		fmt.Fprintf(&b, `<rect class="bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f">`+
			`<title>%s: cumulative %s</title></rect>`,
			x+2, y(m.Cumulative.Decimal()), step-4, float64(h-pad)-y(m.Cumulative.Decimal()), esc(m.Month), esc(money.Pounds(m.Cumulative.Decimal())))
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="tick">%s</text>`, x+2, h-pad+14, esc(m.Month[5:]))
	}
	b.WriteString(`</svg>`)
	return b.String()
}
