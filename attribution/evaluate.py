"""Scoring predicted attribution documents against gold attributions.

Pure scoring: reads a gold JSONL file (PolNeAR's converted format, plus our optional
fields), compares it with predicted documents in the output-contract format, and
computes precision/recall/accuracy figures. No spaCy, no command line. The matching
rules are documented precisely in ``docs/evaluation.md``; keep the two in step.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from attribution.attribute import CONTINUATION_RULE, NON_SAYING_CLASSES
from attribution.errors import AttributionError
from attribution.schema import load_schema

__all__ = [
    "OVERLAP_THRESHOLD",
    "PRF",
    "PRONOUNS",
    "QUOTE_TYPES",
    "SOURCE_KINDS",
    "Accuracy",
    "ArticleCounts",
    "GoldArticle",
    "GoldQuote",
    "GoldSpan",
    "Rate",
    "Report",
    "SourceFieldsReport",
    "SubsetReport",
    "TypeScore",
    "cue_is_saying",
    "exact_match",
    "format_report",
    "lemma_candidates",
    "load_saying_lemmas",
    "names_match",
    "overlap_score",
    "read_gold",
    "report_to_dict",
    "score",
]

QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "mixed")

#: The contract's source kinds, read from the published schema (its single definition).
SOURCE_KINDS: frozenset[str] = frozenset(
    load_schema()["$defs"]["source"]["properties"]["kind"]["enum"]
)

#: Two spans match under the overlap rule when the Dice coefficient (token F1) of their
#: token sets is at least this.
OVERLAP_THRESHOLD = 0.5

#: Gold speaker texts (lowercased, whitespace-trimmed) that count as pronouns.
#: Personal, possessive and reflexive pronouns; relative pronouns (who, which, that)
#: are deliberately not included.
PRONOUNS: frozenset[str] = frozenset(
    {
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
    }
)

_TOKEN_RE = re.compile(r"\w+")
_WORD_RE = re.compile(r"[^\W\d_]+")

_OPTIONAL_QUOTE_KEYS = ("speaker_canonical", "source_kind", "outlet", "audience")
#: speaker kinds whose canonical name is a description in the article's words
DESCRIPTION_KINDS = frozenset({"group", "anonymous"})
SPEAKER_KINDS = frozenset({"person", "organization", "unknown"}) | DESCRIPTION_KINDS
_SOURCE_KEYS = ("source_kind", "outlet", "audience")


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldSpan:
    """A gold span: outer bounds plus the (possibly discontinuous) fragments."""

    start: int
    end: int
    text: str
    fragments: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldQuote:
    id: str
    content: GoldSpan
    speaker: GoldSpan | None
    cue: GoldSpan | None
    type: str
    speaker_canonical: str | None = None
    speaker_kind: str | None = None
    source_kind: str | None = None
    outlet: str | None = None
    audience: str | None = None
    #: which of speaker_canonical / source_kind / outlet / audience the gold line carries
    present: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    split: str | None
    quotes: tuple[GoldQuote, ...]
    ignore_spans: tuple[tuple[int, int], ...] = ()


class _Invalid(Exception):
    """A reason why one gold line is unusable (turned into gold-invalid)."""


def _need(cond: bool, reason: str) -> None:
    if not cond:
        raise _Invalid(reason)


def _parse_span(obj: Any, text: str, where: str, allow_null: bool) -> GoldSpan | None:
    if obj is None:
        _need(allow_null, f"{where} is null")
        return None
    _need(isinstance(obj, dict), f"{where} is not an object")
    start, end = obj.get("start"), obj.get("end")
    _need(type(start) is int and type(end) is int, f"{where}: start and end must be integers")
    _need(0 <= start <= end <= len(text), f"{where}: offsets {start}-{end} outside the text")
    if "text" in obj:
        _need(
            obj["text"] == text[start:end],
            f"{where}: text does not equal the article text at {start}-{end}",
        )
    frags_raw = obj.get("fragments")
    if frags_raw is None or frags_raw == []:
        fragments: tuple[tuple[int, int], ...] = ((start, end),)
    else:
        _need(isinstance(frags_raw, list), f"{where}: fragments is not a list")
        frags = []
        for j, fr in enumerate(frags_raw):
            fw = f"{where}.fragments[{j}]"
            _need(isinstance(fr, dict), f"{fw} is not an object")
            fs, fe = fr.get("start"), fr.get("end")
            _need(type(fs) is int and type(fe) is int, f"{fw}: start and end must be integers")
            _need(start <= fs <= fe <= end, f"{fw}: offsets {fs}-{fe} outside {start}-{end}")
            if "text" in fr:
                _need(fr["text"] == text[fs:fe], f"{fw}: text does not equal the article text")
            frags.append((fs, fe))
        fragments = tuple(sorted(frags))
    return GoldSpan(start=start, end=end, text=text[start:end], fragments=fragments)


def _opt_str(q: dict, key: str, where: str) -> str | None:
    value = q.get(key)
    _need(value is None or isinstance(value, str), f"{where}.{key} must be a string or null")
    return value


def _parse_quote(q: Any, text: str, where: str, index: int) -> GoldQuote:
    _need(isinstance(q, dict), f"{where} is not an object")
    qid = q.get("id", f"q{index + 1}")
    _need(isinstance(qid, str), f"{where}.id is not a string")
    content = _parse_span(q.get("content"), text, f"{where}.content", allow_null=False)
    assert content is not None
    speaker = _parse_span(q.get("speaker"), text, f"{where}.speaker", allow_null=True)
    cue = _parse_span(q.get("cue"), text, f"{where}.cue", allow_null=True)
    qtype = q.get("type")
    _need(qtype in QUOTE_TYPES, f"{where}.type must be one of direct, indirect, mixed")
    canonical = _opt_str(q, "speaker_canonical", where)
    speaker_kind = _opt_str(q, "speaker_kind", where)
    _need(
        speaker_kind is None or speaker_kind in SPEAKER_KINDS,
        f"{where}.speaker_kind {speaker_kind!r} is not a speaker kind of the output contract",
    )
    source_kind = _opt_str(q, "source_kind", where)
    _need(
        source_kind is None or source_kind in SOURCE_KINDS,
        f"{where}.source_kind {source_kind!r} is not a source kind of the output contract",
    )
    return GoldQuote(
        id=qid,
        content=content,
        speaker=speaker,
        cue=cue,
        type=qtype,
        speaker_canonical=canonical,
        speaker_kind=speaker_kind,
        source_kind=source_kind,
        outlet=_opt_str(q, "outlet", where),
        audience=_opt_str(q, "audience", where),
        present=frozenset(k for k in _OPTIONAL_QUOTE_KEYS if k in q),
    )


def _parse_article(line: str) -> GoldArticle:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Invalid(f"not valid JSON: {exc}") from None
    _need(isinstance(rec, dict), "not a JSON object")
    aid, text = rec.get("id"), rec.get("text")
    _need(isinstance(aid, str) and aid != "", "id must be a non-empty string")
    _need(isinstance(text, str), "text must be a string")
    split = rec.get("split")
    _need(split is None or isinstance(split, str), "split must be a string")
    quotes_raw = rec.get("quotes")
    _need(isinstance(quotes_raw, list), "quotes must be a list")
    quotes = tuple(_parse_quote(q, text, f"quotes[{i}]", i) for i, q in enumerate(quotes_raw))
    ign_raw = rec.get("ignore_spans", [])
    _need(isinstance(ign_raw, list), "ignore_spans must be a list")
    ignore = []
    for i, sp in enumerate(ign_raw):
        parsed = _parse_span(sp, text, f"ignore_spans[{i}]", allow_null=False)
        assert parsed is not None
        ignore.append((parsed.start, parsed.end))
    return GoldArticle(id=aid, text=text, split=split, quotes=quotes, ignore_spans=tuple(ignore))


def read_gold(path: Path, split: str | None = None, limit: int | None = None) -> list[GoldArticle]:
    """Read a gold JSONL file: one article per non-blank line.

    ``split`` keeps only records whose ``split`` field equals it (records without one
    never match); ``limit`` keeps the first N articles after the split filter. Every
    line is validated until the limit is reached; a bad line raises
    ``AttributionError("gold-invalid", path=, line=, reason=)`` (1-based line number).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AttributionError("input-not-found", path=str(path)) from None
    except OSError as exc:
        raise AttributionError("input-unreadable", path=str(path), reason=exc.strerror) from None
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AttributionError(
            "input-not-utf8", path=str(path), position=exc.start, reason=exc.reason
        ) from None
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    for lineno, line in enumerate(content.splitlines(), start=1):
        if limit is not None and len(articles) >= limit:
            break
        if not line.strip():
            continue
        try:
            article = _parse_article(line)
            _need(article.id not in seen, f"duplicate article id {article.id!r}")
        except _Invalid as exc:
            raise AttributionError(
                "gold-invalid", path=str(path), line=lineno, reason=str(exc)
            ) from None
        seen.add(article.id)
        if split is not None and article.split != split:
            continue
        articles.append(article)
    return articles


