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
DEFINITE = frozenset({"the", "that", "this", "same"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Participle clauses on a cue that say how the speaker spoke ("Speaking at a rally, …").
PARTICIPLE_LEMMAS = frozenset({"speak", "talk", "write", "appear", "testify", "post", "address"})
# Prepositions that put a channel on a cue: "in a statement", "at a rally", "on a call",
# "from the witness stand";
# never "of", "about", "after", "to": "said of the report" names the topic.
CHANNEL_PREPS = frozenset({"in", "at", "on", "during", "via", "through", "over", "from"})
# Cues whose direct object can be the channel itself ("told a news conference").
OBJECT_CHANNEL_LEMMAS = frozenset({"tell", "address", "brief"})
# "at the end of a speech", "on the sidelines of the summit": look through to the event.
QUANTITY_WORDS = frozenset({"several", "many", "some", "few", "dozens", "hundreds", "thousands"})
PART_NOUNS = frozenset({"end", "close", "start", "beginning", "course", "conclusion", "part"})


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
    refers_back: bool = False  # "the call", "the same briefing": an event named before
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
    cue_tokens = frozenset(a.cue_head for a in attributions if a.cue_head is not None)
    yields = {rule.name: rule.yields_to for rule in rules.channels}
    for index, attribution in enumerate(attributions):
        if attribution.continues is not None:
            chosen.append(chosen[attribution.continues])
            continue
        found = _read_source(doc, attribution, cue_tokens, rules, published)
        scene = _scene(doc, attributions, speakers_of, chosen, index)
        if scene is not None and _carries(sources[scene], found, yields, rules):
            chosen.append(scene)
            continue
        if found is None:
            chosen.append(None)
            continue
        found.speaker = speakers_of[index]
        same = _same_utterance(sources, found)
        if same is None:
            sources.append(found)
            chosen.append(len(sources) - 1)
        else:
            _merge(sources[same], found)
            chosen.append(same)
    return LinkedSources(
        tuple(sources), tuple(_inherit_from_container(attributions, speakers_of, chosen))
    )


def _merge(source: Source, again: Source) -> None:
    """A second mention of an utterance may say more of it: "At a briefing on Tuesday, …"
    then "she told reporters at the briefing" gives the briefing its audience."""
    source.mentions |= again.mentions
    for name in ("outlet", "audience", "when", "date", "place", "via"):
        if getattr(source, name) is None:
            setattr(source, name, getattr(again, name))


def _scene(
    doc: Doc,
    attributions: Sequence[Attribution],
    speakers_of: Sequence[int | None],
    chosen: list[int | None],
    index: int,
) -> int | None:
    """The source of the attribution just before, when the same speaker made it in the
    same or the previous paragraph (and this one is not nested in it)."""
    if index == 0 or chosen[index - 1] is None or speakers_of[index] is None:
        return None
    before, current = attributions[index - 1], attributions[index]
    if speakers_of[index - 1] != speakers_of[index] or before.content[1] > current.content[0]:
        return None
    if doc.text.count("\n", before.content[1], current.content[0]) > 1:
        return None
    return chosen[index - 1]


def _carries(
    scene: Source, found: Source | None, yields: dict[str, frozenset[str]], rules: RuleSet
) -> bool:
    """Whether a speaker's next words come from the scene just set: a plain "Okonjo said"
    after "said at a news conference" (the event goes on; an article names a new setting
    when there is one), or "he wrote" (a bare guess of a letter) after "wrote on Facebook"."""
    if found is None:
        return scene.kind in rules.words("scene_channels")
    if found.kind == "unspecified":
        bare = not (found.when or found.audience or found.via)
        fits = found.place is None or scene.place in (None, found.place)
        return bare and fits and scene.kind in rules.words("scene_channels")
    return scene.kind in yields.get(found.rule or "", frozenset())


def _inherit_from_container(
    attributions: Sequence[Attribution], speakers_of: Sequence[int | None], chosen: list[int | None]
) -> list[int | None]:
    """A speaker's words nested in their own utterance share its source: "in a speech …,
    calling it a template for an accord he termed the “Abraham Alliance”"."""
    result = list(chosen)
    for index, inner in enumerate(attributions):
        if result[index] is not None or inner.cue is None or speakers_of[index] is None:
            continue
        for outer_index, outer in enumerate(attributions):
            inside = outer.content[0] <= inner.cue[0] < outer.content[1]
            if inside and outer_index != index and speakers_of[outer_index] == speakers_of[index]:
                result[index] = result[outer_index]
                break
    return result


def _same_utterance(sources: list[Source], new: Source) -> int | None:
    """Same issuer, same channel, compatible time: "in his statement Friday" again; or a
    definite reference to an event already named: "said on the call", "at the briefing"."""
    if new.kind == "unspecified":
        return None
    for index, old in enumerate(sources):
        if old.kind != new.kind or new.outlet not in (None, old.outlet):
            continue
        if old.when is not None and new.when is not None and old.when.lower() != new.when.lower():
            continue
        if (new.speaker is not None and old.speaker == new.speaker) or new.refers_back:
            return index
    return None


def _read_source(
    doc: Doc,
    attribution: Attribution,
    cue_tokens: frozenset[int],
    rules: RuleSet,
    published: dt.date | None,
) -> Source | None:
    if attribution.cue_head is None:
        return None
    cue = doc[attribution.cue_head]
    anchors = list(_anchors(doc, cue, attribution, cue_tokens - {cue.i}))
    source = _channel(doc, cue, anchors, attribution, rules) or Source("unspecified")
    when = _when(doc, anchors, attribution, rules)
    if when is not None:
        source.when = doc.text[when[0] : when[1]]
        source.date = _resolve_date(source.when, published)
    source.place = source.place or _place(cue, attribution)
    source.audience = source.audience or _cue_audience(cue, attribution, rules)
    source.via = _via(cue, attribution, cue_tokens - {cue.i}, rules)
    if source.kind == "unspecified" and not (
        source.when or source.place or source.audience or source.via
    ):
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


def _participles(cue: Token, attribution: Attribution) -> Iterator[Token]:
    """ "Speaking at a news conference, the mayor said …": a participle clause on the cue
    that says how the speaker spoke."""
    for child in cue.children:
        if (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and child.lemma_.lower() in PARTICIPLE_LEMMAS
            and _outside(child, attribution)
        ):
            yield child


def _channel(
    doc: Doc, cue: Token, anchors: list[Token], attribution: Attribution, rules: RuleSet
) -> Source | None:
    for rule in rules.channels:
        if rule.verb is not None:
            found = _verb_channel(cue, attribution, rule, rules)
        elif rule.noun is not None:
            found = _noun_channel(cue, anchors, attribution, rule, rules)
        else:
            found = _prepositional_channel(cue, attribution, rule, rules)
        if found is not None:
            found.rule = rule.name
            found.outlet = found.outlet or _told_outlet(cue, found.kind, attribution, rules)
            found.audience = found.audience or _told_audience(cue, attribution, rules)
            return found
    return None


def _told_audience(cue: Token, attribution: Attribution, rules: RuleSet) -> str | None:
    """ "told reporters on a call": the channel is the call, the audience the reporters."""
    if cue.lemma_.lower() != "tell":
        return None
    for obj in cue.children:
        if (
            obj.dep_ in {"dobj", "dative"}
            and _outside(obj, attribution)
            and _is_audience(obj, rules)
        ):
            return _audience_phrase(obj)
    return None


def _told_outlet(cue: Token, kind: str, attribution: Attribution, rules: RuleSet) -> str | None:
    """ "told the Pinares Herald in an interview": the outlet is the one told; in an
    interview or broadcast, a proper name with "the" is an organisation, not a person."""
    if cue.lemma_.lower() != "tell":
        return None
    for obj in cue.children:
        if obj.dep_ not in {"dobj", "dative"} or not _outside(obj, attribution):
            continue
        titled = obj.pos_ == "PROPN" and any(c.lower_ == "the" for c in obj.lefts)
        if _is_outlet(obj, rules) or (kind in {"interview", "broadcast"} and titled):
            return _phrase(obj)
    return None


def _verb_channel(
    cue: Token, attribution: Attribution, rule: ChannelRule, rules: RuleSet
) -> Source | None:
    verbs = [cue]
    if rule.preposition is not None or rule.object is not None or rule.words:
        verbs += list(_participles(cue, attribution))
    for verb in verbs:
        if verb.lemma_.lower() != rule.verb:
            continue
        if rule.preposition is not None:
            found = _prepositional_object(verb, attribution, rule, rules)
            if found is not None:
                found.mentions.add(_span(verb, verb))
                return found
            continue
        if rule.object is None and not rule.words:
            if rule.not_for_outlets and _spoken_by_outlet(attribution, cue.doc, rules):
                return None
            return Source(rule.channel, outlet=rule.outlet, mentions={_span(verb, verb)})
        for obj in verb.children:
            if obj.dep_ not in {"dobj", "dative"} or not _outside(obj, attribution):
                continue
            fits = _object_fits(obj, rule, rules)
            if fits is None:
                continue
            source = Source(rule.channel, mentions={_span(verb, obj.right_edge)})
            if rule.object in {"outlet", "programme"}:
                source.outlet = fits
            elif rule.object is not None:
                source.audience = _noun_phrase(obj)
            else:
                source.outlet = rule.outlet
                source.audience = _noun_phrase(obj)
            return source
    return None


def _spoken_by_outlet(attribution: Attribution, doc: Doc, rules: RuleSet) -> bool:
    head = attribution.speaker_head
    return head is not None and _known_outlet(_phrase(doc[head]), rules)


def _object_fits(obj: Token, rule: ChannelRule, rules: RuleSet) -> str | None:
    """The outlet (or the object's text) when ``obj`` is what the rule wants, else None."""
    if rule.words:
        text = _phrase(obj)
        bare = text.lower().removeprefix("the ")
        if text.lower() in rule.words or bare in rule.words or obj.lower_ in rule.words:
            return text
        return None
    wanted = rule.object or "outlet"
    if wanted == "programme":
        return _owner(obj, rules)
    if wanted == "outlet":
        if _owner(obj, rules) is not None:
            return None  # "MSNBC's Morning Joe" is a programme, not the outlet itself
        return _phrase(obj) if _is_outlet(obj, rules) else None
    return obj.text if obj.lower_ in rules.words(wanted.lstrip("@")) else None


def _owner(obj: Token, rules: RuleSet) -> str | None:
    """The outlet that owns a programme: "MSNBC's Morning Joe" → MSNBC (the possessive may
    hang on a compound: "Morning" rather than "Joe")."""
    for child in obj.subtree:
        if child.i < obj.i and child.dep_ == "poss" and _is_outlet(child, rules):
            return _phrase(child)
    return None


def _known_outlet(text: str, rules: RuleSet) -> bool:
    known = {o.lower() for o in rules.words("outlets")}
    lowered = text.lower()
    return lowered in known or lowered.removeprefix("the ") in known


def _is_outlet(token: Token, rules: RuleSet) -> bool:
    """A name in the outlets list, or a proper noun the parser names as an organisation."""
    return _known_outlet(_phrase(token), rules) or (
        token.pos_ == "PROPN" and token.ent_type_ in {"ORG", "WORK_OF_ART"}
    )


def _noun_channel(
    cue: Token, anchors: list[Token], attribution: Attribution, rule: ChannelRule, rules: RuleSet
) -> Source | None:
    for noun, phrase in _channel_nouns(cue, anchors, attribution, rules.words("document_nouns")):
        if rule.noun not in {noun.lemma_.lower(), noun.lower_} or _is_name(noun):
            continue
        if not (_outside(noun, attribution) and _outside(phrase, attribution)):
            continue
        modifiers = {c.lower_ for c in noun.lefts}
        if rule.modifier and not (rule.modifier & modifiers):
            continue
        source = Source(
            rule.channel,
            outlet=rule.outlet,
            mentions={_span(phrase.left_edge, _phrase_end(noun))},
        )
        source.outlet = source.outlet or _outlet_of(noun, rule, rules)
        source.audience = _audience_of(noun, rules)
        source.place = _noun_place(noun)
        source.refers_back = any(c.lower_ in DEFINITE for c in noun.lefts)
        return source
    return None


def _is_name(token: Token) -> bool:
    """A proper name ("The Washington Post", "the Times"), never a channel noun; the tagger
    may call a lowercase channel noun anything ("readout"/VERB, "op-ed"/PROPN)."""
    capital = token.text[:1].isupper() and token.i != token.sent.start and not token.is_upper
    return capital or (token.pos_ == "PROPN" and token.text[:1].isupper())


def _channel_nouns(
    cue: Token, anchors: list[Token], attribution: Attribution, documents: frozenset[str]
) -> Iterator[tuple[Token, Token]]:
    """(noun, phrase head) pairs that may name the channel, nearest first: phrases on the
    cue ("in a statement", "at a rally"), the cue's object ("told a news conference"),
    the speaker itself when it is a document ("a statement from the ministry said",
    "according to a readout"; "the website noted" is an outlet speaking),
    phrases on the speaker ("Gallant, in his statement,") and on participles
    ("Speaking at a news conference"), the noun a participle cue describes ("issued a
    statement saying"), and phrases and objects of the verbs above the cue ("signed a
    letter … warning that")."""
    speaker = anchors[1] if attribution.speaker_head is not None and len(anchors) > 1 else None
    for anchor in anchors:
        if anchor is speaker:
            if _outside(anchor, attribution) and anchor.lemma_.lower() in documents:
                yield anchor, anchor
            yield from _prep_nouns(anchor, {"in"})
            continue
        yield from _prep_nouns(anchor, None)
        if anchor is not cue:  # "signed a letter to lawmakers warning that …"
            yield from ((obj, obj) for obj in anchor.children if obj.dep_ == "dobj")
            continue
        if cue.pos_ == "NOUN":  # "the ministry's statement that …": the cue names it
            yield cue, cue
        if cue.dep_ == "acl" and cue.head.pos_ == "NOUN":  # "issued a statement saying"
            yield cue.head, cue.head
        if cue.lemma_.lower() in OBJECT_CHANNEL_LEMMAS:
            for obj in cue.children:
                if obj.dep_ in {"dobj", "dative"}:
                    yield obj, obj
        for participle in _participles(cue, attribution):
            yield from _prep_nouns(participle, None)


def _prep_nouns(anchor: Token, prepositions: set[str] | None) -> Iterator[tuple[Token, Token]]:
    """Nouns in prepositional phrases on the anchor, with their conjuncts, and through
    "the end of", "the sidelines of" to the event ("at the end of a speech")."""
    for child in anchor.children:
        if child.dep_ != "prep" or child.lower_ not in (prepositions or CHANNEL_PREPS):
            continue
        for obj in (g for g in child.children if g.dep_ == "pobj"):
            for noun in (obj, *(c for c in obj.children if c.dep_ == "conj")):
                yield noun, child
                if noun.lemma_.lower() in PART_NOUNS:
                    for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                        yield from ((g, child) for g in of.children if g.dep_ == "pobj")


def _prepositional_channel(
    cue: Token, attribution: Attribution, rule: ChannelRule, rules: RuleSet
) -> Source | None:
    for verb in (cue, *_participles(cue, attribution)):
        found = _prepositional_object(verb, attribution, rule, rules)
        if found is not None:
            return found
    return None


def _prepositional_object(
    verb: Token, attribution: Attribution, rule: ChannelRule, rules: RuleSet
) -> Source | None:
    for child in _rule_preps(verb, rule):
        if child.lower_ != rule.preposition or not _outside(child, attribution):
            continue
        if child.lower_ == "on" and verb.lemma_.lower() in rules.words("on_particle_verbs"):
            continue  # "called on Trump to stop": the verb's particle, no channel
        for obj in (g for g in child.children if g.dep_ == "pobj"):
            fits = _object_fits(obj, rule, rules)
            if fits is None:
                continue
            source = Source(
                rule.channel, outlet=rule.outlet, mentions={_span(child, obj.right_edge)}
            )
            if rule.object and rule.object.startswith("@"):
                source.audience = _noun_phrase(obj)
            else:
                source.outlet = fits
            return source
    return None


def _rule_preps(verb: Token, rule: ChannelRule) -> Iterator[Token]:
    """Prepositions on the verb; for a rule naming its words (platforms), also those one
    phrase down: "wrote in a reply on Facebook", "said in a message on X"."""
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        yield child
        if rule.words:
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                yield from (c for c in obj.children if c.dep_ == "prep")


def _outlet_of(noun: Token, rule: ChannelRule, rules: RuleSet) -> str | None:
    """ "a CNN interview", "Fox News's interview", "an interview with The Associated Press",
    "a post on X". Names before the noun must be known outlets ("a White House readout"
    names no outlet), except for interviews and broadcasts."""
    media = rule.channel in {"interview", "broadcast"}
    for child in noun.lefts:
        if child.dep_ in OUTLET_DEPS and child.pos_ == "PROPN":
            text = _phrase(child)
            if _known_outlet(text, rules) or (media and child.ent_type_ in {"ORG", "WORK_OF_ART"}):
                return text
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"with", "on", "to"}:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                owner = _owner(obj, rules)
                if owner is not None:
                    return owner
                if _known_outlet(_phrase(obj), rules) or (
                    media and child.lower_ != "to" and _is_outlet(obj, rules)
                ):
                    return _phrase(obj)
    return None


def _audience_of(noun: Token, rules: RuleSet) -> str | None:
    """ "a speech … to a joint meeting of the US Congress": the "to" right after the noun;
    "a call with reporters": an audience noun after "with"."""
    after = noun.right_edge.i + 1
    candidates = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "to"]
    if after < len(noun.doc) and noun.doc[after].lower_ == "to" and noun.doc[after].dep_ == "prep":
        candidates.append(noun.doc[after])
    for prep in candidates:
        for obj in prep.children:
            if obj.dep_ == "pobj" and not _known_outlet(_phrase(obj), rules):
                return noun.doc[obj.left_edge.i : obj.right_edge.i + 1].text
    for obj in _prep_objects(noun, {"with", "before", "for", "of"}):
        if _is_audience(obj, rules):
            return _audience_phrase(obj)
    return None


