"""Resolve each attribution's local speaker mention to one canonical speaker.

Pronouns go through coreference (coreferee's chains when it ran, otherwise a rule-based
resolver), corrected by what news syntax makes clear; names are clustered across the
whole article (``names.py``) so that "Healey" joins "John Healey"; titles and
affiliations are read from every mention of the person, not only the one next to the cue;
nominals ("the company", "the letter", "lawyers for X") stand for what the article named.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Words

from .attribute import NON_SAYING_CLASSES, Attribution, Span, mention_span, mention_tokens
from .names import (
    NAME_DEPS,
    ORG_ENTS,
    PRONOUN_SEX,
    PersonIndex,
    a_member,
    epithet,
    paragraph_spans,
    person_titles,
    quoted,
    signature,
    with_the,
)
from .pronouns import PronounResolver
from .quotes import paragraph_breaks
from .rules import RuleSet

PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we"})
#: The first person outside quotation marks: the writer's own voice.
WRITER_PRONOUNS = frozenset({"i", "me", "my", "myself"})
THING_PRONOUNS = frozenset({"it"})
_T = TypeVar("_T")
#: The person pronouns a description may hold: "a source close to him".
OBJECT_PRONOUNS = frozenset({"him", "his", "her"})


@dataclass(slots=True)
class Speaker:
    """A canonical speaker, built up while the article is read."""

    key: str
    name: str
    kind: str  # person | organization | group | anonymous | unknown
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: set[Span] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class ResolvedSpeakers:
    speakers: tuple[Speaker, ...]  # in order of first mention
    of_attribution: tuple[int | None, ...]  # index into speakers, per attribution


def resolve_speakers(
    doc: Doc, attributions: Sequence[Attribution], rules: RuleSet, coreference: str
) -> ResolvedSpeakers:
    """Canonical speakers for ``attributions`` (same order), with all their mentions."""
    people = PersonIndex(doc, rules)
    spoken: dict[int, list[tuple[int, int]]] = {}
    for a in attributions:
        if a.speaker_head is not None:
            spoken.setdefault(a.speaker_head, []).extend(a.quotes)
    quoted = [q for a in attributions for q in a.quotes]
    pronouns = PronounResolver(doc, people, rules, quoted, spoken)
    table = _SpeakerTable(doc, people, rules)
    chosen: list[str | None] = []
    referents: list[Token | None] = []  # what each attribution's speaker mention stands for
    for attribution in attributions:
        if attribution.continues is not None:
            chosen.append(chosen[attribution.continues])
            referents.append(referents[attribution.continues])
            continue
        if attribution.speaker_head is None:
            chosen.append(None)
            referents.append(None)
            continue
        head = doc[attribution.speaker_head]
        earlier = _document_named_before(doc, head, attributions[: len(chosen)], rules)
        if earlier is not None and chosen[earlier] is not None:
            table.by_key[chosen[earlier]].mentions.add(attribution.speaker)
            chosen.append(chosen[earlier])
            referents.append(referents[earlier])
            continue
        again = _described_before(head, referents)
        if again is None and _source_again(head, rules):
            again = _latest(chosen, lambda key: table.by_key[key].kind == "anonymous")
        if again is None:  # "A: … I said": the answer's "I" is who answers
            again = _label_voice(head, attributions[: len(chosen)], rules)
        if again is not None:
            key = chosen[again]
            table.by_key[key].mentions.add(attribution.speaker)
            chosen.append(key)
            referents.append(referents[again])
            continue
        previous = _previous_speaker(doc, attribution, attributions[: len(chosen)], referents)
        said = [a.content for a in attributions[: len(chosen)]]
        referent = _referent(
            doc, head, attribution, people, pronouns, coreference, rules, previous, said
        )
        # "the groups who wrote to her … They ask": who an earlier speaker mention stood for
        referent = _stood_for(referent, attributions[: len(chosen)], referents)
        spoke = next((k for r, k in zip(referents, chosen, strict=True) if r == referent), None)
        referents.append(referent)
        partners = [c for c in head.conjuncts if c.pos_ in {"PROPN", "NOUN", "PRON"}]
        # but "Trailmark's founder and chief executive, Owen Trask," is one man
        partners = partners if referent.head not in (head, *partners) else []
        if referent is not head and head.dep_ != "conj" and partners:
            # "She and Jack Goldsmith wrote", "The Kentucky Republican and the New York
            # businessman said": each stands for someone, and together they speak
            members = [referent]
            for partner in partners:
                found = _referent(
                    doc, partner, attribution, people, pronouns, coreference, rules, previous, said
                )
                key = people.canonical(found)
                if key is not None and any(people.canonical(m) == key for m in members):
                    found = pronouns.antecedent(partner) or partner  # salience passes them by
                members.append(found)
            chosen.append(table.joint(members, attribution.speaker).key)
            continue
        # "she" is Ana Ruiz, not "Ana Ruiz and Ivo Hart"; so is "Ana Ruiz, who said …, and
        # Ivo Hart": a relative clause says who it describes
        cue = doc[attribution.cue_head]
        one = (
            head.lower_ in PERSON_PRONOUNS
            or (cue.dep_ == "relcl" and cue.head == head)
            or (referent is not head and _one_person_noun(head, rules))
            # "the billionaire" is Hale, not "Hale and his followers" he was named in
            or _interview_role(head, attribution, rules) is not None
            # "Q: And the idea of a wall?" is no pair, however the parser joins them
        )
        if head.pos_ == "PRON" and spoke is not None and (not one or _alone(referent)):
            table.by_key[spoke].mentions.add(attribution.speaker)  # the speaker as described
            chosen.append(spoke)
            continue
        described = doc.text[slice(*attribution.speaker)] if referent is head else None
        nominal = head.lemma_.lower() in rules.words("organization_nouns") and head.pos_ == "NOUN"
        kind = "organization" if nominal else None
        owner = _owner(head, rules) if referent is head else None
        if owner is not None:  # "Her campaign said": the Clinton campaign
            found = _referent(
                doc, owner, attribution, people, pronouns, coreference, rules, previous, said
            )
            if _speaks_for_owner(head, rules):  # "his remarks" are his
                referent = referents[-1] = found
                described = None
            else:  # "his mother", after "the admiral" stood for him: Harris's mother
                named = people.canonical(found) or people.role_holder(found)
                described = _owned(head, named, nominal) or described
        elif described is not None:  # "a source close to him": close to Ted Cruz
            described = _pronouns_named(doc, attribution.speaker, people, pronouns)
        group = _one_of_them(head, referents[:-1])
        if group is not None:  # "Two nurses … One of them said": one of the two nurses
            described = "one of the " + _without_determiner(table.by_key[chosen[group]].name)
            kind = "anonymous"
        some = _some_of(head, rules) if referent is head else None
        if some is not None:  # "Many Jewish leaders … Some say": Jewish leaders
            described = _some_described(head, some, rules)
            kind = _kind_of(some, rules)
        if referent is head and head.lower_ in WRITER_PRONOUNS:  # an "I" outside quotes
            writer = _writer(head, people)
            if writer is None:
                described, kind = "the author", "person"
            else:
                referent = referents[-1] = writer
                described = None
        if referent is head and (role := _interview_role(head, attribution, rules)):
            described, kind = f"the {role}", "person"  # "Q:", or "A:" with no one introduced
        speaker = table.speaker_for(referent, described, kind, joint=not one)
        speaker.mentions.add(attribution.speaker)
        if speaker.kind == "organization":
            for token in _representatives(doc, attribution, rules):
                table.representative(token, speaker)
        chosen.append(speaker.key)
    ordered = sorted(table.by_key.values(), key=lambda s: min(s.mentions))
    position = {s.key: i for i, s in enumerate(ordered)}
    return ResolvedSpeakers(
        speakers=tuple(ordered),
        of_attribution=tuple(position[k] if k else None for k in chosen),
    )


# What a mention stands for


def _referent(
    doc: Doc,
    head: Token,
    attribution: Attribution,
    people: PersonIndex,
    pronouns: PronounResolver,
    coreference: str,
    rules: RuleSet,
    previous: Token | None = None,
    said: Sequence[Span] = (),
) -> Token:
    """The token a speaker mention stands for: itself, a document's author or counsel's
    client, the name apposed to it ("Her publisher, Tamsin Reeve,"), the organisation a
    nominal names, or a pronoun's antecedent. ``said`` are the contents attributed before:
    a name inside what the previous speaker said is rarely who speaks next."""
    if head.pos_ != "PRON":
        token = (
            _interviewee(head, attribution, people, rules)
            or _author(head, rules)
            or _author_named_elsewhere(head, rules)
            or _client(head, rules)
            or head
        )
        if named := _apposed_name(token, people) or _name_ending_title(token, people, rules):
            return named
        return (
            _outlet_by_name(token, rules)
            or _named_organization(doc, token, attribution.content, people, rules)
            or _organisations_before(token, rules)
            or _outlet_named_before(token, rules)
            or _short_organization_name(doc, token, people)
            or _earlier_pair(doc, token)
            or _organization_going_on(token, previous, people, rules)
            or _speech_going_on(token, previous, rules)
            or _named_next(doc, token, people, rules)
            or _epithet_of(token, people, rules, pronouns)
            or _role_going_on(token, previous, people)
            or _aged(token, previous, people)
            or _named_later(doc, token, rules)
            or _headline_role(doc, token, people, rules)
            or token
        )
    bound = _bound_by_reporting_verb(head)
    if bound is not None:  # "The South Carolina Republican admitted that …, he argued"
        return _named_for(head, bound, people, rules)
    nearest = _rule_antecedent(doc, head, attribution, people, rules)
    goes_on = previous is not None and _goes_on_as(head, previous, people, rules)
    # "Lund said … “…, Ezra Lund could win …,” he wrote": not Lund, whom the quotation names
    goes_on = goes_on and people.canonical(previous) not in people.named_in(doc, attribution.quotes)

    def reported(token: Token | None) -> bool:
        return token is not None and any(_inside(token, content) for content in said)

    if head.lower_ in PERSON_PRONOUNS and pronouns.bound(head):
        antecedent = pronouns.antecedent(head)
        if antecedent is not None:
            return _named_for(head, antecedent, people, rules)
    if head.lower_ in PERSON_PRONOUNS and (own := _own_subject(head, attribution, pronouns)):
        return _named_for(head, own, people, rules)
    if goes_on and (nearest is None or nearest == previous or reported(nearest)):
        # "X said … “…,” he said": the speaker just named goes on; so does "the chipmaker
        # said … It said" or "according to a spokeswoman … She said" with no other to be it
        return previous
    if head.lower_ in PERSON_PRONOUNS:  # salience, whether or not coreferee is there:
        # its "he" and "she" were wrong more often on PolNeAR (docs/output.md)
        antecedent = pronouns.antecedent(head)
        if goes_on and antecedent is not None and any(_inside(antecedent, c) for c in said[-1:]):
            return previous  # "… saying the person would “not get beat up”. He said"
        return _named_for(head, antecedent, people, rules) if antecedent else nearest or head
    if coreference == "coreferee":
        antecedent = _coreferee_antecedent(doc, head, attribution)
        if antecedent is not None and not _can_be(head, antecedent, rules):
            antecedent = None  # "it" is not "her email use"
        if goes_on and reported(antecedent):
            return previous
        if _subject_just_before(nearest, head) and (antecedent is None or antecedent.i < nearest.i):
            return nearest  # "The ministry was blunter. In a statement, it said …"
        if antecedent is not None:
            return _named_for(head, antecedent, people, rules)
    return nearest or head


def _own_subject(
    pronoun: Token, attribution: Attribution, pronouns: PronounResolver
) -> Token | None:
    """ "Ms. Olivieri found skating to be a salve for her depression, she said": the
    person who is the subject of what was said, in the reporter's own words before the
    "she said", is who said it when salience says so."""
    antecedent = pronouns.antecedent(pronoun)
    if antecedent is None or attribution.quotes or not _inside(antecedent, attribution.content):
        return None
    if antecedent.dep_ not in {"nsubj", "nsubjpass"} or antecedent.i > pronoun.i:
        return None
    # a name: "an average college student" may be anyone the content speaks of
    return antecedent if antecedent.pos_ == "PROPN" else None


def _named_for(pronoun: Token, antecedent: Token, people: PersonIndex, rules: RuleSet) -> Token:
    """The person a described antecedent is: "Lori Bernstein … The 57-year-old scientist
    was tired, but she said" is Lori Bernstein."""
    described = _epithet_of(antecedent, people, rules)
    if described is not None and _of_other_sex(pronoun, described, people):
        described = None
    author = _author(antecedent, rules)  # "The email … was sent by X. “…,” it reads"
    return _apposed_name(antecedent, people) or described or author or antecedent