# --------------------------------------------------------------------------- lexicon

_IRREGULAR: dict[str, str] = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "thought": "think",
    "felt": "feel",
    "knew": "know",
    "known": "know",
    "gave": "give",
    "given": "give",
    "made": "make",
    "held": "hold",
    "meant": "mean",
    "led": "lead",
    "saw": "see",
    "seen": "see",
    "took": "take",
    "taken": "take",
    "heard": "hear",
    "swore": "swear",
    "sworn": "swear",
    "taught": "teach",
    "sought": "seek",
    "understood": "understand",
    "forbade": "forbid",
    "forbidden": "forbid",
    "foresaw": "foresee",
    "foreseen": "foresee",
    "withdrew": "withdraw",
    "began": "begin",
    "begun": "begin",
    "went": "go",
    "gone": "go",
    "got": "get",
    "gotten": "get",
    "put": "put",
    "read": "read",
    "has": "have",
    "had": "have",
    "is": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "are": "be",
    "did": "do",
    "does": "do",
    "done": "do",
}

_VOWELS = set("aeiou")


def lemma_candidates(word: str) -> frozenset[str]:
    """Crude lemma candidates of one word: the word, an irregular form, -s/-ed/-ing stems.

    Over-generation is harmless: a candidate only matters if the lexicon contains it.
    """
    w = word.lower()
    out = {w}
    if w in _IRREGULAR:
        out.add(_IRREGULAR[w])

    def add(stem: str) -> None:
        if len(stem) >= 2:
            out.add(stem)

    if w.endswith("ies"):
        add(w[:-3] + "y")
    if w.endswith("es"):
        add(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        add(w[:-1])
    for suffix in ("ed", "ing"):
        if w.endswith(suffix):
            stem = w[: -len(suffix)]
            if suffix == "ed" and stem.endswith("i"):
                add(stem[:-1] + "y")  # replied -> reply
            add(stem)  # warned -> warn, saying -> say
            add(stem + "e")  # noted -> note, arguing -> argue
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                add(stem[:-1])  # admitted -> admit
    return frozenset(out)


def cue_is_saying(cue_text: str, lemmas: frozenset[str], lemma: str | None = None) -> bool:
    """Whether a cue counts as a verb of saying under ``lemmas``.

    True when ``lemma`` (a predicted cue's lemma, if given) or the whole lowercased cue
    phrase is in ``lemmas``, or when any lemma candidate of any word of the cue (or of
    ``lemma``) is.
    """
    phrases = [cue_text]
    if lemma:
        phrases.insert(0, lemma)
    for phrase in phrases:
        words = _WORD_RE.findall(phrase.lower())
        if not words:
            continue
        if " ".join(words) in lemmas:
            return True
        if any(lemma_candidates(w) & lemmas for w in words):
            return True
    return False


def load_saying_lemmas(path: Path | None = None) -> frozenset[str]:
    """Lemmas of the speech-verb lexicon whose class is not belief/intent.

    ``path`` defaults to the packaged ``rules/speech_verbs.yaml``. Problems raise
    ``AttributionError("rule-file-invalid", ...)``.
    """
    import yaml

    def bad(reason: str) -> AttributionError:
        name = str(path) if path is not None else "speech_verbs.yaml"
        return AttributionError("rule-file-invalid", count=1, problems=f"{name}: {reason}")

    try:
        if path is None:
            from importlib.resources import files

            try:
                source: Any = files("attribution._rules") / "speech_verbs.yaml"
            except ModuleNotFoundError:
                # a source checkout whose rules/ is not mapped to attribution._rules yet
                source = Path(__file__).resolve().parents[1] / "rules" / "speech_verbs.yaml"
            raw = source.read_text(encoding="utf-8")
        else:
            raw = Path(path).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError, UnicodeDecodeError) as exc:
        raise bad(f"cannot be read: {exc}") from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise bad(f"not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise bad("expected a mapping with an 'entries' list")
    lemmas = set()
    for i, entry in enumerate(data["entries"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("lemma"), str):
            raise bad(f"entries[{i}] has no string 'lemma'")
        if entry.get("class") in NON_SAYING_CLASSES:
            continue
        lemmas.add(" ".join(entry["lemma"].lower().split()))
    return frozenset(lemmas)


# --------------------------------------------------------------------------- matching

Ranges = tuple[tuple[int, int], ...]


def _is_trimmable(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past whitespace and Unicode punctuation (quote marks too)."""
    while start < end and _is_trimmable(text[start]):
        start += 1
    while end > start and _is_trimmable(text[end - 1]):
        end -= 1
    return start, end


def exact_match(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Exact rule: equal bounds after trimming whitespace and punctuation at both ends."""
    ta, tb = _trim(text, *a), _trim(text, *b)
    if ta[0] == ta[1] or tb[0] == tb[1]:  # nothing but punctuation: compare raw bounds
        return a == b
    return ta == tb


class _Tokens:
    """``\\w+`` tokens of one article text, for mapping character ranges to token ids."""

    def __init__(self, text: str) -> None:
        spans = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def of(self, ranges: Iterable[tuple[int, int]]) -> frozenset[int]:
        ids: set[int] = set()
        for a, b in ranges:
            if b <= a:
                continue
            lo = bisect.bisect_right(self.ends, a)  # first token ending after a
            hi = bisect.bisect_left(self.starts, b)  # tokens starting before b
            ids.update(range(lo, hi))
        return frozenset(ids)


def _ranges_overlap(x: Ranges, y: Ranges) -> bool:
    return any(a < d and c < b for a, b in x for c, d in y)


def overlap_score(tok_a: frozenset[int], tok_b: frozenset[int], ra: Ranges, rb: Ranges) -> float:
    """Dice coefficient of two token sets; 1.0/0.0 by character overlap if both are empty."""
    if not tok_a and not tok_b:
        return 1.0 if _ranges_overlap(ra, rb) else 0.0
    if not tok_a or not tok_b:
        return 0.0
    return 2 * len(tok_a & tok_b) / (len(tok_a) + len(tok_b))


def _greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: best score first, ties by gold then prediction order."""
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in pairs:
        if g in used_g or p in used_p:
            continue
        used_g.add(g)
        used_p.add(p)
        out.append((g, p))
    return sorted(out)


# --------------------------------------------------------------------------- names


_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "sen", "rep", "gov", "the"}
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?=\s|$)")


def _words(name: str) -> list[str]:
    """Casefolded words without their surrounding punctuation."""
    toks = ["".join(ch for ch in t if not _is_trimmable(ch)) for t in name.casefold().split()]
    return [t for t in toks if t]


def _name_tokens(name: str) -> list[str]:
    """Words of a name without honorifics, suffixes or possessive endings: "Pryce's
    campaign" and "the Pryce campaign" name one organisation."""
    toks = _words(_POSSESSIVE.sub("", name))
    while toks and toks[0] in _HONORIFICS:
        toks.pop(0)
    while toks and toks[-1] in _SUFFIXES:
        toks.pop()
    return toks


def names_match(gold: str, predicted: str | None, kind: str | None = None) -> bool:
    """Canonical-speaker rule (see docs/evaluation.md).

    Equal ignoring case and whitespace; otherwise the surnames (last tokens, after
    dropping leading honorifics/"the" and trailing Jr/Sr/II…) must be equal and the
    first names must not conflict: when both names have a first name (a token before
    the surname), the first token of one must occur before the surname of the other
    ("Lina Okafor" / "Mayor Lina Okafor"), or be an initial of the other's ("L." / "Lina").
    A group or anonymous speaker is a description, which careful readers cut at
    different places, so one description that begins the other matches ("a senior
    official" / "a senior official in the ministry"; leading articles and "some",
    "many", "several", "most", "one", "other", "all", "both", "another", "more", "few",
    "hundreds", "thousands", "dozens", "millions", "scores", "a number of" and a
    following "of" left out, but not a number: "two people" are not "three people";
    an owner's name only one of them gives, "Clinton's critics" / "critics"; a name
    inside either by its surname, "a source close to Ted Cruz" / "a source close to
    Cruz"). People speaking together match in any order, each by the surname rule
    ("Donald Trump and Paul Ryan" / "Ryan and Trump").
    """
    if predicted is None:
        return False
    # canonically equivalent spellings are one ("Ã" and "A" with a combining tilde)
    gold, predicted = unicodedata.normalize("NFC", gold), unicodedata.normalize("NFC", predicted)
    if " ".join(gold.casefold().split()) == " ".join(predicted.casefold().split()):
        return True
    if _same_members(gold, predicted):
        return True
    if kind in DESCRIPTION_KINDS:
        return _description_match(gold, predicted)
    return _person_match(gold, predicted)


def _person_match(gold: str, predicted: str) -> bool:
    """Equal surnames and no conflicting first names."""
    g, p = _name_tokens(gold), _name_tokens(predicted)
    if not g or not p or g[-1] != p[-1]:
        return False
    if len(g) >= 2 and len(p) >= 2:
        fg, fp = g[0], p[0]
        if fg == fp or fg in p[:-1] or fp in g[:-1]:
            return True
        return (len(fg) == 1 and fp.startswith(fg)) or (len(fp) == 1 and fg.startswith(fp))
    return True


def _same_members(gold: str, predicted: str) -> bool:
    """ "Donald Trump and Paul Ryan" ~ "Ryan and Trump": people speaking together, named
    in either order, each by the person rule."""
    g, p = _MEMBERS.split(gold.strip()), _MEMBERS.split(predicted.strip())
    if len(g) < 2 or len(g) != len(p):
        return False
    left = list(p)
    for name in g:
        found = next((other for other in left if _person_match(name, other)), None)
        if found is None:
            return False
        left.remove(found)
    return True


#: How joint speakers are listed: "A and B", "A, B and C", "A, B, and C".
_MEMBERS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _description_match(gold: str, predicted: str) -> bool:
    """One description (without a leading article) is the other's first words, and not
    the first of several ("Lina Okafor" is not "Lina Okafor and Ivo Hart")."""
    if _conflicting_names(gold, predicted):
        return False  # "Hillary Clinton's aides" are not "Bill Clinton's aides"
    g, p = _description_tokens(gold), _description_tokens(predicted)
    if _begins(g, p):
        return True
    # "Her critics", resolved to "Clinton's critics", and "critics": an owner one side
    # leaves out
    owners = [_named_owner(name, toks) for name, toks in ((gold, g), (predicted, p))]
    if owners.count(0) != 1:
        return False  # "Trump's supporters" are not "Sanders's supporters"
    return _begins(g[owners[0] :], p[owners[1] :])


#: A person's name inside a description: capitalised words in a row ("Ted Cruz's").
_NAME_RUN = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+")


def _by_surname(name: str) -> str:
    """The description with each name in it cut to its last word, as the surname rule
    compares names: "a source close to Ted Cruz" ~ "a source close to Cruz"."""
    return _NAME_RUN.sub(lambda run: run.group().split()[-1], name)


def _conflicting_names(gold: str, predicted: str) -> bool:
    """Whether the two descriptions name people of one surname whom the surname rule
    tells apart by their first names."""
    runs = [_NAME_RUN.findall(name) for name in (gold, predicted)]
    return any(
        _name_tokens(one)[-1:] == _name_tokens(other)[-1:] and not _person_match(one, other)
        for one in runs[0]
        for other in runs[1]
    )


def _named_owner(name: str, toks: list[str]) -> int:
    """How many leading words name an owner by a capitalised name ("Clinton's"): 2, or
    0 ("the party's delegates" say more than "delegates")."""
    if toks[1:2] != [_OWNS]:
        return 0
    capitalised = re.search(rf"(?i)\b{re.escape(toks[0])}\b", name)
    return 2 if capitalised and capitalised.group()[:1].isupper() else 0


#: What a possessive ending becomes among a description's words (no word is spelled so).
_OWNS = "\u02bcs"  # a modifier letter, which _words keeps


def _begins(one: list[str], other: list[str]) -> bool:
    """The shorter is the longer's first words, and not the first of several."""
    shorter, longer = sorted((one, other), key=len)
    joined = longer[len(shorter) : len(shorter) + 1] == ["and"]
    return bool(shorter) and longer[: len(shorter)] == shorter and not joined


def _description_tokens(name: str) -> list[str]:
    """Words of a description without leading articles, quantifiers, honorifics and
    shares: "Some veteran strategists", "Most of the veteran strategists", "veteran
    strategists" and "about four in 10 veteran strategists" describe the same people, as
    "Mrs. Clinton's advisers" and "Clinton's advisers" do. A possessive ending is a word
    of its own, ``_OWNS``: "clinton 's critics"."""
    toks = _words(_POSSESSIVE.sub(f" {_OWNS}", _by_surname(name)))
    while toks:
        if toks[:3] == ["a", "number", "of"]:
            toks = toks[3:]
        elif toks[0] in _DESCRIPTION_LEADS or toks[0] in _HONORIFICS:
            toks = toks[1:]
        elif share := _SHARE.match(" ".join(toks)):
            toks = toks[len(share.group().split()) :]
        else:
            break
    return toks


#: A share of a group, after casefolding and without punctuation: "47 percent of",
#: "six in 10", "nearly half of", "two-thirds of" ("twothirds": hyphens are removed).
_NUMBER = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\w*)"
)
_SHARE = re.compile(
    r"(?:(?:about|almost|nearly|roughly|around|just|only|over|under|more than|less than"
    r"|fewer than) )?"
    rf"(?:{_NUMBER} percent|{_NUMBER} (?:in|out of) {_NUMBER}|half(?! a )|\w*thirds?"
    r"|\w*quarters?|majority|minority)(?: of)?(?= )"
)


#: "of" only ever leads once a quantifier is gone: "most of the senators".
_DESCRIPTION_LEADS = frozenset(
    {"a", "an", "the", "some", "many", "several", "most", "one", "other", "all", "both", "of"}
    | {"another", "more", "few", "hundreds", "thousands", "dozens", "millions", "scores"}
)


def _norm_value(value: str | None) -> str | None:
    if value is None:
        return None
    toks = value.casefold().split()
    if toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks) or None


