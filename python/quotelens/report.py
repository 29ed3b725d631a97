"""The HTML report: one self-contained file (styles inline, figures as inline SVG, no scripts,
fonts or images fetched from anywhere) showing who said what on each side and how the
statements compare across articles.

>>> import quotelens
>>> from quotelens.report import render_report
>>> c = quotelens.Corpus([quotelens.Article("“No,” Lloyd Austin said.", id="a")])
>>> page = render_report(c)
>>> page.startswith("<!DOCTYPE html>"), "Lloyd Austin" in page, "http" in page.split("<body")[0]
(True, True, False)
"""

from __future__ import annotations

import html
import os
import time
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from quotelens.display import NO_SIDE, BarChart, article_html, corpus_colors
from quotelens.frames import STATEMENT_KINDS, is_statement

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from quotelens.compare import Claims, SideComparison
    from quotelens.corpus import Corpus

# Caps that keep a report on thousands of articles readable (the full data is in the frames).
MAX_STATEMENTS = 25  # distinct statements listed per speaker
MAX_LINKS = 6  # article links per statement
MAX_ROWS = 60  # rows of the quote-match table
MAX_CLAIMS = 40

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
  margin:0;color:#222;background:#fafafa}
header{background:#1f2937;color:#fff;padding:18px 32px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;color:#cbd5e1}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:8px 32px;z-index:2}
nav a{margin-right:16px;color:#1d4ed8;text-decoration:none}
main{padding:8px 32px 48px;max-width:1200px}
section{margin:28px 0}
h2{border-bottom:2px solid #1f2937;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0;background:#fff;font-size:14px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f5f9}
.side{border-left:6px solid;padding:4px 12px;margin:16px 0;background:#fff}
.speaker{margin:10px 0 14px}
.speaker h4{margin:0 0 4px}
.muted{color:#6b7280;font-size:90%}
.quote{margin:2px 0 2px 12px}
.cue{font-style:italic;color:#374151}
.badge{display:inline-block;border-radius:3px;padding:0 5px;font-size:85%;margin-right:4px}
.article{background:#fff;border:1px solid #ddd;padding:8px 20px;margin:16px 0}
.figure svg{max-width:100%;height:auto}
.quotelens-article mark[title]{cursor:help}
"""


def _esc(v: Any) -> str:
    return html.escape("" if v is None else str(v))


def _badge(side: Optional[str], colors: dict[Optional[str], str]) -> str:
    c = colors.get(side, NO_SIDE)
    return f'<span class="badge" style="background:{c}55">{_esc(side or "no side")}</span>'


def _article_link(article_id: Optional[str], labels: Optional[dict[str, str]] = None) -> str:
    """A link to the article, named by outlet, date and title when the corpus has them."""
    label = (labels or {}).get(article_id or "", article_id)
    short = label if label is None or len(label) <= 70 else label[:69] + "…"
    return (f'<a href="#article-{_esc(article_id)}" title="{_esc(article_id)}">'
            f"{_esc(short)}</a>")


def _table(headers: list[str], rows: list[list[str]], cls: str = "") -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def sides_chart(corpus: "Corpus", colors: dict[Optional[str], str]) -> BarChart:
    """What :func:`sides_figure` draws: attributed statements per side in each article (per
    side over the whole corpus when it has more than 40 articles)."""
    if len(corpus) > 40:
        totals: dict[Optional[str], int] = {}
        for a in corpus:
            for q in a.quotes:
                if q.speaker is not None and is_statement(q):
                    totals[q.side] = totals.get(q.side, 0) + 1
        top = sorted(totals, key=lambda s: (-totals[s], s or ""))[:15]
        return BarChart(f"Who is quoted, by side ({len(corpus)} articles)",
                        [s or "no side" for s in top],
                        [("attributed statements", [colors.get(s, NO_SIDE) for s in top],
                          [float(totals[s]) for s in top])],
                        "attributed statements", legend=False)
    ids = corpus.ids
    sides = [s for s in colors if s is not None]
    counts = {s: [0] * len(ids) for s in sides + [None]}
    for i, a in enumerate(corpus):
        for q in a.quotes:
            if q.speaker is not None and is_statement(q):
                counts.setdefault(q.side, [0] * len(ids))[i] += 1
    series = [(s or "no side", [colors.get(s, NO_SIDE)] * len(ids),
               [float(v) for v in counts.get(s, [0] * len(ids))])
              for s in sides + [None] if any(counts.get(s, ()))]
    return BarChart("Who is quoted in each article, by side",
                    [(i if len(i) <= 28 else i[:27] + "…") for i in ids], series,
                    "attributed statements", legend=bool(series))


def sides_figure(corpus: "Corpus", colors: dict[Optional[str], str]) -> "Figure":
    """:func:`sides_chart` as a matplotlib figure."""
    from matplotlib.figure import Figure

    chart = sides_chart(corpus, colors)
    n = len(chart.labels)
    if len(corpus) > 40:
        fig = Figure(figsize=(8, 0.35 * n + 1.4))
    else:
        fig = Figure(figsize=(8, min(max(2.0, 0.35 * n + 1.2), 30)))
    ax = fig.add_subplot()
    left = [0.0] * n
    for name, bar_colors, vals in chart.series:
        ax.barh(range(n), vals, left=left, color=bar_colors, label=name)
        left = [a + b for a, b in zip(left, vals)]
    ax.set_yticks(range(n))
    ax.set_yticklabels(chart.labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(chart.xlabel)
    ax.set_title(chart.title)
    if chart.legend:
        ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


def _speakers_section(corpus: "Corpus", colors: dict[Optional[str], str],
                      labels: dict[str, str]) -> str:
    """Speakers grouped by their main group, one entry per corpus-wide speaker id."""
    by_side: dict[Optional[str], dict[str, list[tuple[str, Any]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    names: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    df = corpus.quotes(attributed=True)
    for r in df.itertuples():
        if not is_statement(r):
            continue
        side = r.side if isinstance(r.side, str) else None
        by_side[side][r.speaker_id].append((r.article or "", r))
        names[r.speaker_id] = r.speaker_name
        groups[r.speaker_id] = list(r.groups)
    if not by_side:
        return "<p>No attributed quotes in this corpus.</p>"
    order = sorted(by_side, key=lambda s: (s is None, -sum(map(len, by_side[s].values())), s or ""))
    out = []
    for side in order:
        speakers = by_side[side]
        n = sum(map(len, speakers.values()))
        color = colors.get(side, NO_SIDE)
        parts = [
            f'<div class="side" style="border-color:{color}">'
            f'<h3>{_esc(side or "No group identified")} '
            f'<span class="muted">{len(speakers)} speakers, {n} statements</span></h3>'
        ]
        for sid in sorted(speakers, key=lambda k: (-len(speakers[k]), k)):
            items = speakers[sid]
            arts = sorted({aid for aid, _ in items})
            more = ", ".join(g for g in groups.get(sid, []) if g != side)
            parts.append(
                f'<div class="speaker" id="speaker-{_esc(sid)}"><h4>{_esc(names[sid])} '
                f'<span class="muted">{_esc(sid)}{" · " + _esc(more) if more else ""} · '
                f'{len(items)} statements in {len(arts)} article{"s" if len(arts) != 1 else ""}'
                f"</span></h4>"
            )
            # The same words reported by several articles are listed once, with each article.
            same: dict[str, list[tuple[str, Any]]] = {}
            for aid, q in items:
                same.setdefault(" ".join(q.text.split()), []).append((aid, q))
            for shown, group in enumerate(sorted(same.values(), key=len, reverse=True)):
                if shown == MAX_STATEMENTS:
                    parts.append(f'<div class="quote muted">… {len(same) - shown} more</div>')
                    break
                aid, q = group[0]
                cue = f'<span class="cue">{_esc(q.cue)}</span>' if isinstance(q.cue, str) else ""
                cat = (f' <span class="muted">({_esc(q.cue_category)})</span>'
                       if isinstance(q.cue_category, str) else "")
                text = f"“{_esc(q.text)}”" if q.kind != "indirect" else f"<i>{_esc(q.text)}</i>"
                links = ", ".join(_article_link(a, labels) for a, _ in group[:MAX_LINKS])
                if len(group) > MAX_LINKS:
                    links += f" and {len(group) - MAX_LINKS} more"
                parts.append(
                    f'<div class="quote">{text} — {cue}{cat} '
                    f'<span class="muted">[{_esc(q.kind)}, {links}]</span></div>'
                )
            parts.append("</div>")
        parts.append("</div>")
        out.append("".join(parts))
    return "".join(out)


def _outlets_section(corpus: "Corpus") -> Optional[str]:
    """Outlet against outlet: share of voice, groups, cue categories, direct against indirect,
    scare-quoted terms; ``None`` when no article has an outlet."""
    if not any(a.source for a in corpus):
        return None
    cmp = corpus.compare_outlets()
    figs = "".join(f'<div class="figure">{cmp.chart(w).svg()}</div>'
                   for w in ("groups", "voice", "cues", "kinds", "terms"))
    return (f'<p class="muted">{len(cmp.outlets)} outlets; shares are of each outlet\'s '
            "attributed statements (a statement counts for each of its groups).</p>"
            + figs + cmp.to_html())


def _articles_table(corpus: "Corpus") -> str:
    rows = []
    for a in corpus:
        statements = [q for q in a.quotes if is_statement(q)]
        sides = sorted({q.side for q in statements if q.side})
        rows.append(
            [
                _article_link(a.id, {a.id or "": a.id or ""}),
                _esc(a.title or ""),
                _esc(a.source or ""),
                _esc(a.date or ""),
                str(len(statements)),
                str(sum(q.speaker is not None for q in statements)),
                _esc(", ".join(sides)),
            ]
        )
    return _table(
        ["article", "title", "outlet", "date", "statements", "attributed", "sides"], rows,
        "articles",
    )


def render_report(
    corpus: "Corpus", *, title: Optional[str] = None, match_threshold: float = 80.0,
    claim_threshold: float = 50.0,
) -> str:
    """The report for ``corpus`` as one HTML string (thresholds as in
    :meth:`~quotelens.Corpus.quote_matches` and :meth:`~quotelens.Corpus.claims`)."""
    t0 = time.perf_counter()
    # The comparisons run in the core without the GIL: claims start now, while the speaker
    # index and the speaker sections are built in Python; the quote matches and the
    # side-against-side comparisons (which name corpus-wide speaker ids) once the index exists.
    # A comparison the corpus has already answered (``Corpus.claims()`` in a notebook) is not
    # computed again.
    with ThreadPoolExecutor(max_workers=3) as pool:
        claims = pool.submit(corpus.claims, claim_threshold, progress=False)
        corpus.quotes(attributed=True)  # builds the speaker index, once
        matches = pool.submit(corpus.quote_matches, match_threshold, progress=False)
        sides = {
            pair: pool.submit(corpus.compare_sides, pair[0], pair[1], 3)
            for pair in _sides_to_compare(corpus)
        }
        return _render(corpus, title, match_threshold, claim_threshold, matches, claims, sides,
                       t0)


def _render(
    corpus: "Corpus", title: Optional[str], match_threshold: float, claim_threshold: float,
    matches: "Future[pd.DataFrame]", claims: "Future[Claims]", sides: "dict[tuple[str, str], Future[SideComparison]]",
    t0: float,
) -> str:
    colors = corpus_colors(corpus)
    labels = {a.id or "": corpus.label(a.id or "") for a in corpus}
    sections: list[tuple[str, str, str]] = []
    sections.append(("articles", "Articles", _articles_table(corpus)))
    sections.append(
        (
            "sides",
            "Speakers by group",
            f'<div class="figure">{sides_chart(corpus, colors).svg()}</div>'
            + _speakers_section(corpus, colors, labels),
        )
    )
    outlets = _outlets_section(corpus)
    if outlets is not None:
        sections.append(("outlets", "Outlets compared", outlets))
    sections.extend(_comparison_sections(corpus, colors, labels, match_threshold=match_threshold,
                                         claim_threshold=claim_threshold, matches=matches,
                                         claims=claims, sides=sides))
    texts = "".join(
        f'<div class="article" id="article-{_esc(a.id)}"><p class="muted">{_esc(labels[a.id or ""])}'
        f'{" · " + _esc(a.id) if a.title else ""}'
        f"</p>{article_html(a, colors)}</div>"
        for a in corpus
    )
    sections.append(("texts", "The articles, quotes highlighted by side", texts))
    heading = title or "quotelens report"
    nav = "".join(f'<a href="#{sid}">{_esc(name)}</a>' for sid, name, _ in sections)
    body = "".join(
        f'<section id="{sid}"><h2>{_esc(name)}</h2>{content}</section>'
        for sid, name, content in sections
    )
    elapsed = time.perf_counter() - t0
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(heading)}</title><style>{_CSS}</style></head>"
        f"<body><header><h1>{_esc(heading)}</h1><p>{_esc(repr(corpus))} · "
        f"built in {elapsed:.2f} s</p></header><nav>{nav}</nav><main>{body}</main></body></html>\n"
    )


def _sides_to_compare(corpus: "Corpus") -> list[tuple[str, str]]:
    """The pairs of sides to put against each other: the most quoted sides, two by two."""
    counts: dict[str, int] = {}
    for a in corpus:
        for q in a.quotes:
            if q.side and q.speaker and q.kind in STATEMENT_KINDS and len(q.text.split()) >= 3:
                counts[q.side] = counts.get(q.side, 0) + 1
    top = [s for s, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2][:3]
    return [(top[i], top[j]) for i in range(len(top)) for j in range(i + 1, len(top))]


def _comparison_sections(
    corpus: "Corpus", colors: dict[Optional[str], str], labels: dict[str, str], *,
    match_threshold: float,
    claim_threshold: float,
    matches: "Future[pd.DataFrame]",
    claims: "Future[Claims]",
    sides: "dict[tuple[str, str], Future[SideComparison]]",
) -> list[tuple[str, str, str]]:
    """Quotes reported by several articles, claims, and side against side."""
    from quotelens.display import claims_html

    found = matches.result()
    if len(found):
        # Quotes that travelled between stories first; those of a re-published or updated
        # story (the same text twice) after them, marked.
        found = found.sort_values("same_story", kind="stable")
        rows = [
            [_article_link(r.article_a, labels), _esc(r.speaker_a), f"“{_esc(r.text_a)}”",
             _article_link(r.article_b, labels)
             + (' <span class="muted">(same story)</span>' if r.same_story else ""),
             _esc(r.speaker_b or ""),
             f"“{_esc(r.text_b)}”" if r.quoted_b else f"<i>{_esc(r.text_b)}</i> (unquoted)",
             f"{r.score:.0f}", _esc(r.polarity)]
            for r in found.head(MAX_ROWS).itertuples()
        ]
        matches_html = _table(
            ["article", "speaker", "quote", "also in", "speaker", "as quoted there", "score",
             "polarity"], rows, "matches")
        if len(found) > MAX_ROWS:
            matches_html += f'<p class="muted">… {len(found) - MAX_ROWS} more pairs.</p>'
        copies = int(found["same_story"].sum())
        if copies:
            matches_html += (f'<p class="muted">{copies} of {len(found)} pairs are between '
                             "articles that are one story (re-published or updated), listed "
                             "last.</p>")

    else:
        matches_html = (f"<p>No quote appears in more than one article "
                        f"(threshold {match_threshold:.0f}).</p>")
    out = [("matches", "Quotes reported by several articles", matches_html)]
    cl = claims.result()
    out.append(("claims", "Claims made in several articles",
                f'<p class="muted">{len(cl)} claims (threshold {claim_threshold:.0f}); stance '
                "is <i>denying</i> when the reporting verb is a denial or the statement is "
                "negated.</p>" + claims_html(cl[:MAX_CLAIMS], colors)
                + (f'<p class="muted">… {len(cl) - MAX_CLAIMS} more claims.</p>'
                   if len(cl) > MAX_CLAIMS else "")))
    parts = []
    for (side_a, side_b), pending in sides.items():
        cmp = pending.result()
        rows = [
            [_esc(r.speaker_a), _esc(r.text_a), _esc(r.speaker_b), _esc(r.text_b),
             f"{r.score:.0f}", _esc(r.relation), _esc(r.polarity),
             _esc(f"{r.stance_a} / {r.stance_b}")]
            for r in cmp.sort_values("score", ascending=False).head(15).itertuples()
        ]
        parts.append(
            f"<h3>{_badge(side_a, colors)} against {_badge(side_b, colors)}</h3>"
            f'<div class="figure">{cmp.chart().svg()}</div>'
            + _table([f"{_esc(side_a)} speaker", "statement", f"{_esc(side_b)} speaker",
                      "closest statement", "score", "relation", "polarity", "stances"], rows,
                     "sides")
        )
    if not parts:
        parts.append("<p>Fewer than two sides with attributed statements.</p>")
    out.append(("versus", "Side against side", "".join(parts)))
    return out


def write_report(
    corpus: "Corpus", path: Union[str, "os.PathLike[str]"], *, title: Optional[str] = None
) -> Path:
    """Write :func:`render_report` to ``path`` (UTF-8) and return the path."""
    out = Path(path)
    out.write_text(render_report(corpus, title=title), encoding="utf-8")
    return out
