"""One speaker across a corpus, and the groups a speaker belongs to.

Within an article the core already names every speaker by the fullest name the article uses.
This module links those names across articles into a corpus-wide ``speaker_id``:

- titles, honorifics and party words are attributes, not part of the name ("Speaker Paul D.
  Ryan" and "House Speaker Paul Ryan" are Paul Ryan);
- a middle name or initial does not split a person ("Donald J. Trump" = "Donald Trump"), but
  two different middle initials do ("George W. Bush" and "George H. W. Bush");
- a short given name matches its full form ("Bill" and "William", from the core's
  ``nicknames`` list);
- a bare surname ("Trump", "Mr. Trump") belongs to the article's own full name; when the article
  has none, to the only person of the corpus with that surname (or the one a Mr./Mrs. agrees
  with, or one quoted at least three times as often as all the others together), and otherwise
  stays its own speaker: "Bill Clinton" and "Hillary Clinton" never merge.

Groups come from the words around a speaker's name in each article: party labels
("(R-Utah)", "R-Ky.", "Republican of Arizona", "Democratic Sen. X", "a Labour MP"), government
roles ("Treasury Secretary Lew" → United States; "President X" → the article's country when
the article makes it clear), organizations ("a spokesman for the X", "Harbor Bank President X"), a
person's staff or campaign ("Lee spokesman X") and the core's side (a country or
organization). Party and country
evidence for a speaker id is pooled over the corpus, so "Ted Cruz (R-Texas)" in one article
makes him a Republican in the others. The word lists are ``src/lexicon/groups.tsv`` and
``nicknames.tsv``, read through the core.

>>> import quotelens
>>> c = quotelens.Corpus.from_records([
...     {"id": "a", "text": "“We will win,” said Donald J. Trump, the Republican front-runner."},
...     {"id": "b", "text": "“It is a disaster,” Donald Trump said. Mr. Trump added more."},
...     {"id": "c", "text": "“Not so,” said Sen. Claire McCaskill (D-Mo.)."},
... ], progress=False)
>>> c.quotes()[["article", "speaker", "speaker_id", "groups"]].to_dict("records")[:3]
... # doctest: +NORMALIZE_WHITESPACE
[{'article': 'a', 'speaker': 'Donald J. Trump', 'speaker_id': 'donald-trump',
  'groups': ['United States', 'Republican Party']},
 {'article': 'b', 'speaker': 'Donald Trump', 'speaker_id': 'donald-trump',
  'groups': ['United States', 'Republican Party']},
 {'article': 'c', 'speaker': 'Claire McCaskill', 'speaker_id': 'claire-mccaskill',
  'groups': ['United States', 'Democratic Party', 'U.S. Congress']}]
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

from quotelens._core import QuotelensError, _lexicon_data

if TYPE_CHECKING:  # pragma: no cover
    from quotelens._core import Article, Speaker

# A bare surname goes to the corpus's most quoted person with that surname only when that
# person has at least this many times the quotes of all the others together.
DOMINANCE = 3.0
# An article's country is "clear" when this share of its country evidence names one country
# (and at least MIN_COUNTRY_EVIDENCE pieces of evidence do).
ARTICLE_COUNTRY_SHARE = 0.6
MIN_COUNTRY_EVIDENCE = 2
# A speaker's country pooled over its articles replaces an article's own when at least this
# many pieces of evidence, and this share of them, name it (a person keeps a country; a stray
# "Syrian" next to a US senator's name in one article does not make her Syrian).
STRONG_COUNTRY_EVIDENCE = 3
STRONG_COUNTRY_SHARE = 0.75
# A group that is neither a country nor a party (an institution) holds for a speaker across
# the corpus when at least this share of its articles with any group evidence name it.
OTHER_GROUP_SHARE = 0.2
# How far around a name the party/role patterns look, in characters.
WINDOW = 80

# Name particles that belong to a surname ("Bill de Blasio", "Ursula von der Leyen").
_PARTICLES = frozenset("de da del della di van von der den la le du bin ibn al st. st".split())
_SUFFIXES = frozenset("jr. jr sr. sr ii iii iv".split())
# Forms of address that are not in the core's title list.
_HONORIFICS = frozenset("sir dame lord lady rev. rev reverend house senate".split())
_MALE, _FEMALE = frozenset({"mr.", "mr"}), frozenset({"mrs.", "mrs", "ms.", "ms", "miss"})
_HONORIFIC_WORDS = _MALE | _FEMALE
# The gender an honorific in an alias says ("Mrs. Clinton" is not Bill Clinton); "miss" is left
# out, as the speakers table has always done.
_HONORIFIC_GENDER = {**dict.fromkeys(_MALE, "male"),
                     **dict.fromkeys(_FEMALE - {"miss"}, "female")}


def _data_lines(name: str) -> list[list[str]]:
    return [
        [f.strip() for f in line.split("\t")]
        for line in _lexicon_data(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(w for row in _data_lines("titles") for w in " ".join(row).split())


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """One-word roles of ``groups.tsv`` ("speaker", "mp"), which are titles before a name."""
    return frozenset(k for k in _groups()["role"] if " " not in k)


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, str]:
    """Short given name → the full form it is matched as (the first listed)."""
    return {short: full.split()[0] for short, full in _data_lines("nicknames")}


@lru_cache(maxsize=1)
def _given_gender() -> dict[str, str]:
    out: dict[str, str] = {}
    for gender, names in _data_lines("given_names"):
        for n in names.split():
            out.setdefault(n, gender)
    return out


@dataclass(frozen=True)
class _GroupWord:
    group: str
    country: Optional[str]  # None: none; "*": the article's country


@lru_cache(maxsize=1)
def _groups() -> dict[str, dict[str, _GroupWord]]:
    out: dict[str, dict[str, _GroupWord]] = defaultdict(dict)
    for kind, key, group, country in _data_lines("groups"):
        out[kind][key] = _GroupWord(group, country or None)
    return out


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    g = _groups()
    party = "|".join(sorted((re.escape(k) for k in g["party"]), key=len, reverse=True))
    roles = "|".join(sorted((re.escape(k) for k in g["role"]), key=len, reverse=True))
    regions = "|".join(sorted((re.escape(k) for k in g["region"]), key=len, reverse=True))
    letters = "".join(k.upper() for k in g["letter"])
    return {
        # "(R-Utah)", ", R-Ky.,", "(D-N.H.)"
        "letter": re.compile(rf"^\s*[,(]\s*(?P<l>[{letters}])-\s?[A-Z][A-Za-z.]{{0,12}}\s*[),]"),
        # ", a Republican of Arizona", ", Democrat of Texas", ", the Republican front-runner",
        # ", a Labour MP"
        "after": re.compile(
            rf"^\s*,\s*(?:a|an|the|who\s+is\s+a)?\s*(?:\w+\s+){{0,2}}?(?P<p>{party})\b"
            r"(?!s\b)(?P<rest>[^,.;:]{0,40})",
            re.IGNORECASE,
        ),
        # ", a spokesman for the Riverside Water Board", ", the president of the Bar Association"
        "org_after": re.compile(
            r"^\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:spokesman|spokeswoman|spokesperson|adviser|advisor|strategist|director|"
            r"professor|analyst|chairman|chairwoman|chair|aide|manager|president|economist|"
            r"fellow|lawyer|attorney|founder|head|chief|member|official|leader|executive|"
            r"researcher|editor|consultant|pollster|organizer|treasurer|secretary)"
            r"\s+(?:for|at|of|with|to)\s+"
            r"(?P<org>(?:the\s+)?(?:(?:Mrs?|Ms)\.\s+)?[A-Z][\w.&'’-]*"
            r"(?:\s+(?:of\s+(?:the\s+)?|for\s+|&\s+|and\s+)?[A-Z][\w.&'’-]*)*"
            r"(?:\s+campaign)?)"
        ),
        # "a Labour MP, Jess Smith, said": an apposition before the name
        "before": re.compile(
            rf"\b(?:a|an|the)\s+(?:\w+\s+){{0,2}}?(?P<p>{party})\b(?!s\b)"
            r"(?P<rest>[^,.;:]{0,30}),\s*$",
            re.IGNORECASE,
        ),
        "party": re.compile(rf"\b(?P<p>{party})\b(?!s\b)", re.IGNORECASE),
        "role": re.compile(rf"(?<![\w.])(?P<r>{roles})(?![\w])", re.IGNORECASE),
        # "Maryland Gov.", "New Jersey Gov.": a region directly before a role
        "region": re.compile(rf"\b(?P<r>{regions})\s+(?:{roles})(?![\w])", re.IGNORECASE),
    }


@lru_cache(maxsize=65536)
def _fold(s: str) -> str:
    """Lowercase, accents and curly apostrophes folded, for comparing names."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def slug(name: str) -> str:
    """The id form of a name: folded, words joined by hyphens.

    >>> slug("Beto O’Rourke"), slug("Hillary Rodham Clinton")
    ('beto-orourke', 'hillary-rodham-clinton')
    """
    s = re.sub(r"[^\w\s-]", "", _fold(name))
    return re.sub(r"[\s_-]+", "-", s).strip("-") or "speaker"


