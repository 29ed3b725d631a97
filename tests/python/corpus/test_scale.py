"""Corpus-level candidate search: LSH finds what exact all-pairs finds (issue: scale)."""

import random
import re

import pytest
import quotelens
from conftest import SEEDS
from quotelens.testing import claim_of, claims_corpus, co_members

KEY = ["article_a", "start_a", "end_a", "article_b", "start_b", "end_b"]


def planted_corpus(n_quotes=50, copies=3, fillers=60, seed=3) -> quotelens.Corpus:
    """Quotes taken from the seeds' vocabulary, each planted in one article and reported again
    (reworded and/or truncated) in others, among filler paragraphs."""
    rng = random.Random(seed)
    words = sorted(
        {w for p in SEEDS.glob("*.txt") for w in re.findall(r"[a-z]{3,}", p.read_text().lower())}
    )
    speakers = ["Wang Yi", "Lloyd Austin", "Fumio Kishida", "Mark Rutte", "Boris Johnson"]
    records = [
        {"id": f"filler-{i}", "text": " ".join(rng.choices(words, k=120)).capitalize() + "."}
        for i in range(fillers)
    ]
    for q in range(n_quotes):
        base = rng.choices(words, k=rng.randint(14, 26))
        who = rng.choice(speakers)
        versions = [base]
        for _ in range(copies):
            v = list(base)
            for _ in range(rng.randint(0, 2)):  # reword a word or two
                v[rng.randrange(len(v))] = rng.choice(words)
            if rng.random() < 0.5:  # report only part of it
                v = v[: max(8, int(len(v) * rng.uniform(0.5, 0.9)))]
            versions.append(v)
        for k, v in enumerate(versions):
            filler = " ".join(rng.choices(words, k=40)).capitalize() + "."
            text = f"{filler}\n\n“{' '.join(v).capitalize()},” {who} said.\n\n{filler}"
            records.append({"id": f"q{q}-{k}", "text": text})
    rng.shuffle(records)
    return quotelens.Corpus.from_records(records, progress=False)


@pytest.fixture(scope="module")
def corpus():
    return planted_corpus()


def pairs(df):
    return set(df[KEY].itertuples(index=False, name=None))


def test_lsh_recall_against_exact(corpus):
    exact = pairs(corpus.quote_matches(80, unquoted=False, method="exact"))
    lsh = pairs(corpus.quote_matches(80, unquoted=False, method="lsh"))
    assert len(exact) >= 150  # the planted copies are found
    recall = len(exact & lsh) / len(exact)
    assert recall >= 0.95, recall
    assert lsh <= exact  # LSH only narrows the pairs that are scored


def test_auto_is_exact_on_small_corpora(corpus):
    auto = corpus.quote_matches(80, unquoted=False)
    assert pairs(auto) == pairs(corpus.quote_matches(80, unquoted=False, method="exact"))


def test_bad_method(corpus):
    with pytest.raises(quotelens.QuotelensError, match="method"):
        corpus.quote_matches(method="fast")


@pytest.fixture(scope="module")
def claims_setup():
    records, truth = claims_corpus()
    return quotelens.Corpus.from_records(records, progress=False), truth


def gold_pairs(corpus, truth):
    from quotelens.compare import statements

    st = [(s.article, s.start, claim_of(truth, s.article, s.text)) for s in statements(corpus)]
    return {
        frozenset((x[:2], y[:2]))
        for i, x in enumerate(st) for y in st[i + 1 :]
        if x[2] is not None and x[2] >= 0 and x[2] == y[2] and x[0] != y[0]
    }


def test_claims_blocked_recall_against_exact(claims_setup):
    corpus, _ = claims_setup
    # Blocking only narrows the pairs that are scored: the claims built on them stay close.
    exact_claims = co_members(corpus.claims(method="exact"))
    blocked_claims = co_members(corpus.claims(method="blocked"))
    assert len(exact_claims) >= 100
    assert len(exact_claims & blocked_claims) / len(exact_claims) >= 0.95
    assert len(exact_claims & blocked_claims) / len(blocked_claims) >= 0.95
    assert co_members(corpus.claims(method="lsh")) == blocked_claims  # the old name


def test_claims_find_the_planted_claims_and_little_else(claims_setup):
    corpus, truth = claims_setup
    gold = gold_pairs(corpus, truth)
    found = co_members(corpus.claims(method="exact"))
    assert len(found & gold) / len(gold) >= 0.95  # reworded and denied reports are joined
    assert len(found & gold) / len(found) >= 0.85  # the same speaker's other claims are not


def test_claims_bad_method(claims_setup):
    corpus, _ = claims_setup
    with pytest.raises(quotelens.QuotelensError, match="method"):
        corpus.claims(method="fast")
