"""The HTML of quotelens: notebook views (an article with its quotes highlighted by side,
speaker on hover; a corpus; an outlet comparison), and the pieces the report is built from
(colours, figures as SVG)."""

from __future__ import annotations

import html
import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional

from quotelens.frames import is_scare_quote

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from quotelens._core import Article
    from quotelens.compare import Claim
    from quotelens.corpus import Corpus
    from quotelens.outlets import OutletComparison

# Colour-blind-safe palette (Okabe–Ito), assigned to sides in order of appearance.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
NO_SIDE = "#BBBBBB"


def side_colors(sides: "list[Optional[str]]") -> dict[Optional[str], str]:
    """A stable colour per side, in order of first appearance; ``None`` is grey."""
    colors: dict[Optional[str], str] = {None: NO_SIDE}
    for s in sides:
        if s not in colors:
            colors[s] = PALETTE[(len(colors) - 1) % len(PALETTE)]
    return colors


def article_html(article: "Article", colors: Optional[dict[Optional[str], str]] = None) -> str:
    """The article's paragraphs with quotes highlighted and labelled by speaker, as HTML."""
    text = article.text
    quotes = sorted(
        (q for q in article.quotes if not is_scare_quote(q)),
        key=lambda q: (q.outer_start, -q.outer_end),
    )
    colors = colors or side_colors([q.side for q in quotes])
    parts = []
    for p in article.paragraphs:
        pos = p.start
        chunks = []
        for q in quotes:
            if q.outer_start < pos or q.outer_start >= p.end:
                continue  # nested inside an earlier highlight, or in another paragraph
            end = min(q.outer_end, p.end)
            chunks.append(html.escape(text[pos : q.outer_start]))
            label = q.speaker or "unattributed"
            tip = f"{label} ({q.side or 'no side'}) {q.cue or ''}".strip()
            color = colors.get(q.side, NO_SIDE)
            chunks.append(
                f'<mark class="ql-quote" title="{html.escape(tip)}" '
                f'style="background:{color}33;border-bottom:2px solid {color};padding:0 2px">'
                f"{html.escape(text[q.outer_start:end])}"
                f'<sup style="font-size:70%;color:#333;margin-left:3px">'
                f"{html.escape(label)}</sup></mark>"
            )
            pos = end
        chunks.append(html.escape(text[pos : p.end]))
        style = "" if p.is_body else ' style="color:#888;font-size:85%"'
        tag = "h3" if p.kind == "title" else "p"
        parts.append(f"<{tag}{style}>{''.join(chunks)}</{tag}>")
    present = {q.side for q in quotes}
    legend = " ".join(
        f'<span style="background:{c}55;padding:0 4px;margin-right:4px">'
        f'{html.escape(s or "no side")}</span>'
        for s, c in colors.items()
        if s in present
    )
    legend_html = f"<div>{legend}</div>" if legend else ""
    return f'<div class="quotelens-article">{legend_html}{"".join(parts)}</div>'


def corpus_html(corpus: "Corpus", limit: int = 50) -> str:
    """A corpus as HTML: its repr and a table of the first ``limit`` articles (id, title,
    outlet, date, quotes, speakers)."""
    articles = corpus.articles
    rows = []
    for a in articles[:limit]:
        quotes = [q for q in a.quotes if not is_scare_quote(q)]
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(v))}</td>"
                for v in (a.id, a.title or "", a.source or "", a.date or "", len(quotes),
                          len(a.speakers))
            )
            + "</tr>"
        )
    more = (
        f"<tr><td colspan=6>… {len(articles) - limit} more</td></tr>"
        if len(articles) > limit
        else ""
    )
    head = "".join(f"<th>{h}</th>" for h in ("id", "title", "outlet", "date", "quotes",
                                              "speakers"))
    return (
        f"<div><b>{html.escape(repr(corpus))}</b><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}{more}</tbody></table></div>"
    )


def outlets_html(cmp: "OutletComparison", *, all_tables: bool = False) -> str:
    """An outlet comparison as HTML: the direct/indirect table under a count of outlets (the
    notebook view), or with ``all_tables`` each table under its heading (for the report)."""
    if not all_tables:
        return (f"<div><b>{len(cmp.outlets)} outlets</b>"
                + cmp.kinds.to_html(index=False, escape=True) + "</div>")
    return "".join(
        f"<h4>{html.escape(name)}</h4>" + df.to_html(index=False, escape=True, border=0)
        for name, df in (("Direct and indirect", cmp.kinds), ("Groups", cmp.groups),
                         ("Cue categories by group", cmp.cues), ("Terms", cmp.terms))
    )


def corpus_colors(articles: "Iterable[Article]") -> dict[Optional[str], str]:
    """One colour per side across a corpus, the most quoted sides first (stable between runs)."""
    counts = Counter(q.side for a in articles for q in a.quotes if q.side)
    return side_colors([s for s, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))])


