"""How each outlet reports: who it quotes, with which verbs, in whose words.

:meth:`quotelens.Corpus.compare_outlets` returns an :class:`OutletComparison` of DataFrames:

- ``voice``: share of voice by speaker — per outlet, each speaker's attributed statements and
  their share of the outlet's statements;
- ``groups``: share of voice by group (a statement counts for each of its groups, so shares can
  add up to more than 1; ``"no group"`` collects the rest);
- ``cues``: per outlet and group, how many statements each cue category introduces ("say"
  against "accuse", "deny", "claim", ...), and their share of the group's statements there;
- ``kinds``: per outlet, direct, mixed and indirect statements and the share of each;
- ``terms``: the scare-quoted terms (quotes of kind ``term`` no one is said to have said) each
  outlet uses, and in how many of its articles.

Statements are quotes of kind direct, mixed or indirect with a speaker; an article without an
outlet counts under ``"unknown outlet"``.

>>> import quotelens
>>> c = quotelens.Corpus.from_records([
...     {"id": "a", "outlet": "Daily", "text": "“We will win,” Sen. Ann Lee (D-Ohio) said."},
...     {"id": "b", "outlet": "Weekly", "text": "Ann Lee denied that she had “secret” plans."},
... ], progress=False)
>>> cmp = c.compare_outlets()
>>> cmp.kinds[["outlet", "statements", "direct", "indirect"]].values.tolist()
[['Daily', 1, 1, 0], ['Weekly', 1, 0, 1]]
>>> cmp.cues[["outlet", "group", "cue_category", "statements"]].values.tolist()[:2]
[['Daily', 'Democratic Party', 'say', 1], ['Daily', 'U.S. Congress', 'say', 1]]
>>> cmp.terms[["outlet", "term", "count"]].values.tolist()
[['Weekly', 'secret', 1]]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from quotelens.display import BarChart, GridChart
from quotelens.frames import STATEMENT_KINDS, scare_quotes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from quotelens.corpus import Corpus

UNKNOWN_OUTLET = "unknown outlet"
NO_GROUP = "no group"
FIGURES = ("voice", "groups", "cues", "kinds", "terms")


@dataclass
class OutletComparison:
    """The outlet comparison of a corpus: DataFrames (``voice``, ``groups``, ``cues``,
    ``kinds``, ``terms``, and ``cue_totals``: cue categories per outlet over all its
    statements) and :meth:`plot` to draw any of them."""

    voice: pd.DataFrame
    groups: pd.DataFrame
    cues: pd.DataFrame
    kinds: pd.DataFrame
    terms: pd.DataFrame
    cue_totals: pd.DataFrame
    top: int = 10

    @property
    def outlets(self) -> list[str]:
        """The outlets, most statements first."""
        return list(self.kinds["outlet"])

    def plot(self, what: str = "groups") -> "Figure":
        """A matplotlib figure of one table: ``"voice"`` (the most quoted speakers' share in
        each outlet), ``"groups"`` (share of voice by group), ``"cues"`` (cue categories per
        outlet), ``"kinds"`` (direct, mixed and indirect shares) or ``"terms"`` (scare-quoted
        terms per outlet)."""
        chart = self.chart(what)
        if isinstance(chart, GridChart):
            return _terms_figure(chart, self.outlets)
        return _share_figure(chart, self.outlets)

    def chart(self, what: str = "groups") -> "BarChart | GridChart":
        """What :meth:`plot` draws, as data with an ``svg()`` method (the report draws it
        without matplotlib)."""
        if not isinstance(what, str):
            raise TypeError(f"what: expected str, got {type(what).__name__}")
        if what not in FIGURES:
            from quotelens._core import QuotelensError

            raise QuotelensError(f"what: expected one of {', '.join(FIGURES)}, got {what!r}")
        if what == "voice":
            return _share_chart(self.voice, "speaker", self.outlets, self.top,
                                "Share of voice: the most quoted speakers")
        if what == "groups":
            return _share_chart(self.groups, "group", self.outlets, self.top,
                                "Share of voice by group")
        if what == "cues":
            return _share_chart(self.cue_totals,
                                "cue_category", self.outlets, self.top,
                                "Reporting verbs (cue categories)")
        if what == "kinds":
            long = self.kinds[["outlet", *STATEMENT_KINDS]].melt(
                id_vars=["outlet"], var_name="kind", value_name="n")
            long = long.rename(columns={"n": "statements"}).pipe(_with_share)
            return _share_chart(long, "kind", self.outlets, 3, "Direct, mixed and indirect")
        return _terms_chart(self.terms, self.outlets, self.top)

    def _repr_html_(self) -> str:
        from quotelens.display import outlets_html

        return outlets_html(self)

    def to_html(self) -> str:
        """The tables as HTML (for the report)."""
        from quotelens.display import outlets_html

        return outlets_html(self, all_tables=True)


def _with_share(df: pd.DataFrame) -> pd.DataFrame:
    total = df.groupby("outlet")["statements"].transform("sum")
    return df.assign(share=(df["statements"] / total.where(total > 0, 1)).astype("float64"))


def compare_outlets(corpus: "Corpus", *, top: int = 10) -> OutletComparison:
    """See :meth:`quotelens.Corpus.compare_outlets`."""
    if isinstance(top, bool) or not isinstance(top, int):
        raise TypeError(f"top: expected int, got {type(top).__name__}")
    if top < 1:
        from quotelens._core import QuotelensError

        raise QuotelensError(f"top: expected a positive number, got {top}")
    q = corpus.quotes()
    q = q.assign(outlet=q["outlet"].fillna(UNKNOWN_OUTLET))
    st = q[q["kind"].isin(STATEMENT_KINDS) & q["speaker"].notna()]
    per_outlet = st.groupby("outlet").size()
    order = sorted(set(q["outlet"]), key=lambda o: (-int(per_outlet.get(o, 0)), o))

    def ordered(df: pd.DataFrame, by: list[str], desc: str = "statements") -> pd.DataFrame:
        df = df.assign(_o=df["outlet"].map({o: i for i, o in enumerate(order)}))
        df = df.sort_values(["_o", desc] + by, ascending=[True, False] + [True] * len(by),
                            kind="stable")
        return df.drop(columns="_o").reset_index(drop=True)

    voice = (st.groupby(["outlet", "speaker_id"], as_index=False)
             .agg(speaker=("speaker_name", "first"), statements=("text", "size")))
    voice = ordered(_with_share(voice), ["speaker_id"])
    rows: list[dict[str, Any]] = []
    for r in st.itertuples():
        for g in (r.groups or [NO_GROUP]):
            rows.append({"outlet": r.outlet, "group": g})
    groups = pd.DataFrame(rows, columns=["outlet", "group"])
    groups = groups.groupby(["outlet", "group"], as_index=False).size()
    groups = groups.rename(columns={"size": "statements"})
    groups = groups.assign(share=(groups["statements"]
                                  / groups["outlet"].map(per_outlet)).astype("float64"))
    groups = ordered(groups, ["group"])
    crow = [{"outlet": r.outlet, "group": g,
             "cue_category": r.cue_category if isinstance(r.cue_category, str) else "none"}
            for r in st.itertuples() for g in (r.groups or [NO_GROUP])]
    cues = pd.DataFrame(crow, columns=["outlet", "group", "cue_category"])
    cues = cues.groupby(["outlet", "group", "cue_category"], as_index=False).size()
    cues = cues.rename(columns={"size": "statements"})
    tot = cues.groupby(["outlet", "group"])["statements"].transform("sum")
    cues = ordered(cues.assign(share=(cues["statements"] / tot).astype("float64")),
                   ["group", "cue_category"])
    cue_totals = st.assign(cue_category=st["cue_category"].fillna("none"))
    cue_totals = cue_totals.groupby(["outlet", "cue_category"], as_index=False).size()
    cue_totals = ordered(_with_share(cue_totals.rename(columns={"size": "statements"})),
                         ["cue_category"])
    kinds_rows = []
    for o in order:
        s = st[st["outlet"] == o]
        n = len(s)
        counts = {k: int((s["kind"] == k).sum()) for k in STATEMENT_KINDS}
        kinds_rows.append({"outlet": o, "articles": int(q.loc[q["outlet"] == o, "article"]
                                                         .nunique()),
                           "statements": n, **counts,
                           **{f"{k}_share": (counts[k] / n if n else 0.0)
                              for k in STATEMENT_KINDS}})
    art_outlet = {a.id: (a.source or UNKNOWN_OUTLET) for a in corpus}
    articles_per_outlet = pd.Series(art_outlet).value_counts()
    kinds = pd.DataFrame(kinds_rows, columns=["outlet", "articles", "statements", *STATEMENT_KINDS,
                                              *(f"{k}_share" for k in STATEMENT_KINDS)])
    kinds["articles"] = kinds["outlet"].map(articles_per_outlet).fillna(0).astype("int64")
    t = q[scare_quotes(q)]
    t = t.assign(term=t["text"].str.strip(" ,.;:!?").str.lower())
    t = t[t["term"].str.len() > 0]
    terms = (t.groupby(["outlet", "term"], as_index=False)
             .agg(count=("text", "size"), articles=("article", "nunique")))
    terms = ordered(terms, ["term"], desc="count")
    return OutletComparison(voice, groups, cues, kinds, terms, cue_totals, top)


def _share_chart(df: pd.DataFrame, col: str, outlets: list[str], top: int,
                 title: str) -> BarChart:
    """Stacked horizontal bars: per outlet, the share of each of the ``top`` values of ``col``
    (over the whole corpus), the rest as "other"."""
    from quotelens.display import side_colors

    totals = df.groupby(col)["statements"].sum().sort_values(ascending=False)
    keep = [k for k in totals.index if k != NO_GROUP][:top]
    colors = side_colors(keep)
    series = []
    for k in keep + ["other"]:
        vals = []
        for o in outlets:
            d = df[df["outlet"] == o]
            if k == "other":
                vals.append(float(d.loc[~d[col].isin(keep), "share"].sum()))
            else:
                vals.append(float(d.loc[d[col] == k, "share"].sum()))
        if any(vals):
            series.append((str(k), [colors.get(k, "#d1d5db")] * len(outlets), vals))
    return BarChart(title, [o if len(o) <= 24 else o[:23] + "…" for o in outlets], series,
                    "share of the outlet's attributed statements", legend=bool(series))


def _share_figure(chart: BarChart, outlets: list[str]) -> "Figure":
    from matplotlib.figure import Figure

    # Constrained layout makes room for the legend outside the axes (tight_layout warned).
    fig = Figure(figsize=(8, 0.45 * max(len(outlets), 1) + 1.8), layout="constrained")
    ax = fig.add_subplot()
    left = [0.0] * len(outlets)
    for name, colors, vals in chart.series:
        ax.barh(range(len(outlets)), vals, left=left, label=name, color=colors)
        left = [a + b for a, b in zip(left, vals)]
    ax.set_yticks(range(len(outlets)))
    ax.set_yticklabels(chart.labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(chart.xlabel)
    ax.set_title(chart.title)
    if chart.legend:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return fig


def _terms_chart(terms: pd.DataFrame, outlets: list[str], top: int) -> GridChart:
    """A grid: the ``top`` scare-quoted terms (rows) by outlet (columns), with counts."""
    order = terms.groupby("term")["count"].sum().sort_values(ascending=False).index[:top]
    grid = [[int(terms.loc[(terms["term"] == t) & (terms["outlet"] == o), "count"].sum())
             for o in outlets] for t in order]
    return GridChart("Scare-quoted terms by outlet" if len(order) else "No scare-quoted terms",
                     [t if len(t) <= 30 else t[:29] + "…" for t in order], list(outlets),
                     [[float(v) for v in row] for row in grid],
                     [[str(v) if v else "" for v in row] for row in grid], cmap="blues")


def _terms_figure(chart: GridChart, outlets: list[str]) -> "Figure":
    from matplotlib.figure import Figure

    fig = Figure(figsize=(1.2 * max(len(outlets), 1) + 3, 0.35 * max(len(chart.rows), 1) + 1.6),
                 layout="constrained")
    ax = fig.add_subplot()
    if chart.rows:
        ax.imshow(chart.values, cmap="Blues", aspect="auto")
        for i, row in enumerate(chart.cells):
            for j, v in enumerate(row):
                if v:
                    ax.text(j, i, v, ha="center", va="center", fontsize=8)
    ax.set_xticks(range(len(outlets)))
    ax.set_xticklabels(chart.cols, fontsize=8, rotation=30, ha="right")
    ax.set_yticks(range(len(chart.rows)))
    ax.set_yticklabels(chart.rows, fontsize=8)
    ax.set_title(chart.title)
    return fig