def _cue_audience(cue: Token, attribution: Attribution, rules: RuleSet) -> str | None:
    """ "wrote to lawmakers", "testified before senators": an audience noun on the cue."""
    for obj in _prep_objects(cue, {"to", "before"}, attribution):
        if _is_audience(obj, rules):
            return _audience_phrase(obj)
    return None


def _is_audience(noun: Token, rules: RuleSet) -> bool:
    """An audience noun, not a name that ends in one ("The Associated Press")."""
    return noun.lower_ in rules.words("audience_nouns") and noun.pos_ != "PROPN"


def _noun_place(noun: Token) -> str | None:
    """ "at a rally in Ohio": a place named on the channel noun."""
    for obj in _prep_objects(noun, {"in", "at"}):
        if obj.ent_type_ in PLACE_ENTS:
            return _phrase(obj)
    return None


def _via(
    cue: Token, attribution: Attribution, other_cues: frozenset[int], rules: RuleSet
) -> str | None:
    """The outlet that relayed the statement: "told CNN, according to Axios", "…, Axios
    reported" around the cue, or the outlet itself in "Reuters reported, citing officials"."""
    if cue.lower_ == "according":
        return None
    speaker = attribution.speaker_head
    if speaker is not None and any(
        c.dep_ == "advcl" and c.lemma_.lower() in {"cite", "quote"} for c in cue.children
    ):
        head = cue.doc[speaker]
        if _known_outlet(_phrase(head), rules):
            return _phrase(head)
    for token in cue.sent:
        if token.lower_ != "according" or token.i == cue.i:
            continue
        for to in (c for c in token.children if c.lower_ == "to"):
            for obj in (g for g in to.children if g.dep_ == "pobj"):
                if not _known_outlet(_phrase(obj), rules):
                    continue
                if _at_content_edge(token, obj, attribution):
                    return _phrase(obj)
    for ancestor in cue.ancestors:
        if ancestor.i in other_cues and ancestor.lemma_.lower() in {"report", "say"}:
            for subject in ancestor.children:
                if subject.dep_ == "nsubj" and _known_outlet(_phrase(subject), rules):
                    return _phrase(subject)
            return None
    return None


