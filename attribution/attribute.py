"""Join cue, content and speaker mention into attributions.

Cue matches come from the dependency rules; each rule names a content strategy that
reads the content span from the parse. Quotation marks then correct the span (a quote
is never cut), and quotes that no rule reached are attached as continuations or as the
second half of a quote split by its cue.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Spacy

from .cues import CueMatch
from .quotes import PARAGRAPH_BREAKS, Quote
from .rules import RuleSet
from .segment import dateline_end

Span = tuple[int, int]  # character offsets, end exclusive

# Dependents that belong to a speaker's mention; relative clauses, appositions and
# prepositional phrases ("Gallant in his statement") are left out.
MENTION_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "advmod"}
)
MENTION_RIGHT_DEPS = frozenset({"compound", "flat"})
# What may follow a speaker's name in its described mention: appositions, relative and
# participle clauses, coordinated speakers, and "of/at/for/from/with" phrases.
DESCRIPTION_DEPS = frozenset(
    {"appos", "relcl", "acl", "cc", "conj", "prep", "npadvmod", "amod", "compound", "flat"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})  # a clause has one
DESCRIPTIVE_PREPS = frozenset({"of", "at", "for", "from", "with", "by"})
EDGE_PUNCT = ",;:—–-"
CONTINUATION_RULE = "continuation-quote"
#: cue classes of verbs that report a belief or an intent, not an utterance
NON_SAYING_CLASSES = frozenset({"belief", "intent"})
# Strategies whose span is final: a transcript label sits inside the quotation it opens,
# so widening the content to whole quotations would swallow the label.
VERBATIM_STRATEGIES = frozenset({"rest-of-paragraph"})
# Strategies that find content only by the quotation in it: they yield that quotation to
# any other reading.
QUOTE_DRIVEN_STRATEGIES = frozenset({"quoted-part"})
MAX_CONTINUATION_GAP = 40  # words between an attribution and a quote that continues it
MAX_CUE_GAP_WORDS = 6  # words of the cue phrase that splits a quotation ("she told us,")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
# Phrases set off by a comma at either end of a passive report's clause: the writer's.
SET_OFF_DEPS = frozenset({"advcl", "prep", "npadvmod"})
# Words that open a relative clause set off by a comma ("…, which …", "…, who …").
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose"})
# Prepositions of a phrase after an object that tell where, when, why or to whom it was
# said ("cited the figure at the forum", "mentioned it to reporters"), not what.
OCCASION_PREPS = frozenset(
    {"to", "in", "on", "at", "during", "since", "because", "before", "through", "via", "amid",
     "despite", "while", "when"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Attribution:
    """One content span with its cue and the local mention of its speaker."""

    content: Span
    quotes: tuple[Span, ...]
    kind: str  # direct | indirect | mixed
    cue: Span | None
    cue_head: int | None  # token index of the cue's head word
    lemma: str | None
    cue_class: str | None
    speaker: Span | None  # the local mention, as written
    speaker_head: int | None  # token index of the mention's head word
    rule: str
    confidence: float
    continues: int | None = None  # index of the attribution this one continues


def attribute(
    doc: Doc, cues: Sequence[CueMatch], quotes: Sequence[Quote], rules: RuleSet
) -> list[Attribution]:
    """All attributions of ``doc``, in text order of their content."""
    found: dict[Span, Attribution] = {}
    for cue_matches in _group_by_cue(cues):
        attribution = _first_reading(doc, cue_matches, quotes, rules)
        if attribution is None:
            continue
        if _cue_quoted(attribution):
            continue  # a verb inside a quotation cannot report the quotation itself
        attribution = _quote_just_before(doc, attribution, quotes)
        rival = found.get(attribution.content)
        if rival is None or _rank(doc, attribution) > _rank(doc, rival):
            found[attribution.content] = attribution
    kept = _without_reread_quotes(list(found.values()), rules)
    joined = _join_paragraph_quotes(kept, quotes)
    joined = _attach_loose_quotes(doc, joined, quotes, rules)
    return sorted(joined, key=lambda a: (a.content, a.cue or (0, 0)))


def _without_reread_quotes(found: list[Attribution], rules: RuleSet) -> list[Attribution]:
    """A quotation-driven reading ("quoted-part") stands only for quotations that no
    other attribution's content holds: it is the fallback for them, not a second report."""
    strategy = {rule.name: rule.content for rule in rules.patterns}
    others = [a.content for a in found if strategy.get(a.rule) not in QUOTE_DRIVEN_STRATEGIES]
    return [
        a
        for a in found
        if strategy.get(a.rule) not in QUOTE_DRIVEN_STRATEGIES
        or not any(s <= q[0] and q[1] <= e for q in a.quotes for s, e in others)
    ]


def _cue_quoted(attribution: Attribution) -> bool:
    cue = attribution.cue
    return cue is not None and any(start <= cue[0] < end for start, end in attribution.quotes)


def _rank(doc: Doc, attribution: Attribution) -> tuple[bool, bool]:
    """Of two readings of one content, the one whose cue is outside it, then the one that
    follows it: "but Moscow denies — “Why not?” asked Dunn" is Dunn's question."""
    return not _cue_inside(attribution), _follows(doc, attribution)


def _follows(doc: Doc, attribution: Attribution) -> bool:
    """Whether the cue or speaker comes right after the content, past punctuation only."""
    if attribution.cue is None:
        return False
    end = attribution.content[1]
    after = min(attribution.cue[0], (attribution.speaker or attribution.cue)[0])
    return end <= after and not doc.text[end:after].strip(" ,.?!;:—–-")


def _quote_just_before(doc: Doc, attribution: Attribution, quotes: Sequence[Quote]) -> Attribution:
    """ "… but Moscow strongly denies — “Why wouldn't you?” asked Dunn": a finite speech
    verb right after a quotation set off by a dash or a colon reports that quotation, not
    the clause the parser hung before it."""
    start, end = attribution.content
    cue = doc[attribution.cue_head] if attribution.cue_head is not None else None
    if cue is None or cue.tag_ not in {"VBD", "VBZ", "VBP"}:
        return attribution
    quote = next((q for q in quotes if start < q.start and q.end == end), None)
    if quote is None or not _follows(doc, attribution):
        return attribution
    # set off by a dash or a colon, not a partial quote ("… of “new deployments,” the White
    # House said")
    if doc.text[start : quote.start].rstrip()[-1:] not in {"—", "–", ":"}:
        return attribution
    span = (quote.start, quote.end)
    return replace(attribution, content=span, quotes=(span,), kind="direct")


