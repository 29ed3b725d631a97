"""Comparisons across a corpus: the same quote in several articles, claims made in different
words, and one side's statements against another's. Built on :mod:`quotelens.sim`.

>>> import quotelens
>>> corpus = quotelens.Corpus.from_records([
...     {"id": "a",
...      "text": "“We will never join a bloc aimed at China,” Foreign Minister Wang Yi said."},
...     {"id": "b", "text": "Wang Yi said: “we will never join a bloc aimed at China.”"},
... ], progress=False)
>>> m = corpus.quote_matches()
>>> m[["article_a", "article_b", "score"]].round().to_dict("records")
[{'article_a': 'a', 'article_b': 'b', 'score': 100.0}]
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

import numpy as np
import pandas as pd

from quotelens import sim
from quotelens._core import QuotelensError

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from quotelens._core import Article, Quote
    from quotelens.corpus import Corpus

# Kinds that carry a statement someone made.
STATEMENT_KINDS = ("direct", "mixed", "indirect")
# Reporting-verb categories that present the statement as a denial or rejection.
DENY_CATEGORIES = frozenset({"deny"})


@dataclass(frozen=True)
class Statement:
    """A quote (or reported speech) with the sentence around it, as compared across articles."""

    article: str
    index: int  # position of the quote in ``article.quotes``
    text: str
    sentence: str
    start: int
    end: int
    kind: str
    speaker: Optional[str]
    side: Optional[str]
    cue: Optional[str]
    cue_category: Optional[str]


def _sentence_of(article: "Article", q: "Quote") -> str:
    for s in article.sentences:
        if s.start <= q.start < s.end:
            # A quote that runs past its first sentence keeps its whole text.
            return s.text if q.end <= s.end else article.text[s.start : max(q.end, s.end)]
    return q.text


def statements(
    corpus: "Corpus", *, kinds: tuple[str, ...] = STATEMENT_KINDS, min_words: int = 3,
    attributed: bool = False,
) -> list[Statement]:
    """The corpus's statements: quotes of ``kinds`` with at least ``min_words`` words."""
    out = []
    for a in corpus:
        for i, q in enumerate(a.quotes):
            if q.kind not in kinds or len(q.text.split()) < min_words:
                continue
            if attributed and q.speaker is None:
                continue
            out.append(
                Statement(a.id or "", i, q.text, _sentence_of(a, q), q.start, q.end, q.kind,
                          q.speaker, q.side, q.cue, q.cue_category)
            )
    return out


def stance(s: Statement) -> str:
    """``"denying"`` when the reporting verb is a denial or the statement carries negation
    (``not``, ``no``, ``too early to`` ...), else ``"asserting"``.

    >>> stance(Statement("a", 0, "It is too early to talk about it", "", 0, 0, "direct",
    ...                  None, None, "said", "say"))
    'denying'
    """
    if s.cue_category in DENY_CATEGORIES:
        return "denying"
    return "denying" if sim.compare(s.text, s.text).cues_a else "asserting"


def _check_threshold(threshold: Any) -> float:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise TypeError(f"threshold: expected a number, got {type(threshold).__name__}")
    if not 0 <= threshold <= 100:
        raise QuotelensError(f"threshold: expected 0–100, got {threshold}")
    return float(threshold)


def _cross_pairs(
    queries: list[str], owners: list[str], k: int, scorer: Any, cutoff: float
) -> dict[tuple[int, int], float]:
    """Best-scoring pairs (i < j) of texts from different articles, via sparse top-k."""
    pairs: dict[tuple[int, int], float] = {}
    if len(queries) < 2:
        return pairs
    qi, ci, sc = sim.top_k(queries, queries, k=min(k, len(queries)), scorer=scorer,
                           score_cutoff=cutoff, workers=-1)
    for i, j, s in zip(qi.tolist(), ci.tolist(), sc.tolist()):
        if owners[i] == owners[j]:
            continue
        key = (i, j) if i < j else (j, i)
        if s > pairs.get(key, -1.0):
            pairs[key] = s
    return pairs