def _at_content_edge(first: Token, last: Token, attribution: Attribution) -> bool:
    """A phrase outside the content, or at its very start or end (", according to Axios,")."""
    start, end = first.idx, last.idx + len(last)
    content_start, content_end = attribution.content
    if end <= content_start or start >= content_end:
        return True
    text = first.doc.text
    return not text[content_start:start].strip(" ,") or not text[end:content_end].strip(" ,.")


def _when(doc: Doc, anchors: list[Token], attribution: Attribution, rules: RuleSet) -> Span | None:
    """A time expression attached to the cue or to its channel phrase."""
    time_words = rules.words("time_words")
    for anchor in anchors[:2]:
        for token in _time_candidates(anchor):
            if not _outside(token, attribution):
                continue
            named = [token, *(c for c in token.children if token.dep_ == "prep")]
            if any(t.ent_type_ in TIME_ENTS or t.lower_ in time_words for t in named):
                return _span(token.left_edge, token.right_edge)
    return None


def _time_candidates(anchor: Token) -> Iterator[Token]:
    for child in anchor.children:
        if child.dep_ in {"npadvmod", "advmod", "tmod"}:
            yield child
        if child.dep_ == "ccomp":  # "said on Thursday it was …": outside the content, on the cue
            yield from (g for g in child.lefts if g.dep_ in {"prep", "npadvmod"})
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
                    yield from (  # "in a statement on Friday"
                        g
                        for g in grandchild.children
                        if g.dep_ == "prep"
                        and g.lower_ == "on"
                        and any(p.dep_ == "pobj" and p.ent_type_ in TIME_ENTS for p in g.children)
                    )


