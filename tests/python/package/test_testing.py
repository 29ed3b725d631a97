"""quotelens.testing: scoring attribution on a user's annotated articles, and the generated
corpora with planted claims that the tests and benchmarks share."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import quotelens
from quotelens import FormatError, QuotelensError
from quotelens.compare import statements
from quotelens.testing import (
    claim_of,
    claims_corpus,
    co_members,
    covers,
    load_annotated,
    locate,
    score_attribution,
)

ROOT = Path(__file__).resolve().parents[3]

ARTICLE = ("“We will not back down,” Foreign Minister Wang Yi said on Monday. Later, "
           "Penny Wong said the talks would go on. “Nothing is settled,” she added.")


def _write(path: Path, cases: list[dict]) -> Path:
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return path


def _gold(**speakers: str) -> dict:
    return {"id": "a", "text": ARTICLE, "quotes": [
        {"text": "We will not back down,", "speaker": speakers.get("first", "Wang Yi")},
        {"text": "Nothing is settled,", "speaker": speakers.get("third", "Penny Wong")},
    ]}


def test_a_perfect_annotation_scores_one(tmp_path: Path) -> None:
    cases = load_annotated(_write(tmp_path / "gold.jsonl", [_gold()]))
    s = score_attribution(cases)
    # The reported "the talks would go on" is a prediction no gold quote covers.
    assert (s.gold, s.found, s.right_speaker) == (2, 2, 2)
    assert s.predicted == 3 and s.correct == 2
    assert (s.recall, s.speaker_accuracy) == (1.0, 1.0)
    assert s.precision == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(0.8)


def test_wrong_speakers_and_missed_quotes_lower_the_score(tmp_path: Path) -> None:
    wrong = score_attribution([_gold(first="Lloyd Austin")])
    assert (wrong.found, wrong.right_speaker) == (2, 1)
    missed = dict(_gold())
    missed["text"] = ARTICLE + " Nobody quoted this sentence at all, it is plain."
    missed["quotes"] = missed["quotes"] + [{"text": "Nobody quoted this", "speaker": None}]
    s = score_attribution([missed])
    assert (s.gold, s.found) == (3, 2) and s.recall == pytest.approx(2 / 3)


def test_files_are_read_relative_to_root(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    case = {**_gold(), "file": "texts/a.txt"}
    del case["text"]
    path = _write(tmp_path / "gold.jsonl", [case])
    assert load_annotated(path)[0]["text"] == ARTICLE  # root: the file's folder
    sub = tmp_path / "gold"
    sub.mkdir()
    moved = _write(sub / "gold.jsonl", [case])
    assert load_annotated(moved, root=tmp_path)[0]["text"] == ARTICLE
    with pytest.raises(QuotelensError, match="gold.jsonl line 1: cannot read 'texts/a.txt'"):
        load_annotated(moved)


@pytest.mark.parametrize(("line", "why"), [
    ("{not json", "not JSON"),
    ('{"id": "x", "text": "t"}', "'quotes' list"),
    ('{"id": "x", "quotes": []}', "'text' string or a 'file'"),
])
def test_bad_lines_are_format_errors_naming_the_line(tmp_path: Path, line: str, why: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_gold()) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=f"gold.jsonl line 3: .*{why}"):
        load_annotated(path)
    with pytest.raises(TypeError, match="path"):
        load_annotated(3)  # type: ignore[arg-type]


def test_locate_matches_any_white_space_and_names_what_is_missing() -> None:
    assert locate("a\nb  c", "a b") == (0, 3)
    assert locate("He said:\n“No way.”", "said:\n“No") == (3, 12)
    with pytest.raises(FormatError, match="not in the article: 'absent'"):
        locate("some text", "absent")
    assert covers((0, 3), (0, 10)) and not covers((0, 2), (0, 10))


def test_the_shared_annotated_set_scores_as_the_benchmark_printed() -> None:
    # benchmarks/bench_attribution.py prints these; the README quotes them.
    s = score_attribution(
        load_annotated(ROOT / "tests" / "data" / "attribution" / "heldout.jsonl", root=ROOT))
    assert s.gold == 40 and s.recall >= 0.95 and s.speaker_accuracy >= 0.95


def test_claims_corpus_is_reproducible_and_its_claims_are_found() -> None:
    records, truth = claims_corpus(12, 40)
    assert (records, truth) == claims_corpus(12, 40)
    assert records != claims_corpus(12, 40, seed=8)[0]
    assert {r["id"] for r in records} == set(truth)
    corpus = quotelens.Corpus.from_records(records, progress=False)
    found = co_members(corpus.claims(method="exact"))
    claim = {(s.article, s.start): claim_of(truth, s.article, s.text)
             for s in statements(corpus)}
    planted = sum(
        len({claim[x] for x in pair}) == 1 and claim[next(iter(pair))] is not None
        for pair in found)
    assert found and planted / len(found) >= 0.9


def test_claims_corpus_takes_a_vocabulary() -> None:
    records, truth = claims_corpus(3, 3, words=["budget", "taxes", "roads", "schools"])
    words = set(" ".join(r["text"] for r in records).lower().replace(".", " ").split())
    assert {"budget", "taxes", "roads", "schools"} <= words
    with pytest.raises(TypeError, match="words"):
        claims_corpus(words="budget")
    with pytest.raises(QuotelensError, match="words: the vocabulary is empty"):
        claims_corpus(words=[])
    assert claim_of(truth, "nope", "x") is None