def figure_svg(fig: "Figure") -> str:
    """A matplotlib figure as inline SVG markup (text drawn as paths: no fonts to fetch)."""
    import io

    buf = io.StringIO()
    import matplotlib

    # No creation date and fixed clip-path ids: the same figure gives the same markup.
    with matplotlib.rc_context({"svg.hashsalt": "quotelens"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buf.getvalue()
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def claims_html(
    cl: "list[Claim]", colors: dict[Optional[str], str], *, max_members: int = 30
) -> str:
    """Claims as HTML: each with its members, articles, sides and stances."""
    if not cl:
        return "<p>No claim is made in more than one article at this threshold.</p>"
    parts = []
    for c in cl:
        sides = ", ".join(f"{html.escape(s or 'no side')} {n}" for s, n in c.sides.items())
        stances = ", ".join(f"{k} {v}" for k, v in sorted(c.stances.items()))
        items = "".join(
            f'<li style="border-left:4px solid {colors.get(m.side, "#BBBBBB")};padding-left:6px">'
            f"<b>{html.escape(m.speaker or 'unattributed')}</b> "
            f"<span class=\"muted\">({html.escape(m.side or 'no side')}, {m.stance}, "
            f'<a href="#article-{html.escape(m.article)}">{html.escape(m.article)}</a>)</span>'
            f" {html.escape(m.cue or '')}: “{html.escape(m.text)}”</li>"
            for m in c.members[:max_members]
        )
        if len(c.members) > max_members:
            items += f'<li class="muted">… {len(c.members) - max_members} more</li>'
        parts.append(
            f'<div class="claim"><h4>Claim {c.id}: {html.escape(c.label)}</h4>'
            f'<p class="muted">{len(c.articles)} articles · sides: {sides} · {stances}</p>'
            f'<ul style="list-style:none;padding-left:8px">{items}</ul></div>'
        )
    return "".join(parts)


# -- figures as hand-written SVG ------------------------------------------------------------
# The report draws its figures from these two shapes (stacked bars, a grid of cells) without
# matplotlib: importing it and drawing nine figures took about 3 s of a 6 s report on 840
# articles. The notebook figures (``OutletComparison.plot``, ``SideComparison.heatmap``) draw
# the same content with matplotlib; tests compare the two.

_FONT = 'font-family="system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif"'


def _text_width(s: str, size: float) -> float:
    """About how wide ``s`` is at font ``size`` (an average glyph is 0.58 em)."""
    return 0.58 * size * len(s)


def _svg_text(x: float, y: float, s: str, *, size: float = 11, anchor: str = "start",
              extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}"'
            f"{' ' + extra if extra else ''}>{html.escape(s)}</text>")


def _nice_ticks(top: float) -> list[float]:
    """Round tick values from 0 to at least ``top`` (about five of them)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / 5
    mag = 10.0 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    n = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(n + 1)]


def _tick_label(v: float) -> str:
    return f"{v:g}"


@dataclass
class BarChart:
    """Horizontal stacked bars, one per label (top to bottom); each series gives a legend
    label, a colour per bar and a value per bar. :meth:`svg` draws it."""

    title: str
    labels: list[str]
    series: list[tuple[str, list[str], list[float]]]
    xlabel: str
    legend: bool = True

    def svg(self) -> str:
        """The chart as SVG markup (text as ``<text>``: system fonts, nothing fetched)."""
        row, size = 22.0, 11.0
        left = 12 + max([_text_width(s, size) for s in self.labels] + [20.0])
        plot_w = 520.0
        legend_w = (24 + max([_text_width(s, size) for s, _, _ in self.series] + [0.0])
                    if self.legend and self.series else 0.0)
        top = 34.0
        height = top + row * max(len(self.labels), 1) + 44
        width = left + plot_w + 16 + legend_w + 8
        totals = [sum(vals[i] for _, _, vals in self.series) for i in range(len(self.labels))]
        ticks = _nice_ticks(max(totals + [0.0]))
        scale = plot_w / ticks[-1]
        bottom = top + row * max(len(self.labels), 1)
        out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
               f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" {_FONT}>',
               _svg_text(left + plot_w / 2, 20, self.title, size=13, anchor="middle",
                         extra='font-weight="600"')]
        for t in ticks:
            x = left + t * scale
            out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" '
                       'stroke="#e5e7eb"/>')
            out.append(_svg_text(x, bottom + 14, _tick_label(t), size=10, anchor="middle"))
        out.append(_svg_text(left + plot_w / 2, bottom + 34, self.xlabel, anchor="middle"))
        starts = [0.0] * len(self.labels)
        for name, colors, vals in self.series:
            for i, v in enumerate(vals):
                if v > 0:
                    out.append(
                        f'<rect x="{left + starts[i] * scale:.1f}" y="{top + i * row + 3:.1f}" '
                        f'width="{v * scale:.1f}" height="{row - 6:.0f}" fill="{colors[i]}">'
                        f"<title>{html.escape(f'{self.labels[i]}, {name}: {v:g}')}</title>"
                        "</rect>")
                starts[i] += v
        for i, label in enumerate(self.labels):
            out.append(_svg_text(left - 6, top + i * row + row / 2 + 4, label, anchor="end"))
        out.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#222"/>')
        if legend_w:
            x = left + plot_w + 16
            for j, (name, colors, _) in enumerate(self.series):
                y = top + j * 18
                out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="12" '
                           f'fill="{colors[0] if colors else NO_SIDE}"/>')
                out.append(_svg_text(x + 18, y + 10, name))
        out.append("</svg>")
        return "".join(out)


# Colour maps as a few stops, interpolated (matplotlib's "viridis" and "Blues").
_CMAPS = {
    "viridis": ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"),
    "blues": ("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"),
}


def _cmap(name: str, t: float) -> str:
    stops = _CMAPS[name]
    t = min(max(t, 0.0), 1.0) * (len(stops) - 1)
    i = min(int(t), len(stops) - 2)
    f = t - i
    a, b = stops[i], stops[i + 1]
    rgb = [round(int(a[k:k + 2], 16) * (1 - f) + int(b[k:k + 2], 16) * f) for k in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


@dataclass
class GridChart:
    """A grid of cells (rows top to bottom, columns left to right) coloured by value on a
    colour map (``"viridis"`` or ``"blues"``, from ``vmin`` to ``vmax``; the values' range
    when ``None``), each with its text (empty for none). :meth:`svg` draws it."""

    title: str
    rows: list[str]
    cols: list[str]
    values: list[list[float]]
    cells: list[list[str]]
    cmap: str = "blues"
    vmin: Optional[float] = None
    vmax: Optional[float] = None
    xlabel: str = ""
    ylabel: str = ""
    colorbar: str = ""
    dark_text_from: Optional[float] = None  # cell text is white below this value

    def svg(self) -> str:
        """The chart as SVG markup (text as ``<text>``: system fonts, nothing fetched)."""
        size, cw, ch = 10.0, 56.0, 24.0
        left = 16 + max([_text_width(s, size) for s in self.rows] + [20.0]) + (
            18 if self.ylabel else 0)
        top = 34.0
        col_text = max([_text_width(s, size) for s in self.cols] + [10.0])
        grid_w, grid_h = cw * max(len(self.cols), 1), ch * len(self.rows)
        bottom = top + grid_h
        height = bottom + 0.75 * col_text + 18 + (20 if self.xlabel else 0)
        bar_w = 70.0 if self.colorbar else 0.0
        width = left + grid_w + 0.75 * col_text + bar_w + 16
        flat = [v for r in self.values for v in r]
        lo = self.vmin if self.vmin is not None else min(flat + [0.0])
        hi = self.vmax if self.vmax is not None else max(flat + [1.0])
        span = (hi - lo) or 1.0
        out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
               f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" {_FONT}>',
               _svg_text(left + grid_w / 2, 20, self.title, size=13, anchor="middle",
                         extra='font-weight="600"')]
        for i, r in enumerate(self.rows):
            y = top + i * ch
            for j, v in enumerate(self.values[i]):
                x = left + j * cw
                out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{cw}" height="{ch}" '
                           f'fill="{_cmap(self.cmap, (v - lo) / span)}"/>')
                text = self.cells[i][j]
                if text:
                    dark = self.dark_text_from is None or v >= self.dark_text_from
                    out.append(_svg_text(x + cw / 2, y + ch / 2 + 4, text, size=size,
                                         anchor="middle",
                                         extra=f'fill="{"#000" if dark else "#fff"}"'))
            out.append(_svg_text(left - 6, y + ch / 2 + 4, r, size=size, anchor="end"))
        for j, c in enumerate(self.cols):
            x = left + j * cw + cw / 2
            out.append(_svg_text(x, bottom + 12, c, size=size, anchor="end",
                                 extra=f'transform="rotate(-35 {x:.1f} {bottom + 12:.1f})"'))
        out.append(f'<rect x="{left}" y="{top}" width="{grid_w}" height="{grid_h}" '
                   'fill="none" stroke="#222"/>')
        if self.xlabel:
            out.append(_svg_text(left + grid_w / 2, height - 6, self.xlabel, anchor="middle"))
        if self.ylabel:
            y = top + grid_h / 2
            out.append(_svg_text(14, y, self.ylabel, anchor="middle",
                                 extra=f'transform="rotate(-90 14 {y:.1f})"'))
        if self.colorbar:
            x, h = left + grid_w + 0.75 * col_text + 12, max(grid_h, 60.0)
            steps = 20
            for k in range(steps):
                out.append(f'<rect x="{x:.1f}" y="{top + h * k / steps:.1f}" width="12" '
                           f'height="{h / steps + 0.5:.1f}" '
                           f'fill="{_cmap(self.cmap, 1 - (k + 0.5) / steps)}"/>')
            out.append(_svg_text(x + 16, top + 8, f"{hi:g}", size=size))
            out.append(_svg_text(x + 16, top + h, f"{lo:g}", size=size))
            y = top + h / 2
            out.append(_svg_text(x + 40, y, self.colorbar, size=size, anchor="middle",
                                 extra=f'transform="rotate(-90 {x + 40:.1f} {y:.1f})"'))
        out.append("</svg>")
        return "".join(out)
