"""The HTML report: self-contained, every section present, and rendered by headless Chromium."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from quotelens import Article, Corpus
from quotelens.report import render_report, write_report

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return Corpus.from_dir(SEEDS, progress=False)


@pytest.fixture(scope="module")
def page(seeds: Corpus) -> str:
    return render_report(seeds, title="Asian NATO")


def test_report_is_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    # nothing fetched: no scripts, stylesheets, images or fonts from anywhere
    assert "<script" not in page
    assert "<link" not in page
    assert "<img" not in page
    assert "@import" not in page
    assert all(u.startswith("#") for u in re.findall(r"url\(([^)]*)\)", page))
    for m in re.finditer(r'(?:src|href)="([^"]*)"', page):
        assert m.group(1).startswith(("#", "data:")), m.group(1)[:40]
    assert page.count("<svg") >= 2  # figures inlined


def test_report_has_every_section(page: str, seeds: Corpus) -> None:
    for sid in ("articles", "sides", "matches", "claims", "versus", "texts"):
        assert f'<section id="{sid}">' in page
    for a in seeds:
        assert f'id="article-{a.id}"' in page
    # who said what on each side, with cues
    assert "Daniel Kritenbrink" in page and "rebuffed" in page
    assert "Jing Jianfeng" in page
    # the side-against-side heatmap and table for the two most quoted sides
    assert "China</span> against" in page and "United States" in page
    # quotes highlighted by side with speaker on hover
    assert 'class="ql-quote" title="Daniel Kritenbrink (United States)' in page


def test_report_lists_the_seeds_claims(seeds: Corpus) -> None:
    page = render_report(seeds, claim_threshold=35)
    cl = seeds.claims(35)
    assert len(cl) >= 1
    for c in cl:
        assert f"Claim {c.id}: " in page and html.escape(c.label) in page


def _content(page: str) -> str:
    return re.sub(r"built in [0-9.]+ s", "", page)


def test_report_is_the_same_with_comparisons_already_made() -> None:
    # A fresh corpus computes every comparison in the report; a corpus whose claims, matches
    # and side comparisons were asked for first reuses them: the same page either way, and
    # the same twice.
    fresh = Corpus.from_dir(SEEDS, progress=False)
    first = render_report(fresh, claim_threshold=35)
    used = Corpus.from_dir(SEEDS, progress=False)
    used.claims(35)
    used.quote_matches()
    used.compare_sides("China", "United States")
    assert _content(render_report(used, claim_threshold=35)) == _content(first)
    assert _content(render_report(fresh, claim_threshold=35)) == _content(first)
    # Answers given again are copies: changing one does not change the next.
    m = used.quote_matches()
    m["score"] = -1.0
    assert (used.quote_matches()["score"] >= 0).all()
    q = used.quotes()
    q["text"] = ""
    assert (used.quotes()["text"] != "").any()


def test_report_lists_quotes_of_a_republished_story_last() -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    first = Article(seed, id="first")
    q = max((q for q in first.quotes if q.kind == "direct"), key=lambda q: len(q.text))
    retold = f"Officials spoke on Monday.\n\n“{q.text.strip()}” the minister said.\n"
    c = Corpus.from_records([{"id": "first", "text": seed},
                             {"id": "copy", "text": seed + "\n\nUpdated with a correction."},
                             {"id": "retold", "text": retold}], progress=False)
    page = render_report(c)
    matches = page[page.index('id="matches"'):page.index('id="claims"')]
    assert "are one story" in matches
    # The pair with the retelling comes first; the copy's pairs after it, marked.
    rows = matches.split("<tr>")[2:]
    assert rows and "(same story)" not in rows[0]
    assert any("(same story)" in r for r in rows[1:])
    marked = [("(same story)" in r) for r in rows]
    assert marked == sorted(marked)


def test_write_report_and_escaping(tmp_path: Path) -> None:
    c = Corpus([Article("“<b>No</b> & never,” U.S. Defense Secretary Lloyd Austin said.", id="x")])
    out = write_report(c, tmp_path / "r.html")
    text = out.read_text(encoding="utf-8")
    assert "&lt;b&gt;No&lt;/b&gt; &amp; never" in text and "<b>No</b>" not in text


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def test_report_renders_in_headless_chromium(seeds: Corpus, tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs Debian's chromium)")
        pytest.skip("chromium not installed")
    report = write_report(seeds, tmp_path / "report.html")
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}", "--disable-dev-shm-usage",
            "--window-size=1280,4000"]
    dom = subprocess.run(
        base + ["--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120,
        check=True,
    ).stdout
    # the browser parsed the tables, the figures and the highlighted articles
    assert dom.count("<table") >= 3
    assert dom.count("<svg") >= 2
    assert dom.count('class="ql-quote"') >= 20
    assert "Shigeru Ishiba" in dom
    shot = tmp_path / "report.png"
    subprocess.run(
        base + [f"--screenshot={shot}", report.as_uri()], capture_output=True, timeout=120,
        check=True,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # not a blank page


# -- the report's figures: hand-written SVG with the matplotlib figures' content -------------

OUTLET_RECORDS = [
    {"id": "l1", "outlet": "Left Post", "text": "“We will cut the ‘death tax’ for families,” "
     "Senator Ann Lee said on Monday. Tom Ruiz, the county treasurer, said the figures were "
     "sound."},
    {"id": "l2", "outlet": "Left Post", "text": "“The plan is fair,” Ann Lee told reporters."},
    {"id": "r1", "outlet": "Right Times", "text": "“It is a tax increase dressed up as a gift,” "
     "Tom Ruiz warned. Ann Lee insisted that the ‘death tax’ would go."},
]


def _svg_texts(svg: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg)]


def _svg_bars(svg: str) -> dict[tuple[str, str], float]:
    """(bar label, series) -> value, from the tooltip of each drawn bar."""
    out = {}
    for t in re.findall(r"<rect [^>]*><title>(.*?)</title></rect>", svg):
        head, value = html.unescape(t).rsplit(": ", 1)
        label, name = head.rsplit(", ", 1)
        out[(label, name)] = float(value)
    return out


def _figure_bars(fig) -> dict[tuple[str, str], float]:  # type: ignore[no-untyped-def]
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    out = {}
    for bars in ax.containers:
        for label, patch in zip(labels, bars.patches):
            if patch.get_width() > 0:
                out[(label, bars.get_label())] = float(patch.get_width())
    return out


def _same_bars(chart, fig) -> None:  # type: ignore[no-untyped-def]
    ax = fig.axes[0]
    svg = chart.svg()
    texts = _svg_texts(svg)
    assert ax.get_title() in texts and ax.get_xlabel() in texts
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == chart.labels and all(label in texts for label in labels)
    legend = ax.get_legend()
    names = [t.get_text() for t in legend.get_texts()] if legend else []
    assert all(n in texts for n in names)
    if legend:  # a single-series chart (no legend) names its bars by the x label
        assert names == [name for name, _, _ in chart.series]
    drawn = _figure_bars(fig)
    if not legend:
        drawn = {(label, chart.series[0][0]): v for (label, _), v in drawn.items()}
    assert _svg_bars(svg) == pytest.approx(drawn, rel=1e-5)  # tooltips give 6 digits
    assert drawn  # the figure has bars to compare


def _same_grid(chart, fig) -> None:  # type: ignore[no-untyped-def]
    ax = fig.axes[0]
    texts = _svg_texts(chart.svg())
    for t in (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()):
        assert not t or t in texts
    for t in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        assert t.get_text() in texts
    cells = sorted(t.get_text() for t in ax.texts)
    assert cells == sorted(c for row in chart.cells for c in row if c)
    assert all(c in texts for c in cells)


def test_report_figures_have_the_matplotlib_figures_content(seeds: Corpus) -> None:
    from quotelens.display import corpus_colors
    from quotelens.report import sides_chart, sides_figure

    outlets = Corpus.from_records(OUTLET_RECORDS, progress=False)
    cmp = outlets.compare_outlets()
    for what in ("voice", "groups", "cues", "kinds"):
        _same_bars(cmp.chart(what), cmp.plot(what))
    assert "death tax" in _svg_texts(cmp.chart("terms").svg())
    _same_grid(cmp.chart("terms"), cmp.plot("terms"))
    colors = corpus_colors(seeds)
    _same_bars(sides_chart(seeds, colors), sides_figure(seeds, colors))
    # More than 40 articles: one bar per side over the corpus.
    many = Corpus([Article(f"“No,” U.S. Defense Secretary Lloyd Austin said in {i}.", id=f"a{i}")
                   for i in range(41)])
    chart = sides_chart(many, corpus_colors(many))
    assert chart.title == "Who is quoted, by side (41 articles)"
    _same_bars(chart, sides_figure(many, corpus_colors(many)))
    versus = seeds.compare_sides("China", "United States")
    heat = versus.chart()
    assert heat.title == "China vs United States: closest statements"
    assert any(c for row in heat.cells for c in row)
    _same_grid(heat, versus.heatmap())


def test_report_draws_its_figures_without_matplotlib() -> None:
    # Importing matplotlib and drawing took half of the report's time on 840 articles.
    code = ("import sys, quotelens; from quotelens.report import render_report; "
            f"c = quotelens.Corpus.from_dir({str(SEEDS)!r}, progress=False); "
            "page = render_report(c); assert page.count('<svg') >= 3, page.count('<svg'); "
            "assert 'matplotlib' not in sys.modules; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300)
    assert out.stdout.strip() == "ok", out.stderr[-2000:]
