"""Quote extraction against the annotated fixtures shared with the Rust tests."""

import pickle

import pytest
import quotelens
from conftest import SEEDS, load_json

FIXTURES = load_json("quotes.json")


@pytest.mark.parametrize("case", FIXTURES["cases"], ids=lambda c: c["id"])
def test_annotated_case(case):
    text = case["text"]
    quotes = quotelens.extract_quotes(text)
    assert [(q.text, q.kind) for q in quotes] == [(q["text"], q["kind"]) for q in case["quotes"]]
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert q.outer_start <= q.start <= q.end <= q.outer_end


@pytest.mark.parametrize("seed", FIXTURES["seeds"], ids=lambda s: s["file"][:3])
def test_seed_quotes(seed):
    text = (SEEDS / seed["file"]).read_text(encoding="utf-8")
    got = [(q.text, q.kind) for q in quotelens.extract_quotes(text)]
    assert got == [(q["text"], q["kind"]) for q in seed["quotes"]]


def test_article_quotes_carry_the_same_spans(seed_texts):
    # Every quote the marks make is in Article.quotes once: as a quote of its own, or as the
    # quoted part (verbatim span) of a mixed quote whose reported clause holds it.
    text = seed_texts["003_bbba42a2f2c02afc.txt"]
    article = quotelens.Article(text)
    plain = quotelens.extract_quotes(text)
    own = [(q.start, q.end) for q in article.quotes if q.kind != "indirect"]
    parts = [span for q in article.quotes if (q.start, q.end) not in q.verbatim
             for span in q.verbatim]
    assert sorted(own + parts) == sorted({(q.start, q.end) for q in plain} | set(own))
    assert all((q.start, q.end) in own or (q.start, q.end) in parts for q in plain)
    assert parts, "the seed reports Jing's words inside a clause"


def test_quotes_in_captions_are_flagged_not_dropped(seed_texts):
    article = quotelens.Article(seed_texts["003_bbba42a2f2c02afc.txt"])
    sign = next(q for q in article.quotes if q.text == "Reassurance and Safety to Everyone")
    assert sign.kind == "title"
    assert not sign.in_body
    assert article.paragraphs[sign.paragraph].kind == "caption"


def test_quote_is_frozen_comparable_picklable():
    q = quotelens.extract_quotes("“We do not seek confrontation,” he said.")[0]
    assert pickle.loads(pickle.dumps(q)) == q
    assert q == quotelens.extract_quotes("“We do not seek confrontation,” he said.")[0]
    assert q != quotelens.extract_quotes("“We do seek confrontation,” he said.")[0]
    with pytest.raises(AttributeError):
        q.text = "x"  # type: ignore[misc]
    assert repr(q).startswith("Quote('We do not seek confrontation,', kind='direct'")
    d = q.to_dict()
    assert d["text"] == q.text and d["start"] == 1 and d["kind"] == "direct"


def test_ten_thousand_unmatched_marks_give_linear_output():
    # Each unmatched mark yields at most one short quote: output never grows quadratically.
    for text in ("“a " * 10_000, "b” " * 10_000, "« c " * 10_000, "' d " * 10_001):
        quotes = quotelens.extract_quotes(text)
        assert len(quotes) <= 10_001
        assert sum(len(q.text) for q in quotes) <= len(text)


def test_unbalanced_quote_does_not_swallow_the_next_paragraph():
    text = "He said “we will respond\n\nOfficials declined to comment. “Fine,” one said."
    quotes = quotelens.extract_quotes(text)
    assert [q.text for q in quotes] == ["we will respond", "Fine,"]
