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
        # The quoted parts lie inside the quote, in order, and only marks give them.
        assert (q.verbatim == []) == (q.kind == "indirect")
        assert all(q.start <= s <= e <= q.end for s, e in q.verbatim)
        assert [s for s, _ in q.verbatim] == sorted(s for s, _ in q.verbatim)
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


# Short names (the packed Jaro-Winkler lanes of cdist: 8 or more queries of one length class)
# against RapidFuzz, with cutoffs exactly at a score and just above it.
names = st.text(alphabet="abcdeJK .-é", max_size=20)


@settings(max_examples=80, deadline=None)
@given(st.lists(names, min_size=8, max_size=40), st.lists(names, min_size=1, max_size=8),
       st.data())
def test_cdist_jaro_winkler_equals_rapidfuzz_with_cutoffs_at_the_score(qs, cs, data):
    import numpy as np
    from quotelens import sim
    from rapidfuzz.distance import JaroWinkler

    want = np.array([[JaroWinkler.normalized_similarity(q, c) * 100 for c in cs] for q in qs])
    got = sim.cdist(qs, cs, scorer=sim.jaro_winkler)
    assert np.allclose(got, want, atol=1e-4, rtol=0)
    i = data.draw(st.integers(0, len(qs) - 1))
    j = data.draw(st.integers(0, len(cs) - 1))
    at = float(want[i, j])
    kept = sim.cdist(qs, cs, scorer=sim.jaro_winkler, score_cutoff=at)
    assert kept[i, j] == np.float32(at)
    assert np.array_equal(kept, np.where(want >= at, got, 0))
    above = np.nextafter(at, 200.0)
    assert sim.cdist(qs, cs, scorer=sim.jaro_winkler, score_cutoff=above)[i, j] == 0
    # The single call and extract (float64 scores) agree with RapidFuzz to the last bit.
    assert sim.jaro_winkler(qs[i], cs[j]) == at
    best = sim.extract(qs[i], cs, scorer=sim.jaro_winkler, limit=None, score_cutoff=at)
    assert (cs[j], at, j) in best


phrase = st.lists(st.sampled_from(["the", "plan", "would", "cut", "taxes", "for", "every", "family",
                                   "in", "state", "never", "work", "“", "”", ",", "'"]),
                  min_size=1, max_size=8).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Governor Alma Reyes", "She", "The senator", "Reyes"]),
       st.sampled_from(["said", "argued", "called", "warned that"]), phrase, phrase, phrase)
def test_quoted_parts_of_reports_slice_back(name, cue, before, quoted, after):
    text = f"Budget talks resumed.\n\n{name} {cue} {before} “{quoted}” {after}. “We will see,” she said."
    a = quotelens.Article(text)
    for q in a.quotes:
        assert text[q.start : q.end] == q.text
        assert all(q.start <= s <= e <= q.end for s, e in q.verbatim)
        for s, _ in q.verbatim:
            # Quoted words sit between marks of the text.
            assert s == 0 or not text[s - 1].isalnum()
    # Every quote the marks make is reported once: alone, or as a part of a mixed quote.
    raw = [q for q in quotelens.extract_quotes(text) if q.kind in ("direct", "mixed")]
    parts = {span for q in a.quotes for span in q.verbatim}
    for r in raw:
        assert (r.start, r.end) in parts or any(
            q.start <= r.start and r.end <= q.end and q.kind != "indirect" for q in a.quotes)