def _cue_inside(attribution: Attribution) -> bool:
    """One content, two cues: the cue outside the content is the one that reports it."""
    cue = attribution.cue
    return cue is not None and attribution.content[0] <= cue[0] < attribution.content[1]


def _group_by_cue(cues: Sequence[CueMatch]) -> list[list[CueMatch]]:
    groups: dict[int, list[CueMatch]] = {}
    for match in cues:
        groups.setdefault(match.head, []).append(match)
    return [groups[head] for head in sorted(groups)]


def _first_reading(
    doc: Doc, matches: list[CueMatch], quotes: Sequence[Quote], rules: RuleSet
) -> Attribution | None:
    """The first rule (in file order) whose content strategy reads a content span."""
    for rule_name in dict.fromkeys(m.rule.name for m in matches):
        same_rule = [m for m in matches if m.rule.name == rule_name]
        speakers = dict.fromkeys(m.speaker for m in same_rule)
        for speaker in sorted(speakers, key=lambda i: _second_choice(doc, i, quotes)):
            readings = [m for m in same_rule if m.speaker == speaker]
            spans = [s for m in readings if (s := STRATEGIES[m.rule.content](doc, m, quotes))]
            if spans:
                return _build(doc, readings[0], spans, quotes, rules)
    return None


def _second_choice(doc: Doc, index: int | None, quotes: Sequence[Quote]) -> tuple[bool, bool]:
    """Which of the speakers the parser offers comes last: a word of a quotation ('"My
    apologies," Quick said' has two subjects for "said", and the one outside the
    quotation speaks), then a description the name after it says again ("Local news
    affiliate ABC 7 reported" has two subjects too, and the name speaks)."""
    if index is None:
        return False, False
    token = doc[index]
    named_after = any(
        other.dep_ in SUBJECT_DEPS
        and other.pos_ == "PROPN"
        and other.left_edge.i == token.right_edge.i + 1
        for other in token.head.children
    )
    quoted = _quote_at(quotes, token.idx) is not None
    return quoted, token.pos_ == "NOUN" and named_after


def _build(
    doc: Doc, match: CueMatch, spans: list[Span], quotes: Sequence[Quote], rules: RuleSet
) -> Attribution:
    content = (min(s[0] for s in spans), max(s[1] for s in spans))
    speaker = match.speaker
    if speaker is None and match.rule.speaker == "sentence-subject":
        speaker = _sentence_subject(doc[match.head], content)
        if speaker is None and (beside := _name_beside(doc, doc[match.head], quotes)):
            speaker = beside.end - 1
            content = _without_name_beside(doc, content, beside, doc[match.head], quotes)
    if match.rule.content not in VERBATIM_STRATEGIES:
        content = _over_unpunctuated_break(doc, content, quotes, match)
        content = _snap_to_quotes(content, quotes, doc.text)
        content = _without_writers_tail(doc, content, quotes, match)
        content = _without_second_report(doc, content, quotes, match, rules)
    inside = tuple(
        (q.start, q.end) for q in quotes if content[0] <= q.start and q.end <= content[1]
    )
    if speaker is not None and any(s <= _name_head(doc[speaker]).idx < e for s, e in inside):
        # a quotation in what was said never names who said it: the parser hung "adding"
        # on a verb inside it ("she said, adding that … “…, they serve their time …”")
        outside = _sentence_subject(doc[match.head], content)
        speaker = speaker if outside is None else outside
    head = _name_head(doc[speaker]) if speaker is not None else None
    adjustments = ["pronoun-speaker"] if head is not None and head.pos_ == "PRON" else []
    if any(not q.closed for q in quotes if (q.start, q.end) in inside):
        adjustments.append("open-quote")
    cue_tokens = [doc[i] for i in match.cue]
    cue_start = cue_tokens[0].idx
    while (
        _is_quote_mark(doc.text[cue_start])
        and cue_start < cue_tokens[0].idx + len(cue_tokens[0]) - 1
    ):
        cue_start += 1  # ”― is one token: the cue is the dash, not the closing mark
    return Attribution(
        content=content,
        quotes=inside,
        kind="direct" if _enclosed(content, quotes) else _kind(content, inside, doc.text),
        cue=(cue_start, cue_tokens[-1].idx + len(cue_tokens[-1])),
        cue_head=match.head,
        lemma=match.lemma,
        cue_class=match.cue_class,
        speaker=(
            described_mention(head, doc[match.head], rules.words("speech_verbs"))
            if head is not None
            else None
        ),
        speaker_head=head.i if head is not None else None,
        rule=match.rule.name,
        confidence=rules.adjust(match.rule.confidence, *adjustments),
    )


PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _sentence_subject(cue: Token, content: Span) -> int | None:
    """The name (any capitalised word) or personal pronoun nearest the cue that is a
    subject in its sentence outside the content, and after the cue outside any reported
    clause ("… and said she should …" reports her): who speaks when the parser cut the
    cue off from its clause ("Trump summed up …, denounced … and said …", with "Trump"
    taken for a verb). None when the cue describes a noun ("a briefing announcing …")."""
    if cue.dep_ in {"acl", "relcl"}:
        return None
    subjects = [
        t.i
        for t in cue.sent
        if t.dep_ in SUBJECT_DEPS
        and not content[0] <= t.idx < content[1]
        and (t.i < cue.i or not any(a.dep_ == "ccomp" for a in t.ancestors))
        and (t.lower_ in PERSONAL_PRONOUNS or (t.text[:1].isupper() and not t.is_stop))
    ]  # a capitalised subject: a name, even one the tagger took for a verb ("Trump")
    return min(subjects, key=lambda i: abs(i - cue.i), default=None)


def _name_beside(doc: Doc, cue: Token, quotes: Sequence[Quote]) -> Spacy | None:
    """A person's name the parser cut off from a cue it left without a subject: set before
    the cue with an aside between commas ("Jeffrey Salkin, a rabbi helping to organise the
    boycott, said …", the aside parsed as a clause) or after it with only a title between
    ("…,” said retired neurosurgeon Ben Carson, asked about …")."""
    sentence = cue.sent
    names = [
        e
        for e in doc.ents
        if e.label_ == "PERSON"
        and sentence.start <= e.start
        and e.end <= sentence.end
        and _quote_at(quotes, e.start_char) is None
    ]
    before = [e for e in names if e.end < cue.i and _set_off(doc, e, cue)]
    after = [e for e in names if e.start > cue.i and _titled_after(doc, e, cue)]
    return before[-1] if before else (after[0] if after else None)