# --------------------------------------------------------------------------- report


def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else round(num / den, 4)


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int
    n_gold: int
    n_predicted: int
    precision: float | None
    recall: float | None
    f1: float | None

    @classmethod
    def of(cls, tp: int, n_gold: int, n_predicted: int) -> PRF:
        fp, fn = n_predicted - tp, n_gold - tp
        return cls(
            tp=tp,
            fp=fp,
            fn=fn,
            n_gold=n_gold,
            n_predicted=n_predicted,
            precision=_ratio(tp, n_predicted),
            recall=_ratio(tp, n_gold),
            f1=_ratio(2 * tp, 2 * tp + fp + fn),
        )


@dataclass(frozen=True)
class Accuracy:
    correct: int
    n: int
    #: matched pairs left out of ``n`` because the gold has no value for the field
    excluded: int
    accuracy: float | None

    @classmethod
    def of(cls, correct: int, n: int, excluded: int = 0) -> Accuracy:
        return cls(correct=correct, n=n, excluded=excluded, accuracy=_ratio(correct, n))


@dataclass(frozen=True)
class Rate:
    count: int
    n: int
    rate: float | None

    @classmethod
    def of(cls, count: int, n: int) -> Rate:
        return cls(count=count, n=n, rate=_ratio(count, n))