def _place(cue: Token, attribution: Attribution) -> str | None:
    for obj in _prep_objects(cue, {"in", "at"}, attribution):
        if obj.ent_type_ in PLACE_ENTS:
            return _phrase(obj)
    return None


def _prep_objects(
    token: Token, prepositions: set[str], attribution: Attribution | None = None
) -> Iterator[Token]:
    """Objects of the given prepositions on ``token``, outside the attribution's content."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in prepositions:
            continue
        if attribution is None or _outside(prep, attribution):
            yield from (obj for obj in prep.children if obj.dep_ == "pobj")


def _resolve_date(when: str, published: dt.date | None) -> str | None:
    """Weekday names, today/yesterday and month-day dates, against the publication date;
    never a guess: "last week" and "earlier" resolve to nothing."""
    if published is None:
        return None
    words = when.lower().replace(",", " ").split()
    if words and words[0] == "on":
        words = words[1:]
    if len(words) == 2 and words[1] in DAY_PARTS:
        words = words[:1]
    if len(words) == 1:
        word = words[0]
        if word in WEEKDAYS:
            return (published + relativedelta(weekday=WEEKDAYS[word](-1))).isoformat()
        if word in RELATIVE_DAYS:
            return (published + dt.timedelta(days=RELATIVE_DAYS[word])).isoformat()
        return None
    return _month_day(words, published)


def _month_day(words: list[str], published: dt.date) -> str | None:
    """ "May 12" (the latest such day on or before publication) or "May 12, 2025"."""
    if len(words) not in {2, 3} or words[0].rstrip(".") not in MONTHS:
        return None
    day = words[1].removesuffix("th").removesuffix("st").removesuffix("nd").removesuffix("rd")
    if not day.isdigit() or (len(words) == 3 and not words[2].isdigit()):
        return None
    month = MONTHS[words[0].rstrip(".")]
    try:
        if len(words) == 3:
            return dt.date(int(words[2]), month, int(day)).isoformat()
        date = dt.date(published.year, month, int(day))
        if date > published:
            date = dt.date(published.year - 1, month, int(day))
    except ValueError:
        return None
    return date.isoformat()


def _noun_phrase(token: Token) -> str:
    """The whole phrase under a noun: "the party conference", "a joint meeting of Congress"."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


