"""The HTML of quotelens: notebook views (an article with its quotes highlighted by side,
speaker on hover; a corpus; an outlet comparison), and the pieces the report is built from
(colours, figures as SVG)."""

from __future__ import annotations

import html
from collections import Counter
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
