"""Corpus-wide speaker ids, groups and user corrections, on passages written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from quotelens import Article, Corpus, QuotelensError
from quotelens.corpus import CorpusWarning
from quotelens.speakers import Name, text_groups

ARTICLES = {
    "a1": ("“We are going to win big,” said Donald J. Trump, the Republican front-runner. "
           "Mr. Trump spoke in Iowa.\n\n“It was a long night,” Trump added."),
    "a2": ("“The plan is a disaster,” Donald Trump said on Monday.\n\n"
           "Democrat Hillary Clinton disagreed. “We need a serious plan,” Clinton said."),
    "a3": ("“I am proud of the record,” former President Bill Clinton told the crowd. "
           "“We balanced the budget,” Clinton said."),
    "a4": ("“Our party is united,” said Hillary Rodham Clinton, speaking in Ohio.\n\n"
           "“We will not back down,” Mrs. Clinton said."),
    "a5": ("“This bill is dead,” Sen. Mitch McConnell, R-Ky., told reporters.\n\n"
           "“We will keep fighting,” said Sen. Claire McCaskill (D-Mo.).\n\n"
           "“The numbers add up,” Treasury Secretary Jack Lew said."),
    "a6": ("“The vote was a betrayal,” said Jess Okafor, a Labour MP, on Tuesday.\n\n"
           "“We expected it,” said Speaker Paul D. Ryan."),
    "a7": "“The House will act,” House Speaker Paul Ryan said. Ryan spoke in Wisconsin.",
}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_records([{"id": k, "text": v} for k, v in ARTICLES.items()],
                               progress=False)


def ids_of(c: Corpus, article: str) -> dict[str, str]:
    q = c.quotes(attributed=True)
    q = q[q["article"] == article]
    return dict(zip(q["speaker"], q["speaker_id"]))


def test_one_person_one_id_across_articles(corpus: Corpus) -> None:
    q = corpus.quotes(attributed=True)
    trump = set(q.loc[q["speaker"].str.contains("Trump"), "speaker_id"])
    assert trump == {"donald-trump"}
    ryan = set(q.loc[q["speaker"].str.contains("Ryan"), "speaker_id"])
    assert ryan == {"paul-ryan"}
    row = corpus.speakers().set_index("speaker_id").loc["donald-trump"]
    assert {"Donald J. Trump", "Donald Trump", "Mr. Trump"} <= set(row["aliases"])
    assert row["articles"] == 2 and row["quotes"] >= 3


def test_a_shared_surname_stays_apart_and_the_articles_own_name_decides(corpus: Corpus) -> None:
    assert set(ids_of(corpus, "a3").values()) == {"bill-clinton"}
    assert set(ids_of(corpus, "a2").values()) >= {"donald-trump", "hillary-clinton"}
    # "Hillary Rodham Clinton" and "Mrs. Clinton" are Hillary Clinton, not Bill
    assert set(ids_of(corpus, "a4").values()) == {"hillary-clinton"}
    sp = corpus.speakers().set_index("speaker_id")
    assert "bill-clinton" in sp.index and "hillary-clinton" in sp.index


def test_titles_and_party_words_are_attributes_not_names(corpus: Corpus) -> None:
    sp = corpus.speakers().set_index("speaker_id")
    assert sp.loc["paul-ryan", "name"] in ("Paul Ryan", "Paul D. Ryan")
    assert "U.S. Congress" in sp.loc["paul-ryan", "groups"]
    assert sp.loc["hillary-clinton", "groups"][:2] == ["United States", "Democratic Party"]
    n = Name.parse("Democrat Hillary Clinton")
    assert (n.first, n.last, n.titles) == ("hillary", "clinton", ("democrat",))


def test_groups_from_party_labels_and_roles(corpus: Corpus) -> None:
    q = corpus.quotes(attributed=True).set_index("speaker_id")
    assert q.loc["mitch-mcconnell", "groups"] == ["United States", "Republican Party",
                                                  "U.S. Congress"]
    assert q.loc["claire-mccaskill", "groups"][:2] == ["United States", "Democratic Party"]
    assert q.loc["jack-lew", "groups"] == ["United States"]
    assert q.loc["jess-okafor", "groups"][:2] == ["United Kingdom", "Labour Party"]
    # the party found in one article holds in the others ("Donald Trump said" in a2)
    a2 = corpus.quotes(attributed=True)
    a2 = a2[(a2["article"] == "a2") & (a2["speaker_id"] == "donald-trump")]
    assert all("Republican Party" in g for g in a2["groups"])
    # side is the main group
    assert q["side"].fillna("").tolist() == [g[0] if g else "" for g in q["groups"]]


def test_text_groups_reads_the_usual_labels() -> None:
    assert text_groups("“Yes,” said Rep. Ana Diaz, a Republican of Arizona.", ["Ana Diaz"])[0] \
        == ("Republican Party", "United States")
    assert text_groups("Democratic Sen. Tom Ruiz said.", ["Tom Ruiz"])[0] \
        == ("Democratic Party", "United States")
    assert text_groups("(Lee Park (R-Utah) said.)", ["Lee Park"])[0] \
        == ("Republican Party", "United States")
    # a party word that is not about the speaker is not taken
    assert text_groups("Republicans attacked Sara Bloom on Monday.", ["Sara Bloom"]) == []


def test_groups_mapping_overrides_the_text_and_is_reflected_everywhere() -> None:
    records = [{"id": k, "text": v} for k, v in ARTICLES.items()]
    c = Corpus.from_records(records, progress=False,
                            groups={"Jack Lew": "Obama administration",
                                    "mitch-mcconnell": ["Senate leadership", "Republican Party"]})
    q = c.quotes(attributed=True).set_index("speaker_id")
    assert q.loc["jack-lew", "groups"] == ["Obama administration"]
    assert q.loc["jack-lew", "side"] == "Obama administration"
    assert q.loc["mitch-mcconnell", "side"] == "Senate leadership"
    assert c.sides()["Obama administration"] == 1
    assert c.speakers().set_index("speaker_id").loc["jack-lew", "groups"] == \
        ["Obama administration"]
    with pytest.warns(CorpusWarning, match="Nobody Known"):
        Corpus.from_records(records[:1], progress=False,
                            groups={"Nobody Known": "X"}).quotes()


def test_groups_and_aliases_from_csv(tmp_path: Path) -> None:
    g = tmp_path / "groups.csv"
    g.write_text("speaker,group\nJack Lew,Treasury\nJack Lew,Obama administration\n",
                 encoding="utf-8")
    al = tmp_path / "aliases.csv"
    al.write_text("alias,name\nBibi,Benjamin Netanyahu\n", encoding="utf-8")
    c = Corpus.from_records(
        [{"id": "x", "text": ARTICLES["a5"]},
         {"id": "y", "text": "“No deal,” said Bibi. “Never,” Benjamin Netanyahu said later."},
         {"id": "z", "text": "“We will see,” Benjamin Netanyahu said."}],
        progress=False, groups=g, aliases=al)
    q = c.quotes(attributed=True)
    assert q.set_index("speaker_id").loc["jack-lew", "groups"] == ["Treasury",
                                                                   "Obama administration"]
    assert set(q.loc[q["article"].isin(["y", "z"]), "speaker_id"]) == {"benjamin-netanyahu"}
    bad = tmp_path / "bad.csv"
    bad.write_text("speaker,group\nJack Lew,\n", encoding="utf-8")
    with pytest.raises(QuotelensError, match="groups: bad.csv line 2"):
        Corpus.from_records([{"text": "x"}], progress=False, groups=bad)


def test_merge_and_split_are_reflected_in_every_table(corpus: Corpus) -> None:
    c = Corpus.from_json(corpus.to_json())
    assert c.merge_speakers("jack-lew", "claire-mccaskill") == "jack-lew"
    assert "claire-mccaskill" not in set(c.quotes()["speaker_id"])
    assert "claire-mccaskill" not in set(c.speakers()["speaker_id"])
    assert set(c.article_speakers()["speaker_id"]) >= {"jack-lew"}
    new = c.split_speaker("jack-lew", "Claire McCaskill")
    assert new == "claire-mccaskill"
    assert set(c.quotes(attributed=True)["speaker_id"]) >= {"jack-lew", "claire-mccaskill"}
    # corrections survive the JSON round trip
    c.merge_speakers("paul-ryan", "mitch-mcconnell", name="Leaders")
    back = Corpus.from_json(c.to_json())
    assert back == c
    assert back.speakers().set_index("speaker_id").loc["paul-ryan", "name"] == "Leaders"
    regrouped = Corpus.from_json(c.to_json(), groups={"jack-lew": "Treasury"})
    assert regrouped.speakers().set_index("speaker_id").loc["jack-lew", "groups"] == ["Treasury"]
    with pytest.raises(QuotelensError, match="no speaker with id 'nobody'"):
        c.merge_speakers("paul-ryan", "nobody")
    with pytest.raises(QuotelensError, match="nothing to split"):
        c.split_speaker("jack-lew", "Jack Lew")
    with pytest.raises(TypeError, match="speaker_id"):
        c.split_speaker(3, "x")  # type: ignore[arg-type]


def test_quotes_context_and_kinds_validation(corpus: Corpus) -> None:
    direct = corpus.quotes(kinds="direct")
    assert len(direct) > 0 and set(direct["kind"]) == {"direct"}
    for r in direct.itertuples():
        assert r.text in r.context
        assert r.context in corpus[r.article].text
    with pytest.raises(QuotelensError, match="kinds: unknown kind 'quote'"):
        corpus.quotes(kinds=["quote"])
    with pytest.raises(TypeError, match="kinds"):
        corpus.quotes(kinds=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="attributed"):
        corpus.quotes(attributed="yes")  # type: ignore[arg-type]


def test_records_reject_unknown_keys_and_keep_groups_and_extras() -> None:
    with pytest.raises(QuotelensError, match="unknown key 'sidez'"):
        Corpus.from_records([{"text": "x", "sidez": {"A": "B"}}], progress=False)
    c = Corpus.from_records(
        [{"id": "k", "text": "“We agree,” Kritenbrink said.", "groups": {"Kritenbrink": "US"},
          "url": "https://example.org/k", "extra": {"section": "world"}}], progress=False)
    assert c.quotes()["side"].tolist() == ["US"]
    meta = c.metadata()
    assert meta.loc[0, "url"] == "https://example.org/k" and meta.loc[0, "section"] == "world"


def test_speakers_table_on_an_article_without_speakers() -> None:
    c = Corpus([Article("No quotes here at all.", id="x")])
    assert len(c.speakers()) == 0 and "speaker_id" in c.speakers().columns
    assert len(c.quotes()) == 0 and "context" in c.quotes().columns


def test_comparisons_carry_the_speaker_ids() -> None:
    words = "We will build the strongest economy this country has ever seen"
    c = Corpus.from_records([
        {"id": "p", "text": f"“{words},” said Donald J. Trump on Monday.", "outlet": "Daily",
         "date": "2016-03-01"},
        {"id": "q", "text": f"“{words},” Donald Trump told supporters in Ohio."},
    ], progress=False)
    m = c.quote_matches()
    assert len(m) == 1
    assert (m.loc[0, "outlet_a"], str(m.loc[0, "date_a"].date())) == ("Daily", "2016-03-01")
    assert m.loc[0, "outlet_b"] is None
    assert (m.loc[0, "speaker_a"], m.loc[0, "speaker_b"]) == ("Donald J. Trump", "Donald Trump")
    assert m.loc[0, "speaker_id_a"] == m.loc[0, "speaker_id_b"] == "donald-trump"


def test_a_pickled_corpus_keeps_its_speakers(corpus: Corpus) -> None:
    import pickle

    c = Corpus.from_json(corpus.to_json())
    c.merge_speakers("jack-lew", "claire-mccaskill")
    before = c.quotes()
    back = pickle.loads(pickle.dumps(c))
    assert back == c
    assert back.quotes()["speaker_id"].tolist() == before["speaker_id"].tolist()


def test_organizations_and_staff_from_appositions_and_title_blocks() -> None:
    assert text_groups("“No,” said Ana Ortiz, a spokeswoman for the Riverside Water Board.",
                       ["Ana Ortiz"]) == [("Riverside Water Board", None)]
    assert text_groups("Harbor Bank chief economist Li Wen said", ["Li Wen"],
                       common={"said"}) == [("Harbor Bank", None)]
    # a person's staff or campaign, not an organization named like the person
    assert text_groups("Lee campaign manager Jo Park said", ["Jo Park"],
                       people=["lee"]) == [("Lee campaign", None)]
    assert text_groups("said Jo Park, an aide to Ann Lee.", ["Jo Park"],
                       people=["lee"]) == [("Lee staff", None)]
    # a role of several words, a region and a sentence opener are no organizations
    assert text_groups("Treasury Secretary Dana Whitfield said", ["Dana Whitfield"]) == [
        ("", "United States")]
    assert text_groups("Maryland Gov. Tim Cole said", ["Tim Cole"]) == [
        ("", "*"), ("", "United States")]
    assert text_groups("So Labor Secretary Tom Ruiz said", ["Tom Ruiz"]) == []
    # a quote's end is no title block
    assert text_groups("“That was nice,'' Director Ann Lee said", ["Ann Lee"],
                       common={"said"}) == []


def test_a_general_role_takes_the_articles_country_only_when_it_is_clear() -> None:
    text = ("Chinese Defense Minister Wei Feng said on Tuesday that “the navy will not be "
            "provoked.”\n\n“Our ships patrol these waters every day,” said Rear Admiral Guan "
            "Youfei.\n\nChinese Foreign Ministry spokesman Hua Lin said the patrols were routine.")
    q = Corpus([Article(text, id="x")]).quotes(attributed=True).set_index("speaker_id")
    assert q.loc["guan-youfei", "groups"] == ["China"]
    # one president in an article that names no country: no country is guessed
    q = Corpus([Article("“We will respond,” President Lena Varga said on Monday.", id="y")]
               ).quotes(attributed=True)
    assert q["groups"].tolist() == [[]]