@dataclass(frozen=True)
class TypeScore:
    type: str
    n_gold: int
    gold_matched: int
    n_predicted: int
    predicted_matched: int
    recall: float | None
    precision: float | None


@dataclass(frozen=True)
class SourceFieldsReport:
    kind: Accuracy
    outlet: Accuracy
    audience: Accuracy
    #: gold kind "unspecified", predicted another kind
    invented_channel: Rate
    #: gold kind not "unspecified", predicted "unspecified" (or no source)
    missed_channel: Rate


@dataclass(frozen=True)
class SubsetReport:
    name: str
    n_gold: int
    n_predicted: int
    content_exact: PRF
    content_overlap: PRF
    speaker_mention: Accuracy
    speaker_mention_pronoun: Accuracy
    cue: Accuracy
    kind: Accuracy
    by_type: tuple[TypeScore, ...]
    #: (gold type, predicted kind, count) over overlap-matched pairs
    type_confusion: tuple[tuple[str, str, int], ...]
    speaker_canonical: Accuracy | None
    source: SourceFieldsReport | None


@dataclass(frozen=True)
class ArticleCounts:
    gold: int
    predicted: int
    missing: int
    failed: int
    extra: int


@dataclass(frozen=True)
class Report:
    articles: ArticleCounts
    saying_lemmas: int
    predicted_dropped_ignored: int
    predicted_invalid: int
    all: SubsetReport
    saying: SubsetReport


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class _Pred:
    start: int
    end: int
    ranges: tuple[tuple[int, int], ...]  # content, plus the continuations joined to it
    kind: str | None
    cue: tuple[int, int] | None
    cue_text: str
    cue_lemma: str | None
    mention: tuple[int, int] | None
    speaker_name: str | None
    source_kind: str
    outlet: str | None
    audience: str | None