def _stood_for(
    token: Token, attributions: Sequence[Attribution], referents: Sequence[Token | None]
) -> Token:
    """What ``token`` stood for when it was an earlier attribution's speaker mention."""
    for attribution, referent in zip(attributions, referents, strict=True):
        if attribution.speaker_head == token.i and referent is not None and referent != token:
            return referent
    return token  # the same object: callers ask whether the referent "is" the mention


def _described_before(head: Token, referents: Sequence[Token | None]) -> int | None:
    """ "a senior State Department official told reporters … The official said": a
    definite noun with nothing set beside it goes on with the latest earlier unnamed
    speaker whose head noun it repeats (the index of that attribution). A name before it
    says who it is ("The United Grocery Workers union"), unless the earlier one's words
    spell it: "the RNC member" after "a Republican National Committee member"."""
    proper = [c.text for c in head.lefts if c.pos_ == "PROPN"]
    apposed = any(c.dep_ == "appos" for c in head.rights)  # "the official, Ana Ruiz,"
    # "law enforcement officials" after "American law enforcement officials" too
    bare = head.tag_ == "NNS" and all(
        c.dep_ in {"amod", "compound", "punct"} for c in head.children
    )
    bare &= not head.ent_type_  # "Sanders says", read as a plural noun
    if head.pos_ != "NOUN" or not (with_the(head) or bare) or apposed or len(proper) > 1:
        return None  # "federal prosecutors wrote … Prosecutors said": those prosecutors
    noun, modifiers, place = head.lemma_.lower(), _modifiers(head), _place_after(head)
    return _latest(
        referents,
        lambda t: (
            t.pos_ == "NOUN"
            and t.tag_ == head.tag_
            and t.lemma_.lower() == noun
            and all(_spelled_out(p, _words_before(t)) for p in proper)
            and modifiers <= _modifiers(t) | {p.lower() for p in proper}
            and not (modifiers and _joint_modifiers(t))
            and place in {"", _place_after(t)}
        ),  # "the longtime senator" is no "freshman senator"; "the government in Beijing"
    )  # no "German government"; "Israeli officials" are not "Israeli and U.S. officials"


def _joint_modifiers(head: Token) -> bool:
    """Coordinated words before a noun: "Israeli and U.S. officials"."""
    return any(g.dep_ == "conj" for c in head.lefts for g in c.children)


def _modifiers(head: Token) -> set[str]:
    """What describes the noun, apart from words that point back ("the same polling")."""
    return {c.lower_ for c in head.lefts if c.dep_ in {"amod", "compound"}} - {"same"}


def _words_before(head: Token) -> list[str]:
    """The words of a noun's phrase before it: "a prominent Republican National Committee"."""
    return [t.text for t in head.doc[head.left_edge.i : head.i]]


def _source_again(head: Token, rules: RuleSet) -> bool:
    """ "a source close to him said … That person added": a bare "the person" or "that
    source" is someone unnamed spoken of before, whatever noun described them."""
    pointing = any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"} for c in head.lefts)
    described = any(c.dep_ not in {"det", "punct"} for c in head.children)
    lemma = head.lemma_.lower()
    return lemma in rules.words("anonymous_anaphors") and pointing and not described


def _one_of_them(head: Token, referents: Sequence[Token | None]) -> int | None:
    """ "One of them said": the latest earlier speaker that is a plural noun (the index of
    its attribution), whom "them" stands for."""
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    them = of is not None and any(c.lower_ == "them" for c in of.children)
    if head.lower_ != "one" or not them:
        return None
    return _latest(referents, lambda t: t.tag_ == "NNS")


def _back_to_previous_paragraph(doc: Doc, before: int) -> Iterator[Token]:
    """The tokens before index ``before``, nearest first, back to the start of the
    previous paragraph (blank lines skipped): how far back a reporter's description or
    "Some say" reaches."""
    text = doc.text
    start = text.rfind("\n", 0, doc[before].idx)
    while start > 0 and text[start - 1] == "\n":
        start -= 1
    start = text.rfind("\n", 0, max(start, 0)) + 1
    for token in reversed(doc[:before]):
        if token.idx < start:
            return
        yield token


def _writer(head: Token, people: PersonIndex) -> Token | None:
    """Who writes the "I" of a letter or an opinion piece, as a reader finds them: the
    next paragraph that is only a person's name signs a letter ("Martin Litwak."), and a
    closing paragraph that says who someone is ("Rep. Ana Ruiz, D-Ariz., is a member of
    …") introduces the author."""
    later = [p for p in paragraph_spans(head.doc) if p.start > head.i]
    for paragraph in later:
        if (signer := signature(paragraph, people)) is not None:
            return signer
    if not later:
        return None
    closing = next(later[-1].sents).root
    subjects = [c for c in closing.children if c.dep_ == "nsubj" and people.is_person(c)]
    introduces = closing.lemma_ == "be" and any(c.dep_ == "attr" for c in closing.children)
    return subjects[0] if subjects and introduces else None


QUANTIFIERS = frozenset({"some", "many", "most", "several", "others"})


def _some_of(head: Token, rules: RuleSet) -> Token | None:
    """ "Many Jewish leaders … Some say", "some protesters chanted … Others …": a bare
    quantifier stands for the people a plural noun named last before it (in this or the
    previous paragraph, outside quotation marks)."""
    if head.lower_ not in QUANTIFIERS or any(c.dep_ == "prep" for c in head.children):
        return None
    people = rules.words("group_nouns") | rules.words("anonymous")
    singular = rules.words("person_nouns") | rules.words("title_words")
    for token in _back_to_previous_paragraph(head.doc, head.i):
        plural = token.tag_ in {"NNS", "NNPS"} and token.dep_ != "compound"
        of_people = token.lower_ in people or token.lemma_.lower() in singular
        if plural and of_people and not quoted(token):
            return token
    return None


def _some_described(head: Token, group: Token, rules: RuleSet) -> str:
    """The group's description without its determiner or quantifier; "others" are other
    ones ("other protesters")."""
    first, last = mention_tokens(group)
    words = [t for t in group.doc[first : last + 1] if t.i >= group.i or t.dep_ != "det"]
    while words and words[0].lower_ in QUANTIFIERS | {"the", "these", "those"}:
        words = words[1:]
    text = _description(_as_written(words), rules.words("anonymity_markers"))
    return f"other {text}" if head.lower_ == "others" else text


def _as_written(words: Sequence[Token]) -> str:
    """The words with the article's spacing ("Sanders's supporters", not "Sanders 's")."""
    return " ".join("".join(t.text_with_ws for t in words).split())


def _latest(earlier: Sequence[_T | None], fits: Callable[[_T], bool]) -> int | None:
    """The index of the latest earlier referent (or speaker key) that ``fits``."""
    for index in range(len(earlier) - 1, -1, -1):
        item = earlier[index]
        if item is not None and fits(item):
            return index
    return None


def _owner(head: Token, rules: RuleSet) -> Token | None:
    """ "his campaign", "her advisers", "the Texas senator's allies": the possessive
    pronoun or definite role noun that owns a nominal mention; for "whose book", whom the
    relative clause describes."""
    if head.pos_ != "NOUN":
        return None
    roles = rules.words("title_words") | rules.words("person_nouns")
    for child in head.lefts:
        role = child.pos_ == "NOUN" and with_the(child) and child.lemma_.lower() in roles
        if child.dep_ == "poss" and (child.lower_ in {"his", "her"} or role):
            return child
        if child.dep_ == "poss" and child.tag_ == "WP$" and head.head.dep_ == "relcl":
            return head.head.head  # "McConnell, the leader, whose new book boasts of …"
    return None


def _speaks_for_owner(head: Token, rules: RuleSet) -> bool:
    """ "his remarks", "her statement": a document or a noun of speech is its owner's."""
    lemma = head.lemma_.lower()
    return lemma in rules.words("document_nouns") or lemma in rules.words("cue_nouns")


def _owned(head: Token, owner: tuple[str, ...] | None, organization: bool) -> str | None:
    """The nominal named by its owner's surname, as a reader names it: "her campaign" →
    "the Clinton campaign", "his advisers" → "Sanders's advisers"."""
    if owner is None:
        return None
    first, last = mention_tokens(head)
    owning = {t.i for c in head.lefts if c.dep_ == "poss" for t in c.subtree}
    rest = _as_written([t for t in head.doc[first : last + 1] if t.i not in owning])
    return f"the {owner[-1]} {rest}" if organization else f"{owner[-1]}'s {rest}"