@dataclass(frozen=True)
class Name:
    """A person's name split into parts; titles and honorifics taken out.

    >>> n = Name.parse("House Speaker Paul D. Ryan")
    >>> (n.first, n.middle, n.last, n.titles)
    ('paul', ('d',), 'ryan', ('house', 'speaker'))
    >>> Name.parse("Mrs. Clinton").first, Name.parse("Mrs. Clinton").gender
    (None, 'female')
    >>> Name.parse("Bill de Blasio").last, Name.parse("De Blasio").first
    ('de blasio', None)
    """

    display: str  # the name without titles, as written
    first: Optional[str]  # folded, short forms expanded ("bill" → "william")
    middle: tuple[str, ...]  # initials of middle names ("rodham" → "r")
    last: str  # folded surname (particles included)
    titles: tuple[str, ...]
    gender: Optional[str]
    suffix: str = ""  # "jr", "sr", "iii": Donald Trump Jr. is not Donald Trump

    @classmethod
    def parse(cls, text: str) -> "Name":
        # A name never runs over a line break or a sentence end ("Example.com.\n\nSmith").
        text = text.strip().split("\n")[-1] or text
        toks = [t for t in re.split(r"\s+", text.strip()) if t]
        toks = [re.sub(r"(?:'s|’s)$", "", t).strip(",;:") for t in toks]
        toks = [t for t in toks if t]
        # The name is the run of capitalized words at the end ("criticizing Smith" → "Smith").
        start = len(toks)
        while start > 0:
            t = toks[start - 1]
            if re.search(r"\.[a-z]{2,}", t):  # a web address: "Example.com."
                break
            if t[:1].isupper() or _fold(t) in _PARTICLES or t[:1] in "'’":
                start -= 1
            else:
                break
        titles: list[str] = [_fold(t) for t in toks[:start] if _fold(t) in _titles()]
        toks = toks[start:]
        known = _titles() | _HONORIFICS | _role_words()
        while len(toks) > 1 and _fold(toks[0]) in known:
            titles.append(_fold(toks.pop(0)))
        suffix = []
        while len(toks) > 1 and _fold(toks[-1]) in _SUFFIXES:
            suffix.append(toks.pop())
        if not toks:
            toks = [text.strip() or "?"]
        gender = None
        if any(t in _MALE for t in titles):
            gender = "male"
        elif any(t in _FEMALE for t in titles):
            gender = "female"
        # Particles before the last word belong to the surname ("de Blasio").
        k = len(toks) - 1
        while k > 0 and _fold(toks[k - 1]) in _PARTICLES:
            k -= 1
        last = " ".join(_fold(t) for t in toks[k:])
        rest = toks[:k]
        first = None
        middle: tuple[str, ...] = ()
        if rest:
            f = _fold(rest[0]).rstrip(".")
            first = _nicknames().get(f, f)
            # One initial per middle name; "H.W." is two.
            middle = tuple(c for m in rest[1:] for c in _initials(m))
            if gender is None:
                gender = _given_gender().get(f) or _given_gender().get(first)
        return cls(" ".join(toks + suffix[::-1]), first, middle, last, tuple(titles), gender,
                   "".join(_fold(x).rstrip(".") for x in suffix[::-1]))