def _span_of(obj: Any, length: int) -> tuple[int, int] | None:
    if not isinstance(obj, dict):
        return None
    s, e = obj.get("start"), obj.get("end")
    if type(s) is int and type(e) is int and 0 <= s <= e <= length:
        return s, e
    return None


def _parse_predictions(doc: Mapping[str, Any], text: str) -> tuple[list[_Pred], int]:
    speakers = {s.get("id"): s for s in doc.get("speakers") or [] if isinstance(s, dict)}
    sources = {s.get("id"): s for s in doc.get("sources") or [] if isinstance(s, dict)}
    preds: list[_Pred] = []
    invalid = 0
    heads: dict[tuple[Any, Any], int] = {}  # (speaker, source) -> index of its last attribution
    quoting: dict[tuple[Any, Any], int] = {}  # the same, among those that are not indirect
    for att in doc.get("attributions") or []:
        content = _span_of(att.get("content") if isinstance(att, dict) else None, len(text))
        if content is None:
            invalid += 1
            continue
        chain = (att.get("speaker"), att.get("source"))
        if att.get("rule") == CONTINUATION_RULE and chain in heads:
            target = quoting.get(chain, heads[chain])
            head = preds[target]
            preds[target] = replace(
                head, end=max(head.end, content[1]), ranges=(*head.ranges, content)
            )
            continue
        heads[chain] = len(preds)
        if att.get("kind") != "indirect":
            quoting[chain] = len(preds)
        cue = _span_of(att.get("cue"), len(text))
        cue_obj = att.get("cue") if isinstance(att.get("cue"), dict) else {}
        lemma = cue_obj.get("lemma")
        speaker = speakers.get(att.get("speaker")) if att.get("speaker") is not None else None
        source = sources.get(att.get("source")) if att.get("source") is not None else None
        name = speaker.get("name") if speaker else None
        kind = source.get("kind") if source else None
        preds.append(
            _Pred(
                start=content[0],
                end=content[1],
                ranges=(content,),
                kind=att.get("kind") if isinstance(att.get("kind"), str) else None,
                cue=cue,
                cue_text=text[cue[0] : cue[1]] if cue else "",
                cue_lemma=lemma if isinstance(lemma, str) else None,
                mention=_span_of(att.get("speaker_mention"), len(text)),
                speaker_name=name if isinstance(name, str) else None,
                source_kind=kind if isinstance(kind, str) else "unspecified",
                outlet=source.get("outlet") if source else None,
                audience=source.get("audience") if source else None,
            )
        )
    preds.sort(key=lambda p: (p.start, p.end))
    return preds, invalid


