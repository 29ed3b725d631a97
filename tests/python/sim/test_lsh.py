"""MinHash LSH candidate search: recall against exact all-pairs Jaccard, errors, pickling."""

import itertools
import pickle
import random
import re

import numpy as np
import pytest
from quotelens._core import MinHashIndex, QuotelensError

WORDS = (
    "alliance security china japan beijing washington minister said region defense military "
    "cooperation talks pacific asian nato treaty confrontation partners bloc tokyo seoul "
    "official statement policy summit forces trade growth economy threat pressure support "
    "election leader proposal framework dialogue stability peace tension island navy exercise"
).split() + [f"word{i}" for i in range(2000)]  # a news-sized vocabulary


def words(s: str) -> set:
    """Word bigrams, the index's default shingles."""
    w = re.findall(r"\w+", s.lower())
    return set(zip(w, w[1:])) if len(w) > 1 else set(w)


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def planted_corpus(n_base=120, copies=3, seed=7):
    """Base statements plus reworded and truncated copies, among unrelated filler."""
    rng = random.Random(seed)
    texts = []
    for _ in range(n_base):
        base = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
        texts.append(" ".join(base))
        for _ in range(copies):
            v = list(base)
            for _ in range(rng.randint(0, 3)):  # reword
                v[rng.randrange(len(v))] = rng.choice(WORDS)
            if rng.random() < 0.5:  # truncate
                v = v[: max(8, int(len(v) * rng.uniform(0.6, 0.95)))]
            texts.append(" ".join(v))
    return texts


@pytest.mark.parametrize("threshold", [0.5, 0.7])
def test_recall_against_exact_all_pairs(threshold):
    texts = planted_corpus()
    sets = [words(t) for t in texts]
    exact = {
        (i, j)
        for i, j in itertools.combinations(range(len(texts)), 2)
        if jaccard(sets[i], sets[j]) >= threshold
    }
    assert len(exact) > 100
    index = MinHashIndex(threshold, workers=2)
    assert index.add(texts) == range(len(texts))
    a, b = index.candidate_pairs()
    found = set(zip(a.tolist(), b.tolist()))
    recall = len(exact & found) / len(exact)
    assert recall >= 0.95, recall
    # Far fewer candidates than all pairs: the point of the index.
    assert len(found) < 0.1 * len(texts) * (len(texts) - 1) / 2
    assert np.all(a < b)


def test_query_and_groups():
    index = MinHashIndex(0.5)
    index.add(
        [
            "we do not seek confrontation in the region",
            "the weather in Tokyo was mild on Tuesday",
            "We do not seek confrontation in the region, he said.",
        ]
    )
    hits = index.query("we do not seek confrontation in the region at all")
    assert hits[0][0] in (0, 2) and hits[0][1] > 0.5
    assert 1 not in [i for i, _ in hits]
    a, _ = index.candidate_pairs(groups=[0, 1, 0])
    assert len(a) == 0  # the only similar pair is inside one group
    assert 0.5 < index.similarity(0, 2) <= 1.0
    assert len(index.band_keys("anything at all")) == index.bands


def test_bands_and_rows_follow_the_threshold():
    lo, hi = MinHashIndex(0.3), MinHashIndex(0.8)
    assert lo.bands * lo.rows <= 128 and hi.bands * hi.rows <= 128
    assert hi.rows > lo.rows


def test_pickle_round_trip_keeps_candidates():
    index = MinHashIndex(0.6, shingle="char", n=4)
    index.add(["institutionalized alliances", "institutionalised alliances", "other text"])
    back = pickle.loads(pickle.dumps(index))
    assert len(back) == 3 and back.shingle == ("char", 4)
    assert [x.tolist() for x in back.candidate_pairs()] == [
        x.tolist() for x in index.candidate_pairs()
    ]


def test_signatures_do_not_depend_on_workers():
    texts = planted_corpus(n_base=20)
    one, many = MinHashIndex(0.5, workers=1), MinHashIndex(0.5, workers=-1)
    one.add(texts)
    many.add(texts)
    assert [x.tolist() for x in one.candidate_pairs()] == [
        x.tolist() for x in many.candidate_pairs()
    ]


@pytest.mark.parametrize(
    "kwargs, arg",
    [
        ({"threshold": 1.5}, "threshold"),
        ({"threshold": 0.0}, "threshold"),
        ({"num_perm": 2}, "num_perm"),
        ({"shingle": "sentence"}, "shingle"),
        ({"shingle": "char", "n": 0}, "n"),
        ({"workers": -2}, "workers"),
        ({"seed": -1}, "seed"),
        ({"num_perm": 2**70}, "num_perm"),
    ],
)
def test_bad_parameters_name_the_argument(kwargs, arg):
    with pytest.raises(QuotelensError, match=arg):
        MinHashIndex(**kwargs)


def test_bad_input_types():
    index = MinHashIndex()
    with pytest.raises(TypeError, match="texts"):
        index.add("a string is not a list of texts")
    with pytest.raises(TypeError, match="texts"):
        index.add(["ok", None])
    assert len(index) == 0  # nothing half-added
    index.add(["a b c"])
    with pytest.raises(QuotelensError, match="groups"):
        index.candidate_pairs(groups=[0, 1])
    with pytest.raises(IndexError):
        index.similarity(0, 5)


def test_texts_without_words_are_nobody_s_candidates():
    index = MinHashIndex(0.5)
    index.add(["", "...", " ", "", "we will never join a bloc", "we will never join a bloc"])
    a, b = index.candidate_pairs()
    assert list(zip(a.tolist(), b.tolist())) == [(4, 5)]
    assert index.query("") == [] and index.band_keys("!!") == []