def quote_matches(corpus: "Corpus", threshold: float = 80.0, *, k: int = 10) -> pd.DataFrame:
    """The same quote reported by several articles, also truncated or reworded: one row per
    pair of quotes from different articles scoring at least ``threshold`` (0–100), with both
    spans. The score is the best of ``partial_ratio`` (one quote cut out of the other) and the
    statement scorer (rewording); ``polarity`` says whether one reverses the other.
    """
    threshold = _check_threshold(threshold)
    st = statements(corpus, kinds=("direct", "mixed"), min_words=4)
    texts = [s.text for s in st]
    owners = [s.article for s in st]
    processed = [sim.default_process(t) for t in texts]
    pairs = _cross_pairs(processed, owners, k, sim.partial_ratio, threshold)
    scorer = sim.StatementScorer(texts) if texts else None
    for key, s in _cross_pairs(texts, owners, k, scorer, threshold).items():
        pairs[key] = max(s, pairs.get(key, 0.0))
    rows = []
    for (i, j), score in sorted(pairs.items()):
        a, b = st[i], st[j]
        # A shorter quote inside a longer one is partial_ratio 100 even for a few common words.
        if min(len(a.text.split()), len(b.text.split())) < 4:
            continue
        rows.append(
            {
                "article_a": a.article, "speaker_a": a.speaker, "side_a": a.side,
                "text_a": a.text, "start_a": a.start, "end_a": a.end,
                "article_b": b.article, "speaker_b": b.speaker, "side_b": b.side,
                "text_b": b.text, "start_b": b.start, "end_b": b.end,
                "score": float(score),
                "polarity": sim.compare(a.text, b.text).polarity,
            }
        )
    cols = ["article_a", "speaker_a", "side_a", "text_a", "start_a", "end_a", "article_b",
            "speaker_b", "side_b", "text_b", "start_b", "end_b", "score", "polarity"]
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values("score", ascending=False, kind="stable").reset_index(drop=True)


@dataclass
class ClaimMember:
    """One statement in a claim."""

    article: str
    speaker: Optional[str]
    side: Optional[str]
    kind: str
    cue: Optional[str]
    text: str
    start: int
    end: int
    stance: str


@dataclass
class Claim:
    """Statements from different articles that make the same claim."""

    id: int
    members: list[ClaimMember]
    score: float  # the weakest link that joined the cluster
    label: str = field(default="")

    @property
    def articles(self) -> list[str]:
        """The articles reporting the claim, in corpus order of first appearance."""
        return list(dict.fromkeys(m.article for m in self.members))

    @property
    def sides(self) -> Counter:
        """How many members each side has (``None``: no side identified)."""
        return Counter(m.side for m in self.members)

    @property
    def speakers(self) -> list[str]:
        """The speakers making the claim."""
        return list(dict.fromkeys(m.speaker for m in self.members if m.speaker))

    @property
    def stances(self) -> Counter:
        """How many members assert and how many deny."""
        return Counter(m.stance for m in self.members)

    def __repr__(self) -> str:
        label = self.label if len(self.label) <= 60 else self.label[:59] + "…"
        sides = ", ".join(s or "no side" for s in self.sides)
        stances = ", ".join(f"{k} {v}" for k, v in sorted(self.stances.items()))
        return (f"<Claim {self.id}: {label!r} in {len(self.articles)} articles; "
                f"sides: {sides}; {stances}>")


class Claims(list):  # type: ignore[type-arg]
    """The claims of a corpus, most reported first; :meth:`to_frame` gives one row per member."""

    def to_frame(self) -> pd.DataFrame:
        """One row per claim member: claim, label, article, speaker, side, stance, kind, cue,
        text, start, end."""
        rows = [
            {"claim": c.id, "label": c.label, "article": m.article, "speaker": m.speaker,
             "side": m.side, "stance": m.stance, "kind": m.kind, "cue": m.cue, "text": m.text,
             "start": m.start, "end": m.end}
            for c in self for m in c.members
        ]
        cols = ["claim", "label", "article", "speaker", "side", "stance", "kind", "cue", "text",
                "start", "end"]
        return pd.DataFrame(rows, columns=cols)

    def __repr__(self) -> str:
        if not self:
            return "<Claims: none>"
        head = "\n".join("  " + repr(c) for c in self[:5])
        more = f"\n  … {len(self) - 5} more" if len(self) > 5 else ""
        return f"<Claims: {len(self)}\n{head}{more}>"

    def _repr_html_(self) -> str:
        return self.to_frame()._repr_html_()  # type: ignore[operator]