@dataclass
class _Acc:
    """Mutable counters for one subset; frozen into a SubsetReport at the end."""

    name: str
    n_gold: int = 0
    n_pred: int = 0
    exact_tp: int = 0
    overlap_tp: int = 0
    spk: list[int] = field(default_factory=lambda: [0, 0, 0])  # correct, n, excluded
    pron: list[int] = field(default_factory=lambda: [0, 0, 0])
    cue: list[int] = field(default_factory=lambda: [0, 0, 0])
    kind: list[int] = field(default_factory=lambda: [0, 0, 0])
    canon: list[int] = field(default_factory=lambda: [0, 0, 0])
    src_kind: list[int] = field(default_factory=lambda: [0, 0, 0])
    outlet: list[int] = field(default_factory=lambda: [0, 0, 0])
    audience: list[int] = field(default_factory=lambda: [0, 0, 0])
    invented: list[int] = field(default_factory=lambda: [0, 0])
    missed: list[int] = field(default_factory=lambda: [0, 0])
    type_gold: dict[str, list[int]] = field(default_factory=dict)  # n, matched
    type_pred: dict[str, list[int]] = field(default_factory=dict)
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    @staticmethod
    def tally(counter: list[int], ok: bool | None) -> None:
        """ok None: excluded (gold has no value)."""
        if ok is None:
            counter[2] += 1
        else:
            counter[1] += 1
            counter[0] += int(ok)


def _score_subset(
    acc: _Acc, text: str, tokens: _Tokens, gold: Sequence[GoldQuote], preds: Sequence[_Pred]
) -> None:
    acc.n_gold += len(gold)
    acc.n_pred += len(preds)
    g_ranges = [q.content.fragments for q in gold]
    g_tokens = [tokens.of(r) for r in g_ranges]
    p_ranges: list[Ranges] = [p.ranges for p in preds]
    p_tokens = [tokens.of(r) for r in p_ranges]

    exact_pairs = [
        (1.0, gi, pi)
        for gi, q in enumerate(gold)
        for pi, p in enumerate(preds)
        if exact_match(text, (q.content.start, q.content.end), (p.start, p.end))
    ]
    acc.exact_tp += len(_greedy(exact_pairs))

    overlap_pairs = []
    for gi in range(len(gold)):
        for pi in range(len(preds)):
            s = overlap_score(g_tokens[gi], p_tokens[pi], g_ranges[gi], p_ranges[pi])
            if s >= OVERLAP_THRESHOLD:
                overlap_pairs.append((s, gi, pi))
    matched = _greedy(overlap_pairs)
    acc.overlap_tp += len(matched)

    for q in gold:
        acc.type_gold.setdefault(q.type, [0, 0])[0] += 1
    for p in preds:
        acc.type_pred.setdefault(p.kind or "none", [0, 0])[0] += 1

    def span_ok(g: GoldSpan | None, p: tuple[int, int] | None) -> bool | None:
        if g is None:
            return None
        if p is None:
            return False
        pr: Ranges = ((p[0], p[1]),)
        s = overlap_score(tokens.of(g.fragments), tokens.of(pr), g.fragments, pr)
        return s >= OVERLAP_THRESHOLD

    for gi, pi in matched:
        q, p = gold[gi], preds[pi]
        pkind = p.kind or "none"
        acc.type_gold[q.type][1] += 1
        acc.type_pred[pkind][1] += 1
        acc.confusion[(q.type, pkind)] = acc.confusion.get((q.type, pkind), 0) + 1
        acc.tally(acc.kind, q.type == p.kind)
        spk_ok = span_ok(q.speaker, p.mention)
        acc.tally(acc.spk, spk_ok)
        if q.speaker is not None and " ".join(q.speaker.text.lower().split()) in PRONOUNS:
            acc.tally(acc.pron, spk_ok)
        acc.tally(acc.cue, span_ok(q.cue, p.cue))
        if "speaker_canonical" in q.present and q.speaker_canonical is not None:
            acc.tally(acc.canon, names_match(q.speaker_canonical, p.speaker_name, q.speaker_kind))
        else:
            acc.tally(acc.canon, None)
        if "source_kind" in q.present and q.source_kind is not None:
            acc.tally(acc.src_kind, q.source_kind == p.source_kind)
            if q.source_kind == "unspecified":
                acc.invented[1] += 1
                acc.invented[0] += int(p.source_kind != "unspecified")
            else:
                acc.missed[1] += 1
                acc.missed[0] += int(p.source_kind == "unspecified")
        else:
            acc.tally(acc.src_kind, None)
        for key, counter, predicted in (
            ("outlet", acc.outlet, p.outlet),
            ("audience", acc.audience, p.audience),
        ):
            if key in q.present:
                gold_value = getattr(q, key)
                pv = predicted if isinstance(predicted, str) else None
                acc.tally(counter, _norm_value(gold_value) == _norm_value(pv))
            else:
                acc.tally(counter, None)


