"""Which channel the words around a cue name: a statement, an interview with CNN, remarks
to reporters; with the outlet, the audience and the place that the channel phrase gives.

Channel expressions are data (``rules/channels.yaml``), tried in order. They are looked
for only in the words that attach to the cue (or to its speaker: "Gallant in his
statement"), never inside the content: "he pressed the leader in a call" is what was
said, not where.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .attribute import Attribution, Span
from .rules import ChannelRule, RuleSet

OUTLET_DEPS = frozenset({"compound", "poss", "nmod"})
NAME_PARTS = frozenset({"compound", "det", "poss", "amod", "nmod"})  # "Channel 4 News"
DEFINITE = frozenset({"the", "that", "this", "same"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Participle clauses on a cue that say how the speaker spoke ("Speaking at a rally, …").
PARTICIPLE_LEMMAS = frozenset({"speak", "talk", "write", "appear", "testify", "post", "address"})
# Prepositions that put a channel on a cue: "in a statement", "at a rally", "on a call",
# "from the witness stand"; never "of", "about", "after", "to": "said of the report" names
# the topic.
CHANNEL_PREPS = frozenset({"in", "at", "on", "during", "via", "through", "over", "from"})
# Cues whose direct object can be the channel itself ("told a news conference").
OBJECT_CHANNEL_LEMMAS = frozenset({"tell", "address", "brief"})
# "at the end of a speech", "on the sidelines of the summit": look through to the event.
PART_NOUNS = frozenset({"end", "close", "start", "beginning", "course", "conclusion", "part"})
# How many, not who: dropped from an audience ("several thousand supporters").
QUANTITY_WORDS = frozenset({"several", "many", "some", "few", "dozens", "hundreds", "thousands"})


@dataclass(slots=True)
class Source:
    """Where an utterance was made, as read so far; sources.py completes and links it."""

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


def read_channel(
    cue: Token, anchors: list[Token], attribution: Attribution, rules: RuleSet
) -> Source | None:
    """The first channel rule that fits the words around the cue, with its outlet and
    audience; None when no rule fits."""
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
            and outside(obj, attribution)
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
        if obj.dep_ not in {"dobj", "dative"} or not outside(obj, attribution):
            continue
        titled = obj.pos_ == "PROPN" and any(c.lower_ == "the" for c in obj.lefts)
        if _is_outlet(obj, rules) or (kind in {"interview", "broadcast"} and titled):
            return phrase(obj)
    return None


def _verb_channel(
    cue: Token, attribution: Attribution, rule: ChannelRule, rules: RuleSet
) -> Source | None:
    channel = rule.channel
    excluded = rule.not_for_speakers and rules.words(rule.not_for_speakers)
    if excluded and _spoken_by(attribution, cue.doc, excluded):
        channel = "unspecified"  # "a prosecutor told jurors": an audience, no testimony
    verbs = [cue]
    if rule.preposition is not None or rule.object is not None or rule.words:
        verbs += list(_participles(cue, attribution))
    for verb in verbs:
        if verb.lemma_.lower() != rule.verb:
            continue
        if rule.preposition is not None:
            found = _prepositional_object(verb, attribution, rule, rules)
            if found is not None:
                found.mentions.add(token_span(verb, verb))
                return found
            continue
        if rule.object is None and not rule.words:
            if rule.not_for_outlets and _spoken_by_outlet(attribution, cue.doc, rules):
                return None
            return Source(channel, outlet=rule.outlet, mentions={token_span(verb, verb)})
        for obj in verb.children:
            if obj.dep_ not in {"dobj", "dative"} or not outside(obj, attribution):
                continue
            fits = _object_fits(obj, rule, rules)
            if fits is None:
                continue
            source = Source(channel, mentions={token_span(verb, obj.right_edge)})
            if rule.object in {"outlet", "programme"}:
                source.outlet = fits
            elif rule.object is not None:
                source.audience = _audience_phrase(obj)
            else:
                source.outlet = rule.outlet
                source.audience = _audience_phrase(obj)
            return source
    return None


def _spoken_by(attribution: Attribution, doc: Doc, words: frozenset[str]) -> bool:
    """Whether a word of the speaker's mention is one of ``words``."""
    if attribution.speaker is None:
        return False
    mention = doc.char_span(*attribution.speaker, alignment_mode="expand")
    return mention is not None and any(t.lower_ in words for t in mention)


