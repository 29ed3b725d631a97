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

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

import numpy as np
import pandas as pd

from quotelens import _core
from quotelens._core import QuotelensError
from quotelens.frames import STATEMENT_KINDS  # the kinds statements are made of

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from quotelens._core import Article
    from quotelens.corpus import Corpus
    from quotelens.display import GridChart



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


def _statement_rows(corpus: "Corpus", *, sentences: bool = False) -> dict[str, list[Any]]:
    """The core's statements of ``corpus`` as columns (``_core._claim_statements``): every
    quote and reported speech of three or more words, in article order."""
    return _core._claim_statements(list(corpus), sentences, -1)


def statements(
    corpus: "Corpus", *, kinds: tuple[str, ...] = STATEMENT_KINDS, min_words: int = 3,
    attributed: bool = False,
) -> list[Statement]:
    """The corpus's statements, as the core compares them (claims, :func:`compare_sides`):
    quotes of ``kinds`` (some of :data:`STATEMENT_KINDS`) with at least ``min_words`` (3 or
    more) words; ``attributed=True`` keeps those with a speaker."""
    if isinstance(kinds, str) or not set(kinds) <= set(STATEMENT_KINDS):
        raise QuotelensError(f"kinds: expected some of {STATEMENT_KINDS}, got {kinds!r}")
    if isinstance(min_words, bool) or not isinstance(min_words, int):
        raise TypeError(f"min_words: expected int, got {type(min_words).__name__}")
    if min_words < 3:
        raise QuotelensError(f"min_words: expected 3 or more (what the core keeps), got {min_words}")
    cols = _statement_rows(corpus)
    out = []
    for r in zip(cols["article"], cols["quote"], cols["text"], cols["sentence"], cols["start"],
                 cols["end"], cols["kind"], cols["speaker"], cols["side"], cols["cue"],
                 cols["cue_category"]):
        s = Statement(*r)
        if s.kind not in kinds or len(s.text.split()) < min_words:
            continue
        if attributed and s.speaker is None:
            continue
        out.append(s)
    return out


def stance(s: Statement) -> str:
    """``"denying"`` when the reporting verb is a denial or the statement negates its own
    claim (``not``, ``no``, ``too early to`` ...; not a negation inside a condition or a
    contrast), else ``"asserting"``; decided in the core, as for claim members.

    >>> stance(Statement("a", 0, "It is too early to talk about it", "", 0, 0, "direct",
    ...                  None, None, "said", "say"))
    'denying'
    """
    return _core._stance(s.text, s.cue_category)


def _check_threshold(threshold: Any) -> float:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise TypeError(f"threshold: expected a number, got {type(threshold).__name__}")
    if not 0 <= threshold <= 100:
        raise QuotelensError(f"threshold: expected 0–100, got {threshold}")
    return float(threshold)


#: Fewest content words (three or more letters, not stop words) a quote needs to be matched
#: across articles: shorter quotes are common phrases that match unrelated statements (a user
#: trial on 840 real articles found most wrong pairs among them). Fixed in the core
#: (``src/compare/matching.rs``); shown here for reference.
MATCH_MIN_CONTENT_WORDS = 4
#: Share of the shorter quote's content words the other quote (or the running text found)
#: must hold: a match is the same words, cut or lightly reworded, not two sentences that share
#: a name. Fixed in the core.
MATCH_MIN_COVERAGE = 0.8


#: Above this many distinct wordings, ``method="auto"`` in :func:`claims` takes candidate
#: pairs from MinHash LSH instead of scoring all pairs.
EXACT_LIMIT = 2000
#: Default score threshold of :func:`claims` (uncalibrated overlap, 0–100): on 840 PolNeAR
#: articles 35 let one shared topic link different claims; 50 kept 11 of 15 sampled claims
#: coherent (``benchmarks/sample_claims.py``).
CLAIM_THRESHOLD = 50.0
#: Jaccard threshold (word bigrams) of the LSH candidates of ``quote_matches(method="lsh")``:
#: low enough that a quote cut to half its length still collides with the full one.
MATCH_LSH_THRESHOLD = 0.3