def _pronouns_named(doc: Doc, span: Span, people: PersonIndex, pronouns: PronounResolver) -> str:
    """ "a source close to him" → "a source close to Ted Cruz", "people familiar with her
    thinking" → "people familiar with Ana Ruiz's thinking": a description names whom its
    pronouns stand for, as a reader would."""
    start, end = span
    text = doc.text[start:end]
    for token in reversed(doc.char_span(start, end, alignment_mode="expand") or ()):
        antecedent = pronouns.antecedent(token) if token.lower_ in OBJECT_PRONOUNS else None
        name = people.canonical(antecedent) if antecedent is not None else None
        if name is not None:
            owns = token.lower_ == "his" or token.dep_ == "poss"
            written = " ".join(name) + ("'s" if owns else "")
            text = text[: token.idx - start] + written + text[token.idx + len(token) - start :]
    return text


def _without_determiner(name: str) -> str:
    """ "Two nurses" → "two nurses", "The officials" → "officials", to follow "one of the"."""
    first, _, rest = name.partition(" ")
    if first.lower() in {"the", "a", "an", "some"} and rest:
        return rest
    return first.lower() + " " + rest if first.lower() in NUMBER_WORDS and rest else name


def _subject_just_before(candidate: Token | None, pronoun: Token) -> bool:
    """The subject of the pronoun's sentence or of the one before it."""
    if candidate is None or candidate.dep_ != "nsubj":
        return False
    here = pronoun.sent.start
    before = pronoun.doc[here - 1].sent.start if here > 0 else here
    return candidate.sent.start >= before


def _apposed_name(token: Token, people: PersonIndex) -> Token | None:
    """The name set beside a description: "The airline's chief executive, Pieter
    Vandersloot,", "One of them, Councillor Amos Feld,", "Kara Lindqvist-Obi, a
    pharmacist,", and, where the parser hangs it on the description's last noun, "the head
    of the electoral commission, Sanna Oduya,", even when the parser makes a fronted
    participle the subject."""
    closing = (t for t in token.subtree if _closes_description_with_a_person(t, token, people))
    if token.tag_ == "VBG":  # "Speaking on radio, the head of X, Ana Ruiz, said" misparsed
        return next(closing, None)
    if token.pos_ not in {"NOUN", "NUM"}:
        return None
    apposed = token
    while apposed.dep_ == "conj":
        apposed = apposed.head  # "Herman Cain, the pizza maven and former … candidate"
    if apposed.dep_ == "appos" and apposed.head.pos_ == "PROPN" and people.is_person(apposed.head):
        return apposed.head  # "Kara Lindqvist-Obi, a pharmacist in Columbus, who said"
    beside = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return beside or _second_subject(token) or next(closing, None)


def _name_ending_title(token: Token, people: PersonIndex, rules: RuleSet) -> Token | None:
    """ "European Commissioner for Climate Action Margit Sorensen-Falk": a capitalised
    title whose phrase ends in a person's name, with no comma between, is that person
    ("a spokesman for Fenwold" speaks for Fenwold and is not Fenwold); so is an
    organisation's name that runs on into a title and a name, as the parser reads "The
    Council on Fenwold Relations Executive Director Nadim Awali"."""
    if token.pos_ != "PROPN":
        return None
    titles = rules.words("title_words")
    determined = any(c.dep_ == "det" for c in token.lefts)
    titled = not determined and token.lower_ in titles
    for prep in (c for c in token.rights if c.dep_ == "prep"):
        name = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if name is None or name.i != token.right_edge.i or not people.is_person(name):
            continue
        if titled or any(c.dep_ == "compound" and c.lower_ in titles for c in name.lefts):
            return name
    # "Palm Beach County Supervisor of Elections Susan Bucher": the name hung on the title
    # as an apposition, with no comma to set it off
    name = next((c for c in token.rights if c.dep_ == "appos"), None)
    if not titled or name is None or name.i != token.right_edge.i:
        return None
    unset = token.doc[name.left_edge.i - 1].text != ","
    return name if unset and people.is_person(name) else None


def _second_subject(token: Token) -> Token | None:
    """The parser's second subject right after a comma: "The group's chair, Patrick
    Quinn, who …, told" read as two subjects of "told"."""
    after = token.right_edge.i  # the comma, which the parser may hang on the noun
    after += token.doc[after].text != ","
    if token.dep_ != "nsubj" or after + 1 >= len(token.doc) or token.doc[after].text != ",":
        return None
    return next(
        (
            c
            for c in token.head.children
            if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.left_edge.i == after + 1
        ),
        None,
    )


def _closes_description_with_a_person(name: Token, description: Token, people: PersonIndex) -> bool:
    """A person's name set off by a comma at the very end of the description's phrase."""
    return (
        name.dep_ == "appos"
        and people.is_person(name)
        and name.head.dep_ == "pobj"
        and all(t.is_punct for t in name.doc[name.right_edge.i + 1 : description.right_edge.i + 1])
        and name.left_edge.i > 0
        and name.doc[name.left_edge.i - 1].text == ","
    )


def _previous_speaker(
    doc: Doc,
    attribution: Attribution,
    earlier: Sequence[Attribution],
    referents: Sequence[Token | None],
) -> Token | None:
    """Who spoke in the attribution just before, when it is in the same or the previous
    paragraph: the one a reporter's next "he said" most often goes on with."""
    for before, referent in zip(reversed(earlier), reversed(referents), strict=True):
        if before.speaker is None or attribution.speaker is None or referent is None:
            continue
        if before.cue_class in NON_SAYING_CLASSES:
            continue  # "…, knowing that …" was not said
        if any(a.content[0] <= before.speaker[0] < a.content[1] for a in earlier):
            continue  # reported inside what someone said: "she said the district had asked …"
        if before.cue_class == "question":
            continue  # "when Tapper asked whether …" : the one asked answers, not he
        gap = paragraph_breaks(doc.text, before.speaker[1], attribution.speaker[0])
        return referent if 0 <= gap <= 1 else None
    return None


# Nominals, documents and counsel

NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4}


def _earlier_pair(doc: Doc, head: Token) -> Token | None:
    """ "the two said", "both said", "the two governments said": the nearest earlier
    coordination of that many names."""
    number = head
    if head.tag_ == "NNS":  # "the two governments", "both companies"
        number = next((c for c in head.lefts if c.lower_ in NUMBER_WORDS), head)
    count = NUMBER_WORDS.get(number.lower_)
    definite = number.lower_ == "both" or any(c.lower_ == "the" for c in head.lefts)
    if count is None or not definite or any(c.dep_ == "prep" for c in head.rights):
        return None
    for token in reversed(doc[: head.i]):
        if token.dep_ != "conj" and token.pos_ == "PROPN" and len(token.conjuncts) + 1 == count:
            return token
    return None


def _named_organization(
    doc: Doc, head: Token, content: Span, people: PersonIndex, rules: RuleSet
) -> Token | None:
    """ "the bank" → the one organisation named before it whose name has "bank" in it
    ("Lysenburg Central Bank", "the Lysenburg central bank"); "the company" → the one
    business introduced as such ("battery startup Voltaic Works") or the one the content
    is about. Two candidates, and it stays "the bank"."""
    lemma = head.lemma_.lower()
    definite = any(
        (c.dep_ in {"det", "poss"} and c.lower_ in {"the", "its", "their"})
        or (c.dep_ == "poss" and c.pos_ == "NOUN")  # "the residents' association"
        for c in head.lefts
    )
    if head.pos_ != "NOUN" or not definite or lemma not in rules.words("organization_nouns"):
        return None
    if any(c.pos_ == "PROPN" and people.is_person(c) for c in head.lefts):
        return None  # "The Cruz campaign" is his, not "Rubio's campaign" named before
    named = {
        _normalise(_organization_name(t) or head.doc[mention_tokens(t)[0] : t.i + 1].text): t
        for t in doc[: head.i]
        if t.lemma_.lower() == lemma
        and (t.pos_ == "PROPN" or any(c.pos_ == "PROPN" for c in t.lefts))
    }
    if not named and lemma in rules.words("company_nouns"):
        named = {_normalise(t.text): t for t in _introduced_businesses(doc[: head.i], rules)}
    reported = doc.char_span(*content, alignment_mode="expand")
    before = doc[head.sent.start : head.i]  # "X cut 380 flights, and the airline said …"
    for tokens in (reported, before):
        if not named and lemma in rules.words("company_nouns"):
            subjects = (t for t in _subject_organizations(tokens) if not people.is_person(t))
            named = {_normalise(t.text): t for t in subjects}
    if not named and lemma in rules.words("company_nouns"):  # "Shares in X fell after the
        # chipmaker cut its forecast", "… employers such as Monsanto, which opposed the bill.
        # “…,” the company tweeted": the one organisation named before it, outside
        # quotation marks, in its sentence or the one before
        start = doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
        named = {
            _normalise(e.text): e.root
            for e in doc.ents
            if e.label_ == "ORG"
            and start <= e.start
            and e.end <= mention_tokens(head)[0]
            and not quoted(e.root)
        }
    return next(iter(named.values())) if len(named) == 1 else None


def _organisations_before(head: Token, rules: RuleSet) -> Token | None:
    """ "The State Department and the Department of Homeland Security … The departments
    said", "Eleven progressive and Muslim organizations … the groups say": a plural noun
    for organisations, with only "the" before it, is the organisations last named
    together or last described in the plural as a main clause's subject, outside
    quotation marks."""
    nouns = rules.words("organization_nouns") | rules.words("outlet_nouns")
    if not _organisations_again(head, nouns):
        return None
    for token in reversed(head.doc[: mention_tokens(head)[0]]):
        if token.dep_ == "conj" or _organisations_again(token, nouns):
            continue
        named = token.pos_ == "PROPN" and token.ent_type_ in ORG_ENTS
        together = named and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in token.children)
        # a subject the text is about, not "the power to fine operators"
        main = token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT"
        described = main and token.tag_ == "NNS" and token.lemma_.lower() in nouns
        if (together or described) and not quoted(token):  # quoted() reads all the text
            return token
    return None


def _organisations_again(head: Token, nouns: frozenset[str]) -> bool:
    """ "the groups", "The departments": organisations spoken of before."""
    described = any(c.dep_ in {"amod", "compound", "nummod", "poss"} for c in head.lefts)
    return head.tag_ == "NNS" and head.lemma_.lower() in nouns and not described and with_the(head)