def _set_off(doc: Doc, name: Spacy, cue: Token) -> bool:
    """ "…, Texas delegate Bill Eastland, wearing a hat, said": the name, with the title
    words before it, opens a clause and an aside set off by commas runs up to the cue."""
    before = cue.i - 1
    while before > name.end and doc[before].ent_type_ in {"DATE", "TIME"}:
        before -= 1  # "…, last week said"
    if doc[name.end].text != "," or doc[before].text != ",":
        return False
    start = _title_start(doc, name)
    return start == cue.sent.start or doc[start - 1].text == "," or doc[start - 1].is_quote


def _titled_after(doc: Doc, name: Spacy, cue: Token) -> bool:
    """ "said Pentagon spokesman Navy Capt. Jeff Davis, who …": only title words between."""
    follows = name.end == cue.sent.end or doc[name.end].is_punct
    return follows and _title_start(doc, name) == cue.i + 1


def _title_start(doc: Doc, name: Spacy) -> int:
    """Where the title words before a name begin ("retired neurosurgeon", "Senator")."""
    start = name.start
    while (
        start > name.sent.start
        and name.start - start < 5
        and (doc[start - 1].pos_ in {"PROPN", "NOUN", "ADJ"} or doc[start - 1].dep_ == "amod")
    ):
        start -= 1
    return start


def _without_name_beside(
    doc: Doc, content: Span, name: Spacy, cue: Token, quotes: Sequence[Quote]
) -> Span:
    """The content around a cue and the name beside it, which the misparse took in: the
    quotation before them, else what follows them, else what precedes them."""
    first = min(_title_start(doc, name), cue.i)
    last = doc[max(name.end - 1, cue.i)]
    before = _strip(doc.text, content[0], min(content[1], doc[first].idx))
    after = _strip(doc.text, max(content[0], last.idx + len(last)), content[1])
    quoted = before is not None and any(q.start < before[1] and before[0] < q.end for q in quotes)
    return (before if quoted else after or before) or content


def _over_unpunctuated_break(
    doc: Doc, content: Span, quotes: Sequence[Quote], match: CueMatch
) -> Span:
    """ "cited remarks¦Trump had made about her as proof": where the parser ends a sentence
    with no stop in the text (it often does at a relative clause without "which" or
    "that"), the content runs on to the end of the parser's next sentence, before the
    cue or speaker when they stand there. Not over a line break or into a quotation."""
    words = doc.char_span(content[0], content[1], alignment_mode="expand")
    if words is None or words.end >= len(doc):
        return content
    last, following = doc[words.end - 1], doc[words.end]
    if not following.is_sent_start or last.is_punct or following.is_punct or following.is_space:
        return content
    if "\n" in doc.text[last.idx : following.idx] or _quote_at(quotes, following.idx):
        return content
    end = following.sent.end
    for index in (*match.cue, match.speaker):
        if index is not None and following.i <= index < end:
            end = doc[index].left_edge.i if index == match.speaker else index
    return _trimmed(doc, words.start, end) or content


def _without_writers_tail(
    doc: Doc, content: Span, quotes: Sequence[Quote], match: CueMatch
) -> Span:
    """The writer's words after what was said: a non-restrictive relative clause that ends
    the content ("…, which the court has put on hold") and a clause after a semicolon
    with a subject of its own ("…; they learned of it on Friday"). Never in a quotation,
    nor a clause that quotes: the parser may hang the rest of the sentence on it ("Austin,
    who … reiterated that the U.S. “certainly will help …”, spoke with Gallant …")."""
    words = doc.char_span(content[0], content[1], alignment_mode="expand")
    if words is None:
        return content
    last = _last_word(words)
    cue = {*match.cue, match.head}
    for token in words:
        if token.i in cue:
            continue
        if (
            token.text == ";"
            and not _quote_at(quotes, token.idx)
            and _has_clause(doc[token.i + 1 : words.end], token.i)
        ):
            return _strip(doc.text, content[0], token.idx) or content
        opener = token.left_edge
        if (
            token.dep_ == "relcl"
            and opener.lower_ in RELATIVE_WORDS
            and opener.i > words.start
            and doc[opener.i - 1].text == ","
            and token.head.i < opener.i
            and token.right_edge.i >= last
            and not any(q.start < content[1] and opener.idx < q.end for q in quotes)
        ):
            return _strip(doc.text, content[0], doc[opener.i - 1].idx) or content
    return content


def _without_second_report(
    doc: Doc, content: Span, quotes: Sequence[Quote], match: CueMatch, rules: RuleSet
) -> Span:
    """A report coordinated inside the content, or hung on it as a participle, is a second
    report, not part of the first: "said the plan left out fathers, and when pressed, the
    mother of three replied, …", "said that the country would leave and suggested that it
    would …", "insisted it was premature while adding, “…”" (not what a cue after it
    reports). The content ends before the conjunction. Not a verb of belief or intent:
    "said they were relieved but wanted the decision in writing" is one thing said."""
    words = doc.char_span(content[0], content[1], alignment_mode="expand")
    if words is None:
        return content
    after = words.start > match.head  # ", Trump saying …, CNN reported" is all CNN's
    for token in words:
        if (
            (token.dep_ == "conj" or (token.dep_ == "advcl" and token.tag_ == "VBG" and after))
            and token.i != match.head
            and rules.cue_class("speech_verbs", token.lemma_) not in {None, *NON_SAYING_CLASSES}
            and token.pos_ == "VERB"
            and words.start <= token.head.i < token.i
            and (
                any(c.dep_ == "ccomp" for c in token.children)
                or _quote_right_after(doc.text, quotes, _end_of(token))
            )
            and not _quote_at(quotes, token.idx)
        ):
            cut = token.left_edge.i
            while cut > words.start and (
                doc[cut - 1].dep_ == "cc"
                or (doc[cut - 1].is_punct and not _quote_ending(quotes, _end_of(doc[cut - 1])))
            ):
                cut -= 1  # ", and" / "and" before the second report, not a closing mark
            if cut <= words.start:
                continue
            return _strip(doc.text, content[0], doc[cut].idx) or content
    return content


def _has_clause(words: Spacy, after: int) -> bool:
    """Whether the words hold a verb with its own subject, the verb after token ``after``."""
    return any(
        t.dep_ in {"nsubj", "nsubjpass"} and t.head.i > after and t.head.pos_ in {"VERB", "AUX"}
        for t in words
    )