#: Share of the shorter article's distinct word 5-grams outside quotes the other must hold
#: for the two to be one story (a re-publication, an update, a wire copy): ``same_story`` in
#: ``Corpus.quote_matches``. On 840 PolNeAR articles re-published pairs shared 0.67 or more,
#: different reports of one event at most 0.03. Fixed in the core (``src/compare/stories.rs``).
SAME_STORY = 0.5


def story_overlap(articles: Sequence["Article"], pairs: Sequence[tuple[int, int]]) -> list[float]:
    """For each ``(i, j)`` in ``pairs`` (indices into ``articles``), the share of the shorter
    article's distinct word 5-grams (lowercased) outside its direct and mixed quotes that
    the other article also has (separate reports of one quote share the quote): near 1 for
    a re-published or updated story, near 0 for two reports of one event written
    separately. At least :data:`SAME_STORY` means one story. Runs in the core, GIL released.

    >>> from quotelens import Article
    >>> a = Article("The mayor said on Monday that the bridge would close for repairs.")
    >>> b = Article("The mayor said on Monday that the bridge would close for repairs. More soon.")
    >>> story_overlap([a, b], [(0, 1)])
    [1.0]
    """
    if isinstance(articles, (str, bytes)) or not isinstance(articles, Sequence):
        raise TypeError(f"articles: expected a list of Article, got {type(articles).__name__}")
    if isinstance(pairs, (str, bytes)) or not isinstance(pairs, Sequence):
        raise TypeError(f"pairs: expected a list of (int, int), got {type(pairs).__name__}")
    return _core._story_overlaps(list(articles), list(pairs))


#: The columns of :func:`quote_matches` (and of :func:`quotelens.dask.quote_matches`).
MATCH_COLUMNS = ["article_a", "speaker_a", "side_a", "text_a", "start_a", "end_a", "article_b",
                 "speaker_b", "side_b", "text_b", "start_b", "end_b", "score", "polarity",
                 "quoted_b"]


class _Progress:
    """A tqdm bar fed by the core's ``progress(done, total)`` calls (every 50 ms while it
    works); ``None`` when hidden (``progress=None``: shown on a terminal for 20+ articles)."""

    def __init__(self, progress: Optional[bool], n_articles: int, desc: str) -> None:
        from quotelens.corpus import show_progress

        self.bar: Any = None
        if show_progress(progress, n_articles):
            from tqdm.auto import tqdm

            self.bar = tqdm(total=0, desc=f"quotelens: {desc}", unit="wording")

    def __call__(self, done: int, total: int) -> None:
        if self.bar is not None:
            self.bar.total = total
            self.bar.n = done
            self.bar.refresh()

    def callback(self) -> Optional["_Progress"]:
        return self if self.bar is not None else None

    def __enter__(self) -> "_Progress":
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.close()


def _check_method(method: Any) -> str:
    if not isinstance(method, str) or method not in ("auto", "exact", "lsh"):
        raise QuotelensError(f"method: expected 'auto', 'exact' or 'lsh', got {method!r}")
    return method


def _check_bool(v: Any, name: str) -> bool:
    if not isinstance(v, bool):
        raise TypeError(f"{name}: expected bool, got {type(v).__name__}")
    return v


