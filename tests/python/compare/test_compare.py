"""Cross-article comparisons: quote matches, claims, side against side."""

from __future__ import annotations

from pathlib import Path

import pytest
from quotelens import Corpus, QuotelensError
from quotelens.compare import SideComparison

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return Corpus.from_dir(ROOT / "seeds", progress=False)


@pytest.fixture(scope="module")
def reworded() -> Corpus:
    full = ("“We do not seek to build an Asian NATO, and we will never ask countries to choose "
            "between partners,” U.S. Defense Secretary Lloyd Austin said in Singapore.")
    cut = ("Lloyd Austin told reporters in Singapore that Washington does “not seek to build an "
           "Asian NATO,” the Pentagon said.")
    reword = ("“We are not seeking to build an Asian NATO and we never ask countries to choose "
              "between partners,” Austin said.")
    china = ("Chinese Foreign Ministry spokesperson Wang Wenbin said Washington “is building an "
             "Asian NATO to contain China”.")
    return Corpus.from_records(
        [{"id": "full", "text": full}, {"id": "cut", "text": cut}, {"id": "re", "text": reword},
         {"id": "cn", "text": china}], progress=False,
    )


def test_quote_matches_find_truncated_and_reworded_quotes(reworded: Corpus) -> None:
    m = reworded.quote_matches(threshold=70)
    pairs = {frozenset((r.article_a, r.article_b)) for r in m.itertuples()}
    assert frozenset(("full", "cut")) in pairs
    assert frozenset(("full", "re")) in pairs
    for r in m.itertuples():
        assert reworded[r.article_a].text[r.start_a:r.end_a] == r.text_a
        assert reworded[r.article_b].text[r.start_b:r.end_b] == r.text_b
        assert 70 <= r.score <= 100
    assert (m["article_a"] != m["article_b"]).all()
    assert list(m["score"]) == sorted(m["score"], reverse=True)


def test_quote_matches_locate_unquoted_reports() -> None:
    said = ("“We do not seek to build an Asian NATO, and we will never ask countries to choose "
            "between partners,” U.S. Defense Secretary Lloyd Austin said in Singapore.")
    plain = ("In Singapore, Austin said we do not seek to build an Asian NATO, and we will never "
             "ask countries to choose between partners. Officials in Beijing were unconvinced.")
    c = Corpus.from_records([{"id": "q", "text": said}, {"id": "p", "text": plain}],
                            progress=False)
    m = c.quote_matches(threshold=80)
    row = m[(m["article_b"] == "p") & ~m["quoted_b"]].iloc[0]
    assert plain[row.start_b:row.end_b] == row.text_b
    assert "Asian NATO" in row.text_b and row.score >= 80
    assert row.speaker_b == "Austin"  # the reported speech there is attributed
    assert c.quote_matches(threshold=80, unquoted=False).empty


def test_quote_matches_flag_a_republished_story() -> None:
    # The same wire story run twice (an update adds a paragraph) and a separate report of the
    # same quote: only the copy is one story with the original.
    story = ("“We will rebuild every bridge in this county before the winter comes,” Governor "
             "Paul Okafor said on Monday as he toured the flooded valley. The storm closed two "
             "highways and cut power to thousands of homes, and crews worked through the night "
             "to clear the roads. State officials said the repairs would cost at least $40 "
             "million and take most of the year.")
    update = story + "\n\nThe legislature meets on Friday to vote on emergency funds."
    other = ("Speaking to farmers in the valley, Okafor repeated his pledge: “We will rebuild "
             "every bridge in this county before the winter comes.” Farmers said they had "
             "heard promises before.")
    c = Corpus.from_records([{"id": "a", "text": story}, {"id": "b", "text": update},
                             {"id": "c", "text": other}], progress=False)
    m = c.quote_matches()
    same = {frozenset((r.article_a, r.article_b)): r.same_story for r in m.itertuples()}
    assert same[frozenset(("a", "b"))] == True  # noqa: E712 (a numpy bool)
    # (A wording repeated word for word pairs with its first report only.)
    assert same[frozenset(("a", "c"))] == False  # noqa: E712
    assert m["same_story"].dtype == bool
    # The measure itself, and its arguments.
    from quotelens.compare import SAME_STORY, story_overlap
    arts = list(c)
    o = story_overlap(arts, [(0, 1), (0, 2)])
    assert o[0] == 1.0 and o[1] < SAME_STORY
    with pytest.raises(TypeError, match="pairs"):
        story_overlap(arts, "01")
    with pytest.raises(TypeError, match="articles"):
        story_overlap("abc", [(0, 1)])
    with pytest.raises(QuotelensError, match="pairs"):
        story_overlap(arts, [(0, 9)])