def _last_word(words: Spacy) -> int:
    """Index of the last token of ``words`` that is neither punctuation nor space."""
    last = words.end - 1
    while last > words.start and (words.doc[last].is_punct or words.doc[last].is_space):
        last -= 1
    return last


def _name_head(token: Token) -> Token:
    """ "― Carla Sanchez": the pattern binds "Carla"; the mention's head is "Sanchez"."""
    while (
        token.dep_ in {"compound", "flat"} and token.head.pos_ == "PROPN" and token.head.i > token.i
    ):
        token = token.head
    return token


def _is_quote_mark(char: str) -> bool:
    return char == '"' or unicodedata.category(char) in {"Pi", "Pf"}


def _without_closing_marks(text: str) -> str:
    """Text before its closing quotation marks (', " and ’ as in ''…'' included)."""
    end = len(text)
    while end and (_is_quote_mark(text[end - 1]) or text[end - 1] == "'"):
        end -= 1
    return text[:end]


def _end_before(text: str, position: int) -> int:
    """Where the text before ``position`` ends, trailing white space left out (no copy)."""
    while position and text[position - 1].isspace():
        position -= 1
    return position


def described_mention(head: Token, cue: Token, speech_verbs: frozenset[str] = frozenset()) -> Span:
    """The mention as a reader sees it: name plus what describes it ("Kenneth Baer, a
    former official who runs a firm,"), never the cue or a channel phrase after it, nor a
    clause that reports speech of its own ("Mr. Kamin, who emphasized that …", "Trump,
    speaking to veterans,"): that is another report, not a description."""
    left, _ = mention_span(head)
    if cue.i < head.i and left <= cue.idx:
        left = head.doc[cue.i + 1].idx  # "Said Ellis:": the verb read as part of the name
    right = head.i
    for child in head.rights:
        if cue.i in range(child.left_edge.i, child.right_edge.i + 1) or child.i > cue.i > head.i:
            break
        if child.text == ":":
            break  # a colon opens what the speaker says
        if child.dep_ == "prep" and child.lower_ not in DESCRIPTIVE_PREPS:
            break
        if child.dep_ not in DESCRIPTION_DEPS and not child.is_punct:
            break
        if _reports_speech(child, speech_verbs):
            break
        right = child.right_edge.i
    doc = head.doc
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        if doc[right].text == ")" and any(t.text == "(" for t in doc[head.i : right]):
            break  # "Sen. Walt Pruitt (R-SC)": the bracket closes what it opened
        right -= 1
    return left, max(doc[right].idx + len(doc[right]), mention_span(head)[1])


def _reports_speech(clause: Token, speech_verbs: frozenset[str]) -> bool:
    """A clause on a speaker's name that reports speech of its own: a speech verb with
    its own content ("who emphasized that …") or a participle set off by a comma
    ("…, speaking to veterans,"); "who asked not to be named" and "briefed on the
    talks" describe the speaker."""
    if clause.dep_ not in {"relcl", "acl"} or clause.lemma_ not in speech_verbs:
        return False
    if any(c.dep_ == "ccomp" for c in clause.children):
        return True
    return clause.tag_ == "VBG" and clause.i > 0 and clause.doc[clause.i - 1].text == ","


def mention_span(head: Token) -> Span:
    """The speaker's mention: the head word with its name, title and determiner words."""
    left, right = mention_tokens(head)
    doc = head.doc
    return doc[left].idx, doc[right].idx + len(doc[right])


