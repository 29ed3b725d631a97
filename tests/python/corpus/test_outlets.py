"""compare_outlets on a small corpus written for the test, where every answer is known."""

from __future__ import annotations

import pytest
from quotelens import Corpus, QuotelensError

RECORDS = [
    {"id": "l1", "outlet": "Left Post", "date": "2016-03-01",
     "text": "“We will fund the schools,” said Sen. Ann Lee (D-Ohio).\n\n“The plan works,” Lee said."},
    {"id": "l2", "outlet": "Left Post", "date": "2016-03-02",
     "text": "“The numbers are clear,” Ann Lee said.\n\n"
             "Rep. Tom Ruiz (R-Texas) denied that the plan would raise taxes.\n\n"
             "The “death tax” is back in the news."},
    {"id": "r1", "outlet": "Right Times", "date": "2016-03-02",
     "text": "“The plan is a scandal,” said Rep. Tom Ruiz (R-Texas).\n\n"
             "Ruiz accused Lee of hiding the costs of the plan.\n\n"
             "The “death tax” debate went on."},
]


@pytest.fixture(scope="module")
def cmp():
    return Corpus.from_records(RECORDS, progress=False).compare_outlets()


def test_share_of_voice_by_speaker(cmp) -> None:
    v = cmp.voice
    assert v[["outlet", "speaker_id", "statements", "share"]].values.tolist() == [
        ["Left Post", "ann-lee", 3, 0.75], ["Left Post", "tom-ruiz", 1, 0.25],
        ["Right Times", "tom-ruiz", 2, 1.0]]
    assert cmp.outlets == ["Left Post", "Right Times"]


def test_share_of_voice_by_group(cmp) -> None:
    g = cmp.groups.set_index(["outlet", "group"])["share"]
    assert g[("Left Post", "Democratic Party")] == 0.75
    assert g[("Left Post", "Republican Party")] == 0.25
    assert g[("Right Times", "Republican Party")] == 1.0
    assert ("Right Times", "Democratic Party") not in g.index


def test_cue_categories_per_group_and_outlet(cmp) -> None:
    c = cmp.cues.set_index(["outlet", "group", "cue_category"])["statements"]
    assert c[("Left Post", "Democratic Party", "say")] == 3
    assert c[("Left Post", "Republican Party", "deny")] == 1
    assert c[("Right Times", "Republican Party", "accuse")] == 1
    assert c[("Right Times", "Republican Party", "say")] == 1
    t = cmp.cue_totals.set_index(["outlet", "cue_category"])["share"]
    assert t[("Left Post", "say")] == 0.75 and t[("Right Times", "accuse")] == 0.5


def test_direct_and_indirect_shares(cmp) -> None:
    k = cmp.kinds.set_index("outlet")
    assert k.loc["Left Post", ["articles", "statements", "direct", "indirect"]].tolist() == \
        [2, 4, 3, 1]
    assert k.loc["Left Post", "direct_share"] == 0.75
    assert k.loc["Right Times", "indirect_share"] == 0.5


def test_scare_quoted_terms_per_outlet(cmp) -> None:
    assert cmp.terms[["outlet", "term", "count", "articles"]].values.tolist() == [
        ["Left Post", "death tax", 1, 1], ["Right Times", "death tax", 1, 1]]


def test_plots_draw_each_table(cmp) -> None:
    for what in ("voice", "groups", "cues", "kinds", "terms"):
        fig = cmp.plot(what)
        ax = fig.axes[0]
        labels = [t.get_text() for t in (ax.get_yticklabels() if what != "terms"
                                         else ax.get_xticklabels())]
        assert labels == ["Left Post", "Right Times"], what
    with pytest.raises(QuotelensError, match="what"):
        cmp.plot("pie")


def test_merging_speakers_changes_the_comparison() -> None:
    c = Corpus.from_records(RECORDS, progress=False)
    c.merge_speakers("ann-lee", "tom-ruiz")
    v = c.compare_outlets().voice
    assert v[["outlet", "speaker_id", "share"]].values.tolist() == [
        ["Left Post", "ann-lee", 1.0], ["Right Times", "ann-lee", 1.0]]


def test_articles_without_outlet_are_counted_under_unknown() -> None:
    c = Corpus.from_records([{"text": "“No,” Ann Lee said."}], progress=False)
    assert c.compare_outlets().outlets == ["unknown outlet"]
    with pytest.raises(TypeError, match="top"):
        c.compare_outlets(top="3")  # type: ignore[arg-type]


def test_figures_with_many_long_labels_draw_without_warnings() -> None:
    from quotelens.display import figure_svg

    names = [f"Speaker{i} Person{i}" for i in range(12)]
    records = [{"id": f"x{i}", "outlet": f"Outlet number {i % 3} with a long name",
                "text": f"“We have a plan for the county,” {n} said."}
               for i, n in enumerate(names)]
    groups = {n: f"A rather long organization name number {i}" for i, n in enumerate(names)}
    cmp = Corpus.from_records(records, progress=False, groups=groups).compare_outlets()
    for what in ("voice", "groups", "cues", "kinds", "terms"):
        assert figure_svg(cmp.plot(what)).startswith("<svg")  # warnings are errors here