def _freeze(acc: _Acc, has_canonical: bool, has_source: bool) -> SubsetReport:
    def a(c: list[int]) -> Accuracy:
        return Accuracy.of(c[0], c[1], c[2])

    by_type = []
    for t in QUOTE_TYPES:
        gn, gm = acc.type_gold.get(t, [0, 0])
        pn, pm = acc.type_pred.get(t, [0, 0])
        by_type.append(
            TypeScore(
                type=t,
                n_gold=gn,
                gold_matched=gm,
                n_predicted=pn,
                predicted_matched=pm,
                recall=_ratio(gm, gn),
                precision=_ratio(pm, pn),
            )
        )
    source = None
    if has_source:
        source = SourceFieldsReport(
            kind=a(acc.src_kind),
            outlet=a(acc.outlet),
            audience=a(acc.audience),
            invented_channel=Rate.of(*acc.invented),
            missed_channel=Rate.of(*acc.missed),
        )
    return SubsetReport(
        name=acc.name,
        n_gold=acc.n_gold,
        n_predicted=acc.n_pred,
        content_exact=PRF.of(acc.exact_tp, acc.n_gold, acc.n_pred),
        content_overlap=PRF.of(acc.overlap_tp, acc.n_gold, acc.n_pred),
        speaker_mention=a(acc.spk),
        speaker_mention_pronoun=Accuracy.of(acc.pron[0], acc.pron[1]),
        cue=a(acc.cue),
        kind=a(acc.kind),
        by_type=tuple(by_type),
        type_confusion=tuple((g, p, n) for (g, p), n in sorted(acc.confusion.items())),
        speaker_canonical=a(acc.canon) if has_canonical else None,
        source=source,
    )


def score(
    gold: Sequence[GoldArticle],
    predicted: Mapping[str, dict],
    saying_lemmas: frozenset[str] | None = None,
) -> Report:
    """Score predicted contract documents (article id -> document) against gold.

    ``saying_lemmas`` defines the "saying" subset; None loads the packaged
    ``speech_verbs.yaml`` with :func:`load_saying_lemmas`. An article with no
    prediction, or whose prediction is an error record, scores as an empty prediction.
    """
    if saying_lemmas is None:
        saying_lemmas = load_saying_lemmas()
    lemmas = frozenset(saying_lemmas)
    acc_all, acc_say = _Acc("all"), _Acc("saying")
    missing = failed = dropped = invalid = 0
    gold_ids = {a.id for a in gold}
    has_canonical = any(
        "speaker_canonical" in q.present and q.speaker_canonical is not None
        for a in gold
        for q in a.quotes
    )
    has_source = any(any(k in q.present for k in _SOURCE_KEYS) for a in gold for q in a.quotes)

    for article in gold:
        doc = predicted.get(article.id)
        preds: list[_Pred] = []
        if doc is None:
            missing += 1
        elif not isinstance(doc, Mapping) or "error" in doc:
            failed += 1
        else:
            preds, bad = _parse_predictions(doc, article.text)
            invalid += bad
            kept = [
                p
                for p in preds
                if not any(p.start < b and a < p.end for a, b in article.ignore_spans)
            ]
            dropped += len(preds) - len(kept)
            preds = kept
        tokens = _Tokens(article.text)
        _score_subset(acc_all, article.text, tokens, article.quotes, preds)
        gold_say = [q for q in article.quotes if q.cue and cue_is_saying(q.cue.text, lemmas)]
        pred_say = [p for p in preds if p.cue and cue_is_saying(p.cue_text, lemmas, p.cue_lemma)]
        _score_subset(acc_say, article.text, tokens, gold_say, pred_say)

    counts = ArticleCounts(
        gold=len(gold),
        predicted=len(gold) - missing,
        missing=missing,
        failed=failed,
        extra=len([k for k in predicted if k not in gold_ids]),
    )
    return Report(
        articles=counts,
        saying_lemmas=len(lemmas),
        predicted_dropped_ignored=dropped,
        predicted_invalid=invalid,
        all=_freeze(acc_all, has_canonical, has_source),
        saying=_freeze(acc_say, has_canonical, has_source),
    )


# --------------------------------------------------------------------------- output


def _prf_dict(p: PRF) -> dict:
    return {
        "precision": p.precision,
        "recall": p.recall,
        "f1": p.f1,
        "tp": p.tp,
        "fp": p.fp,
        "fn": p.fn,
        "n_gold": p.n_gold,
        "n_predicted": p.n_predicted,
    }


def _acc_dict(a: Accuracy) -> dict:
    return {"accuracy": a.accuracy, "correct": a.correct, "n": a.n, "excluded": a.excluded}


def _rate_dict(r: Rate) -> dict:
    return {"rate": r.rate, "count": r.count, "n": r.n}


