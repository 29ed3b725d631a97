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


# A pickle made by quotelens before index format 2 (commit eea2b56):
# MinHashIndex(0.6, num_perm=16, shingle="char", n=3, seed=5).add(["Straße", "the weather in Tokyo"])
OLD_INDEX_PICKLE = (
    "gASV/wEAAAAAAACMCGJ1aWx0aW5zlIwHZ2V0YXR0cpSTlIwNcXVvdGVsZW5zLnNpbZSMDE1pbkhhc2hJbmRleJST"
    "lIwLX2Zyb21fc3RhdGWUhpRSlFioAQAAeyJwYXJhbXMiOnsidGhyZXNob2xkIjowLjYsIm51bV9wZXJtIjoxNiwi"
    "YmFuZHMiOjcsInJvd3MiOjIsInNoaW5nbGUiOnsiQ2hhciI6M30sInNlZWQiOjV9LCJzaWduYXR1cmVzIjpbWzc3"
    "MDc2NzkwNCwxMDIwODc0Nzk4LDE2OTA5NDE4NTEsMTA1MDMwMTg2LDY1MjYwNjcxMCwyODg5OTQ5MTIsNzkxNjgz"
    "NzQ2LDIwMzMwMDg2MjAsODk2MjEyMDU2LDE5OTU0ODI3OSwyMDI1MzUzNTYxLDkyMTkxMDgzLDEzNjkzNDMzOTcs"
    "ODc1OTU5ODQ0LDI4MjM5NDkyMjcsMjE2MTEyMzQ0NV0sWzcwMDQ0ODQyLDE4OTAwNzY0NiwzNzY1NTc3OTIsNDk1"
    "NTYyODIwLDg4NTYxMDgsMzA4MzczNzQsMTY0Mzg2NzQyLDc4ODg5NjY3OCw0NjYxMjkwNyw5OTM1NTczNSw5Nzcx"
    "ODIsODk2MzA2MTYsMjAxOTMyNDQsMTU0NTQ1MTk5LDg5NDkzNzExNiw5NTEzMzgxOV1dfZRLAYaUUpQu"
)


def test_an_index_pickled_in_the_old_format_asks_to_be_rebuilt():
    import base64

    from quotelens import FormatError

    with pytest.raises(FormatError, match="index format 1") as e:
        pickle.loads(base64.b64decode("".join(OLD_INDEX_PICKLE)))
    # The message says how to build it again, with the parameters it had.
    assert "MinHashIndex(threshold=0.6, num_perm=16, shingle='char', n=3, seed=5).add(texts)" in (
        str(e.value))


def test_shingles_fold_text_as_the_scorers_do():
    """Shingles come from the words of ``default_process`` (case folding included): a text and
    its processed form have the same signature and band keys."""
    from quotelens.sim import default_process

    index = MinHashIndex(0.5, shingle="char", n=3)
    for text in ["Die Straße — „sagte“ er", "ΟΔΟΣ ς", "Don’t STOP, café!", "e\u0301clair"]:
        assert index.band_keys(text) == index.band_keys(default_process(text))
    index.add(["STRASSE", "strasse"])
    assert index.query("Straße")[0] == (0, 1.0)


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