def claims(
    corpus: "Corpus", threshold: float = 30.0, *, speaker_bonus: float = 20.0, k: int = 8,
    sentences: bool = False,
) -> Claims:
    """Cluster statements from different articles that make the same claim.

    Two statements are linked when the statement scorer, on the statements or on the sentences
    that report them (which name the speaker and the thing talked about), reaches
    ``threshold``; the same speaker quoted in two articles adds ``speaker_bonus``. Clusters are
    the connected groups spanning at least two articles. ``sentences=True`` adds the
    unattributed body sentences as statements too. Each member gets a stance (``asserting`` or
    ``denying``, see :func:`stance`).
    """
    threshold = _check_threshold(threshold)
    st = statements(corpus)
    if sentences:
        st += _plain_sentences(corpus, st)
    if len(st) < 2:
        return Claims()
    owners = [s.article for s in st]
    texts = [s.text for s in st]
    contexts = [s.sentence for s in st]
    scorer = sim.StatementScorer(contexts + texts)
    cutoff = max(0.0, threshold - speaker_bonus)
    pairs = _cross_pairs(contexts, owners, k, scorer, cutoff)
    for key, s in _cross_pairs(texts, owners, k, scorer, cutoff).items():
        pairs[key] = max(s, pairs.get(key, 0.0))
    # Same speaker in two articles: compare every such pair, not only the top-k neighbours.
    by_speaker: dict[str, list[int]] = {}
    for i, s in enumerate(st):
        if s.speaker:
            by_speaker.setdefault(s.speaker, []).append(i)
    for idx in by_speaker.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                if owners[i] != owners[j] and (i, j) not in pairs:
                    pairs[(i, j)] = max(scorer.score(contexts[i], contexts[j]),
                                        scorer.score(texts[i], texts[j]))
    parent = list(range(len(st)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    weakest: dict[int, float] = {}
    links = []
    for (i, j), s in pairs.items():
        same = st[i].speaker is not None and st[i].speaker == st[j].speaker
        score = min(100.0, s + (speaker_bonus if same else 0.0))
        if score >= threshold:
            links.append((score, i, j))
    for score, i, j in sorted(links, reverse=True):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[rj] = ri
        r = find(i)
        weakest[r] = min(score, weakest.pop(ri, 100.0), weakest.pop(rj, 100.0))
    groups: dict[int, list[int]] = {}
    for i in range(len(st)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for root, idx in groups.items():
        if len({owners[i] for i in idx}) < 2:
            continue
        members = [
            ClaimMember(st[i].article, st[i].speaker, st[i].side, st[i].kind, st[i].cue,
                        st[i].text, st[i].start, st[i].end, stance(st[i]))
            for i in idx
        ]
        # Label: the member most linked within the cluster, by its reporting sentence.
        degree = Counter()
        for _, i, j in links:
            if find(i) == root:
                degree[i] += 1
                degree[j] += 1
        centre = max(idx, key=lambda i: (degree[i], -i))
        out.append(Claim(0, members, weakest.get(root, threshold), st[centre].sentence))
    out.sort(key=lambda c: (-len(c.articles), -len(c.members), -c.score))
    for n, c in enumerate(out, 1):
        c.id = n
    return Claims(out)


def _plain_sentences(corpus: "Corpus", taken: list[Statement]) -> list[Statement]:
    covered = {(s.article, s.sentence) for s in taken}
    out = []
    for a in corpus:
        for s in a.sentences:
            if s.is_body and len(s.text.split()) >= 6 and (a.id, s.text) not in covered:
                out.append(Statement(a.id or "", -1, s.text, s.text, s.start, s.end, "sentence",
                                     None, None, None, None))
    return out


class SideComparison(pd.DataFrame):
    """For each statement of one side, the closest statements of the other: a DataFrame with
    :meth:`heatmap`."""

    _metadata = ["side_a", "side_b"]

    @property
    def _constructor(self) -> type:
        return SideComparison

    def heatmap(self, *, max_speakers: int = 15) -> "Figure":
        """Speakers of side A (rows) against speakers of side B (columns): the best statement
        score between them, as a matplotlib figure."""
        from matplotlib.figure import Figure

        side_a = getattr(self, "side_a", "side A")
        side_b = getattr(self, "side_b", "side B")
        df = self.assign(
            speaker_a=self["speaker_a"].fillna("?"), speaker_b=self["speaker_b"].fillna("?")
        )
        rows = list(df["speaker_a"].value_counts().index[:max_speakers])
        cols = list(df["speaker_b"].value_counts().index[:max_speakers])
        m = np.zeros((len(rows), len(cols)))
        for r in df.itertuples():
            if r.speaker_a in rows and r.speaker_b in cols:
                i, j = rows.index(r.speaker_a), cols.index(r.speaker_b)
                m[i, j] = max(m[i, j], r.score)
        fig = Figure(figsize=(1.2 + 0.7 * max(len(cols), 2), 1.2 + 0.45 * max(len(rows), 2)))
        ax = fig.add_subplot()
        im = ax.imshow(m, cmap="viridis", vmin=0, vmax=100, aspect="auto")
        ax.set_xticks(range(len(cols)))
        ax.set_xticklabels(cols, rotation=40, ha="right", fontsize=8)
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels(rows, fontsize=8)
        for i in range(len(rows)):
            for j in range(len(cols)):
                if m[i, j] > 0:
                    ax.text(j, i, f"{m[i, j]:.0f}", ha="center", va="center", fontsize=7,
                            color="white" if m[i, j] < 60 else "black")
        ax.set_xlabel(side_b)
        ax.set_ylabel(side_a)
        ax.set_title(f"{side_a} vs {side_b}: closest statements", fontsize=10)
        fig.colorbar(im, ax=ax, label="statement score")
        fig.tight_layout()
        return fig


def compare_sides(corpus: "Corpus", side_a: str, side_b: str, k: int = 3) -> SideComparison:
    """For each attributed statement of ``side_a``, the ``k`` closest statements of ``side_b``
    (statement scorer, 0–100) with polarity (``same`` or ``opposite``: one denies the other).
    """
    for name, v in (("side_a", side_a), ("side_b", side_b)):
        if not isinstance(v, str):
            raise TypeError(f"{name}: expected str, got {type(v).__name__}")
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k: expected int, got {type(k).__name__}")
    if k < 1:
        raise QuotelensError(f"k: expected at least 1, got {k}")
    st = statements(corpus, attributed=True)
    known = sorted({s.side for s in st if s.side})
    for name, v in (("side_a", side_a), ("side_b", side_b)):
        if v not in known:
            raise QuotelensError(f"{name}: no statements from side {v!r}; sides: {known}")
    a = [s for s in st if s.side == side_a]
    b = [s for s in st if s.side == side_b]
    scorer = sim.StatementScorer([s.text for s in st])
    qi, ci, sc = sim.top_k([s.text for s in a], [s.text for s in b], k=k, scorer=scorer,
                           workers=-1)
    rows = []
    for i, j, score in zip(qi.tolist(), ci.tolist(), sc.tolist()):
        x, y = a[i], b[j]
        m = sim.compare(x.text, y.text)
        rows.append(
            {"article_a": x.article, "speaker_a": x.speaker, "text_a": x.text,
             "article_b": y.article, "speaker_b": y.speaker, "text_b": y.text,
             "score": float(score), "polarity": m.polarity,
             "stance_a": stance(x), "stance_b": stance(y)}
        )
    cols = ["article_a", "speaker_a", "text_a", "article_b", "speaker_b", "text_b", "score",
            "polarity", "stance_a", "stance_b"]
    out = SideComparison(pd.DataFrame(rows, columns=cols))
    out.side_a, out.side_b = side_a, side_b
    return out


def claims_html(cl: Claims, colors: dict[Optional[str], str]) -> str:
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
            for m in c.members
        )
        parts.append(
            f'<div class="claim"><h4>Claim {c.id}: {html.escape(c.label)}</h4>'
            f'<p class="muted">{len(c.articles)} articles · sides: {sides} · {stances}</p>'
            f'<ul style="list-style:none;padding-left:8px">{items}</ul></div>'
        )
    return "".join(parts)