def quote_matches(
    corpus: "Corpus", threshold: float = 80.0, *, unquoted: bool = True, method: str = "auto",
    progress: Optional[bool] = None, workers: int = -1,
) -> pd.DataFrame:
    """The same quote reported by several articles, also truncated or reworded: one row per
    pair of quotes from different articles scoring at least ``threshold`` (0–100), with both
    spans (columns :data:`MATCH_COLUMNS`). The score is the best of ``partial_ratio`` (one
    quote cut out of the other, ``processor=True``) and :func:`quotelens.sim.statement`
    (rewording): a pair's score does not depend on the rest of the corpus. ``polarity`` is
    ``opposite`` when one denies the other (:func:`quotelens.sim.compare` says ``deny``), else
    ``same``. A quote repeated word for word in many articles is paired with its first report
    (``article_a``: the earlier date, then the smaller article id; undated articles after
    dated ones), not with each other report. With ``unquoted=True`` a quote is also looked for in the running text of the
    other articles (:func:`quotelens.sim.locate` around the densest run of its content words,
    where a stretch of an article between its quotes holds enough of them); such rows have ``quoted_b`` False and the speaker
    of the reported speech there, if any.

    Precision first: a quote with fewer than :data:`MATCH_MIN_CONTENT_WORDS` content words or
    in headline case (a title) is never matched, and a pair (or the running text found) must
    share :data:`MATCH_MIN_COVERAGE` of the shorter quote's content words. That rule makes the
    candidate search exact without scoring all pairs (an index of content words, probed with
    the rarest ones), so ``method="exact"`` and ``"auto"`` find every pair that scoring all
    pairs would; ``"lsh"`` keeps only the pairs MinHash LSH (word bigrams, Jaccard
    :data:`MATCH_LSH_THRESHOLD`) proposes too. It all runs in the core (``quotelens.dask``
    runs the same code), on ``workers`` threads, with a progress bar (``progress``).
    """
    threshold = _check_threshold(threshold)
    unquoted = _check_bool(unquoted, "unquoted")
    method = _check_method(method)
    with _Progress(progress, len(corpus), "matching quotes") as bar:
        cols = _core._quote_matches(list(corpus), threshold, unquoted, method, workers,
                                    bar.callback())
    return pd.DataFrame(cols, columns=MATCH_COLUMNS)


def statement_clusters(
    corpus: "Corpus", threshold: float = 80.0, *, unquoted: bool = True, method: str = "auto",
    progress: Optional[bool] = None, workers: int = -1,
) -> pd.DataFrame:
    """One row per statement carried by two or more articles: the connected components of
    :func:`quote_matches` (same arguments). Columns: ``statement`` (1, 2, … most carried
    first), ``speaker`` (the one most reports name) and ``side``, ``n_articles``,
    ``articles`` and ``outlets`` (lists, in corpus order), ``first_date`` (the earliest article
    date, ``None`` without dates), ``canonical`` (the wording most articles carry; on a tie
    the one fewest word edits from the others) and ``variants``: for every report a dict with
    ``article``, ``outlet``, ``date``, ``start``, ``end``, ``text``, ``speaker``, ``quoted``
    (False: found in running text) and its word-level diff against the canonical wording:
    ``added`` and ``cut`` (phrases), ``changed`` (pairs canonical → variant) and
    ``word_edits``.
    """
    threshold = _check_threshold(threshold)
    unquoted = _check_bool(unquoted, "unquoted")
    method = _check_method(method)
    with _Progress(progress, len(corpus), "clustering statements") as bar:
        raw = _core._statement_clusters(list(corpus), threshold, unquoted, method, workers,
                                        bar.callback())
    return clusters_frame(raw, [a.id or "" for a in corpus],
                          {a.id or "": (a.source, a.date) for a in corpus})


#: The columns of :func:`statement_clusters`.
CLUSTER_COLUMNS = ["statement", "speaker", "side", "n_articles", "articles", "outlets",
                   "first_date", "canonical", "variants"]