def _outlet_by_name(head: Token, rules: RuleSet) -> Token | None:
    """ "The Times newspaper reported", "the People's Daily newspaper": the outlet its
    own name says, not another newspaper named before."""
    if head.tag_ != "NN" or head.lemma_.lower() not in rules.words("outlet_nouns"):
        return None  # not "Six Gannett newspapers", which are no one paper
    names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return names[-1] if names else None


def _outlet_named_before(head: Token, rules: RuleSet) -> Token | None:
    """ "As the paper noted" after "the nationalist Global Times tabloid noted", "the
    editorial board wrote" after "The Union Leader, New Hampshire's largest newspaper,":
    the one news outlet named in this or the previous paragraph."""
    definite = with_the(head)
    words = " ".join(t.lower_ for t in head.doc[mention_tokens(head)[0] : head.i + 1][1:])
    outlet = head.lemma_.lower() in rules.words("outlet_nouns")
    if head.pos_ != "NOUN" or not definite or not (outlet or words in rules.words("outlet_voices")):
        return None
    named = {
        token.text: token
        for token in _back_to_previous_paragraph(head.doc, mention_tokens(head)[0])
        if token.pos_ == "PROPN" and _names_outlet(token, rules) and not quoted(token)
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _names_outlet(name: Token, rules: RuleSet) -> bool:
    """A name set beside an outlet noun ("the Global Times tabloid", "the Union Leader,
    New Hampshire's largest newspaper", "the daily Kurier"), in the outlet lists, or
    ending like a newspaper's ("the Orlando Sentinel")."""
    nouns = rules.words("outlet_nouns")
    beside = name.dep_ in {"compound", "appos"} and name.head.lemma_.lower() in nouns
    apposed = any(c.dep_ == "appos" and c.lemma_.lower() in nouns for c in name.children)
    listed = rules.known_outlet(name.text) or rules.known_outlet(_name_phrase(name))
    return beside or apposed or listed or name.lower_ in rules.words("outlet_words")


def _subject_organizations(tokens: Iterable[Token]) -> Iterator[Token]:
    """Proper-noun subjects among ``tokens``: "Greyhaven Savings Bank will cut 1,200 jobs,
    the lender said" (the company reports of itself), "Nordmere Airways cancelled flights,
    and the airline said", "Harcourt City have rejected …, the club said" (a place name
    to the tagger)."""
    for token in tokens:
        named = token.pos_ == "PROPN" and token.ent_type_ in {"ORG", "GPE", "PERSON", ""}
        if named and token.dep_ in {"nsubj", "nsubjpass"}:
            yield token


def _client(head: Token, rules: RuleSet) -> Token | None:
    """ "Lawyers for Halvorsen Group argued …", "Tash's lawyers argued": unnamed counsel
    speak as the party."""
    if head.lower_ not in rules.words("legal_counsel"):
        return None
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "prep" and child.lower_ == "for":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def _short_organization_name(doc: Doc, head: Token, people: PersonIndex) -> Token | None:
    """ "Vireo said" after "Vireo Mobile": the first word of an organisation's name named
    before, unless a person of that surname is named in the article ("Erik Halvorsen");
    also when the tagger took the word for a noun ("Pew said" after "Pew Research")."""
    capitalised = head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.text[:1].isupper())
    if not capitalised or any(c.dep_ in NAME_DEPS for c in head.lefts):
        return None
    if any(len(name) > 1 and name[-1] == head.text for name in people.clusters):
        return None
    named = {
        ent.root.i: ent.root
        for ent in doc.ents
        if ent.label_ == "ORG" and len(ent) > 1 and ent.end <= head.i and ent[0].text == head.text
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _organization_going_on(
    head: Token, previous: Token | None, people: PersonIndex, rules: RuleSet
) -> Token | None:
    """ "Dravenport Athletic said in a statement … The club added": the organisation that
    spoke just before goes on under a nominal."""
    if previous is None or not _organization_nominal(head, rules):
        return None
    if any(c.pos_ == "PROPN" for c in head.lefts):
        return None  # "The Clinton campaign" says whose it is
    lemma = head.lemma_.lower()
    if any(t.lemma_.lower() == lemma and t.pos_ == "PROPN" for t in head.doc[: head.i]):
        return None  # "the ministry" after ministries named: see _named_organization
    # an organisation's name the tagger left untagged counts too ("The label, Tin Roof
    # Records, said … the company said"), a place's does not
    named = previous.ent_type_ in ORG_ENTS or (previous.pos_ == "PROPN" and not previous.ent_type_)
    return previous if named and not people.is_person(previous) else None


def _speech_going_on(head: Token, previous: Token | None, rules: RuleSet) -> Token | None:
    """ "“…,” Mr. Hale said. The remarks suggest …", "“…,” she added. The answer did not
    rebut …": what was just said, named by a definite noun of speech that says no one
    else's, speaks for the one who said it."""
    if previous is None or head.pos_ != "NOUN":
        return None
    definite = any(c.lower_ in {"the", "this", "that", "these", "those"} for c in head.lefts)
    owned = any(c.dep_ == "poss" for c in head.lefts) or any(
        c.dep_ in {"prep", "acl", "relcl"} for c in head.rights
    )
    speech = rules.cue_class("cue_nouns", head.lemma_.lower()) == "neutral"
    return previous if definite and speech and not owned else None


def _role_going_on(head: Token, previous: Token | None, people: PersonIndex) -> Token | None:
    """ "The leader added" when two people are leaders: the one who spoke just before,
    else the one last named as a subject in this or the previous paragraph ("Rubio
    stopped by his headquarters … the senator said"); that one too when the article
    gives them no title at all and names no holder since, however many others it titles
    so ("a Democratic strategist" is someone new)."""
    holders = people.role_holders(head)
    if not holders:
        return None
    last = next(_named_subjects_before(head, people), None)  # that one, or no one
    person = people.canonical(last) if last is not None else None
    fresh = any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in head.lefts)
    if person is not None and not fresh and not people.titled(person) and person not in holders:
        between = head.doc[last.i + 1 : head.i]
        if not any(t.pos_ == "PROPN" and people.canonical(t) in holders for t in between):
            return last if people.sex(head) in {None, people.sex(last)} else None
    if len(holders) < 2:
        return None
    if previous is not None and previous.pos_ != "PRON" and people.canonical(previous) in holders:
        return previous
    return last if person in holders else None


def _aged(head: Token, previous: Token | None, people: PersonIndex) -> Token | None:
    """ "the 52-year-old said": the person given that age (", 52,"), else the person who
    spoke just before, whom reporters describe so to avoid repeating the name."""
    year = next((c for c in head.children if c.lower_ == "year"), None)
    definite = any(c.lower_ == "the" for c in head.lefts)
    if head.lower_ != "old" or year is None or not definite:
        return None
    age = next((c.text for c in year.children if c.dep_ == "nummod"), None)
    doc = head.doc
    for token in doc[2 : head.i]:  # "Ana Ruiz, 47,"
        named = doc[token.i - 2]
        if token.text == age and doc[token.i - 1].text == "," and people.is_person(named):
            return named
    return previous if previous is not None and people.is_person(previous) else None


def _epithet_of(
    head: Token, people: PersonIndex, rules: RuleSet, pronouns: PronounResolver | None = None
) -> Token | None:
    """ "Rubio stopped by his headquarters … the senator said", "Lori Bernstein … The
    57-year-old scientist said": a definite role or description that no named person is
    titled with is the person last named as a subject before it (in this or the previous
    paragraph, outside quotation marks) whom nothing says is otherwise titled or of the
    other sex; reporters so avoid repeating a name. Failing one, the most salient such
    person ("Trump is touting … Do you support Donald Trump? … The businessman said")."""
    if _office(head):  # "the attorney general of the state of New York" says who
        return None
    if not epithet(head, people, rules):  # "the senator" of several: the most salient
        return pronouns.antecedent(head) if pronouns is not None else None
    lemma, sex = head.lemma_.lower(), people.sex(head)
    for token in _named_subjects_before(head, people):
        person = people.canonical(token)
        if person is None or (people.titled_otherwise(person, lemma) and not a_member(head)):
            continue
        if sex in {None, people.sex(token)}:
            return token
    return pronouns.antecedent(head) if pronouns is not None else None


def _named_next(doc: Doc, head: Token, people: PersonIndex, rules: RuleSet) -> Token | None:
    """ "The Romanian hacker who first revealed … was sentenced …" and then "Marcel Lehel
    Lazar, 44, …": a story that opens on a description of someone names them at the start
    of the next paragraph."""
    if not epithet(head, people, rules):
        return None
    paragraphs = paragraph_spans(doc)
    index = next((k for k, p in enumerate(paragraphs) if p.start <= head.i < p.end), None)
    if index is None or index > 2 or index + 1 == len(paragraphs):
        return None  # an opening comes after a headline and a subheading at most
    if mention_tokens(head)[0] != paragraphs[index].start:
        return None
    name = paragraphs[index + 1][0]
    while name.dep_ in NAME_DEPS and name.head.i > name.i:
        name = name.head  # "Richard" → "Cross"
    subject = name.dep_ in {"nsubj", "nsubjpass"}
    return name if subject and people.is_person(name) else None