def _initials(word: str) -> str:
    w = _fold(word)
    if w in _PARTICLES:
        return ""
    parts = [p for p in w.split(".") if p]
    if len(parts) > 1 and all(len(p) == 1 for p in parts):
        return "".join(parts)
    if "." not in word and 1 < len(word) <= 3 and word.isupper():  # "HW"
        return w
    return w[:1]


@dataclass
class Member:
    """One speaker of one article (a row of ``Article.speakers``), as the corpus links it."""

    article: int
    name: str  # the article's name for the speaker
    kind: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    side: Optional[str]
    quotes: int
    mentions: int
    parsed: Optional[Name] = None
    key: str = ""  # the cluster the member belongs to, before user corrections
    groups: list[str] = field(default_factory=list)  # from this article's text, in order


def _member(i: int, s: "Speaker", aliases: Mapping[str, str]) -> Member:
    name = aliases.get(_fold(" ".join(s.name.split())), s.name)
    m = Member(i, s.name, s.kind, tuple(s.aliases), tuple(s.titles), s.side, s.quotes,
               s.mentions)
    if s.kind == "person" and _reads_as_person(name):
        m.parsed = Name.parse(name)
        if m.parsed.last.split()[-1:] and m.parsed.last.split()[-1] in _groups()["orgword"]:
            m.parsed = None
    if m.parsed is None:
        bare = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
        m.key = "org:" + slug(bare)
        words = bare.split()
        if not any(w[:1].isupper() for w in words) or (
                len(words) == 1 and _fold(words[0]) in _groups()["orgword"]):
            # "the campaign", "officials": a description names someone else in each article.
            m.key += f"|a{i}"
    return m


def _reads_as_person(name: str) -> bool:
    """Whether a name the core calls a person's can be one: "Friends of Ann Lee",
    "Voters for Ruiz" and "the campaign" are not Lee, Ruiz or anyone.

    >>> _reads_as_person("Friends of Ann Lee"), _reads_as_person("Bill de Blasio")
    (False, True)
    """
    line = name.strip().split("\n")[-1]
    if not any(w[:1].isupper() for w in line.split()):
        return False
    return re.search(r"\w\s+(?:of|for|from|with|and|at|by|to)\s+[A-Z]", line) is None