def clusters_frame(
    raw: list[dict[str, Any]], ids: list[str],
    meta: dict[str, tuple[Optional[str], Optional[str]]],
) -> pd.DataFrame:
    """The frame of :func:`statement_clusters` from the core's cluster dicts, the article
    ids in corpus order and each article's (outlet, date)."""
    order = {a: k for k, a in enumerate(ids)}
    rows = []
    for k, c in enumerate(raw, 1):
        variants = c["variants"]
        for v in variants:
            v["outlet"], v["date"] = meta.get(v["article"], (None, None))
        articles = sorted({v["article"] for v in variants}, key=lambda a: order.get(a, 0))
        outlets = list(dict.fromkeys(meta[a][0] for a in articles if meta[a][0]))
        dates = [v["date"] for v in variants if v["date"]]
        rows.append({
            "statement": k, "speaker": c["speaker"], "side": c["side"],
            "n_articles": len(articles), "articles": articles, "outlets": outlets,
            "first_date": min(dates) if dates else None,
            "canonical": variants[c["canonical"]]["text"], "variants": variants,
        })
    return pd.DataFrame(rows, columns=CLUSTER_COLUMNS)


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
    score: float  # the lowest average score at which its members were joined
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


class Claims(list):
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
        return self.to_frame()._repr_html_()


def check_claim_args(
    threshold: Any, speaker_bonus: Any, sentences: Any, method: Any
) -> tuple[float, float, bool, str]:
    """The arguments of :func:`claims` (and ``quotelens.dask.claims``), checked: TypeError or
    QuotelensError naming the argument."""
    threshold = _check_threshold(threshold)
    if isinstance(speaker_bonus, bool) or not isinstance(speaker_bonus, (int, float)):
        raise TypeError(f"speaker_bonus: expected a number, got {type(speaker_bonus).__name__}")
    if not 0 <= speaker_bonus <= 100:
        raise QuotelensError(f"speaker_bonus: expected 0–100, got {speaker_bonus}")
    sentences = _check_bool(sentences, "sentences")
    if not isinstance(method, str) or method not in ("auto", "exact", "blocked", "lsh"):
        raise QuotelensError(
            f"method: expected 'auto', 'exact', 'blocked' or 'lsh', got {method!r}")
    return threshold, float(speaker_bonus), sentences, method


def check_match_args(threshold: Any, method: Any) -> tuple[float, str]:
    """The ``threshold`` and ``method`` of :func:`quote_matches` (and of
    ``quotelens.dask.quote_matches`` and ``statements``), checked."""
    return _check_threshold(threshold), _check_method(method)


def claims(
    corpus: "Corpus", threshold: float = CLAIM_THRESHOLD, *, speaker_bonus: float = 0.0,
    sentences: bool = False, method: str = "auto", progress: Optional[bool] = None,
    workers: int = -1,
) -> Claims:
    """Cluster statements from different articles that make the same claim.

    Two statements are scored with the statement scorer's word overlap
    (``StatementScorer(..., calibrated=False)``: framings of one claim share a few rare words,
    which the calibrated paraphrase score rates near 0) on their texts and on their *frames*
    (the reporting sentence without the speaker's name, title and reporting verb: the statement
    and what it is about); the better score counts. Precision first: two statements link only
    when they share at least two content words (stems) besides the words of people's names
    (every speaker's name in the corpus) and words a whole story shares (more than 2% of the
    statements), and when what they share is at least two separate pieces, in their texts or in
    their frames (words adjacent in both, "private email server", are one piece: one shared
    phrase is a topic, not a claim), unless 60% of the shorter text's words are shared (a
    quote trimmed or with a word changed). Titles ("Meet the Press") make no claim, and a
    member of a claim of three or more that does not link to the claim's most linked member is
    dropped. With the default threshold (:data:`CLAIM_THRESHOLD`, 50), exact scoring finds the
    planted claim pairs of ``quotelens.testing.claims_corpus`` with recall 0.979, precision 1.000 (40
    claims) and recall 0.794, precision 1.000 (200 claims; ``benchmarks/bench_claims.py``).
    On 840 PolNeAR articles, 11 of 15 sampled claims were coherent
    (``benchmarks/sample_claims.py``; 8 of 15 with the earlier rule at 35). Identical wordings
    are one statement.
    ``speaker_bonus`` is added when the same speaker is quoted in two different articles and
    the score already reaches two thirds of ``threshold``. It is off by default: on generated
    corpora every link it added joined two different claims of one speaker.

    Clusters are built by average linkage: taking links (scores ≥ ``threshold``) from the
    strongest, two clusters merge only when their members score ``threshold`` on average, so
    one loose link cannot chain unrelated statements together. Clusters spanning at least two
    articles are returned, most reported first. Each member gets a stance towards the claim:
    ``denying`` when its reporting verb is a denial, or when it contradicts the claim's central
    statement (the stance comparison of :func:`compare`); when the central statement is negated
    and others contradict it, the claim is the positive one and the negated statements deny it;
    a negation every statement shares ("we will never accept …" in each reprint) is the claim
    itself. ``sentences=True`` adds the unattributed body sentences.

    ``method="exact"`` scores every pair of distinct statements that can link (those sharing
    two content words, found through an inverted index on them, so it is not n²); ``"blocked"`` (``"lsh"`` is
    its old name) only the candidates of MinHash LSH over each frame's 20 rarest content words
    (Jaccard 0.3) and the statements sharing one of a statement's 3 rarest words, and not those
    whose exact-word overlap is below 70% of the threshold; ``"auto"`` (default) is exact up to
    :data:`EXACT_LIMIT` distinct statements. Both link with the same rule; blocking can only
    miss links, never add them (on 840 PolNeAR articles it finds 96.8% of exact's claim
    pairs, 367/379, precision 0.995; on the first 200, 37/40, the 3 missed being one claim of
    three unrelated statements on answering questions; ``benchmarks/bench_compare.py
    --recall 840``). It
    all runs in the core (``src/compare/claims.rs``: :func:`statements` are built per
    article, then clustered, which is how ``quotelens.dask.claims`` splits it), on
    ``workers`` threads, with a progress bar (``progress``).
    """
    return claims_of(raw_claims(corpus, threshold, speaker_bonus=speaker_bonus,
                                sentences=sentences, method=method, progress=progress,
                                workers=workers))