def mention_tokens(head: Token) -> tuple[int, int]:
    """First and last token of :func:`mention_span`."""
    left, right = head.i, head.i
    for child in head.lefts:
        if child.dep_ in MENTION_LEFT_DEPS:
            left = min(left, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in MENTION_RIGHT_DEPS and child.i == right + 1:
            right = child.i
    while left < right and head.doc[left].is_punct:
        left += 1
    return left, right


# Content strategies: each reads a content span for one cue match, or None.


def _subtree(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    node = doc[match.content]
    start = _after_leading_time(node)
    while start < node.i and start in match.cue:
        start += 1  # "calling for the city to reopen": "for" opens the clause but is cue
    return _trimmed(doc, start, _with_given_reason(doc, match, node.right_edge.i + 1))


def _with_given_reason(doc: Doc, match: CueMatch, end: int) -> int:
    """ "said the claim smacked of hypocrisy, because Democrats had …": the parser hangs a
    reason that follows the complement on the cue, but it is part of what was said."""
    for clause in doc[match.head].rights:
        opener = clause.left_edge
        if (
            clause.dep_ == "advcl"
            and opener.lower_ == "because"
            and opener.i in (end, end + 1)
            and doc[end : opener.i].text in {"", ","}
        ):
            return clause.right_edge.i + 1 - doc[clause.right_edge.i].is_punct
    return end


def _cue_clause(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """ "The senator is expected to resign": the clause the cue heads, subject and all,
    as the passive names what was said or expected in its subject."""
    cue = doc[match.head]
    start, end = cue.left_edge.i, cue.right_edge.i + 1
    for child in cue.lefts:  # "And", "Although …,": the writer's link to the text before
        if child.left_edge.i != start:
            break
        if child.dep_ == "cc" or (
            child.dep_ in SET_OFF_DEPS and doc[child.right_edge.i + 1].text == ","
        ):
            start = child.right_edge.i + 1
    for token in doc[cue.i + 1 : end]:  # "…, reflecting …": the writer's comment
        opener = token.left_edge
        if (
            token.dep_ in SET_OFF_DEPS
            and opener.i > cue.i + 1
            and doc[opener.i - 1].text == ","
            and token.right_edge.i >= end - 1 - (doc[end - 1].is_punct)
        ):
            end = opener.i
            break
    return _trimmed(doc, start, end)


def _quoted_part(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """ "went after him as a “land grabber”": a verb that is no speech verb reports words
    only through a quotation; the phrase that holds one is the content, else there is none."""
    node = doc[match.content]
    span = _trimmed(doc, node.left_edge.i, node.right_edge.i + 1)
    if span is None or not any(
        span[0] <= q.start < span[1]
        and not _is_title(doc.text[q.start : q.end])
        and _held_directly(node, q)
        for q in quotes
    ):
        return None
    return span


def _held_directly(node: Token, quote: Quote) -> bool:
    """The quoted words hang on ``node`` through no clause that describes a noun: in
    "held signs reading “…”" they are the signs' words, not the holders'."""
    words = [t for t in node.subtree if quote.start <= t.idx < quote.end and not t.is_punct]
    if not words:
        return False
    token = words[0]
    while token.i != node.i and token.head.i != token.i:
        token = token.head
        if token.i != node.i and token.dep_ in {"acl", "relcl"}:
            return False
    return token.i == node.i


def _is_title(text: str) -> bool:
    """ "“Larry King Now”", "“The Apprentice”": every word capitalised names a work or a
    thing; words someone said have lower-case words among them."""
    return not any(word[0].islower() for word in re.findall(r"[^\W\d_][\w'’-]*", text))


def _after_leading_time(node: Token) -> int:
    """ "said on Thursday it was safe": the parser hangs the cue's date on the complement;
    a time phrase before the complement's subject belongs to the cue, not the content."""
    start = node.left_edge.i
    subjects = [c.i for c in node.lefts if c.dep_ in SUBJECT_DEPS]
    for child in node.lefts:
        if not subjects or child.i > subjects[0] or child.left_edge.i != start:
            break
        if any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree) and child.dep_ in {
            "prep",
            "npadvmod",
            "advmod",
        }:
            start = child.right_edge.i + 1
        else:
            break
    return start


def _quote(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """The quotation in the object ("termed the “Abraham Alliance”")."""
    node, cue = doc[match.content], doc[match.head]
    if _quote_at(quotes, cue.idx):
        return None
    if any(c.dep_ == "dobj" and not _quote_at(quotes, c.idx) for c in cue.children):
        return None  # "called it “disgusting”": the object and its label are the content
    for token in node.subtree:
        quote = _quote_at(quotes, token.idx)
        if quote:
            return quote.start, quote.end
    return None


def _following_quote(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """The quotation that opens right after the cue (and an inverted speaker); a clausal
    complement outside that quotation is another rule's content."""
    cue = doc[match.head]
    speaker = doc[match.speaker] if match.speaker is not None else None
    position = cue.i + 1
    if speaker is not None and speaker.i > cue.i:  # inverted: said the mayor: “…”
        inside = speaker.left_edge.i <= cue.i <= speaker.right_edge.i  # "Said" read as a name
        position = (speaker.i if inside else speaker.right_edge.i) + 1
    skipped: list[Token] = []  # the cue's own modifiers passed over on the way
    while position < len(doc):
        token = doc[position]
        if token.text in ":," or token.is_space:
            position += 1
            continue
        modifier = _modifier_of(token, cue)
        if modifier is None:
            break
        skipped.append(modifier)
        position = modifier.right_edge.i + 1  # "saying during the debate, “…”"
    if position >= len(doc):
        return None
    quote = _quote_at(quotes, doc[position].idx)
    if not quote or quote.start != doc[position].idx:
        return None
    if skipped and doc.text[: quote.start].rstrip()[-1:] not in {",", ":"}:
        return None  # "described her as “a disgrace”": the quotation ends the cue's phrase
    if any(c.dep_ == "ccomp" and not quote.start <= c.idx < quote.end for c in cue.children):
        return None
    return quote.start, quote.end


def _modifier_of(token: Token, cue: Token) -> Token | None:
    """The cue's modifier or addressee that ``token`` belongs to ("during the debate",
    "scolded him"), which may stand between a cue and the quotation it introduces; None
    for a quotation mark or anything else."""
    if _is_quote_mark(token.text[0]):
        return None
    for ancestor in (token, *token.ancestors):
        if ancestor.head.i == cue.i and ancestor.i != cue.i:
            if ancestor.dep_ in {"prep", "npadvmod", "advmod", "dobj", "dative"}:
                return ancestor
            return None
    return None


def _preceding_clause(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """``CONTENT, SPEAKER said`` or ``CONTENT, said SPEAKER``: the content ends at the comma."""
    cue = doc[match.head]
    if match.speaker is None or any(child.dep_ == "ccomp" for child in cue.children):
        return None
    speaker = doc[match.speaker]
    first = min(speaker.left_edge.i, cue.i)
    quoted = _quote_ending_at(doc, quotes, first)
    if quoted is not None:  # “…?” Graham asked. — the parser often starts a sentence here
        return quoted
    if not _ends_sentence(doc, cue, speaker, quotes):
        return None
    before = first - 1
    while before >= 0 and not _without_closing_marks(doc[before].text):
        before -= 1
    if before < 0 or doc[before].text not in {",", "—", "–", "--"}:
        return None
    sentence_start = cue.sent.start
    if not any(t.dep_ in SUBJECT_DEPS for t in doc[sentence_start:before]):
        return None  # "At Monday's debate, Trump said …": a fronted phrase is no content
    if _modifies_cue(doc[sentence_start:before], cue):
        return None  # "Minutes after the vote began, the chair announced …"
    if _opens_subordinate_clause(doc[sentence_start:before]):
        return None  # "When the fund ran dry, officials said …": the clause only sets the time
    quote = _quote_at(quotes, doc[first - 1].idx)
    story = dateline_end(doc.text, doc[sentence_start].idx)  # "CORVO — Fires spread, …"
    start = min(quote.start, story) if quote else story
    end = doc[first - 1].idx + len(doc[first - 1]) if quote else doc[before].idx
    if end <= start:
        return None
    return _strip(doc.text, start, end)


def _modifies_cue(words: Spacy, cue: Token) -> bool:
    """Whether the words are the cue's fronted modifier: every word that heads them hangs
    on the cue as a phrase of time, manner or cause ("Minutes after the vote began, …",
    "In response to the attacks, …"), not as what was said."""
    tops = [t for t in words if not words.start <= t.head.i < words.end and not t.is_punct]
    return bool(tops) and all(
        t.head.i == cue.i and t.dep_ in {"prep", "npadvmod", "advmod", "advcl"} for t in tops
    )


def _opens_subordinate_clause(words: Span) -> bool:
    """Whether the words open with a subordinating conjunction (when, if, while, because),
    after at most a leading "But" or "And"."""
    leading = [t for t in words[:3] if not (t.is_punct or t.is_space)]
    if leading and leading[0].dep_ == "cc":
        leading = leading[1:]
    return bool(leading) and (leading[0].dep_ == "mark" or leading[0].tag_ == "WRB")


def _quote_ending_at(doc: Doc, quotes: Sequence[Quote], first: int) -> Span | None:
    """The quotation that closes right before token ``first``, ending in , ? ! or a dash."""
    quote = _quote_ending(quotes, _end_before(doc.text, doc[first].idx))
    if quote is None or not quote.closed:
        return None
    inner = _without_closing_marks(doc.text[quote.start : quote.end])
    return (quote.start, quote.end) if inner.endswith((",", "?", "!", "—", "–", "-")) else None


def _ends_sentence(doc: Doc, cue: Token, speaker: Token, quotes: Sequence[Quote]) -> bool:
    """After cue and speaker, only the cue's own modifiers ("said Friday in a statement")."""
    last = max(cue.i, speaker.right_edge.i)
    for token in doc[last + 1 : cue.sent.end]:
        if _quote_at(quotes, token.idx):
            return False
        if not (token.is_punct or token.is_space or cue in token.ancestors):
            return False
    return True


def _preceding_quote(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """“…” — Name: the quotation that ends right before the dash."""
    dash = doc[match.head]  # may carry the closing mark: “…”―
    end = dash.idx + len(dash.text)
    while end and doc.text[end - 1] in "—―–-":
        end -= 1
    quote = _quote_ending(quotes, _end_before(doc.text, end))
    return (quote.start, quote.end) if quote else None


def _head_clause(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """For "according to X": the clause the phrase modifies, without the phrase; when the
    parser hangs the phrase on a subordinate clause ("Though it was quick, Ruiz said,
    repairs will last"), the clause that one belongs to."""
    phrase = doc[match.head]
    clause = phrase.head
    if clause.i == phrase.i:
        return None
    while clause.dep_ in {"advcl", "ccomp"} and clause.head.i != clause.i:
        clause = clause.head
    phrase_start, phrase_end = phrase.left_edge.i, phrase.right_edge.i + 1
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    while end > phrase_end and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if phrase_start <= start:
        start = phrase_end
    elif phrase_end >= end:
        end = phrase_start
    for child in clause.rights:  # "…, although it may take days to tell": the writer's
        if (
            child.dep_ == "advcl"
            and child.i > phrase_end
            and doc[child.left_edge.i - 1].text == ","
            and any(c.dep_ == "mark" and c.lower_ in {"although", "though"} for c in child.children)
        ):
            end = min(end, child.left_edge.i)
    return _trimmed(doc, start, end)


def _object_and_complement(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """ "urged residents to leave": from the object before the infinitive to its end."""
    complement = doc[match.content]
    start = complement.left_edge.i
    for child in doc[match.head].children:
        if child.dep_ == "dobj" and child.i < complement.i:
            start = min(start, child.left_edge.i)
    return _trimmed(doc, start, complement.right_edge.i + 1)


def _object_phrase(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """ "called the senator a liar", "described the plan as reckless", "criticized her for
    the delay": the object and the predicate or reason that completes it; a quoted object
    alone is the quote rule's case."""
    obj, cue = doc[match.content], doc[match.head]
    end = obj.right_edge.i
    for child in cue.rights:
        if child.i > end and (
            child.dep_ in {"oprd", "ccomp"}
            or (child.dep_ == "prep" and child.lower_ in {"as", "of", "for"})
        ):
            end = child.right_edge.i
    end = _completing_phrases(doc, cue, end)
    if end == obj.right_edge.i and (obj.pos_ == "PRON" or obj.ent_type_ == "PERSON"):
        return None  # "attacked Clinton", "praised him": the object is a target, not content
    return _trimmed(doc, obj.left_edge.i, end + 1)


def _completing_phrases(doc: Doc, cue: Token, end: int) -> int:
    """Token index where an object content ends once the cue's phrases that directly
    follow it are added: "cited her work after the attacks", "called him a master at
    deals", "mentioned refinancing loans and forcing universities to …" (a gerund
    coordinated with a gerund object); not a phrase of occasion or a date."""
    for child in cue.rights:
        if child.left_edge.i != end + 1:
            continue
        if child.dep_ in {"oprd", "ccomp"} or _completing_prep(child):
            end = child.right_edge.i
        elif child.dep_ == "cc" and cue.tag_ != "VBG":
            following = [c for c in cue.rights if c.dep_ == "conj" and c.i > child.i]
            if following and following[0].tag_ == "VBG":
                end = following[0].right_edge.i
    return end


def _completing_prep(token: Token) -> bool:
    return (
        token.dep_ == "prep"
        and token.lower_ not in OCCASION_PREPS
        and not any(t.ent_type_ in {"DATE", "TIME"} for t in token.children if t.dep_ == "pobj")
    )


def _unmarked_clause(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """ "said after the convention he would not run": a clause after the cue with a subject
    of its own and no subordinator (if, when, because) is what was said, though the parser
    read it as an adverbial clause; a phrase before its subject is the cue's."""
    clause, cue = doc[match.content], doc[match.head]
    subjects = [c for c in clause.lefts if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if clause.i < cue.i or not subjects or subjects[0].tag_ in {"WP", "WDT"}:
        return None
    if any(c.dep_ == "mark" or c.tag_ == "WRB" for c in clause.children):
        return None
    start = subjects[0].left_edge.i
    if any(t.is_punct for t in doc[cue.i + 1 : start]):
        return None  # "said on Monday, when …, it would …": not one clause
    return _trimmed(doc, start, clause.right_edge.i + 1)


def _rest_of_paragraph(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """ "WALLACE: Let's start …": from after the label to the paragraph's end, without
    the closing mark of a quotation the label opened. A label opens its paragraph."""
    if match.speaker is None:
        return None
    speaker = doc[match.speaker]
    label = mention_span(speaker)[0]
    line = doc.text[doc.text.rfind("\n", 0, label) + 1 : label].strip()
    if line not in ("", '"', "“"):
        return None  # "… said Trump: …" is no label
    headline = not doc.text[:label].strip().strip('"“')  # "Poll: Race tightens" opens the text
    if not (
        headline
        or speaker.ent_type_ == "PERSON"
        or doc.text[label : speaker.idx + len(speaker)].isupper()
    ):
        return None  # "Stealth Over Health:" in a story: a phrase, not a speaker
    start = doc[match.head].idx + len(doc[match.head])
    end = doc.text.find("\n", start)
    span = _strip(doc.text, start, len(doc.text) if end < 0 else end)
    if span and line and _is_quote_mark(doc.text[span[1] - 1]):
        span = _strip(doc.text, span[0], span[1] - 1)
    return span


def _preceding_quote_only(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """ "“…,” the letter reads.": only a quotation can be this cue's content."""
    if match.speaker is None:
        return None
    cue, speaker = doc[match.head], doc[match.speaker]
    if not _ends_sentence(doc, cue, speaker, quotes):
        return None
    return _quote_ending_at(doc, quotes, min(speaker.left_edge.i, cue.i))


def _next_paragraph(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """ "The governor added:" closing its paragraph: the next paragraph is what was said,
    set as a block without quotation marks (a quoted one is the following quote)."""
    cue, text = doc[match.head], doc.text
    colon = _next_word(text, cue.idx + len(cue.text))
    if not text.startswith(":", colon):
        return None
    line_end = text.find("\n", colon)
    if line_end < 0 or text[colon + 1 : line_end].strip():
        return None
    start = _next_word(text, line_end)
    if start >= len(text) or _is_quote_mark(text[start]):
        return None
    end = text.find("\n", start)
    return _strip(text, start, len(text) if end < 0 else end)


def _dash_set_quote(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """ "…, including Ana Ruiz -- “…” -- and two others": a quotation set off by dashes
    right after a name; it needs the closing dash, or the dash only leads into a quote."""
    dash = doc[match.head]
    quote = _quote_at(quotes, _next_word(doc.text, dash.idx + len(dash.text)))
    if quote is None or doc.text[quote.start] == dash.text[0]:
        return None
    after = doc.text[_next_word(doc.text, quote.end) :]
    return (quote.start, quote.end) if after.startswith(("--", "—", "–")) else None


def _next_word(text: str, position: int) -> int:
    """The first offset from ``position`` that is not white space."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _quote_before_match(doc: Doc, match: CueMatch, quotes: Sequence[Quote]) -> Span | None:
    """The quotation whose closing mark the pattern matched (“…,” NAME said)."""
    return _quote_ending_at(doc, quotes, match.content + 1)


STRATEGIES: dict[str, Callable[[Doc, CueMatch, Sequence[Quote]], Span | None]] = {
    "subtree": _subtree,
    "quote": _quote,
    "following-quote": _following_quote,
    "preceding-clause": _preceding_clause,
    "head-clause": _head_clause,
    "preceding-quote": _preceding_quote,
    "object-and-complement": _object_and_complement,
    "object-phrase": _object_phrase,
    "unmarked-clause": _unmarked_clause,
    "rest-of-paragraph": _rest_of_paragraph,
    "preceding-quote-only": _preceding_quote_only,
    "quote-before-match": _quote_before_match,
    "dash-set-quote": _dash_set_quote,
    "next-paragraph": _next_paragraph,
    "cue-clause": _cue_clause,
    "quoted-part": _quoted_part,
}


# Span helpers


def _trimmed(doc: Doc, start: int, end: int) -> Span | None:
    """Token range to character span, without punctuation at its edges (quote marks stay)."""
    while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCT + "."):
        end -= 1
    if start >= end:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_PUNCT):
        end -= 1
    return (start, end) if start < end else None


def _quote_ending(quotes: Sequence[Quote], end: int) -> Quote | None:
    return next((quote for quote in quotes if quote.end == end), None)


def _quote_at(quotes: Sequence[Quote], offset: int) -> Quote | None:
    for quote in quotes:
        if quote.start <= offset < quote.end:
            return quote
    return None


def _snap_to_quotes(span: Span, quotes: Sequence[Quote], text: str) -> Span:
    """Widen a span so that it never cuts a quotation in two."""
    start, end = span
    for quote in quotes:
        if quote.start < end and start < quote.end:
            start, end = min(start, quote.start), max(end, quote.end)
    return _strip(text, start, end) or span


def _enclosed(content: Span, quotes: Sequence[Quote]) -> bool:
    """Content inside a quotation that opened before it ("WALLACE: …" in a quoted line)."""
    return any(q.start < content[0] and content[1] <= q.end for q in quotes)


def _kind(content: Span, quotes: tuple[Span, ...], text: str) -> str:
    if not quotes:
        return "indirect"
    if quotes[0][0] == content[0] and quotes[-1][1] == content[1]:
        between = [text[a[1] : b[0]] for a, b in pairwise(quotes)]
        if len(quotes) == 1 or all(_is_cue_gap(gap) for gap in between):
            return "direct"
    return "mixed"


def _is_cue_gap(gap: str) -> bool:
    """Text between two quotes of one split quotation: a short cue ("she said,")."""
    return len(gap.split()) <= MAX_CUE_GAP_WORDS and "." not in gap.strip()


# Quotes that no rule reached


def _join_paragraph_quotes(found: list[Attribution], quotes: Sequence[Quote]) -> list[Attribution]:
    """A quote continued over paragraphs belongs to the attribution of any of its parts."""
    chains: list[list[Quote]] = []
    for quote in quotes:
        if quote.continues and chains:
            chains[-1].append(quote)
        else:
            chains.append([quote])
    result = list(found)
    for chain in (c for c in chains if len(c) > 1):
        spans = [(q.start, q.end) for q in chain]
        for index, attribution in enumerate(result):
            if any(s in attribution.quotes for s in spans):
                start = min(attribution.content[0], spans[0][0])
                end = max(attribution.content[1], spans[-1][1])
                merged = tuple(sorted({*attribution.quotes, *spans}))
                result[index] = replace(attribution, content=(start, end), quotes=merged)
                break
    return result


def _attach_loose_quotes(
    doc: Doc, found: list[Attribution], quotes: Sequence[Quote], rules: RuleSet
) -> list[Attribution]:
    """Quotes outside every content: a split quote's second half, or a continuation."""
    result = sorted(found, key=lambda a: a.content)
    for quote in quotes:
        if any(a.content[0] <= quote.start and quote.end <= a.content[1] for a in result):
            continue
        following = next((a for a in result if a.content[0] >= quote.end), None)
        if following is not None and _opens_split_quote(doc, quote, following):
            merged = ((quote.start, quote.end), *following.quotes)
            index = result.index(following)
            result[index] = replace(
                following, content=(quote.start, following.content[1]), quotes=merged
            )
            continue
        previous = [a for a in result if a.content[1] <= quote.start]
        if not previous:
            continue
        last = _quoting_attribution(doc, previous)
        index = result.index(last)
        if last.kind != "indirect" and _split_by_cue(doc, last, last.content[1], quote.start):
            merged = (*last.quotes, (quote.start, quote.end))
            result[index] = replace(last, content=(last.content[0], quote.end), quotes=merged)
        elif (
            last.kind != "indirect"
            and (last.speaker_head is not None or last.continues is not None)
            and _continues(doc, last, quote)
        ):
            result.append(
                Attribution(
                    content=(quote.start, quote.end),
                    quotes=((quote.start, quote.end),),
                    kind="direct",
                    cue=None,
                    cue_head=None,
                    lemma=None,
                    cue_class=None,
                    speaker=None,
                    speaker_head=None,
                    rule=CONTINUATION_RULE,
                    confidence=rules.adjust(last.confidence, "continuation"),
                    continues=index,
                )
            )
        result.sort(key=lambda a: a.content)
    return result


def _quoting_attribution(doc: Doc, previous: list[Attribution]) -> Attribution:
    """The attribution a later quote may continue: the latest one, unless that is an
    indirect report hung on the same speaker in the same sentence as a quotation
    (“A,” she said, adding that … . “B.”): the quotation's attribution is the one."""
    last = max(previous, key=lambda a: a.content[1])
    if last.kind != "indirect" or last.speaker_head is None or last.cue_head is None:
        return last
    sentence = doc[last.cue_head].sent
    quoted = [
        a
        for a in previous
        if a.kind != "indirect"
        and a.speaker_head == last.speaker_head
        and a.cue_head is not None
        and sentence.start <= a.cue_head < sentence.end
    ]
    return max(quoted, key=lambda a: a.content[1]) if quoted else last


def _opens_split_quote(doc: Doc, quote: Quote, following: Attribution) -> bool:
    """“A,” she said, “B.” read from B: the cue took B as its content, and A, closed by a
    comma, ? or !, stands before the cue with nothing but cue and speaker between."""
    inner = _without_closing_marks(doc.text[quote.start : quote.end])
    return (
        following.kind != "indirect"
        and bool(following.quotes)
        and following.quotes[0][0] == following.content[0]
        and inner.endswith((",", "?", "!"))
        and _split_by_cue(doc, following, quote.end, following.content[0])
    )


def _split_by_cue(doc: Doc, attribution: Attribution, start: int, end: int) -> bool:
    """“A,” she said, “B.”: between ``start`` (after A) and ``end`` (B's opening mark) lie
    only the attribution's cue, its speaker and punctuation, and in a short gap the cue's
    own modifiers (“A,” she told reporters on Monday, “B.”); all in one paragraph, as a
    quotation that opens the next paragraph starts another item (“A.” ― Name ¶ “B.”)."""
    cue = attribution.cue
    if cue is None or not (start <= cue[0] and cue[1] <= end):
        return False
    if any(char in PARAGRAPH_BREAKS for char in doc.text[start:end]):
        return False
    gap = doc.char_span(start, end, alignment_mode="expand")
    if gap is None:
        return False
    allowed = {
        *range(*_token_range(doc, cue)),
        *range(*_token_range(doc, attribution.speaker)),
    }
    head = attribution.cue_head
    short = len(doc.text[start:end].split()) <= MAX_CUE_GAP_WORDS
    return all(
        t.i in allowed
        or (t.is_punct and t.text not in ".?!;")
        or t.is_space
        or (short and not t.is_punct and head is not None and doc[head] in t.ancestors)
        for t in gap
        if t.idx < end
    )  # “A?” Graham asked. “B.” ends a sentence: B is a continuation, not a fragment


def _continues(doc: Doc, last: Attribution, quote: Quote) -> bool:
    """A whole quoted sentence right after the sentence of ``last``, at most one
    paragraph break away: “A,” she said. “B.” or a quote opening the next paragraph."""
    gap = doc.text[last.content[1] : quote.start]
    if len(_PARAGRAPH_BREAK.findall(gap)) > 1 or len(gap.split()) > MAX_CONTINUATION_GAP:
        return False
    text = doc.text
    line_start = text.rfind("\n", 0, quote.start) + 1
    opens_paragraph = not text[line_start : quote.start].strip()
    before = text[line_start : _end_before(text, quote.start)]
    starts_sentence = opens_paragraph or _without_closing_marks(before).endswith(
        (".", "?", "!", ":")
    )
    after = text[quote.end : quote.end + 2].lstrip(" ")
    inner = _without_closing_marks(text[quote.start : quote.end].rstrip())
    ends_sentence = inner.endswith((".", "?", "!")) or not after or after[0] in "\n\r"
    return starts_sentence and ends_sentence and not _sentences_between(doc, last, quote)


def _sentences_between(doc: Doc, last: Attribution, quote: Quote) -> bool:
    """Whether a sentence other than the cue's own lies between ``last`` and the quote,
    apart from one remark about the speaker in the same paragraph (“A,” he said. He did
    not elaborate. “B.”)."""
    gap = doc.char_span(last.content[1], quote.start, alignment_mode="expand")
    cue = last.cue[0] if last.cue else -1
    if gap is None:
        return False
    between = [
        s
        for s in gap.sents
        if last.content[1] <= s.start_char
        and s.end_char <= quote.start
        and s.text.strip()
        and not s.start_char <= cue < s.end_char
    ]
    one_paragraph = not any(
        char in PARAGRAPH_BREAKS for char in doc.text[last.content[1] : quote.start]
    )
    if one_paragraph and len(between) == 1 and _remark_on_speaker(between[0]):
        return False
    return bool(between)


def _remark_on_speaker(sentence: Spacy) -> bool:
    """A sentence without quotation marks whose subject is "he", "she" or "they": the
    writer's aside between two parts of one quotation (a sentence that reports speech
    of its own is an attribution, and the quote after it is weighed against that)."""
    subjects = [t for t in sentence if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"]
    return (
        len(subjects) == 1
        and subjects[0].lower_ in {"he", "she", "they"}
        and not any(_is_quote_mark(t.text[0]) for t in sentence)
    )


def _token_range(doc: Doc, span: Span | None) -> tuple[int, int]:
    if span is None:
        return 0, 0
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    return (tokens.start, tokens.end) if tokens is not None else (0, 0)


def _end_of(token: Token) -> int:
    return token.idx + len(token)


def _quote_right_after(text: str, quotes: Sequence[Quote], position: int) -> bool:
    """ "replied, “…”": a quotation opens right after ``position`` (a comma or colon
    between); not "would answer any attack “in a way …”", where the quote is the verb's
    object's."""
    while position < len(text) and (text[position].isspace() or text[position] in ",:"):
        position += 1
    return any(quote.start == position for quote in quotes)
