"""Invariants on arbitrary Unicode: every span slices back to its text, nothing panics."""

import pickle

import quotelens
from hypothesis import given, settings
from hypothesis import strategies as st

MARKS = "\"'“”„‟‘’‚‛«»‹›「」『』＂\\"
news_chars = st.one_of(
    st.sampled_from(list(MARKS + " \n\n.,;:!?-–—…" + "abcdeUSNAT")),
    st.characters(codec="utf-8"),
)
texts = st.one_of(st.text(), st.text(alphabet=news_chars, max_size=300))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_every_span_slices_back(text):
    a = quotelens.Article(text)
    for q in a.quotes:
        assert 0 <= q.outer_start <= q.start <= q.end <= q.outer_end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.text.strip()
        if q.speaker_start is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker_mention
        if q.cue_start is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
    for s in a.sentences:
        assert text[s.start : s.end] == s.text
    for p in a.paragraphs:
        assert text[p.start : p.end] == p.text
    assert quotelens.extract_quotes(text) == [q for q in a.quotes if q.kind != "indirect"]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_normalize_never_fails_and_is_stable(text):
    n = quotelens.normalize(text)
    assert quotelens.normalize(n) == quotelens.normalize(quotelens.normalize(n))


@settings(max_examples=100, deadline=None)
@given(texts)
def test_articles_round_trip(text):
    a = quotelens.Article(text, id="x")
    assert quotelens.Article.from_json(a.to_json()) == a
    assert pickle.loads(pickle.dumps(a)) == a
