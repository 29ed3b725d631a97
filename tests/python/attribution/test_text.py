"""The text layer: normalization, paragraphs, sentences, errors."""

import pickle

import pytest
import quotelens


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("“curly” ‘single’", "\"curly\" 'single'"),
        ("«guillemets» ‹single›", "\"guillemets\" 'single'"),
        ("„low“ ‟reversed”", "\"low\" \"reversed\""),
        ("「corner」『white』", "\"corner\"\"white\""),
        ("en–dash em—dash minus−", "en-dash em-dash minus-"),
        ("no\u00a0break\u2009thin\u3000ideographic", "no break thin ideographic"),
        ("zero\u200bwidth\ufeff soft\u00adhyphen", "zerowidth softhyphen"),
        ("Japan\\'s \\\"plan\\\"", "Japan's \"plan\""),
        ("ﬁnance ＡＢＣ …", "finance ABC ..."),
        ("e\u0301tat", "état"),
        ("line\r\nbreak\rold mac", "line\nbreak\nold mac"),
    ],
)
def test_normalize(raw, expected):
    assert quotelens.normalize(raw) == expected


def test_normalize_is_idempotent():
    s = "“Asian NATO” — it\\'s «here»\u00a0now…"
    once = quotelens.normalize(s)
    assert quotelens.normalize(once) == once


@pytest.mark.parametrize(
    "text, n",
    [
        ("Lt. Gen. Jing Jianfeng spoke in Jakarta. He left.", 2),
        ("The talks on Sept. 14 went well. They ended.", 2),
        ("It costs $1.5 billion and No. 2 agreed. Others did not.", 2),
        ("U.S. Defense Secretary Lloyd J. Austin spoke. He left.", 2),
        ("“We do not seek confrontation.” The U.S. remains invested.", 2),
        ("“a chess piece… paving the way,” it said. Then it ended.", 2),
        ("the anti-China alliance of the U.S.. Japan, Australia and India agreed.", 2),
        ("Mr. Smith met Dr. Jones at 3 p.m. on Tuesday.", 1),
        ("Is it real? Nobody knows! We will see.", 3),
    ],
)
def test_sentences_survive_news_text(text, n):
    sentences = quotelens.Article(text).sentences
    assert len(sentences) == n, [s.text for s in sentences]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_non_body_lines_are_flagged_not_deleted():
    text = (
        "Tuesday, September 17, 2024\n\n"
        "‘Too early’ for an Asian NATO: US official\n"
        "By Alex Doe for RFA\n2024.09.17\nWashington\n\n"
        "A top official has rebuffed calls for an alliance.\n\n"
        "20240917-NATO-003.jpg\n"
        "The minister holds up a sign during a debate in Tokyo, Sept. 14, 2024. (Jane Roe/Pool Photo via AP)\n\n"
        "The minister said the plan was hasty.\n\n"
        "Related stories\n\nUS and China spar over weapons\n\n"
        "Print Friendly, PDF & Email"
    )
    a = quotelens.Article(text)
    kinds = [(p.kind, p.text[:12]) for p in a.paragraphs]
    assert [k for k, _ in kinds] == [
        "dateline",
        "title",
        "byline",
        "dateline",
        "dateline",
        "body",
        "image",
        "caption",
        "body",
        "related",
        "related",
        "boilerplate",
    ]
    assert a.title == "‘Too early’ for an Asian NATO: US official"
    assert sum(len(p.text) for p in a.paragraphs) <= len(text)
    assert all(text[p.start : p.end] == p.text for p in a.paragraphs)
    assert [s.is_body for s in a.sentences if "hasty" in s.text] == [True]


def test_article_metadata_and_serialization():
    a = quotelens.Article(
        "“Fine,” he said.", id="a1", title="T", source="RFA", date="2024-09-17"
    )
    assert (a.id, a.title, a.source, a.date) == ("a1", "T", "RFA", "2024-09-17")
    b = quotelens.Article.from_json(a.to_json())
    assert b == a and b.quotes == a.quotes
    c = pickle.loads(pickle.dumps(a))
    assert c == a
    assert repr(a) == "Article('a1', paragraphs=1, quotes=1, speakers=0)"
    assert len(a) == len(a.text)


def test_replace_changes_metadata_only():
    a = quotelens.Article("“Fine,” he said.", id="a1", title="T")
    b = a.replace(source="RFA")
    assert (b.id, b.title, b.source, b.date) == ("a1", "T", "RFA", None)
    assert b.quotes == a.quotes and b.paragraphs == a.paragraphs and b != a
    assert a.source is None  # the original is unchanged
    with pytest.raises(TypeError, match="source"):
        a.replace(source=5)


def test_empty_text_is_fine():
    a = quotelens.Article("")
    assert (a.paragraphs, a.sentences, a.quotes) == ([], [], [])
    assert quotelens.extract_quotes("   \n\n ") == []


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["list"]])
def test_wrong_types_raise_type_error_naming_the_argument(bad):
    for fn in (quotelens.normalize, quotelens.extract_quotes, quotelens.Article):
        with pytest.raises(TypeError, match="text"):
            fn(bad)


def test_bad_metadata_types():
    with pytest.raises(TypeError, match="id"):
        quotelens.Article("x", id=5)


def test_bad_json_raises_quotelens_error():
    with pytest.raises(quotelens.QuotelensError) as e:
        quotelens.Article.from_json("{not json")
    assert isinstance(e.value, ValueError)


def test_lone_surrogates_are_a_value_error():
    with pytest.raises(ValueError):
        quotelens.Article("bad \ud800 text")