def raw_claims(
    corpus: "Corpus", threshold: float = CLAIM_THRESHOLD, *, speaker_bonus: float = 0.0,
    sentences: bool = False, method: str = "auto", progress: Optional[bool] = None,
    workers: int = -1,
) -> list[dict[str, Any]]:
    """:func:`claims` as the core's claim dicts (what :func:`claims_of` turns into
    :class:`Claims`; ``Corpus.claims`` keeps them to answer again without recomputing)."""
    threshold, speaker_bonus, sentences, method = check_claim_args(
        threshold, speaker_bonus, sentences, method)
    with _Progress(progress, len(corpus), "clustering claims") as bar:
        raw: list[dict[str, Any]] = _core._claims(
            list(corpus), threshold, speaker_bonus, sentences, method, EXACT_LIMIT, workers,
            bar.callback())
    return raw


def claims_of(raw: list[dict[str, Any]]) -> Claims:
    """:class:`Claims` from the core's claim dicts (``_core._claims``, ``_core._claims_of``)."""
    return Claims(
        Claim(k, [ClaimMember(**m) for m in c["members"]], c["score"], c["label"])
        for k, c in enumerate(raw, 1)
    )


class SideComparison(pd.DataFrame):
    """For each statement of one side, the closest statements of the other: a DataFrame with
    :meth:`heatmap`."""

    _metadata = ["side_a", "side_b"]

    @property
    def _constructor(self) -> type:
        return SideComparison

    def heatmap(self, *, max_speakers: int = 15) -> "Figure":
        """Speakers of side A (rows) against speakers of side B (columns): the best statement
        score between them, as a matplotlib figure (:meth:`chart` is its content)."""
        from matplotlib.figure import Figure

        chart = self.chart(max_speakers=max_speakers)
        rows, cols = chart.rows, chart.cols
        fig = Figure(figsize=(1.2 + 0.7 * max(len(cols), 2), 1.2 + 0.45 * max(len(rows), 2)))
        ax = fig.add_subplot()
        im = ax.imshow(np.array(chart.values).reshape(len(rows), len(cols)), cmap="viridis",
                       vmin=0, vmax=100, aspect="auto")
        ax.set_xticks(range(len(cols)))
        ax.set_xticklabels(cols, rotation=40, ha="right", fontsize=8)
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels(rows, fontsize=8)
        for i in range(len(rows)):
            for j in range(len(cols)):
                if chart.cells[i][j]:
                    ax.text(j, i, chart.cells[i][j], ha="center", va="center", fontsize=7,
                            color="white" if chart.values[i][j] < 60 else "black")
        ax.set_xlabel(chart.xlabel)
        ax.set_ylabel(chart.ylabel)
        ax.set_title(chart.title, fontsize=10)
        fig.colorbar(im, ax=ax, label=chart.colorbar)
        fig.tight_layout()
        return fig

    def chart(self, *, max_speakers: int = 15) -> "GridChart":
        """What :meth:`heatmap` draws, as data with an ``svg()`` method (the report draws it
        without matplotlib)."""
        from quotelens.display import GridChart

        side_a = getattr(self, "side_a", "side A")
        side_b = getattr(self, "side_b", "side B")
        df = self.assign(
            speaker_a=self["speaker_a"].fillna("?"), speaker_b=self["speaker_b"].fillna("?")
        )
        rows = [str(r) for r in df["speaker_a"].value_counts().index[:max_speakers]]
        cols = [str(c) for c in df["speaker_b"].value_counts().index[:max_speakers]]
        at_r, at_c = {r: i for i, r in enumerate(rows)}, {c: j for j, c in enumerate(cols)}
        m = [[0.0] * len(cols) for _ in rows]
        for a, b, score in zip(df["speaker_a"], df["speaker_b"], df["score"]):
            if a in at_r and b in at_c:
                i, j = at_r[a], at_c[b]
                m[i][j] = max(m[i][j], float(score))
        return GridChart(f"{side_a} vs {side_b}: closest statements", rows, cols, m,
                         [[f"{v:.0f}" if v > 0 else "" for v in row] for row in m],
                         cmap="viridis", vmin=0, vmax=100, xlabel=str(side_b),
                         ylabel=str(side_a), colorbar="statement score", dark_text_from=60)