def test_quote_matches_threshold_is_checked(reworded: Corpus) -> None:
    with pytest.raises(QuotelensError, match="threshold"):
        reworded.quote_matches(threshold=150)
    with pytest.raises(TypeError, match="threshold"):
        reworded.quote_matches(threshold="high")  # type: ignore[arg-type]


def test_claims_group_statements_across_articles(seeds: Corpus) -> None:
    # The seeds' claims are framings in other words: below the default threshold.
    assert len(seeds.claims()) <= len(seeds.claims(threshold=35))
    cl = seeds.claims(threshold=35)
    assert len(cl) >= 1
    for c in cl:
        assert len(c.articles) >= 2
        assert set(c.stances) <= {"asserting", "denying"}
        for mem in c.members:
            assert seeds[mem.article].text[mem.start:mem.end] == mem.text
    # China's accusation (001) and Jing Jianfeng's charge (003) are one framing; they share
    # little ("version of NATO", "U.S.", "interests"), so it takes a lower threshold than the
    # default, which is set for precision on real news.
    china = next(c for c in cl if "Jing Jianfeng" in c.speakers)
    assert {"China", "Jing Jianfeng"} <= set(china.speakers) and set(china.sides) == {"China"}
    assert "Claim" in repr(china) and "2 articles" in repr(china)
    frame = cl.to_frame()
    assert {"claim", "article", "speaker", "side", "stance", "text"} <= set(frame.columns)
    assert repr(cl).startswith("<Claims: ")
    # a stricter threshold gives no more claims
    assert len(seeds.claims(threshold=90)) <= len(cl)
    assert [c.articles for c in seeds.claims(35, method="exact")] == [c.articles for c in cl]


ONE_SPEAKER_TWO_CLAIMS = [
    {"id": "a1", "text": "“We will never allow an Asian NATO to divide the region,” Chinese "
                         "Foreign Minister Wang Yi said on Monday.\n\nWang Yi also said that "
                         "soybean imports from Brazil rose sharply this year."},
    {"id": "a2", "text": "Wang Yi said China would never allow an Asian NATO to divide the "
                         "region.\n\nIn a separate remark, Wang Yi said the new high-speed rail "
                         "line to Laos will open in spring."},
    {"id": "a3", "text": "U.S. officials denied that Washington wants an Asian NATO that would "
                         "divide the region.\n\n“The rail line to Laos is a debt trap,” "
                         "Secretary of State Antony Blinken said."},
]


@pytest.mark.parametrize("method", ["exact", "lsh"])
def test_claims_join_rewordings_but_not_a_speakers_other_statements(method: str) -> None:
    c = Corpus.from_records(ONE_SPEAKER_TWO_CLAIMS, progress=False)
    cl = c.claims(method=method)
    nato = next(x for x in cl if "Asian NATO" in x.label)
    assert nato.articles == ["a1", "a2", "a3"]
    assert all("Asian NATO" in m.text for m in nato.members)  # not the soybeans, not Laos
    assert [m.stance for m in nato.members if m.article == "a3"] == ["denying"]
    assert not any("soybean" in m.text for x in cl for m in x.members)


def test_claims_default_threshold_is_one_constant() -> None:
    import inspect

    from quotelens import compare, dask, report

    want = compare.CLAIM_THRESHOLD
    assert inspect.signature(compare.claims).parameters["threshold"].default == want
    assert inspect.signature(Corpus.claims).parameters["threshold"].default == want
    assert inspect.signature(dask.claims).parameters["threshold"].default == want
    assert inspect.signature(report.render_report).parameters["claim_threshold"].default == want


def test_claims_titles_and_lone_phrases_make_no_claim() -> None:
    c = Corpus.from_records([
        {"id": "a", "text": "“Meet the Press,” Ann Lee said. Critics said the plan would put "
                            "a private email server in every school."},
        {"id": "b", "text": "“Meet the Press,” Tom Ruiz said. Auditors said nobody had "
                            "checked whether a private email server was safe."},
    ], progress=False)
    assert list(c.claims(threshold=1)) == []


