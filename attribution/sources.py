"""Where and when each statement was made: channel, outlet, audience, time, place.

Channel expressions are data (``rules/channels.yaml``). They are looked for only in the
words that attach to the cue (or to its speaker: "Gallant in his statement"), never
inside the content: "he pressed the leader in a call" is what was said, not where.
Attributions from one utterance share one source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from spacy.tokens import Doc, Token

from .attribute import Attribution, Span
from .rules import ChannelRule, RuleSet

WEEKDAYS = {
    "monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH,
    "friday": FR, "saturday": SA, "sunday": SU,
}  # fmt: skip
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1}
OUTLET_DEPS = frozenset({"compound", "poss", "nmod"})
TIME_ENTS = frozenset({"DATE", "TIME"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(slots=True)
class Source:
    kind: str
    outlet: str | None = None
    audience: str | None = None
    when: str | None = None
    date: str | None = None
    place: str | None = None
    via: str | None = None
    rule: str | None = None
    speaker: int | None = None  # index into the resolved speakers: the issuer
    mentions: set[Span] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class LinkedSources:
    sources: tuple[Source, ...]
    of_attribution: tuple[int | None, ...]


def link_sources(
    doc: Doc,
    attributions: Sequence[Attribution],
    speakers_of: Sequence[int | None],
    rules: RuleSet,
    published: dt.date | None,
) -> LinkedSources:
    """One source per utterance; attributions of the same utterance share it."""
    sources: list[Source] = []
    chosen: list[int | None] = []
    cue_tokens = frozenset(
        doc.char_span(*a.cue, alignment_mode="expand")[0].i for a in attributions if a.cue
    )
    for index, attribution in enumerate(attributions):
        if attribution.continues is not None:
            chosen.append(chosen[attribution.continues])
            continue
        found = _read_source(doc, attribution, cue_tokens, rules, published)
        if found is None:
            chosen.append(None)
            continue
        found.speaker = speakers_of[index]
        same = _same_utterance(sources, found)
        if same is None:
            sources.append(found)
            chosen.append(len(sources) - 1)
        else:
            sources[same].mentions |= found.mentions
            chosen.append(same)
    return LinkedSources(tuple(sources), tuple(chosen))


def _same_utterance(sources: list[Source], new: Source) -> int | None:
    """Same issuer, same channel, compatible time: "in his statement Friday" again."""
    if new.kind == "unspecified" or new.speaker is None:
        return None
    for index, old in enumerate(sources):
        if (old.speaker, old.kind, old.outlet) != (new.speaker, new.kind, new.outlet):
            continue
        if old.when is None or new.when is None or old.when.lower() == new.when.lower():
            return index
    return None


def _read_source(
    doc: Doc,
    attribution: Attribution,
    cue_tokens: frozenset[int],
    rules: RuleSet,
    published: dt.date | None,
) -> Source | None:
    if attribution.cue is None:
        return None
    cue = doc.char_span(*attribution.cue, alignment_mode="expand")[0]
    anchors = list(_anchors(doc, cue, attribution, cue_tokens - {cue.i}))
    source = _channel(doc, cue, anchors, attribution, rules) or Source("unspecified")
    when = _when(doc, anchors, attribution, rules)
    if when is not None:
        source.when = doc.text[when[0] : when[1]]
        source.date = _resolve_date(source.when, published)
    source.place = source.place or _place(doc, cue, attribution)
    if source.kind == "unspecified" and not (source.when or source.place or source.audience):
        return None
    return source


def _anchors(
    doc: Doc, cue: Token, attribution: Attribution, other_cues: frozenset[int]
) -> Iterator[Token]:
    """Words whose dependents may name the channel: the cue, its speaker, and for a cue
    buried in a relative or adverbial clause, the verbs above it up to another cue."""
    yield cue
    if attribution.speaker_head is not None:
        yield doc[attribution.speaker_head]
    token = cue
    while token.dep_ not in {"ROOT", "ccomp"} and token.head.i != token.i:
        token = token.head
        if token.i in other_cues:
            return
        if token.pos_ in {"VERB", "AUX"}:
            yield token


def _outside(token: Token, attribution: Attribution) -> bool:
    return not (attribution.content[0] <= token.idx < attribution.content[1])


def _channel(
    doc: Doc, cue: Token, anchors: list[Token], attribution: Attribution, rules: RuleSet
) -> Source | None:
    for rule in rules.channels:
        if rule.verb is not None:
            found = _verb_channel(cue, attribution, rule, rules)
        elif rule.noun is not None:
            found = _noun_channel(anchors, attribution, rule)
        else:
            found = _prepositional_channel(cue, attribution, rule, rules)
        if found is not None:
            found.rule = rule.name
            return found
    return None


def _verb_channel(
    cue: Token, attribution: Attribution, rule: ChannelRule, rules: RuleSet
) -> Source | None:
    if cue.lemma_.lower() != rule.verb:
        return None
    objects = [c for c in cue.children if c.dep_ in {"dobj", "dative"} and _outside(c, attribution)]
    if rule.object is None:
        return Source(rule.channel, outlet=rule.outlet, mentions={_span(cue, cue)})
    for obj in objects:
        if _object_fits(obj, rule.object, rules):
            text = _phrase(obj)
            source = Source(rule.channel, mentions={_span(cue, obj.right_edge)})
            if rule.object == "outlet":
                source.outlet = text
            else:
                source.audience = text
            return source
    return None


def _object_fits(obj: Token, wanted: str, rules: RuleSet) -> bool:
    if wanted == "outlet":
        return _is_outlet(obj, rules)
    return obj.lower_ in rules.words(wanted.lstrip("@"))


def _is_outlet(token: Token, rules: RuleSet) -> bool:
    """A proper noun in the outlets list, or an organisation the parser names as one."""
    text = _phrase(token)
    known = {o.lower() for o in rules.words("outlets")}
    return text.lower() in known or (
        token.pos_ == "PROPN" and token.ent_type_ in {"ORG", "WORK_OF_ART"}
    )


def _noun_channel(
    anchors: list[Token], attribution: Attribution, rule: ChannelRule
) -> Source | None:
    for anchor in anchors:
        for noun in _channel_nouns(anchor):
            if noun.lemma_.lower() != rule.noun or not _outside(noun, attribution):
                continue
            modifiers = {c.lower_ for c in noun.lefts}
            if rule.modifier and not (rule.modifier & modifiers):
                continue
            phrase = noun.head if noun.dep_ == "pobj" else noun
            source = Source(
                rule.channel,
                outlet=rule.outlet,
                mentions={_span(phrase.left_edge, phrase.right_edge)},
            )
            source.outlet = source.outlet or _outlet_of(noun)
            source.audience = _audience_of(noun)
            return source
    return None


def _channel_nouns(anchor: Token) -> Iterator[Token]:
    """Nouns in prepositional phrases on the anchor ("in a statement", "at a rally")."""
    for child in anchor.children:
        if child.dep_ == "prep":
            yield from (g for g in child.children if g.dep_ == "pobj")


def _prepositional_channel(
    cue: Token, attribution: Attribution, rule: ChannelRule, rules: RuleSet
) -> Source | None:
    for child in cue.children:
        if (
            child.dep_ != "prep"
            or child.lower_ != rule.preposition
            or not _outside(child, attribution)
        ):
            continue
        for obj in (g for g in child.children if g.dep_ == "pobj"):
            if _object_fits(obj, rule.object or "outlet", rules):
                return Source(
                    rule.channel, outlet=_phrase(obj), mentions={_span(child, obj.right_edge)}
                )
    return None


def _outlet_of(noun: Token) -> str | None:
    """ "a CNN interview", "Fox News's interview", "an interview with The Associated Press"."""
    for child in noun.lefts:
        if child.dep_ in OUTLET_DEPS and child.pos_ == "PROPN":
            return _phrase(child)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"with", "on"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    return _phrase(obj)
    return None


def _audience_of(noun: Token) -> str | None:
    """ "a speech … to a joint meeting of the US Congress": the "to" right after the noun."""
    after = noun.right_edge.i + 1
    candidates = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "to"]
    if after < len(noun.doc) and noun.doc[after].lower_ == "to" and noun.doc[after].dep_ == "prep":
        candidates.append(noun.doc[after])
    for prep in candidates:
        for obj in prep.children:
            if obj.dep_ == "pobj":
                return noun.doc[obj.left_edge.i : obj.right_edge.i + 1].text
    return None


def _when(doc: Doc, anchors: list[Token], attribution: Attribution, rules: RuleSet) -> Span | None:
    """A time expression attached to the cue or to its channel phrase."""
    time_words = rules.words("time_words")
    for anchor in anchors[:2]:
        for token in _time_candidates(anchor):
            if not _outside(token, attribution):
                continue
            if token.ent_type_ in TIME_ENTS or token.lower_ in time_words:
                return _span(token.left_edge, token.right_edge)
    return None


def _time_candidates(anchor: Token) -> Iterator[Token]:
    for child in anchor.children:
        if child.dep_ in {"npadvmod", "advmod", "tmod"}:
            yield child
        if child.dep_ == "prep":
            for grandchild in child.children:
                if (
                    grandchild.dep_ == "pobj"
                    and grandchild.ent_type_ in TIME_ENTS
                    and child.lower_ == "on"
                ):
                    yield child
                if grandchild.dep_ == "pobj":
                    yield from (g for g in grandchild.children if g.dep_ == "npadvmod")


def _place(doc: Doc, cue: Token, attribution: Attribution) -> str | None:
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "at"} and _outside(child, attribution):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in PLACE_ENTS:
                    return _phrase(obj)
    return None


def _resolve_date(when: str, published: dt.date | None) -> str | None:
    """Weekday names and today/yesterday, against the publication date; never a guess."""
    if published is None:
        return None
    words = when.lower().replace("on ", "").split()
    if len(words) != 1:
        return None
    word = words[0]
    if word in WEEKDAYS:
        return (published + relativedelta(weekday=WEEKDAYS[word](-1))).isoformat()
    if word in RELATIVE_DAYS:
        return (published + dt.timedelta(days=RELATIVE_DAYS[word])).isoformat()
    return None


def _phrase(token: Token) -> str:
    """A name with its compounds and determiner ("The Associated Press"), no more."""
    left = min(
        [
            token.i,
            *(c.left_edge.i for c in token.lefts if c.dep_ in {"compound", "det", "poss", "amod"}),
        ]
    )
    text = token.doc[left : token.i + 1].text
    return text.removesuffix("'s").removesuffix("’s")


def _span(first: Token, last: Token) -> Span:
    return first.idx, last.idx + len(last)