def _compatible_middle(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    # Initials must agree: "George W. Bush" is not "George H.W. Bush".
    return not a or not b or a == b


def _name_like(text: str, common: set[str]) -> bool:
    """Whether every word of ``text`` can be part of a name (an honorific may open it)."""
    words = text.split()
    if words and _fold(words[0]) in _HONORIFIC_WORDS:
        words = words[1:]
    return bool(words) and all(
        w[:1].isupper() and _fold(w) not in common and _fold(w) not in _titles() for w in words)


def _lowercase_words(texts: Iterable[str]) -> set[str]:
    """The words a corpus writes in lower case somewhere."""
    vocab: set[str] = set()
    for t in texts:
        vocab.update(re.findall(r"(?<![\w'’-])[a-z][a-z'-]+(?![\w-])", t))
    return vocab


def _drop_sentence_openers(members: list[Member], vocab: set[str]) -> None:
    """Take the capitalized word that opens a sentence off a name ("Neither Ann Lee",
    "Besides Lee", "Even Tom Ruiz"): a word that is no given name and that the
    corpus also writes in lower case, when what is left names a person of the corpus."""
    full = {(m.parsed.first, m.parsed.last) for m in members if m.parsed and m.parsed.first}
    lasts = {last for _, last in full}
    given = _given_gender().keys() | _nicknames().keys() | set(_nicknames().values())
    for m in members:
        n = m.parsed
        if n is None or n.first is None:
            continue
        words = n.display.split()
        k = 0
        while len(words) - k >= 2:
            w = _fold(words[k]).strip(".,")
            if w in given or w not in vocab:
                break
            k += 1
            rest = Name.parse(" ".join(words[k:]))
            if (rest.first, rest.last) in full or (rest.first is None and rest.last in lasts):
                m.parsed = Name(rest.display, rest.first, rest.middle, rest.last,
                                n.titles + (w,), n.gender or rest.gender, rest.suffix)
                break


def _link_people(members: list[Member]) -> None:
    """Set ``key`` on every person: full names by (first, last, middle), bare surnames by the
    rules in the module docstring."""
    full: dict[tuple[str, str], list[Member]] = defaultdict(list)
    bare: list[Member] = []
    for m in members:
        if m.parsed is None:
            continue
        if m.parsed.first is None:
            bare.append(m)
        else:
            last = m.parsed.last + (f" {m.parsed.suffix}" if m.parsed.suffix else "")
            full[(m.parsed.first, last)].append(m)
    # Full names: one cluster per compatible middle; a name without a middle joins the only
    # (or clearly dominant) cluster.
    by_last: dict[str, list[tuple[str, list[Member]]]] = defaultdict(list)
    for (first, last), ms in sorted(full.items()):
        middles = sorted({m.parsed.middle for m in ms if m.parsed and m.parsed.middle},
                         key=lambda x: (-len(x), x))
        clusters: list[tuple[tuple[str, ...], list[Member]]] = []
        for mid in middles:
            for c_mid, c in clusters:
                if _compatible_middle(mid, c_mid):
                    c.extend(m for m in ms if m.parsed and m.parsed.middle == mid)
                    break
            else:
                clusters.append((mid, [m for m in ms if m.parsed and m.parsed.middle == mid]))
        plain = [m for m in ms if m.parsed and not m.parsed.middle]
        if not clusters:
            clusters = [((), plain)]
        elif plain:
            target = _dominant([c for _, c in clusters])
            if target is None:
                clusters.append(((), plain))
            else:
                target.extend(plain)
        for mid, c in clusters:
            key = f"person:{first}|{last}|{''.join(mid)}"
            for m in c:
                m.key = key
            surname = ms[0].parsed.last if ms[0].parsed else last
            by_last[surname].append((key, c))
    # Bare surnames.
    in_article: dict[tuple[int, str], set[str]] = defaultdict(set)
    for last, cs in by_last.items():
        for key, c in cs:
            for m in c:
                in_article[(m.article, last)].add(key)
    for m in bare:
        assert m.parsed is not None
        last = m.parsed.last
        own = in_article.get((m.article, last), set())
        if len(own) > 1 and m.parsed.gender:  # "Mrs. Clinton" where Bill and Hillary are named
            agree_own = {k for k in own if _gender(_key_members(k, by_last[last]))
                         in (None, m.parsed.gender)}
            own = agree_own if len(agree_own) == 1 else own
        if len(own) == 1:
            m.key = next(iter(own))
            continue
        if len(own) > 1:  # the article names two people with this surname: undecidable
            m.key = f"person:?|{last}|a{m.article}"
            continue
        cands = by_last.get(last, [])
        if m.parsed.gender:
            agree = [(k, c) for k, c in cands if _gender(c) in (None, m.parsed.gender)]
            if agree:
                cands = agree
        if len(cands) == 1:
            m.key = cands[0][0]
            continue
        target = _dominant([c for _, c in cands]) if cands else None
        if target is not None:
            m.key = target[0].key
        elif not cands and (last in _given_gender() or last in _nicknames()):
            # "Bob" alone: a given name names someone else in each article.
            m.key = f"person:?|{last}|a{m.article}"
        else:
            m.key = f"person:|{last}|"


def _key_members(key: str, clusters: list[tuple[str, list[Member]]]) -> list[Member]:
    return next((c for k, c in clusters if k == key), [])


def _gender(c: list[Member]) -> Optional[str]:
    g = Counter(m.parsed.gender for m in c if m.parsed and m.parsed.gender)
    return g.most_common(1)[0][0] if g else None


def _dominant(clusters: list[list[Member]]) -> Optional[list[Member]]:
    if len(clusters) == 1:
        return clusters[0]
    weight = [sum(max(m.quotes, 1) for m in c) for c in clusters]
    best = max(range(len(clusters)), key=lambda i: weight[i])
    rest = sum(weight) - weight[best]
    return clusters[best] if weight[best] >= DOMINANCE * rest else None


# -- groups -----------------------------------------------------------------------------------


def _name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where the names stand in ``text`` as whole words (``str.find``: one regex per name
    and article was most of the corpus-wide pass)."""
    spans = []
    for n in {n for n in names if n and len(n) > 2}:
        i = text.find(n)
        while i >= 0:
            j = i + len(n)
            if (i == 0 or not text[i - 1].isalnum()) and (j == len(text)
                                                          or not text[j].isalnum()):
                spans.append((i, j))
            i = text.find(n, j)
    return spans


def text_groups(
    text: str, names: Sequence[str], titles: Sequence[str] = (), *,
    people: Iterable[str] = (), common: Optional[set[str]] = None,
) -> list[tuple[str, Optional[str]]]:
    """Groups the words around ``names`` in ``text`` give, as ``(group, country)`` pairs in
    the order found (country ``"*"``: the article's country). ``titles`` are the core's
    titles of the speaker ("republican", "secretary of state"). Organizations come from
    appositions ("X, a spokesman for the Riverside Water Board") and the title block
    ("Harbor Bank President X"); one named by a person of ``people`` (surnames) is that person's
    staff or campaign ("Lee spokesman X" → "Lee staff"). ``common`` are words the
    corpus writes in lower case, so a sentence-opening "Local spokesman" is no organization.

    >>> text_groups("“No,” said Sen. Mitch McConnell, R-Ky., on Tuesday.", ["Mitch McConnell"])
    [('Republican Party', 'United States'), ('U.S. Congress', 'United States')]
    >>> text_groups("Treasury Secretary Jack Lew said so.", ["Jack Lew"])
    [('', 'United States')]
    >>> text_groups("a Labour MP, Jess Smith, said.", ["Jess Smith"])
    [('Labour Party', 'United Kingdom'), ('UK Parliament', 'United Kingdom')]
    >>> text_groups("said Ann Roe, the president of the Arab American Institute.", ["Ann Roe"])
    [('Arab American Institute', None)]
    >>> text_groups("Lee campaign manager Jo Park said", ["Jo Park"], people=["lee"])
    [('Lee campaign', None)]
    """
    g = _groups()
    pat = _patterns()
    found: list[tuple[str, Optional[str]]] = []

    def add(w: _GroupWord) -> None:
        item = (w.group, w.country)
        if item not in found:
            found.append(item)

    # The core's titles are the title block of every mention; its party words are not used
    # (a "GOP" from "the GOP attack on President Smith" is pooled there), its roles are.
    for t in titles:
        if _fold(t) in g["role"]:
            add(g["role"][_fold(t)])
    for start, end in _name_spans(text, names):
        after = text[end : end + WINDOW]
        m = pat["letter"].match(after)
        if m:
            add(g["letter"][m.group("l").lower()])
        m = pat["after"].match(after)
        if m and m.group("p")[:1].isupper():
            add(g["party"][_fold(m.group("p"))])
            for r in pat["role"].finditer(m.group("rest")):
                add(g["role"][_fold(r.group("r"))])
        before = text[max(0, start - WINDOW) : start]
        m = pat["before"].search(before)
        if m and m.group("p")[:1].isupper():
            add(g["party"][_fold(m.group("p"))])
            for r in pat["role"].finditer(m.group("rest")):
                add(g["role"][_fold(r.group("r"))])
        block = _title_block(before)
        m = pat["org_after"].match(after)
        if m:
            org = _organization(m.group("org"), people, common)
            if org and (org, None) not in found:
                found.append((org, None))
        org = _block_organization(block, people, common)
        if org and (org, None) not in found:
            found.append((org, None))
        for mo in pat["party"].finditer(block):
            if mo.group("p")[:1].isupper():
                add(g["party"][_fold(mo.group("p"))])
        for mo in pat["role"].finditer(block):
            add(g["role"][_fold(mo.group("r"))])
        for mo in pat["region"].finditer(block):
            add(g["region"][_fold(mo.group("r"))])
    return found


# Lowercase words that may stand in the title block before a name.
_BLOCK_WORDS = frozenset(
    "of the for former then presidential candidate front-runner frontrunner hopeful nominee "
    "contender incumbent press communications campaign national security top economic "
    "finance policy".split()
)


@lru_cache(maxsize=1)
def _block_known() -> frozenset[str]:
    return _titles() | set(_groups()["role"]) | set(_groups()["party"]) | _BLOCK_WORDS


def _title_block(before: str) -> str:
    """The run of title words right before a name ("former Secretary of State", "Democratic
    Sen."): capitalized words, titles and a few linking words, back to a punctuation mark.

    >>> _title_block("On Tuesday, Democratic presidential candidate ")
    'Democratic presidential candidate'
    >>> _title_block("the senator criticized ")
    ''
    """
    toks = before.split()
    known = _block_known()
    out: list[str] = []
    for t in reversed(toks):
        f = _fold(t)
        if t[-1:] in ",;:!?\"“”()'’…" or t[:1] in "'’\"“" or (
                t.endswith(".") and f not in known):
            break
        if not (t[:1].isupper() or f in known):
            break
        out.append(t)
    # A lone leading "The"/"A" is not a title; "of"/"the" cannot open the block.
    while out and _fold(out[-1]) in ("of", "the", "for"):
        out.pop()
    return " ".join(reversed(out))


_ORG_LEAD = frozenset("the a an former vice acting interim".split())
# Words that open a sentence before a title block ("So Labor Secretary Ruiz said").
_OPENERS = frozenset(
    "so but and then when why if as while after before since also even still meanwhile now "
    "yet or nor because though although once here there".split()
)


class _Surnames:
    """Folded surnames of the corpus less an article speaker's own, for membership tests:
    built once per corpus, not a copy per speaker (which grew with the square of the corpus)."""

    __slots__ = ("variants", "own")

    def __init__(self, variants: dict[str, set[str]], own: set[str]) -> None:
        self.variants, self.own = variants, own

    def __contains__(self, folded: object) -> bool:
        vs = self.variants.get(folded) if isinstance(folded, str) else None
        return bool(vs) and any(v not in self.own for v in vs)  # type: ignore[union-attr]

    def __iter__(self) -> Iterator[str]:
        return (f for f in self.variants if f in self)


def _organization(org: str, people: Iterable[str], common: Optional[set[str]]) -> Optional[str]:
    """An organization's name as a group label, or ``None`` when it is not one."""
    words = org.replace("’", "'").split()
    if words and words[-1].endswith(".") and not re.search(r"\.\w+\.$", words[-1]):
        words[-1] = words[-1][:-1]  # the sentence's period, not "Inc." or "A.F.L."
    words = [w for w in words if w]
    while words and _fold(words[0]) in _ORG_LEAD:
        words.pop(0)
    person = None
    if words and _fold(words[0]) in _HONORIFIC_WORDS:
        words.pop(0)
        person = True
    if words and re.search(r"'s$", words[-1]):
        words[-1] = words[-1][:-2]
        person = True  # "a strategist for Ann Lee's presidential campaign"
    campaign = bool(words) and words[-1] == "campaign"
    if campaign:
        words.pop()
    if not words or not all(w[:1].isupper() or _fold(w) in ("of", "for", "&", "and")
                            for w in words):
        return None
    while words and _fold(words[-1]) in ("of", "for", "&", "and"):
        words.pop()
    if not words:
        return None
    first = _fold(words[0])
    g = _groups()
    whole = _fold(" ".join(words))
    if first in _titles() or first in g["party"] or first in g["region"] or (
            first in _country_words()) or whole in g["region"] or whole in _country_words():
        return None
    if any(re.search(r"[A-Z]{2,}[a-z]|-based$|-American$|^\W|\W$", w) for w in words):
        return None  # "PRESSDayton" (a caption run into a dateline), "Chicago-based"
    if len(words) == 1 and common is not None and first in common:
        return None  # "Local spokesman": a word that opens a sentence
    surnames = people if isinstance(people, _Surnames) else {_fold(p) for p in people}
    # "Lee spokesman", "an aide to Ann Lee": a person's staff; "Morgan Stanley" is a firm
    # even though Stanley is a surname.
    full_name = len(words) == 2 and _fold(words[-1]) in surnames and (
        _fold(words[0]) in _given_gender() or _fold(words[0]) in _nicknames())
    if person or (len(words) == 1 and first in surnames) or full_name:
        return f"{words[-1]} {'campaign' if campaign else 'staff'}"
    name = " ".join(words)
    return f"{name} campaign" if campaign else name


def _block_organization(block: str, people: Iterable[str],
                        common: Optional[set[str]]) -> Optional[str]:
    """The organization a title block opens with: "Harbor Bank President" → Harbor Bank, "Lee
    campaign manager" → Lee campaign; a role of several words is no organization ("Treasury
    Secretary")."""
    multi = [k for k in _groups()["role"] if " " in k]
    folded = _fold(block)
    for k in multi:
        if k in folded:
            return None
    words = block.split()
    if len(words) > 6:
        return None  # a headline in title case, not a title block
    # Party words are titles too, but "the Network Republican debate" is no Network official.
    known = (_titles() - set(_groups()["party"])) | set(_groups()["role"])
    for i, w in enumerate(words):
        if _fold(w) in set(_groups()["party"]):
            return None
        if _fold(w) in known and i > 0:
            head = words[:i]
            if not head or len(head) > 4 or _fold(head[0]) in _OPENERS:
                return None  # "So Labor Secretary": the sentence's first word
            if head and head[-1] == "campaign":
                pass
            elif any(not x[:1].isupper() for x in head):
                return None
            return _organization(" ".join(head), people, common)
    return None


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    return frozenset(row[0] for row in _data_lines("countries")) | frozenset(
        _fold(n) for n in _country_names()) | frozenset(row[0] for row in _data_lines("capitals"))


def _party_named(name: str) -> Optional[_GroupWord]:
    """The party a group speaker names: "Republicans", "the GOP", "Senate Democrats".

    >>> _party_named("Senate Democrats").group, _party_named("the Labour Party").group
    ('Democratic Party', 'Labour Party')
    >>> _party_named("Critics") is None
    True
    """
    words = [w for w in _fold(name).split() if w not in ("the", "party", "senate", "house")]
    if not words:
        return None
    party = _groups()["party"]
    for key in (" ".join(words), " ".join(words)[:-1] if words[-1].endswith("s") else None):
        if key in party:
            return party[key]
    return None


def article_country(sides: Iterable[Optional[str]]) -> Optional[str]:
    """The article's country when its evidence makes it clear: ``sides`` are the countries
    its speakers and roles point to, one item per piece of evidence.

    >>> article_country(["United States", None, "China"])
    >>> article_country(["United States", "United States", "United States", "China"])
    'United States'
    """
    c = Counter(s for s in sides if s)
    if not c:
        return None
    top, n = c.most_common(1)[0]
    total = sum(c.values())
    return top if n >= MIN_COUNTRY_EVIDENCE and n / total >= ARTICLE_COUNTRY_SHARE else None


GroupsArg = Optional[Mapping[str, Union[str, Sequence[str]]]]


def check_groups(groups: Any, arg: str = "groups") -> dict[str, list[str]]:
    """Validate a ``{speaker or id: group or [groups]}`` mapping (or ``None``)."""
    if groups is None:
        return {}
    if not isinstance(groups, Mapping):
        raise TypeError(f"{arg}: expected a dict of speaker → group, got {type(groups).__name__}")
    out: dict[str, list[str]] = {}
    for k, v in groups.items():
        if not isinstance(k, str):
            raise TypeError(f"{arg}: keys must be str, got {type(k).__name__}")
        vals = [v] if isinstance(v, str) else v
        if not isinstance(vals, (list, tuple)) or not all(isinstance(x, str) for x in vals):
            raise TypeError(f"{arg}: the value for {k!r} must be a str or a list of str")
        vals = [x.strip() for x in vals if x.strip()]
        if not k.strip() or not vals:
            raise QuotelensError(f"{arg}: empty speaker or group in {k!r}: {v!r}")
        out[k.strip()] = vals
    return out


def check_aliases(aliases: Any, arg: str = "aliases") -> dict[str, str]:
    """Validate an ``{alias: name}`` mapping (or ``None``); keys are folded for matching."""
    if aliases is None:
        return {}
    if not isinstance(aliases, Mapping):
        raise TypeError(f"{arg}: expected a dict of alias → name, got {type(aliases).__name__}")
    out = {}
    for k, v in aliases.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise TypeError(f"{arg}: keys and values must be str, got {k!r}: {v!r}")
        if not k.strip() or not v.strip():
            raise QuotelensError(f"{arg}: empty alias or name in {k!r}: {v!r}")
        out[_fold(" ".join(k.split()))] = " ".join(v.split())
    return out


# -- the index --------------------------------------------------------------------------------


@dataclass
class SpeakerInfo:
    """One corpus-wide speaker."""

    id: str
    name: str
    kind: str
    members: list[Member]
    groups: list[str]
    strong_country: Optional[str] = None


class SpeakerIndex:
    """Corpus-wide speaker ids and groups for a list of articles, with user corrections.

    Built by :class:`~quotelens.Corpus` (``corpus.speakers()``, ``corpus.quotes()``); use it
    directly only to link speakers of articles outside a corpus.
    """

    def __init__(
        self,
        articles: Sequence["Article"],
        *,
        aliases: Optional[Mapping[str, str]] = None,
        groups: Optional[Mapping[str, list[str]]] = None,
        corrections: Sequence[tuple[Any, ...]] = (),
    ) -> None:
        self._articles = articles
        folded = dict(aliases or {})
        self.members: list[Member] = []
        # (article index, article speaker name) → member
        self._by_name: dict[tuple[int, str], Member] = {}
        for i, a in enumerate(articles):
            for s in a.speakers:
                m = _member(i, s, folded)
                self.members.append(m)
                self._by_name[(i, s.name)] = m
        self._common = _lowercase_words(a.text for a in articles)
        self._surnames = {m.parsed.last.split()[-1] for m in self.members
                          if m.parsed and m.parsed.first and m.parsed.last}
        _drop_sentence_openers(self.members, self._common)
        _link_people(self.members)
        self._text_groups(articles)
        clusters: dict[str, list[Member]] = defaultdict(list)
        for m in self.members:
            clusters[m.key].append(m)
        # Names mapped to one name by the alias table are one speaker even when their parsed
        # keys differ ("Bibi" → "Benjamin Netanyahu").
        targets: dict[str, str] = {}
        for m in self.members:
            t = folded.get(_fold(" ".join(m.name.split())))
            if t is not None:
                targets.setdefault(_fold(t), m.key)
        for m in self.members:
            t = _fold(" ".join(m.name.split()))
            if t in targets and targets[t] != m.key:
                clusters[targets[t]].append(m)
                clusters[m.key].remove(m)
                m.key = targets[t]
        self._assign_ids({k: v for k, v in clusters.items() if v})
        for c in corrections:
            if c[0] == "merge":
                self.merge(c[1], name=c[2])
            elif c[0] == "split":
                self.split(c[1], names=c[2], articles=c[3])
        self._overrides = dict(groups or {})
        self.unmatched_groups = self._apply_groups()

    # -- ids

    def _assign_ids(self, clusters: dict[str, list[Member]]) -> None:
        self.speakers: dict[str, SpeakerInfo] = {}
        self._member_id: dict[int, str] = {}
        order = sorted(clusters.items(), key=lambda kv: (-sum(m.quotes for m in kv[1]), kv[0]))
        shared = Counter(k.rsplit("|", 1)[0] for k in clusters if k.startswith("person:"))
        for key, ms in order:
            # Two people with one given name and surname keep their middle initials in the id
            # ("george-w-bush", "george-hw-bush").
            self._add(ms, keep_middle=shared[key.rsplit("|", 1)[0]] > 1)

    def _add(self, ms: list[Member], name: Optional[str] = None,
             keep_middle: bool = False) -> str:
        name = name or _display_name(ms)
        sid = slug(name if keep_middle else _id_name(name, ms))
        if sid in self.speakers:
            n = 2
            while f"{sid}-{n}" in self.speakers:
                n += 1
            sid = f"{sid}-{n}"
        kind = Counter(m.kind for m in ms).most_common(1)[0][0]
        self.speakers[sid] = SpeakerInfo(sid, name, kind, list(ms), [])
        for m in ms:
            self._member_id[id(m)] = sid
        return sid

    def merge(self, ids: Sequence[str], *, name: Optional[str] = None) -> str:
        """Make ``ids`` one speaker (the first id is kept); returns the id."""
        missing = [i for i in ids if i not in self.speakers]
        if missing:
            raise QuotelensError(f"ids: no speaker with id {missing[0]!r}")
        keep = self.speakers[ids[0]]
        for sid in ids[1:]:
            if sid == keep.id:
                continue
            other = self.speakers.pop(sid)
            keep.members.extend(other.members)
            for m in other.members:
                self._member_id[id(m)] = keep.id
        if name is not None:
            keep.name = name
        return keep.id

    def split(
        self, sid: str, *, names: Optional[Sequence[str]] = None,
        articles: Optional[Sequence[int]] = None,
    ) -> str:
        """Move the members of ``sid`` named one of ``names`` (and/or in ``articles``, by
        index) to a new speaker; returns its id."""
        if sid not in self.speakers:
            raise QuotelensError(f"speaker_id: no speaker with id {sid!r}")
        info = self.speakers[sid]
        want = {_fold(" ".join(n.split())) for n in names or ()}
        arts = set(articles or ())

        def moves(m: Member) -> bool:
            by_name = not want or _fold(" ".join(m.name.split())) in want
            by_article = not arts or m.article in arts
            return by_name and by_article

        out = [m for m in info.members if moves(m)]
        if not out:
            raise QuotelensError(f"names: no member of {sid!r} matches {sorted(want) or arts}")
        if len(out) == len(info.members):
            raise QuotelensError(f"names: every member of {sid!r} matches; nothing to split")
        info.members = [m for m in info.members if not moves(m)]
        info.name = _display_name(info.members)
        return self._add(out)

    def id_of(self, article: int, speaker: Optional[str]) -> Optional[str]:
        """The speaker id of the article's speaker named ``speaker``."""
        if speaker is None:
            return None
        m = self._by_name.get((article, speaker))
        if m is None:
            return slug(speaker)
        return self._member_id[id(m)]

    def member(self, article: int, speaker: Optional[str]) -> Optional[Member]:
        return None if speaker is None else self._by_name.get((article, speaker))

    # -- groups

    def _text_groups(self, articles: Sequence["Article"]) -> None:
        """Each member's groups from its article's text; "*" roles get the article's country
        when the article makes it clear."""
        per_article: dict[int, list[Member]] = defaultdict(list)
        for m in self.members:
            per_article[m.article].append(m)
        self._raw: dict[int, list[tuple[str, Optional[str]]]] = {}
        variants: dict[str, set[str]] = {}
        for sn in self._surnames:
            variants.setdefault(_fold(sn), set()).add(sn)
        for i, ms in per_article.items():
            text = articles[i].text
            evidence: list[Optional[str]] = []
            for m in ms:
                names = [m.name] + ([m.parsed.display] if m.parsed else [])
                # The core's aliases of the name ("Mr. Trump", "Trump"), not the headline
                # words it also keeps ("Network Chief On Smith").
                names += [a for a in m.aliases if a.split()[-1:] == m.name.split()[-1:]
                          and len(a.split()) <= 4 and _name_like(a, self._common)]
                own = {m.parsed.last.split()[-1]} if m.parsed and m.parsed.last else set()
                found = text_groups(text, names, m.titles, people=_Surnames(variants, own),
                                    common=self._common)
                party = _party_named(m.name) if m.parsed is None else None
                if party is not None:
                    found.insert(0, (party.group, party.country))
                self._raw[id(m)] = found
                countries = {c for _, c in found if c and c != "*"}
                if m.side:
                    countries.add(m.side)
                evidence.extend(countries)
            country = article_country(evidence)
            for m in ms:
                out: list[str] = [m.side] if m.side else []
                for g, c in self._raw[id(m)]:
                    c = country if c == "*" else c
                    if c is None and not g:
                        continue
                    for x in (c, g):
                        if x and x not in out:
                            out.append(x)
                m.groups = _order_groups(out)

    def _apply_groups(self) -> list[str]:
        """Pool each speaker's groups over its articles; apply the user's mapping. Returns the
        mapping's keys that match no speaker."""
        country_names = _country_names()
        for info in self.speakers.values():
            c: Counter[str] = Counter()
            for m in info.members:
                for g in m.groups:
                    c[g] += 1
            countries = [g for g, _ in c.most_common() if g in country_names]
            info.strong_country = None
            if countries:
                n_top = c[countries[0]]
                n_all = sum(c[g] for g in countries)
                if n_top >= STRONG_COUNTRY_EVIDENCE and n_top / n_all >= STRONG_COUNTRY_SHARE:
                    info.strong_country = countries[0]
            parties = [g for g, _ in c.most_common() if g in _party_names()]
            # An institution needs more than one stray mention ("U.S. Congress" for a
            # candidate quoted next to a senator's title once).
            evidence = sum(1 for m in info.members if m.groups)
            other = [g for g, n in c.most_common() if g not in country_names
                     and g not in _party_names()
                     and (n >= 2 and n >= OTHER_GROUP_SHARE * evidence or evidence == 1)]
            info.groups = countries[:1] + parties[:1] + other
        unmatched = []
        self._overridden: set[str] = set()
        for key, vals in self._overrides.items():
            hits = self._lookup(key)
            if not hits:
                unmatched.append(key)
            for sid in hits:
                self.speakers[sid].groups = list(vals)
                self._overridden.add(sid)
        return unmatched

    def _lookup(self, key: str) -> list[str]:
        if key in self.speakers:
            return [key]
        f = _fold(" ".join(key.split()))
        return [sid for sid, info in self.speakers.items()
                if _fold(info.name) == f or any(_fold(m.name) == f for m in info.members)]

    def rows(self, articles: Sequence["Article"]) -> list[dict[str, Any]]:
        """One dict per speaker for :func:`quotelens.frames.corpus_speakers_frame`: the
        aliases the articles use for it (the part that names it: "criticizing Smith" gives
        "Smith"; an alias whose honorific says another gender is left out), its titles, its
        outlets and its counts."""
        rows = []
        for sid, info in self.speakers.items():
            aliases: dict[str, None] = {}
            titles: dict[str, None] = {}
            outlets: dict[str, None] = {}
            keys = {(m.parsed.first, m.parsed.last) for m in info.members if m.parsed}
            lasts = {m.parsed.last for m in info.members if m.parsed}
            genders = Counter(m.parsed.gender for m in info.members if m.parsed and m.parsed.gender)
            gender = genders.most_common(1)[0][0] if genders else None
            for m in info.members:
                aliases[m.name.split("\n")[-1].strip()] = None
                for al in m.aliases:
                    # The core's aliases hold the words before a name too ("criticizing Smith"):
                    # keep the name part, and only when it names this speaker.
                    al = al.split("\n")[-1].strip()
                    n = Name.parse(al)
                    if m.parsed is None:
                        if _fold(al) == _fold(m.name):
                            aliases[al] = None
                        continue
                    honorific = [t for t in n.titles if t in _HONORIFIC_GENDER]
                    if honorific and gender and _HONORIFIC_GENDER[honorific[0]] != gender:
                        continue  # "Mrs. Clinton" is not Bill Clinton
                    if n.last in lasts and (n.first is None or (n.first, n.last) in keys):
                        words = al.split()
                        cut = len(words) - len(n.display.split()) - len(honorific[:1])
                        aliases[" ".join(words[max(cut, 0):])] = None
                for t in m.titles + (m.parsed.titles if m.parsed else ()):
                    if t.endswith("s") and t[:-1] in _titles():
                        continue  # "republicans", "aides": words near the name, not its titles
                    titles[t] = None
                src = articles[m.article].source
                if src:
                    outlets[src] = None
            rows.append({
                "speaker_id": sid,
                "name": info.name,
                "kind": info.kind,
                "side": info.groups[0] if info.groups else None,
                "groups": list(info.groups),
                "aliases": sorted(aliases),
                "titles": list(titles),
                "outlets": sorted(outlets),
                "articles": len({m.article for m in info.members}),
                "quotes": sum(m.quotes for m in info.members),
                "mentions": sum(m.mentions for m in info.members),
            })
        return rows

    def groups_of(
        self, article: int, speaker: Optional[str], side: Optional[str] = None
    ) -> list[str]:
        """A quote's groups: the user's mapping when it names the speaker, else the article's
        own evidence first, then what the speaker's other articles say. ``side`` is the
        quote's own side, kept for speakers the article does not list (a capital speaking)."""
        if speaker is None:
            return [side] if side else []
        m = self._by_name.get((article, speaker))
        if m is None:
            if slug(speaker) in self._overridden:
                return list(self.speakers[slug(speaker)].groups)
            return [side] if side else []
        sid = self._member_id[id(m)]
        info = self.speakers[sid]
        if sid in self._overridden:
            return list(info.groups)
        own = list(m.groups)
        names = _country_names()
        parties = _party_names()
        if info.strong_country and info.kind == "person":
            own = [g for g in own if g not in names or g == info.strong_country]
        for g in info.groups:
            if g in own:
                continue
            if g in names and any(x in names for x in own):
                continue
            if g in parties and any(x in parties for x in own):
                continue
            own.append(g)
        return _order_groups(own)


def _order_groups(gs: list[str]) -> list[str]:
    """Country first, then party, then the rest, keeping the order within each."""
    names, parties = _country_names(), _party_names()
    return ([g for g in gs if g in names] + [g for g in gs if g in parties]
            + [g for g in gs if g not in names and g not in parties])


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(row[1] for row in _data_lines("countries") if len(row) > 1)


@lru_cache(maxsize=1)
def _party_names() -> frozenset[str]:
    g = _groups()
    return frozenset(w.group for k in ("party", "letter") for w in g[k].values())


def _id_name(name: str, ms: list[Member]) -> str:
    """A person's id is their given name and surname as written, without middle names
    ("vladimir-putin" for "Vladimir V. Putin"), so it does not change with the spelling the
    articles prefer."""
    words = [w for w in name.split() if _fold(w) not in _SUFFIXES]
    if len(words) > 2 and any(m.parsed for m in ms):
        n = Name.parse(name)
        keep = len(n.last.split())
        return " ".join([words[0]] + words[-keep:])
    return name


def _display_name(ms: list[Member]) -> str:
    """The most quoted full form of a cluster's names (with a given name), without titles."""
    c: Counter[str] = Counter()
    full: set[str] = set()
    for m in ms:
        shown = m.parsed.display if m.parsed else m.name.split("\n")[-1].strip()
        c[shown] += max(m.quotes, 1)
        if m.parsed is not None and m.parsed.first is not None:
            full.add(shown)
    pool = [(n, k) for n, k in c.items() if n in full] or list(c.items())
    return sorted(pool, key=lambda nk: (-nk[1], len(nk[0]), nk[0]))[0][0]