def test_claims_bad_arguments(seeds: Corpus) -> None:
    with pytest.raises(QuotelensError, match="method"):
        seeds.claims(method="fast")
    with pytest.raises(TypeError, match="speaker_bonus"):
        seeds.claims(speaker_bonus="a lot")  # type: ignore[arg-type]
    with pytest.raises(QuotelensError, match="speaker_bonus"):
        seeds.claims(speaker_bonus=-5)
    with pytest.raises(QuotelensError, match="threshold"):
        seeds.claims(threshold=101)


def test_claims_mark_denials(reworded: Corpus) -> None:
    cl = reworded.claims(threshold=30)
    stances = {m.article: m.stance for c in cl for m in c.members}
    assert stances.get("full") == "denying"
    assert stances.get("cn") == "asserting"


def test_compare_sides(seeds: Corpus) -> None:
    cmp = seeds.compare_sides("China", "United States", k=3)
    assert isinstance(cmp, SideComparison)
    assert {"speaker_a", "text_a", "speaker_b", "text_b", "score", "polarity"} <= set(cmp.columns)
    assert cmp.groupby("text_a").size().max() <= 3
    assert set(cmp["polarity"]) <= {"same", "opposite"}
    assert cmp["score"].between(0, 100).all()
    fig = cmp.heatmap()
    assert fig.axes[0].get_ylabel() == "China" and fig.axes[0].get_xlabel() == "United States"
    assert isinstance(cmp.head(2), SideComparison)


def test_compare_sides_bad_arguments(seeds: Corpus) -> None:
    with pytest.raises(QuotelensError, match="side_b.*Atlantis"):
        seeds.compare_sides("China", "Atlantis")
    with pytest.raises(TypeError, match="side_a"):
        seeds.compare_sides(1, "China")  # type: ignore[arg-type]
    with pytest.raises(QuotelensError, match="k"):
        seeds.compare_sides("China", "United States", k=0)


def test_a_quote_repeated_in_many_articles_pairs_with_its_first_report() -> None:
    text = ("“We will never accept a NATO-style bloc in Asia,” Chinese Foreign Minister "
            "Wang Yi said.")
    c = Corpus.from_records([{"id": f"a{i}", "text": text} for i in range(6)], progress=False)
    m = c.quote_matches()
    assert len(m) == 5 and set(m["article_a"]) == {"a0"} and (m["score"] == 100).all()
    cl = c.claims()
    # Every report makes the same negated claim: all assert it (user trial 8 found reprints of
    # "nothing you can do, folks" labelled as denials).
    assert len(cl) == 1 and len(cl[0].articles) == 6 and cl[0].stances["asserting"] == 6


def test_claim_members_deny_relative_to_the_claim() -> None:
    said = "\u201cThe port will reopen in March,\u201d Mayor Ana Ruiz said."
    denied = "\u201cThe port will not reopen in March,\u201d union leader Tomas Lindqvist said."
    rebuffed = "Officials rebuffed reports that the port will reopen in March."
    recs = [{"id": f"s{i}", "text": said} for i in range(2)]
    recs += [{"id": "n", "text": denied}, {"id": "r", "text": rebuffed}]
    cl = Corpus.from_records(recs, progress=False).claims(threshold=35)
    assert cl, "the reports of the port's reopening make one claim"
    stance = {m.article: m.stance for m in cl[0].members}
    assert stance["s0"] == stance["s1"] == "asserting", stance
    assert stance["n"] == "denying" and stance["r"] == "denying", stance


CARRIED = [
    {"id": "wire", "outlet": "Wire", "date": "2024-05-02",
     "text": "“We do not seek to build an Asian NATO, and we will never ask countries to choose "
             "between partners,” U.S. Defense Secretary Lloyd Austin said in Singapore."},
    {"id": "daily", "outlet": "Daily", "date": "2024-05-01",
     "text": "“We do not seek to build an Asian NATO, and we will never ask countries to choose "
             "between partners,” Austin said on Saturday."},
    {"id": "weekly", "outlet": "Weekly", "date": "2024-05-03",
     "text": "“We do not seek to build an Asian NATO,” Lloyd Austin said, adding that countries "
             "would not have to choose."},
    {"id": "other", "outlet": "Other", "date": "2024-05-03",
     "text": "“Soybean imports from Brazil rose sharply this year,” the trade minister said."},
]