def _audience_phrase(noun: Token) -> str:
    """An audience noun with what describes it, not how many: "several thousand supporters"
    → "supporters"; "foreign reporters" and "a grand jury" stay."""
    counted = [
        c for c in noun.lefts if c.dep_ in {"nummod", "quantmod"} or c.lower_ in QUANTITY_WORDS
    ]
    start = max((c.right_edge.i + 1 for c in counted), default=noun.left_edge.i)
    return noun.doc[start : noun.right_edge.i + 1].text


def _phrase_end(noun: Token) -> Token:
    """The last word of a channel phrase: the noun, or its "with"/"on"/"to" phrase."""
    last = noun
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"with", "on", "to", "before"}:
            last = child.right_edge
    return last


def _phrase(token: Token) -> str:
    """A name with its compounds and determiner ("The Associated Press"), no more."""
    left = min(
        [
            token.i,
            *(c.left_edge.i for c in token.lefts if c.dep_ in {"compound", "det", "poss", "amod"}),
        ]
    )
    right = token.i
    while right + 1 < len(token.doc) and token.doc[right + 1].dep_ == "nummod":
        right += 1  # "Sport Radio 7"
    text = token.doc[left : right + 1].text.removesuffix("'s").removesuffix("’s")
    if len(token.text) == 2 and token.text[0].isupper() and token.text[1] == ".":
        return text[:-1]  # "a post on X." ends a sentence: the tokenizer reads an initial
    return text


def _span(first: Token, last: Token) -> Span:
    return first.idx, last.idx + len(last)