def _office(head: Token) -> bool:
    """A role of a determined body ("the deputy head of China's delegation", "the attorney
    general of the state of New York"), not "the secretary of state"."""
    bodies = [o for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    return any(o.dep_ == "pobj" and any(d.dep_ in {"det", "poss"} for d in o.lefts) for o in bodies)


def _named_subjects_before(head: Token, people: PersonIndex) -> Iterator[Token]:
    """The named people who are subjects before ``head``, outside quotation marks, nearest
    first, back to the previous paragraph: whom "the senator" or "she" goes on with."""
    for token in _back_to_previous_paragraph(head.doc, mention_tokens(head)[0]):
        if _named_subject(token, people) and not quoted(token):
            yield token


def _named_subject(token: Token, people: PersonIndex) -> bool:
    """A person's name as a clause's subject ("Rubio stopped by …"), or set beside it
    ("Clinton's husband, Bill, hurled …")."""
    subject = token.head if token.dep_ == "appos" else token
    named = token.pos_ == "PROPN" and subject.dep_ in {"nsubj", "nsubjpass"}
    return named and people.is_person(token)


def _named_later(doc: Doc, head: Token, rules: RuleSet) -> Token | None:
    """An organisation a reporter names in full only after its nominal: "the port
    authority said" … "the Skerrow Port Authority"; "The weather service said" … "The
    service, the Thalassa Meteorological Institute,". One such name, or none."""
    if not _organization_nominal(head, rules):
        return None
    words = [t.lower_ for t in doc[mention_tokens(head)[0] : head.i + 1] if t.dep_ != "det"]
    named = {
        ent.text.lower().removeprefix("the "): ent.root
        for ent in doc.ents
        if ent.label_ == "ORG" and ent.start > head.i and _ends_with(ent, words)
    }
    named |= {
        doc[name.i].text: name
        for token in doc[head.i + 1 :]
        if token.lemma_ == head.lemma_ and any(c.lower_ == "the" for c in token.lefts)
        for name in token.children
        if name.dep_ == "appos" and name.pos_ == "PROPN"
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _headline_role(doc: Doc, head: Token, people: PersonIndex, rules: RuleSet) -> Token | None:
    """ "Former Clinton Pollster Says …" over "Former Bill Clinton pollster Douglas Schoen
    was a guest …": a headline names by role alone, without an article, the one person
    the article gives that title."""
    word = head.lower_
    if word not in rules.words("title_words") or head.tag_ not in {"NN", "NNP"}:
        return None  # checked first: asked of most mentions
    if any(c.dep_ in {"det", "poss"} for c in head.lefts):
        return None  # "A spokeswoman for the union said" opens a story, not a headline
    paragraphs = paragraph_spans(doc)
    if len(paragraphs) < 2 or head.i >= paragraphs[0].end or people.is_person(head):
        return None
    holders = people.titled_as(word)
    return people.mentions_of(doc, holders[0])[0] if len(holders) == 1 else None


def _organization_nominal(head: Token, rules: RuleSet) -> bool:
    """ "the club", "the port authority": a definite organisation noun."""
    definite = with_the(head)
    return (
        head.pos_ == "NOUN"
        and definite
        and head.lemma_.lower() in rules.words("organization_nouns")
    )


def _ends_with(ent: Words, words: list[str]) -> bool:
    """ "Skerrow Port Authority" ends with "port authority", and has more words."""
    tail = [t.lower_ for t in ent][-len(words) :]
    return len(ent) > len(words) and tail == words


def _introduced_businesses(tokens: Iterable[Token], rules: RuleSet) -> Iterator[Token]:
    """Heads of proper names right after a word for a business: "startup Voltaic Works"."""
    words = rules.words("company_nouns")
    for token in tokens:
        if token.lower_ in words and token.i + 1 < len(token.doc):
            name = token.doc[token.i + 1]
            while name.pos_ == "PROPN" and name.head.pos_ == "PROPN" and name.head.i > name.i:
                name = name.head
            if name.pos_ == "PROPN":
                yield name


def _representatives(doc: Doc, attribution: Attribution, rules: RuleSet) -> Iterator[Token]:
    """ "said, through a spokesperson,": role nouns after "through" or "via" on the cue."""
    if attribution.cue_head is None:
        return
    for prep in doc[attribution.cue_head].children:
        if prep.dep_ == "prep" and prep.lower_ in {"through", "via"}:
            yield from (
                obj
                for obj in prep.children
                if obj.dep_ == "pobj" and obj.lemma_.lower() in rules.words("title_words")
            )


def _document_named_before(
    doc: Doc, head: Token, earlier: Sequence[Attribution], rules: RuleSet
) -> int | None:
    """ "the letter says" after "200 doctors signed a letter … warning that": the earlier
    attribution whose speaker spoke through that document, else the latest whose
    sentence names it; its speaker wrote it."""
    lemma = head.lemma_.lower()
    definite = any(c.lower_ in {"the", "that", "this"} for c in head.lefts)
    if not _document(head, rules) or not definite or _author(head, rules):
        return None
    naming = {}  # attribution index → the document's mentions in its sentence
    for index, attribution in enumerate(earlier):
        if attribution.cue_head is None or attribution.speaker_head is None:
            continue
        named = [
            t
            for t in doc[attribution.cue_head].sent
            if t.lemma_.lower() == lemma and t.i < head.i and not _inside(t, attribution.content)
        ]
        if named:
            naming[index] = named
    through = [
        i
        for i, named in naming.items()
        if any(_speaks_through(earlier[i], t, rules) for t in named)
    ]
    return max(through or naming, default=None)


def _speaks_through(attribution: Attribution, document: Token, rules: RuleSet) -> bool:
    """Whether an earlier attribution's speaker spoke through ``document``: it is the
    mention ("according to a report from …"), its author, its cue's ("said in a
    statement"), or the subject of the verb that has it ("200 doctors signed a letter …
    warning that"); another attribution in the same sentence ("… when it told a group
    that …") did not write it."""
    mention, speaker = attribution.speaker, attribution.speaker_head
    if mention is not None and _inside(document, mention):
        return True
    author = _author(document, rules)
    verb = document.head.head if document.head.pos_ == "ADP" else document.head
    subjects = [c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    said_in = verb.i == attribution.cue_head  # "said in a statement", "warned in a report"
    return said_in or (author is not None and author.i == speaker) or speaker in subjects


def _author(head: Token, rules: RuleSet) -> Token | None:
    """ "A report by the state comptroller says …", "a report released by …", "the
    agency's survey found …", "early results of a poll conducted by …": the document's
    author speaks; its own before the author of what it is of ("a Huffington Post review
    of Federal Election Commission filings" is the Post's)."""
    if not _document(head, rules):
        return None
    return _own_author(head, rules) or _author_of_part(head, rules) or _publisher(head, rules)


def _own_author(head: Token, rules: RuleSet) -> Token | None:
    """Who the document's own words say put it out: by, from or in whom, whose, or who."""
    participles = [c for c in head.children if c.dep_ == "acl"]
    if head.dep_ == "nsubjpass":  # "an email was sent from …", before "The email,
        # released by Judicial Watch, was sent by …"
        participles.insert(0, head.head)
    # "an email obtained by Citizens United" is not Citizens United's
    getting = rules.words("receiving_verbs")
    participles = [c for c in participles if c.lemma_.lower() not in getting]
    for prep in (*head.children, *(g for c in participles for g in c.children)):
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"by", "from", "in"}:
            # "an editorial in The Des Moines Register", not "a letter in Spanish", nor
            # "a study from 2011"
            authors = [o for o in prep.children if o.dep_ == "pobj" and not _a_time(o)]
            if authors and (prep.lower_ != "in" or authors[0].ent_type_ == "ORG"):
                return authors[0]
    organizations = rules.words("organization_nouns")
    for child in head.children:  # "the HPIA's survey", "the campaign's statement", "a
        # CNN tally", "a report the district presented"
        owner = child.pos_ == "PROPN" or child.lemma_.lower() in organizations
        owner |= child.pos_ == "NOUN" and child.text[:1].isupper()  # "Sanders’" as a plural
        if owner and child.dep_ == "poss":
            return child
        if child.dep_ in {"compound", "nmod"}:  # the parser's "nmod" in "A 1996 FEC advisory
            # opinion"; a name on the noun before in "the RealClearPolitics polling average"
            compounds = (child, *(g for g in child.lefts if g.dep_ == "compound"))
            named = next((c for c in compounds if _names(c, rules)), None)
            if named is not None:
                return named
        if child.dep_ == "relcl":
            subjects = [g for g in child.children if g.dep_ == "nsubj" and g.pos_ != "PRON"]
            if subjects:
                return subjects[0]
    return None


def _author_of_part(head: Token, rules: RuleSet) -> Token | None:
    """ "results of a poll by …": the author of the document it is of, if that has one."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            parts = [o for o in prep.children if o.dep_ == "pobj" and _document(o, rules)]
            if parts and (author := _author(parts[0], rules)) is not None:
                return author
    return None


def _names(compound: Token, rules: RuleSet) -> bool:
    """Whether a word set before a document names who put it out: an organisation, a
    place or a proper name ("a CNN tally", "a Pew study"), not a date or a platform that
    carries it ("the April survey", "a Facebook post")."""
    named = compound.ent_type_ in {"ORG", "GPE"} or compound.pos_ == "PROPN"
    named |= compound.text[:1].isupper() and any(c.isupper() for c in compound.text[1:])
    return named and not _a_time(compound) and compound.lower_ not in rules.words("platforms")


def _a_time(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"}


def _interview_role(head: Token, attribution: Attribution, rules: RuleSet) -> str | None:
    """ "Q: …" and "A: …" opening paragraphs: an interview printed as questions and answers,
    whose labels stand for the interviewer and the interviewee."""
    if attribution.rule != "speaker-label":
        return None
    for role in ("interviewer", "interviewee"):
        if head.lower_ in rules.words(f"{role}_labels"):
            return role
    return None


def _label_voice(head: Token, earlier: Sequence[Attribution], rules: RuleSet) -> int | None:
    """In a transcript, an "I" after a label ("A: … I said", in that paragraph or the
    next ones) is whoever the label stands for, and "you" is the other side: in a
    question, whoever answers. The index of the labelled attribution whose speaker that
    is."""
    if head.lower_ not in WRITER_PRONOUNS | {"you"}:
        return None  # checked first: asked of every attribution
    doc, labelled = head.doc, [a.rule == "speaker-label" for a in earlier]
    before = [k for k, a in enumerate(earlier) if labelled[k] and a.content[0] <= head.idx]
    if not before:
        return None
    if head.lower_ in WRITER_PRONOUNS:
        return before[-1]
    label = earlier[before[-1]]
    role = _interview_role(doc[label.speaker_head], label, rules)
    if role is None:
        return None
    return next(
        (
            k
            for k, a in enumerate(earlier)
            if labelled[k] and _interview_role(doc[a.speaker_head], a, rules) not in {role, None}
        ),
        None,
    )


def _interviewee(
    head: Token, attribution: Attribution, people: PersonIndex, rules: RuleSet
) -> Token | None:
    """ "A: I came home from school …" answers for the person the introduction is about:
    the one named most often before the first label (first named, if tied)."""
    if _interview_role(head, attribution, rules) != "interviewee":
        return None
    doc, labels = head.doc, rules.words("interviewer_labels") | rules.words("interviewee_labels")
    first = next(t.i for t in doc if t.lower_ in labels and doc[t.i + 1 : t.i + 2].text == ":")
    named: dict[tuple[str, ...], list[Token]] = {}
    for token in doc[:first]:
        if token.dep_ not in NAME_DEPS and people.is_person(token):
            person = people.canonical(token)
            if person is not None:
                named.setdefault(person, []).append(token)
    if not named:
        return None
    most = max(named.values(), key=len)  # the first of the most named: max keeps the first
    return most[0]


def _author_named_elsewhere(head: Token, rules: RuleSet) -> Token | None:
    """ "a statement issued by the Sanders campaign … the statement talked about …": a
    document noun with no author of its own is the nearest earlier one of its kind that
    names one ("the statement"), or one just after it that does ("a new poll has found
    … The poll, released by the Public Policy Institute, showed"); its author speaks. A
    poll and a survey are one kind (rules/poll_nouns.yaml)."""
    if not _document(head, rules):
        return None
    polls = rules.words("poll_nouns")
    kind = polls if head.lemma_.lower() in polls else {head.lemma_.lower()}
    same = [t for t in head.doc if t.pos_ == "NOUN" and t.lemma_.lower() in kind]
    earlier = [t for t in reversed(same) if t.i < head.i] if with_the(head) else []
    soon = _sentence_start_after(head, 2)
    later = [t for t in same if head.i < t.i < soon] if head.tag_ == "NN" else []  # not "Polls"
    found = (a for t in (*earlier, *later) if (a := _author(t, rules)) is not None)
    return next(found, None) or _poll_credited_after(head, rules)


def _poll_credited_after(head: Token, rules: RuleSet) -> Token | None:
    """ "Early results of an entrance poll … are showing …" and, paragraphs on, "The
    survey was conducted for AP and the television networks by Edison Research": a poll
    with no author of its own is the next poll the text speaks of, when that is "the" poll
    and says who conducted it."""
    polls = rules.words("poll_nouns")
    parts = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    poll = next((t for t in (head, *parts) if t.lemma_.lower() in polls and t.pos_ == "NOUN"), None)
    if poll is None:
        return None
    for token in head.doc[poll.i + 1 :]:
        if token.pos_ == "NOUN" and token.lemma_.lower() in polls:
            return _credited(token, rules) if with_the(token) else None
    return None


def _credited(poll: Token, rules: RuleSet) -> Token | None:
    """Who a poll's own words say conducted it, wherever the parser hung the "by": "The
    survey was conducted for AP and the television networks by Edison Research"."""
    if (author := _own_author(poll, rules)) is not None or poll.dep_ != "nsubjpass":
        return author
    by = (t for t in poll.head.subtree if t.lower_ == "by" and t.i > poll.head.i)
    names = (o for t in by for o in t.children if o.dep_ == "pobj" and o.pos_ == "PROPN")
    return next(names, None)


def _sentence_start_after(token: Token, count: int) -> int:
    """Where the sentence ``count`` sentences after the token's begins (or the end)."""
    end = token.sent.end
    for _ in range(count):
        if end >= len(token.doc):
            break
        end = token.doc[end].sent.end
    return end


def _document(head: Token, rules: RuleSet) -> bool:
    """ "the letter", "a report by …": a document noun, not the last word of an
    organisation's name ("The Huffington Post said" is the paper, not Arianna Huffington,
    nor "The Washington Post" after it)."""
    documents = rules.words("document_nouns")
    named = head.pos_ == "PROPN" and head.ent_type_ in ORG_ENTS
    return not named and (head.lemma_.lower() in documents or head.lower_ in documents)


def _publisher(document: Token, rules: RuleSet) -> Token | None:
    """ "Rand Paul has released a Web video that accuses Cruz …": the subject of the verb
    that put the document out wrote it."""
    verb = document.head
    if document.dep_ != "dobj" or verb.lemma_.lower() not in rules.words("authoring_verbs"):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return subjects[0] if subjects else None


# Pronouns


def _bound_by_reporting_verb(pronoun: Token) -> Token | None:
    """ "Biden told reporters he pressed …": a reporting verb's subject binds the "he"."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return None
    subjects = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if subjects and pronoun.lower_ in PERSON_PRONOUNS | PLURAL_PRONOUNS:
        return subjects[0]
    return None


def _coreferee_antecedent(doc: Doc, pronoun: Token, attribution: Attribution) -> Token | None:
    resolved = doc._.coref_chains.resolve(pronoun) if doc.has_extension("coref_chains") else None
    if not resolved:
        return None
    if len(resolved) > 1:  # "As Johnson and Weld stumped …, they said": the pair
        return _coordinated_before(doc, pronoun, attribution)
    outside = [t for t in resolved if not _inside(t, attribution.content) and t.i < pronoun.i]
    if len(outside) != 1:
        return None
    antecedent = outside[0]
    # "her brother, Tomas" → Tomas (through the apposed name); "Arkwright, a former
    # schoolteacher" → Arkwright; but "on Wednesday, Gareth Rees" stays Gareth Rees
    if antecedent.dep_ != "appos":
        return antecedent
    named = antecedent.pos_ == "PROPN" and antecedent.head.pos_ != "NOUN"
    return antecedent if named else antecedent.head


def _coordinated_before(doc: Doc, pronoun: Token, attribution: Attribution) -> Token | None:
    """The first of the names coreferee's chain coordinates last before ``pronoun``, when
    no quotation of the pronoun's own holds them: its conjuncts make the group."""
    for chain in doc._.coref_chains:
        mentions = [m.token_indexes for m in chain]
        if not any(pronoun.i in m for m in mentions):
            continue
        pairs = [m for m in mentions if len(m) > 1 and m[-1] < pronoun.i]
        if not pairs:
            return None
        first = doc[pairs[-1][0]]
        quoted = any(_inside(first, q) for q in attribution.quotes)
        together = all(doc[i] in first.conjuncts for i in pairs[-1][1:])
        return first if together and not quoted else None
    return None


def _rule_antecedent(
    doc: Doc, pronoun: Token, attribution: Attribution, people: PersonIndex, rules: RuleSet
) -> Token | None:
    """Nearest earlier candidate that agrees in number and animacy; subjects first."""
    lower = pronoun.lower_
    candidates = []
    for token in reversed(doc[: pronoun.i]):
        if _inside(token, attribution.content) or token.pos_ == "PRON":
            continue
        # "The constitution makes no mention …, although it does say": a document too
        subject = token.dep_ in {"nsubj", "nsubjpass"}  # "The email … was sent by …"
        document = lower in THING_PRONOUNS and subject and _document(token, rules)
        if document or (
            _agrees(lower, token, people) and not _of_other_sex(pronoun, token, people)
        ):
            if lower in PLURAL_PRONOUNS and not _can_be(pronoun, token, rules):
                continue  # "they" said: not "the effects"
            candidates.append(token)
        if len(candidates) >= 3:
            break
    subjects = [t for t in candidates if t.dep_ in {"nsubj", "nsubjpass"}]
    nearest = (subjects or candidates or [None])[0]
    if nearest is None:
        return None
    return _author(nearest, rules) or nearest  # "The email … was sent by X. “…,” it reads"


def _agrees(pronoun: str, token: Token, people: PersonIndex, subject: bool = True) -> bool:
    """Whether ``token`` can be what ``pronoun`` stands for (as a subject, unless not
    ``subject``: a speaker named before may have been the object of "according to")."""
    if pronoun in PERSON_PRONOUNS:
        return people.is_person(token)
    is_subject = token.dep_ == "nsubj" or not subject
    if pronoun in PLURAL_PRONOUNS:  # "Ana Ruiz and Ivo Hart toured …. They said"
        return (token.tag_ in {"NNS", "NNPS"} or _names_together(token)) and is_subject
    organization = token.ent_type_ == "ORG" and not people.is_person(token)  # not "Trump"
    return pronoun in THING_PRONOUNS and organization and is_subject


def _names_together(token: Token) -> bool:
    """The first of coordinated names, which a plural pronoun may stand for."""
    names = [c for c in token.conjuncts if c.pos_ == "PROPN"]
    return token.pos_ == "PROPN" and token.dep_ != "conj" and bool(names)


def _of_other_sex(pronoun: Token, token: Token, people: PersonIndex) -> bool:
    sex = PRONOUN_SEX.get(pronoun.lower_)
    other = people.sex(token)
    return sex is not None and other is not None and other != sex


def _can_be(pronoun: Token, antecedent: Token, rules: RuleSet) -> bool:
    """Whether coreferee's antecedent fits: "it" stands for something that can speak (an
    organisation, a document), not "her email use"; "they" for people (not one person)
    or such things, not "the effects"."""
    if pronoun.lower_ in PLURAL_PRONOUNS:  # people, but not "a journalist"
        people = antecedent.tag_ != "NN" and _people(antecedent, rules)
        return people or _speaks_as_a_thing(antecedent, rules)
    return pronoun.lower_ not in THING_PRONOUNS or _speaks_as_a_thing(antecedent, rules)


#: Lexicons of singular words for a person, which a plural's lemma may be.
_PEOPLE_LEXICONS = ("person_nouns", "title_words", "anonymous", "occupations")
#: Endings of plural nouns for people the lexicons do not list ("pundits" aside).
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ans", "ants", "ents")


def _people(token: Token, rules: RuleSet) -> bool:
    """A word for people: a name, or a noun the lexicons list for people or groups, or
    one with an ending for people ("campaigners", "physicians")."""
    if token.pos_ == "PROPN" or token.ent_type_ in {"PERSON", "NORP"}:
        return True
    lemma, lower = token.lemma_.lower(), token.lower_
    return (
        lower.endswith(_PEOPLE_ENDINGS)
        or any(lower in rules.words(name) for name in ("group_nouns", "audience_nouns"))
        or any(lemma in rules.words(name) for name in _PEOPLE_LEXICONS)
    )  # no union of the lists: asked of each word before a plural pronoun


def _speaks_as_a_thing(token: Token, rules: RuleSet) -> bool:
    """A name, or a noun for an organisation, an outlet or a document."""
    if token.pos_ == "PROPN" or token.ent_type_ in ORG_ENTS:
        return True
    nouns = rules.words("organization_nouns") | rules.words("company_nouns")
    nouns |= rules.words("outlet_nouns") | rules.words("document_nouns")
    return token.lemma_.lower() in nouns


def _goes_on_as(pronoun: Token, speaker: Token, people: PersonIndex, rules: RuleSet) -> bool:
    """Whether the speaker just before can be the pronoun's: a person's name, or a role
    noun of no other sex ("according to a spokeswoman … She said")."""
    lower = pronoun.lower_
    if _of_other_sex(pronoun, speaker, people):
        return False
    if _agrees(lower, speaker, people, subject=False):
        return True
    lemma = speaker.lemma_.lower()
    other = rules.words("male_words" if lower in {"she", "her"} else "female_words")
    roles = rules.words("title_words") | rules.words("anonymous")
    return lower in PERSON_PRONOUNS and speaker.tag_ == "NN" and lemma in roles - other


def _inside(token: Token, span: Span) -> bool:
    return span[0] <= token.idx < span[1]


# Speakers


class _SpeakerTable:
    """The article's speakers by key, built up as attributions name them."""

    def __init__(self, doc: Doc, people: PersonIndex, rules: RuleSet) -> None:
        self._doc, self._people, self._rules = doc, people, rules
        self.by_key: dict[str, Speaker] = {}
        short_forms = _abbreviations(doc)
        for short, name in _outlet_last_words(doc, rules).items():
            short_forms.setdefault(short, name)
        self._aliases = _organisation_aliases(doc, short_forms)
        self._short_forms = short_forms.keys()

    def speaker_for(
        self,
        referent: Token,
        described: str | None = None,
        kind: str | None = None,
        joint: bool = True,
    ) -> Speaker:
        """``kind`` when the mention says it ("the club" is an organisation, whatever
        "Miraval Rovers" looks like); not ``joint`` when the mention is one person ("she")."""
        members = _joint_members(referent)
        if joint and len(members) > 1:
            first, last = mention_span(members[0]), mention_span(members[-1])
            return self.joint(members, (first[0], last[1]))
        return self._single(referent, described, kind)

    def joint(self, members: Sequence[Token], mention: Span) -> Speaker:
        """ "Hana Berg and Kenji Ito said": one group speaker named by its members'
        canonical names (the contract gives an attribution one speaker); each member is a
        speaker too."""
        names = [self._single(t).name for t in members]
        speaker = self._get("group", ", ".join(names[:-1]) + " and " + names[-1])
        speaker.mentions.add(mention)
        return speaker

    def _single(
        self, referent: Token, described: str | None = None, kind: str | None = None
    ) -> Speaker:
        """A named person (through the article's name clusters or a unique title), else a
        speaker named by its words: "people familiar with the matter" keeps what says who."""
        canonical = self._people.canonical(referent) or self._people.role_holder(referent)
        if canonical:
            speaker = self._get("person", " ".join(canonical))
            if not speaker.mentions:  # first time: every mention of the name in the article
                for token in self._people.mentions_of(self._doc, canonical):
                    _add_person_mention(speaker, token, self._rules)
            _add_person_mention(speaker, referent, self._rules)
            return speaker
        span = mention_span(referent)
        kind = kind or _kind_of(referent, self._rules)
        text = self._doc.text[span[0] : span[1]]
        if kind == "organization":
            text = (
                _organization_name(referent)
                or _entity_name(referent)
                or _description(text, frozenset())
            )
        unnamed = kind != "organization" or referent.pos_ == "NOUN"  # "a coalition of …"
        if described and unnamed:
            text = _description(described, self._rules.words("anonymity_markers"))
        if kind == "organization" and referent.pos_ == "NOUN":
            text += _place_after(referent)  # "the government in Beijing"
        speaker = self._get(kind, text)
        speaker.mentions.add(span)
        if kind == "organization":
            speaker.mentions |= self._same_name(text)
        speaker.affiliation = speaker.affiliation or _represented(referent, self._rules)
        return speaker

    def representative(self, token: Token, organization: Speaker) -> None:
        """ "The White House said, through a spokesperson, …": the spokesperson is a speaker
        too, affiliated with the organisation that spoke through them."""
        speaker = self._single(token)
        speaker.affiliation = speaker.affiliation or organization.name

    def _same_name(self, name: str) -> set[Span]:
        """Every mention of an organisation's name or alias in the article ("the Pentagon",
        "Pentagon")."""
        wanted = self._canonical_name(name)
        return {
            mention_span(ent.root)
            for ent in self._doc.ents
            if ent.label_ in ORG_ENTS and self._canonical_name(ent.text) == wanted
        }

    def _canonical_name(self, name: str) -> str:
        normal = _normalise(name)
        return _normalise(self._aliases[normal]) if normal in self._aliases else normal

    def _get(self, kind: str, name: str) -> Speaker:
        """The speaker of that kind and name; a new one is named in full when the mention
        is a short form ("the EA" → "Environment Agency")."""
        key = f"{kind}:{self._canonical_name(name)}"
        if key not in self.by_key and _normalise(name) in self._short_forms:
            name = self._aliases[_normalise(name)]
        return self.by_key.setdefault(key, Speaker(key, name, kind))


def _one_person_noun(head: Token, rules: RuleSet) -> bool:
    """ "the candidate", "the senator": a singular word for one person, never a pair."""
    words = rules.words("person_nouns") | rules.words("title_words")
    return head.tag_ == "NN" and head.lemma_.lower() in words


def _alone(referent: Token) -> bool:
    return len(_joint_members(referent)) == 1


def _joint_members(referent: Token) -> tuple[Token, ...]:
    """Who a mention names together: "Hana Berg and Kenji Ito"; and "Two senators from the
    Centre Party, Ana Ruiz and Ivo Hart," only the names, whether the parser coordinates
    them with "senators" or with "Party" (the description says who the names are)."""
    # not "Ana Ruiz, who backed Hart, and fiercely opposed the plan", a verb the parser
    # coordinated with her
    conjuncts = tuple(c for c in referent.conjuncts if c.pos_ in {"PROPN", "NOUN", "PRON"})
    ampersand = any(c.dep_ == "cc" and c.text == "&" for c in referent.children)
    if referent.dep_ != "conj" and conjuncts and not ampersand:  # "Pipe & Valve" is one
        if referent.tag_ == "NNS" and len(conjuncts) > 1 and _set_off_names(conjuncts):
            return conjuncts
        return tuple(_name_beside(t) for t in (referent, *conjuncts))
    listed = [c for c in referent.children if c.dep_ == "appos" and c.conjuncts]
    if referent.pos_ == "PROPN" and listed and _set_off_names((listed[0], *listed[0].conjuncts)):
        if referent.tag_ == "NNPS":  # "the two leading Republicans, A and B": just A and B
            return (listed[0], *listed[0].conjuncts)
        return (referent, listed[0], *listed[0].conjuncts)  # "A, B and C" read as "A, (B and C)"
    if referent.tag_ == "NNS":
        for name in referent.subtree:
            if name.dep_ in {"appos", "conj"} and name.head.dep_ == "pobj":
                coordinated = (
                    (name, *name.conjuncts) if name.dep_ == "appos" else name.head.conjuncts
                )
                names = tuple(t for t in coordinated if t.i >= name.i)
                if len(names) > 1 and _set_off_names(names):
                    return names
    return (referent,)


def _name_beside(member: Token) -> Token:
    """A described member by the name set beside it: "the Italian firm Cosmo
    Pharmaceuticals" is Cosmo Pharmaceuticals."""
    if member.pos_ != "NOUN":
        return member
    return next((c for c in member.children if c.dep_ == "appos" and c.pos_ == "PROPN"), member)


def _set_off_names(names: Sequence[Token]) -> bool:
    """Proper names after a comma, as an apposition reads."""
    first = min(names, key=lambda t: t.i)
    return (
        all(t.pos_ == "PROPN" for t in names)
        and first.left_edge.i > 0
        and first.doc[first.left_edge.i - 1].text == ","
    )


def _organisation_aliases(doc: Doc, short_forms: dict[str, str]) -> dict[str, str]:
    """Names the article equates: its ``short_forms`` of names, and "the Defense
    Department, also known as the Pentagon", "the Defense Department (the Pentagon)" →
    the alias maps to the first name."""
    aliases = dict(short_forms)
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ not in ORG_ENTS:
            continue
        named = token.head
        if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.lower_ == "known":
            named = token.head.head.head
        elif token.dep_ != "appos":
            continue
        if named.pos_ == "PROPN" and named.ent_type_ in ORG_ENTS:
            aliases.setdefault(_normalise(_name_phrase(token)), _name_phrase(named))
    return aliases


def _abbreviations(doc: Doc) -> dict[str, str]:
    """Short forms of organisation names, each mapped to the name in full: "the Heat
    Pump Installers Association (HPIA)", an acronym used without brackets, and a first
    part of one name."""
    found: dict[str, str] = {}
    for acronym in _ACRONYM_RE.finditer(doc.text):
        sentence = max(doc.text.rfind(mark, 0, acronym.start()) for mark in ".!?\n") + 1
        words = _ACRONYM_NAME_RE.findall(doc.text[sentence : acronym.start()])
        name = _spelled_out(acronym.group(1), words)
        if name:
            found[acronym.group(1).lower()] = name
    for acronym, name in _initialisms(doc).items():
        found.setdefault(acronym.lower(), name)
    for short, name in _bracketed_names(doc).items():
        found.setdefault(short, name)
    for short, name in _short_names(doc).items():
        found.setdefault(short, name)
    return found


def _bracketed_names(doc: Doc) -> dict[str, str]:
    """ "the California Department of Transportation (Caltrans)": one word in brackets
    right after an organisation's name is what the article calls it from then on, however
    it is spelled."""
    found: dict[str, str] = {}
    for opening in doc[1:-2]:
        name, alias = doc[opening.i - 1], doc[opening.i + 1]
        bracketed = opening.text == "(" and doc[opening.i + 2].text == ")"
        if bracketed and alias.text[:1].isupper() and name.ent_type_ == "ORG":
            start = next(e.start for e in doc.ents if e.start <= name.i < e.end)
            found[alias.lower_] = doc[start : name.i + 1].text
    return found


def _short_names(doc: Doc) -> dict[str, str]:
    """ "Saltfleet Wanderers … Saltfleet said", "the Meridian Grand Hotel … The Meridian
    Grand said": a name the article uses that is all but the last word of exactly one
    longer organisation name it gives is that organisation ("the Army" stays apart from
    "the Army Contracting Command")."""
    full = {  # the whole name where the tagger's entity stops at a comma
        _normalise(ent.text): _organization_name(ent.root) or ent.text
        for ent in doc.ents
        if ent.label_ in ORG_ENTS
    }
    found: dict[str, str] = {}
    for ent in doc.ents:
        short = _normalise(ent.text)
        if ent.label_ not in ORG_ENTS | {"GPE"} or not short:
            continue
        longer = [name for normal, name in full.items() if _shortens(short, normal)]
        if len(longer) == 1:
            found[short] = longer[0]
    return found


def _shortens(short: str, name: str) -> bool:
    """Whether ``short`` is all but the last word of ``name``, or all before its "of"
    ("the National Academies of Sciences, Engineering and Medicine")."""
    rest = name.removeprefix(short + " ")
    return rest != name and (" " not in rest or rest.startswith("of "))


def _outlet_last_words(doc: Doc, rules: RuleSet) -> dict[str, str]:
    """ "The Washington Post … the Post said": the last word of a news outlet's name
    stands for it when no other organisation named in the article ends in that word."""
    ending: dict[str, set[str]] = {}  # last word → the names that end in it
    written: dict[str, str] = {}  # name → as the article first writes it
    outlets: set[str] = set()
    for ent in doc.ents:
        normal = _normalise(ent.text)
        if ent.label_ not in ORG_ENTS or " " not in normal:
            continue
        ending.setdefault(normal.split()[-1], set()).add(normal)
        written.setdefault(normal, ent.text)
        if rules.known_outlet(ent.text) or _names_outlet(ent.root, rules):
            outlets.add(normal)
    return {
        last: written[name]
        for last, names in ending.items()
        if len(names) == 1 and (name := next(iter(names))) in outlets
    }


def _initialisms(doc: Doc) -> dict[str, str]:
    """ "The Coastal Environment Agency … the CEA said": an acronym the article uses
    without introducing it names the one organisation whose capitals spell it ("the MoD",
    and "the CDC" for "the Centers for Disease Control and Prevention")."""
    names = dict.fromkeys(ent.text for ent in doc.ents if ent.label_ in ORG_ENTS)
    found: dict[str, str] = {}
    for token in doc:
        if not _INITIALISM_RE.fullmatch(token.text) or token.text in found:
            continue
        capitals = "".join(c for c in token.text if c.isupper())
        by_normal: dict[str, str] = {}
        for name in names:  # in the article's order: the form it names first is the name
            if name.endswith(token.text):
                continue  # "F.B.I." spells itself
            if spelled := _spelled_with_tail(capitals, name):
                by_normal.setdefault(_normalise(spelled), spelled)
        if len(by_normal) == 1:
            found[token.text] = by_normal.popitem()[1]
    return found


def _spelled_with_tail(acronym: str, name: str) -> str | None:
    """The name when its capitals spell the acronym, perhaps leaving out its last words
    after "and" ("Centers for Disease Control and Prevention" is the CDC)."""
    words = _ACRONYM_NAME_RE.findall(name)
    parts = name.replace("-", " ")  # "Hewlett-Packard" is HP
    if parts != name and _spelled_out(acronym, _ACRONYM_NAME_RE.findall(parts)) == parts:
        return name
    cuts = [len(words)] + [i for i, w in enumerate(words) if w.lower() in {"and", "&"}]
    for cut in cuts:
        spelled = _spelled_out(acronym, words[:cut])
        if spelled:
            return " ".join([spelled, *words[cut:]])
    return None


_ACRONYM_RE = re.compile(r"\(([A-Z]{2,6})\)")
_INITIALISM_RE = re.compile(r"(?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{1,5}|(?:[A-Z]\.){2,5}")
_ACRONYM_NAME_RE = re.compile(r"[A-Za-z][\w&'’-]*")
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "&"})


def _spelled_out(acronym: str, words: list[str]) -> str | None:
    """ "The Heat Pump Installers Association (HPIA)": the words just before the
    parenthesis whose capitals spell the acronym, small words between them allowed."""
    letters, taken = list(acronym), []
    for word in reversed(words):
        if not letters:
            if not word[0].isupper():
                break
            taken.append(word)  # the rest of the name: "the Harrow State Department … (DHS)"
        elif word.lower() in _FUNCTION_WORDS and taken:
            taken.append(word)
        elif word[0] == letters[-1]:
            letters.pop()
            taken.append(word)
        else:
            return None
    return " ".join(reversed(taken)) if not letters else None


def _name_phrase(head: Token) -> str:
    first, _ = mention_tokens(head)
    return head.doc[first : head.i + 1].text


def _organization_name(head: Token) -> str | None:
    """An organisation's own name, whole and without the words that describe it:
    "Environmental group Blue Shoal Coalition" → "Blue Shoal Coalition", "The supplier,
    Brennock Pipe & Valve" → "Brennock Pipe & Valve", "The Ministry of Education said" →
    "The Ministry of Education" ("the Pentagon" keeps its article)."""
    if head.pos_ != "PROPN":
        return None
    first, _ = mention_tokens(head)
    described = [  # lowercase words: "General" in "St. Aldric's General Hospital" is a name;
        # an owner says whose it is: "the city's Department of Buildings"
        t
        for t in head.doc[first : head.i]
        if t.pos_ in {"NOUN", "ADJ", "VERB"} and t.text.islower() and t.dep_ != "poss"
    ]  # "Leeds-based Harlow Foods": a participle describes too
    start = described[-1].i + 1 if described else first
    while start < head.i and (head.doc[start].dep_ == "case" or head.doc[start].text == "-"):
        # "The city's Department of Buildings": not "'s Department …"; "the pro-Christie
        # Union Leader": the word after the hyphen still describes
        start += 2 if head.doc[start].text == "-" else 1
    end = head.i
    if any(c.dep_ == "cc" and c.text == "&" for c in head.children):
        end = max((c.right_edge.i for c in head.children if c.dep_ == "conj"), default=end)
    for of in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == end + 1):
        names = [o for o in of.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        if names:  # "the Ministry of Education", without an aside (", a volunteer group")
            after = head.doc[names[0].i : names[0].right_edge.i + 1]
            # an aside ends it, not a list of fields: "of Sciences, Engineering and Medicine"
            ends = (t for t in after if t.text == "(" or (t.text == "," and not _listed(t)))
            end = next((t.i - 1 for t in ends), after[-1].i)
    if not described and end == head.i:
        return None
    return head.doc[start : end + 1].text


def _place_after(head: Token) -> str:
    """ " in Beijing" of "the government in Beijing", which no other government is."""
    right = mention_tokens(head)[1]
    place = next((c for c in head.rights if c.dep_ == "prep" and c.i == right + 1), None)
    if place is None or place.lower_ != "in":
        return ""
    names = [o for o in place.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"]
    return f" in {head.doc[names[0].left_edge.i : names[0].i + 1].text}" if names else ""


def _entity_name(token: Token) -> str | None:
    """The tagger's whole organisation name around a word the parser split off from it
    ("Dravenport" of "Dravenport Athletic goalkeeper Mateo Ruiz")."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None or ent.label_ != "ORG":
        return None
    end = next((t.i for t in ent if t.text in {"(", ","}), ent.end)  # not "(HPIA)"
    end = end - 1 if ent.doc[end - 1].dep_ == "case" else end  # not a final possessive "'s"
    first, last = mention_tokens(token)
    return token.doc[ent.start : end].text if ent.start < first or end - 1 > last else None


def _represented(head: Token, rules: RuleSet) -> str | None:
    """The organisation an unnamed role-holder speaks for: "a Pentagon spokesman", "the
    ministry's spokeswoman", "a spokesman for the ministry" → its affiliation."""
    if head.lemma_.lower() not in rules.words("title_words"):
        return None
    for child in head.children:
        if child.dep_ in {"compound", "poss"} and child.pos_ == "PROPN" and child.i < head.i:
            return (
                head.doc[child.left_edge.i : child.i + 1].text.removesuffix("’s").removesuffix("'s")
            )
        if child.dep_ == "poss" and child.lemma_.lower() in rules.words("organization_nouns"):
            return head.doc[child.left_edge.i : child.i + 1].text
        if child.dep_ == "prep" and child.lower_ in {"for", "of", "at"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and (
                    obj.pos_ == "PROPN" or obj.lemma_.lower() in rules.words("organization_nouns")
                ):
                    return head.doc[obj.left_edge.i : obj.right_edge.i + 1].text
    return None


_FOCUS = re.compile(r"(?i)^(?:even|also|especially|particularly)\s+")


def _description(text: str, markers: frozenset[str]) -> str:
    """Who an unnamed speaker is, without what only explains or adds to it: "A senior
    official who asked not to be named" → "A senior official"; "Residents of the district,
    who had campaigned for years," → "Residents of the district" ("people familiar with the
    matter" stays); "The Friends of the Library, a volunteer group," → "The Friends of the
    Library"."""
    text = _FOCUS.sub("", text)  # "Even some of Clinton's allies": who, not how surprising
    lower = text.lower()
    cuts = [
        at
        for boundary in (",", " who ", " that ")
        if (at := lower.find(boundary)) > 0 and any(marker in lower[at:] for marker in markers)
    ]
    asides = (", who ", ", which ", ", where ", ", whose ", ", a ", ", an ", " (", ", when ")
    cuts += [at for boundary in asides if (at := lower.find(boundary)) > 0]
    return text[: min(cuts)].rstrip(" ,") if cuts else text


def _add_person_mention(speaker: Speaker, head: Token, rules: RuleSet) -> None:
    speaker.mentions.add(mention_span(head))
    titles, affiliation = person_titles(head, rules)
    speaker.titles.extend(t for t in titles if t not in speaker.titles)
    speaker.affiliation = speaker.affiliation or affiliation


def _kind_of(head: Token, rules: RuleSet) -> str:
    subtree_text = " " + " ".join(t.lower_ for t in head.subtree) + " "
    if any(f" {marker} " in subtree_text for marker in rules.words("anonymity_markers")):
        return "anonymous"
    if head.ent_type_ in ORG_ENTS or head.lemma_.lower() in rules.words("organization_nouns"):
        return "organization"
    if head.ent_type_ == "PERSON":
        return "person"
    if head.lower_ in rules.words("anonymous") and not _has_name_modifier(head):
        return "anonymous"
    if head.tag_ in {"NNS", "NNPS"} or head.lower_ in rules.words("group_nouns"):
        return "group"
    singular = head.lemma_.lower() in rules.words("title_words") | rules.words("person_nouns")
    if singular or head.lower_ in rules.words("male_words") | rules.words("female_words"):
        return "person"  # "the senator", "the witness", "his wife"
    if head.pos_ == "PROPN":
        return "organization"
    return "unknown"


def _has_name_modifier(head: Token) -> bool:
    """ "Israeli defense officials" names who they are; "officials" alone does not."""
    return any(c.dep_ in {"amod", "compound"} for c in head.lefts)


def _listed(comma: Token) -> bool:
    """A comma between the names of a list ("Sciences, Engineering and Medicine")."""
    after = comma.nbor() if comma.i + 1 < len(comma.doc) else None
    return after is not None and after.pos_ == "PROPN" and after.dep_ == "conj"


def _normalise(text: str) -> str:
    """One key for "Cameron’s spokesman" and "the Cameron's spokesman": a curly apostrophe
    is a straight one."""
    words = text.lower().replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