def _spoken_by_outlet(attribution: Attribution, doc: Doc, rules: RuleSet) -> bool:
    head = attribution.speaker_head
    return head is not None and rules.known_outlet(phrase(doc[head]))


def _object_fits(obj: Token, rule: ChannelRule, rules: RuleSet) -> str | None:
    """The outlet (or the object's text) when ``obj`` is what the rule wants, else None."""
    if rule.words:
        text = phrase(obj)
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
        named = [c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if obj.lemma_.lower() in rules.words("outlet_nouns") and named:
            return phrase(named[0])  # "told the state broadcaster VRK"
        return phrase(obj) if _is_outlet(obj, rules) else None
    return obj.text if obj.lower_ in rules.words(wanted.lstrip("@")) else None


def _owner(obj: Token, rules: RuleSet) -> str | None:
    """The outlet that owns a programme: "MSNBC's Morning Joe" → MSNBC (the possessive may
    hang on a compound: "Morning" rather than "Joe")."""
    for child in obj.subtree:
        if child.i < obj.i and child.dep_ == "poss" and _is_outlet(child, rules):
            return phrase(child)
    return None


def _is_outlet(token: Token, rules: RuleSet) -> bool:
    """A name in the outlets list, a proper noun the parser names as an organisation, or a
    name that ends like a newspaper's ("the Orthwick Gazette")."""
    return rules.known_outlet(phrase(token)) or (
        token.pos_ == "PROPN"
        and (
            token.ent_type_ in {"ORG", "WORK_OF_ART"} or token.lower_ in rules.words("outlet_words")
        )
    )


def _noun_channel(
    cue: Token, anchors: list[Token], attribution: Attribution, rule: ChannelRule, rules: RuleSet
) -> Source | None:
    for noun, phrase in _channel_nouns(cue, anchors, attribution, rules.words("document_nouns")):
        if rule.noun not in {noun.lemma_.lower(), noun.lower_} or _is_name(noun):
            continue
        if not (outside(noun, attribution) and outside(phrase, attribution)):
            continue
        modifiers = {c.lower_ for c in noun.lefts}
        if rule.modifier and not (rule.modifier & modifiers):
            continue
        source = Source(
            rule.channel,
            outlet=rule.outlet,
            mentions={token_span(phrase.left_edge, _phrase_end(noun))},
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
            if outside(anchor, attribution) and anchor.lemma_.lower() in documents:
                yield anchor, anchor
            yield from _prep_nouns(anchor, {"in"})
            continue
        yield from _prep_nouns(anchor, None)
        if anchor is not cue:
            if anchor == cue.head and cue.tag_ == "VBG":  # "signed a letter … warning that"
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
        if child.lower_ != rule.preposition or not outside(child, attribution):
            continue
        if child.lower_ == "on" and verb.lemma_.lower() in rules.words("on_particle_verbs"):
            continue  # "called on Trump to stop": the verb's particle, no channel
        for obj in (g for g in child.children if g.dep_ == "pobj"):
            fits = _object_fits(obj, rule, rules)
            if fits is None:
                continue
            source = Source(
                rule.channel, outlet=rule.outlet, mentions={token_span(child, obj.right_edge)}
            )
            if rule.object and rule.object.startswith("@"):
                source.audience = _audience_phrase(obj)
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
    "a post on X", "the broadcaster GTV". Names before the noun must be known outlets ("a
    White House readout" names no outlet), except for interviews and broadcasts."""
    media = rule.channel in {"interview", "broadcast"}
    for child in noun.lefts:
        if child.dep_ in OUTLET_DEPS and child.pos_ == "PROPN":
            text = phrase(child)
            if rules.known_outlet(text) or (media and child.ent_type_ in {"ORG", "WORK_OF_ART"}):
                return text
    for child in noun.rights:
        if media and child.dep_ == "appos" and child.pos_ == "PROPN":
            return phrase(child)  # "the regional broadcaster GTV"
        if child.dep_ == "prep" and child.lower_ in {"with", "on", "to"}:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                owner = _owner(obj, rules)
                if owner is not None:
                    return owner
                if rules.known_outlet(phrase(obj)) or (
                    media and child.lower_ != "to" and _is_outlet(obj, rules)
                ):
                    return phrase(obj)
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
            if obj.dep_ == "pobj" and not rules.known_outlet(phrase(obj)):
                return _audience_phrase(obj)
    for obj in prep_objects(noun, {"with", "before", "for", "of"}):
        if _is_audience(obj, rules):
            return _audience_phrase(obj)
    return None


def cue_audience(cue: Token, attribution: Attribution, rules: RuleSet) -> str | None:
    """ "wrote to lawmakers", "testified before senators": an audience noun on the cue."""
    for obj in prep_objects(cue, {"to", "before"}, attribution):
        if _is_audience(obj, rules):
            return _audience_phrase(obj)
    return None


def _is_audience(noun: Token, rules: RuleSet) -> bool:
    """An audience noun, not a name that ends in one ("The Associated Press")."""
    return noun.lower_ in rules.words("audience_nouns") and noun.pos_ != "PROPN"


def _noun_place(noun: Token) -> str | None:
    """ "at a rally in Ohio": a place named on the channel noun."""
    for obj in prep_objects(noun, {"in", "at"}):
        if obj.ent_type_ in PLACE_ENTS:
            return phrase(obj)
    return None


def outside(token: Token, attribution: Attribution) -> bool:
    return not (attribution.content[0] <= token.idx < attribution.content[1])


def _participles(cue: Token, attribution: Attribution) -> Iterator[Token]:
    """ "Speaking at a news conference, the mayor said …": a participle clause on the cue
    (or on its speaker: "said Oonagh Fairlie, …, speaking to reporters") that says how
    the speaker spoke."""
    speaker = [] if attribution.speaker_head is None else [cue.doc[attribution.speaker_head]]
    for child in (c for word in (cue, *speaker) for c in word.children):
        if (
            child.dep_ in {"advcl", "acl"}
            and child.tag_ == "VBG"
            and child.lemma_.lower() in PARTICIPLE_LEMMAS
            and outside(child, attribution)
        ):
            yield child


def prep_objects(
    token: Token, prepositions: set[str], attribution: Attribution | None = None
) -> Iterator[Token]:
    """Objects of the given prepositions on ``token``, outside the attribution's content."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in prepositions:
            continue
        if attribution is None or outside(prep, attribution):
            yield from (obj for obj in prep.children if obj.dep_ == "pobj")


def _audience_phrase(noun: Token) -> str:
    """An audience noun with what says who they are, not how many or where: "several
    thousand supporters outside the town hall" → "supporters"; "foreign reporters", "a
    grand jury" and "members of the committee" stay."""
    counted = [
        c for c in noun.lefts if c.dep_ in {"nummod", "quantmod"} or c.lower_ in QUANTITY_WORDS
    ]
    start = max((c.right_edge.i + 1 for c in counted), default=noun.left_edge.i)
    end = noun.i
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ not in {"of", "from"} or child.i != end + 1:
            break
        end = child.right_edge.i
    return noun.doc[start : end + 1].text


def _phrase_end(noun: Token) -> Token:
    """The last word of a channel phrase: the noun, or its "with"/"on"/"to" phrase."""
    last = noun
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in {"with", "on", "to", "before"}:
            last = child.right_edge
    return last


def phrase(token: Token) -> str:
    """A name with its compounds and determiner ("The Associated Press"), no more."""
    left = min(
        [
            token.i,
            *(c.left_edge.i for c in token.lefts if c.dep_ in NAME_PARTS),
        ]
    )
    right = token.i
    while right + 1 < len(token.doc) and token.doc[right + 1].dep_ == "nummod":
        right += 1  # "Sport Radio 7"
    text = token.doc[left : right + 1].text.removesuffix("'s").removesuffix("’s")
    if len(token.text) == 2 and token.text[0].isupper() and token.text[1] == ".":
        return text[:-1]  # "a post on X." ends a sentence: the tokenizer reads an initial
    return text


def token_span(first: Token, last: Token) -> Span:
    return first.idx, last.idx + len(last)