#: The columns of :func:`compare_sides`.
SIDE_COLUMNS = ["article_a", "speaker_a", "text_a", "article_b", "speaker_b", "text_b", "score",
                "relation", "polarity", "stance_a", "stance_b"]


def check_sides_args(side_a: Any, side_b: Any, k: Any) -> tuple[str, str, int]:
    """The checked arguments of :func:`compare_sides` (the key its answer is kept under)."""
    for name, v in (("side_a", side_a), ("side_b", side_b)):
        if not isinstance(v, str):
            raise TypeError(f"{name}: expected str, got {type(v).__name__}")
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k: expected int, got {type(k).__name__}")
    if k < 1:
        raise QuotelensError(f"k: expected at least 1, got {k}")
    return side_a, side_b, k


def compare_sides(corpus: "Corpus", side_a: str, side_b: str, k: int = 3) -> SideComparison:
    """For each distinct wording among the attributed statements (:func:`statements`) of
    ``side_a``, the ``k`` closest distinct wordings of ``side_b`` (a
    :class:`~quotelens.sim.StatementScorer` fitted on every attributed statement, 0–100) with
    the ``relation`` of the two texts (``agree``, ``deny`` or ``unrelated``,
    :func:`quotelens.sim.compare`), each one's ``stance`` (:func:`stance`: asserting or
    denying, which counts the reporting verb) and ``polarity``: ``opposite`` when one denies
    the other or the stances differ, else ``same`` (columns :data:`SIDE_COLUMNS`). It runs in
    the core (``src/compare/sides.rs``), without the GIL.
    """
    check_sides_args(side_a, side_b, k)
    raw = _core._compare_sides(list(corpus), side_a, side_b, k, -1)
    out = SideComparison(pd.DataFrame(raw, columns=SIDE_COLUMNS))
    out.side_a, out.side_b = side_a, side_b
    return out