def _subset_dict(s: SubsetReport) -> dict:
    out: dict[str, Any] = {
        "n_gold": s.n_gold,
        "n_predicted": s.n_predicted,
        "content_exact": _prf_dict(s.content_exact),
        "content_overlap": _prf_dict(s.content_overlap),
        "speaker_mention": _acc_dict(s.speaker_mention),
        "speaker_mention_pronoun": _acc_dict(s.speaker_mention_pronoun),
        "cue": _acc_dict(s.cue),
        "kind": _acc_dict(s.kind),
        "by_type": {
            t.type: {
                "recall": t.recall,
                "precision": t.precision,
                "n_gold": t.n_gold,
                "gold_matched": t.gold_matched,
                "n_predicted": t.n_predicted,
                "predicted_matched": t.predicted_matched,
            }
            for t in s.by_type
        },
        "type_confusion": [{"gold": g, "predicted": p, "count": n} for g, p, n in s.type_confusion],
    }
    if s.speaker_canonical is not None:
        out["speaker_canonical"] = _acc_dict(s.speaker_canonical)
    if s.source is not None:
        out["source"] = {
            "kind": _acc_dict(s.source.kind),
            "outlet": _acc_dict(s.source.outlet),
            "audience": _acc_dict(s.source.audience),
            "invented_channel": _rate_dict(s.source.invented_channel),
            "missed_channel": _rate_dict(s.source.missed_channel),
        }
    return out


def report_to_dict(report: Report) -> dict:
    """The report as plain JSON data, keys in a fixed order (json.dumps is deterministic)."""
    a = report.articles
    return {
        "articles": {
            "gold": a.gold,
            "predicted": a.predicted,
            "missing": a.missing,
            "failed": a.failed,
            "extra": a.extra,
        },
        "saying_lemmas": report.saying_lemmas,
        "predicted_dropped_ignored": report.predicted_dropped_ignored,
        "predicted_invalid": report.predicted_invalid,
        "subsets": {"all": _subset_dict(report.all), "saying": _subset_dict(report.saying)},
    }


def _fmt(value: float | None, num: int, den: int, extra: str = "") -> str:
    v = "-" if value is None else f"{value:.4f}"
    return f"{v:>6} ({num}/{den}{extra})"


def _acc_cell(a: Accuracy) -> str:
    return _fmt(a.accuracy, a.correct, a.n, f", {a.excluded} excl." if a.excluded else "")


def _prf_cells(p: PRF) -> tuple[str, str, str]:
    total = p.tp + p.fp + p.fn
    return (
        _fmt(p.precision, p.tp, p.n_predicted),
        _fmt(p.recall, p.tp, p.n_gold),
        _fmt(p.f1, 2 * p.tp, p.tp + total),
    )


def format_report(report: Report) -> str:
    """A readable text table: one row per figure, one column per subset.

    Each cell is ``ratio (numerator/denominator)``; ``-`` is a ratio with a zero
    denominator. F1 is shown as 2tp / (2tp + fp + fn).
    """
    subsets = (report.all, report.saying)
    rows: list[tuple[str, ...]] = []

    def row(label: str, cells: list[str]) -> None:
        rows.append((label, *cells))

    row("attributions gold / predicted", [f"{s.n_gold} / {s.n_predicted}" for s in subsets])
    for label, attr in (("content exact", "content_exact"), ("content overlap", "content_overlap")):
        cells = [_prf_cells(getattr(s, attr)) for s in subsets]
        for i, metric in enumerate(("P", "R", "F1")):
            row(f"{label} {metric}", [c[i] for c in cells])
    row("speaker mention acc", [_acc_cell(s.speaker_mention) for s in subsets])
    row("  on pronoun gold mentions", [_acc_cell(s.speaker_mention_pronoun) for s in subsets])
    row("cue acc", [_acc_cell(s.cue) for s in subsets])
    row("kind = gold type", [_acc_cell(s.kind) for s in subsets])
    for i, t in enumerate(QUOTE_TYPES):
        ts = [s.by_type[i] for s in subsets]
        row(f"{t} R", [_fmt(x.recall, x.gold_matched, x.n_gold) for x in ts])
        row(f"{t} P", [_fmt(x.precision, x.predicted_matched, x.n_predicted) for x in ts])
    canon = [s.speaker_canonical for s in subsets]
    if all(c is not None for c in canon):
        row("canonical speaker acc", [_acc_cell(c) for c in canon if c is not None])
    sources = [s.source for s in subsets if s.source is not None]
    if len(sources) == len(subsets):
        row("source kind acc", [_acc_cell(x.kind) for x in sources])
        row("source outlet acc", [_acc_cell(x.outlet) for x in sources])
        row("source audience acc", [_acc_cell(x.audience) for x in sources])
        row(
            "channel invented (gold none)",
            [
                _fmt(x.invented_channel.rate, x.invented_channel.count, x.invented_channel.n)
                for x in sources
            ],
        )
        row(
            "channel missed (gold has one)",
            [
                _fmt(x.missed_channel.rate, x.missed_channel.count, x.missed_channel.n)
                for x in sources
            ],
        )
    a = report.articles
    header = (
        f"articles: {a.gold} gold, {a.predicted} predicted, {a.missing} missing, "
        f"{a.failed} failed, {a.extra} extra\n"
        f"predictions dropped (in ignore_spans): {report.predicted_dropped_ignored}; "
        f"invalid: {report.predicted_invalid}; saying lexicon: {report.saying_lemmas} lemmas"
    )
    table = [("figure", "all", "saying"), *rows]
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    lines = [header, ""]
    for n, r in enumerate(table):
        lines.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