def test_statements_cluster_a_quote_and_diff_its_variants() -> None:
    c = Corpus.from_records(CARRIED, progress=False)
    st = c.statements()
    assert len(st) == 1
    row = st.iloc[0]
    assert row.n_articles == 3 and sorted(row.articles) == ["daily", "weekly", "wire"]
    assert set(row.outlets) == {"Wire", "Daily", "Weekly"}
    assert row.first_date == "2024-05-01"
    assert row.speaker in ("Lloyd Austin", "Austin")
    # The wording two articles carry is the canonical one; the cut one lost its second half.
    assert row.canonical.startswith("We do not seek to build an Asian NATO, and we will never")
    cut = next(v for v in row.variants if v["article"] == "weekly")
    assert cut["cut"] and "choose between partners" in " ".join(cut["cut"])
    assert not cut["added"] and cut["word_edits"] > 5
    same = [v for v in row.variants if v["article"] != "weekly"]
    assert all(v["word_edits"] == 0 for v in same)
    for v in row.variants:
        assert c[v["article"]].text[v["start"]:v["end"]] == v["text"]
        assert v["outlet"] == {"wire": "Wire", "daily": "Daily", "weekly": "Weekly"}[v["article"]]


def test_the_first_report_is_the_earliest_article() -> None:
    c = Corpus.from_records(CARRIED, progress=False)
    m = c.quote_matches()
    # "daily" is dated first: the identical wording in "wire" pairs with it.
    pair = m[m["article_a"].isin(["daily", "wire"]) & m["article_b"].isin(["daily", "wire"])]
    assert pair[["article_a", "article_b", "score"]].values.tolist() == [["daily", "wire", 100.0]]
    # The cut report pairs with every report of the full wording, each reported before it.
    assert set(m[m["article_b"] == "weekly"]["article_a"]) == {"daily", "wire"}


def test_a_slogan_many_speakers_use_matches_nothing() -> None:
    slogan = "make America great again"
    recs = [{"id": f"s{i}", "text": f"The crowd chanted “{slogan}” again."} for i in range(2)]
    for i, who in enumerate(["Mike Pence", "Donald Trump", "Elizabeth Warren"]):
        recs.append({"id": f"x{i}", "text": f"“We need new jobs in every town {i} to {slogan},” "
                                            f"{who} said."})
    m = Corpus.from_records(recs, progress=False).quote_matches()
    assert not m["text_a"].str.lower().eq(slogan).any()
    assert not m["text_b"].str.lower().eq(slogan).any()


def test_progress_bars_and_argument_checks(capsys: pytest.CaptureFixture[str]) -> None:
    c = Corpus.from_records(CARRIED, progress=False)
    c.quote_matches(progress=True)
    c.statements(progress=True)
    c.claims(progress=True)
    err = capsys.readouterr().err
    assert "quotelens: matching quotes" in err and "quotelens: clustering claims" in err
    c.quote_matches()  # not a terminal: no bar
    assert capsys.readouterr().err == ""
    with pytest.raises(TypeError, match="progress"):
        c.quote_matches(progress="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unquoted"):
        c.quote_matches(unquoted="no")  # type: ignore[arg-type]
    with pytest.raises(QuotelensError, match="method"):
        c.statements(method="fast")
    with pytest.raises(QuotelensError, match="threshold"):
        c.statements(threshold=-1)


def test_claims_blocking_finds_what_all_pairs_find(seeds: Corpus) -> None:
    exact = [(c.articles, len(c.members)) for c in seeds.claims(method="exact")]
    blocked = [(c.articles, len(c.members)) for c in seeds.claims(method="blocked")]
    assert blocked == exact


def test_cli_prints_statements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from quotelens.cli import main

    for r in CARRIED:
        (tmp_path / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    assert main(["statements", str(tmp_path), "--format", "json", "--no-progress"]) == 0
    rows = json.loads(capsys.readouterr().out)
    local = Corpus.from_dir(tmp_path, progress=False).statements()
    assert [r["canonical"] for r in rows] == list(local["canonical"])
    assert main(["statements", str(tmp_path), "--no-progress"]) == 0  # CSV: lists as JSON
    assert "canonical" in capsys.readouterr().out.splitlines()[0]
