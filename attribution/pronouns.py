"""Who "he" and "she" stand for, by salience: on both paths, since coreferee's own answers
for them were right less often on real news (docs/output.md).

Lappin and Leass (1994) in small: reading the article in order, every mention of a
person adds weight to that person for its grammatical role ("Juanita Broaddrick …
recounted" weighs more as a subject than "his wife, Hillary Clinton" does as an
apposition, and a main clause's subject more than one of a clause under it), the weight
halves at each sentence boundary, and a "he" or "she" goes to the heaviest person who can
be it. A resolved pronoun is a mention too, so "She has said … She has gone public … On
Sunday, she disclosed" stays with the one woman the paragraph is about, where the nearest
name would not. Words inside quotation marks weigh nothing: a name someone said is rarely
who the reporter's next "he" means. A definite epithet no one is titled with ("the
businessman said") goes the same way, to the heaviest named person who may be it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .names import (
    PRONOUN_SEX,
    PersonIndex,
    a_member,
    epithet,
    paragraph_spans,
    role_qualifiers,
    signature,
    with_the,
)
from .rules import RuleSet

#: Lappin and Leass's salience factors, counted once per person and sentence.
RECENCY = 100.0  # every mention in the current sentence
SUBJECT = 80.0
OBJECT = 50.0
SUBORDINATE_SUBJECT = 30.0  # of a clause under another's verb (measured: 0, 30, 50)
HEAD_NOUN = 80.0  # not a possessor, a compound part or inside another noun's phrase
PARALLEL = 35.0  # the same role as the pronoun (a subject for a subject)
#: How many times heavier than anyone of the pronoun's sex a person must weigh whose
#: other sex only a first name says.
GUESS_MARGIN = 3.0
#: An epithet ("the former president") goes on only with someone the last few sentences
#: are about: a subject three sentences back still weighs 260 / 2**3 = 32.5.
EPITHET_SALIENCE = 25.0
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
#: Determiners of a noun that stands for no one in particular.
ANY_ONE = frozenset({"what", "which", "no", "every", "any", "each"})


@dataclass(slots=True)
class _Entity:
    """A person the article has mentioned: the words that stand for them so far."""

    first: Token  # the mention a pronoun resolved to this person is answered with
    latest: Token
    sex: str | None
    named: bool  # a person of the name index, though first met as "actress" beside the name
    guessed: bool = False  # the sex is only the first name's ("Lindsey Graham")
    weights: dict[int, float] = field(default_factory=dict)  # sentence → weight
    role: str | None = None  # of the heaviest mention in the latest sentence

    def mentioned(self, sentence: int, token: Token) -> None:
        """Each factor counts once per sentence: "He added that he would want …" weighs
        no more than "He added", and "Kwabena Rask, a chemist, built" is a subject."""
        weight = _weight(token)
        if sentence not in self.weights or weight > self.weights[sentence]:
            self.weights[sentence] = weight
            self.role = _role(token)

    def salience(self, sentence: int) -> float:
        return sum(w / 2 ** (sentence - s) for s, w in self.weights.items())


class PronounResolver:
    """The antecedent of each third-person singular pronoun outside quotation marks."""

    def __init__(
        self,
        doc: Doc,
        people: PersonIndex,
        rules: RuleSet,
        quoted: Sequence[tuple[int, int]],
        spoken: Mapping[int, Sequence[tuple[int, int]]],
    ) -> None:
        """``spoken``: the quotations each pronoun speaker (by token index) says."""
        self._people, self._rules, self._spoken = people, rules, spoken
        self._nouns = rules.words("person_nouns") | rules.words("title_words")
        self._nouns |= rules.words("anonymous") | rules.words("male_words")
        self._nouns |= rules.words("female_words")
        self._antecedents: dict[int, Token] = {}
        self._syntax: set[int] = set()  # pronouns whose sentence says whom they stand for
        self._read(doc, quoted)

    def antecedent(self, pronoun: Token) -> Token | None:
        """The name (its latest mention) or the person noun (its first) ``pronoun`` is;
        for an epithet ("the businessman"), the name."""
        return self._antecedents.get(pronoun.i)

    def bound(self, pronoun: Token) -> bool:
        """Whether the pronoun's own sentence names whom it stands for ("Suu Kyi's fate is
        unclear, but she said"), which no speaker before can override."""
        return pronoun.i in self._syntax

    def _read(self, doc: Doc, quoted: Sequence[tuple[int, int]]) -> None:
        entities: dict[object, _Entity] = {}
        skipped = {
            t.i
            for start, end in quoted
            for t in doc.char_span(start, end, alignment_mode="expand") or ()
            if start <= t.idx < end
        }  # found once: a long article has hundreds of quotations
        # a letter's signature is no one the next letter's "he" goes on with
        skipped |= {t.i for p in paragraph_spans(doc) if signature(p, self._people) for t in p}
        described: dict[int, _Entity] = {}  # epithets by token, for those coordinated with them
        for number, sentence in enumerate(doc.sents):
            for token in sentence:
                if token.i in skipped:
                    continue
                if token.lower_ in PRONOUN_SEX and token.pos_ == "PRON":
                    entity = self._owner_before(token, entities)
                    if entity is not None:
                        self._syntax.add(token.i)
                    entity = entity or self._bound(token, entities)
                    if entity is None:  # "“…, Donald Trump could …,” he wrote": not Trump
                        named = self._people.named_in(doc, self._spoken.get(token.i, ()))
                        named |= {self._key(t) for t in _coarguments(token)}
                        others = [e for key, e in entities.items() if key not in named]
                        entity = self._choose(token, others, number)
                    if entity is None:
                        continue
                    # the latest name if the person was first met by name; else the
                    # first mention ("a chemist, Kwabena Rask"), whose name is beside it
                    by_name = entity.first.pos_ == "PROPN"
                    self._antecedents[token.i] = entity.latest if by_name else entity.first
                    if entity.guessed or entity.sex is None:
                        entity.sex, entity.guessed = PRONOUN_SEX[token.lower_], False
                elif (entity := self._described(token, entities, number, described)) is not None:
                    self._antecedents[token.i] = entity.latest
                    described[token.i] = entity
                elif (noun := _relative_head(token)) is not None and noun.i in described:
                    entity = described[noun.i]  # "the Wisconsin Republican, who had pledged"
                else:
                    key = self._key(token)
                    if key is None:
                        continue
                    entity = entities.get(key)
                    if entity is None:
                        entity = entities[key] = self._entity(key, token)
                    if token.pos_ == "PROPN" or entity.first.pos_ != "PROPN":
                        entity.latest = token  # a name's, not "a chemist" set beside it
                entity.mentioned(number, token)

    def _described(
        self,
        token: Token,
        entities: dict[object, _Entity],
        sentence: int,
        described: dict[int, _Entity],
    ) -> _Entity | None:
        """The named person an epithet stands for: the most salient who may be it, if
        the last few sentences are about them, unless a person so described without a
        name weighs more ("a 26-year-old man … the man")."""
        lemma, sex = token.lemma_.lower(), self._people.sex(token)
        # "the Kentucky Republican and the New York businessman": two people
        partner = described.get(token.head.i) if token.dep_ == "conj" else None
        holders = self._people.role_holders(token) if with_the(token) else []
        # "the senator" of several, or "the Ohio governor" when one is Ohio's: a holder,
        # the one the text is about, however salient someone untitled
        named_qualifier = any(t.pos_ == "PROPN" for t in role_qualifiers(token))
        if len(holders) > 1 or (holders and named_qualifier):
            named = [e for key, e in entities.items() if key in holders]
        elif epithet(token, self._people, self._rules):
            # "the Wisconsin Republican" may be Speaker Paul Ryan; "the senator" no governor
            member = a_member(token)
            named = [
                e
                for key, e in entities.items()
                if e.named and (member or not self._people.titled_otherwise(key, lemma))
            ]
        else:
            return None
        alike = [e for e in entities.values() if not e.named and e.first.lemma_.lower() == lemma]
        # "the former president" says nothing of sex: anyone may be it
        fits = [e for e in named + alike if sex is None or e.sex in {None, sex}]
        fits = [e for e in fits if e is not partner]
        chosen = self._heaviest(token, fits, sentence)
        if chosen is None or chosen.salience(sentence) < EPITHET_SALIENCE:
            return None
        others = [e.salience(sentence) for e in named if e is not chosen]
        if len(holders) > 1 and max(others, default=0.0) * 3 > chosen.salience(sentence):
            return None  # "Senators Hale and Brandt … the senator": either
        return chosen if chosen.named else None

    def _entity(self, key: object, token: Token) -> _Entity:
        """A person first met as "his top aide" beside the name Tad Devine is as male as
        the name says."""
        named = isinstance(key, tuple)
        sex = self._people.sex(token) or (self._people.sex_of(key) if named else None)
        guessed = named and self._people.sex_by_first_name_only(key)
        return _Entity(token, token, sex, named=named, guessed=guessed)

    def _key(self, token: Token) -> object | None:
        """Who a word names: a person of the name index, or (by position) a singular
        noun for a person ("A woman who has accused …") unless a name is set beside it
        ("Kara Lindqvist, a pharmacist", "his wife, Ana Ruiz"); a relative "who", whom
        its clause describes."""
        if (noun := _relative_head(token)) is not None:
            return self._key(noun)  # "Feinstein, …, who said": a subject too
        capitalised = token.text[:1].isupper() and token.pos_ != "PRON"
        if capitalised and token.dep_ != "compound" and self._people.is_person(token):
            return self._people.canonical(token)  # "Okonjo" even if tagged a verb
        if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in self._nouns:
            return None
        if token.dep_ == "compound" and self._people.is_person(token.head):
            return None  # "presidential candidate Sen. Lindsey Graham": the name counts
        if any(c.dep_ == "det" and c.lower_ in ANY_ONE for c in token.children):
            return None  # "What grandfather of seven wouldn't love that?": no one met
        apposed = [c for c in token.children if c.dep_ == "appos"]
        if token.dep_ == "appos":
            apposed.append(token.head)
        named = [t for t in apposed if t.pos_ == "PROPN" and self._people.is_person(t)]
        return self._people.canonical(named[0]) if named else token.i

    def _owner_before(self, pronoun: Token, entities: dict[object, _Entity]) -> _Entity | None:
        """The person whose thing is the subject of the clause the pronoun's clause is
        coordinated with: "Suu Kyi's fate is still unclear, but she said …"."""
        clause = pronoun.head
        if clause.dep_ != "conj" or pronoun.dep_ not in SUBJECT_DEPS:
            return None
        subject = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or self._key(subject) is not None:
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None or owner.pos_ != "PROPN":
            return None
        return self._binding(pronoun, owner, entities)

    def _bound(self, pronoun: Token, entities: dict[object, _Entity]) -> _Entity | None:
        """The person named as the subject of a clause the pronoun's clause is part of:
        "Emanuel said he meets …", and "After struggling to persuade voters that he
        understands …, Emanuel said" before Emanuel is named."""
        clause = pronoun.head
        for verb in clause.ancestors:
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or _within_phrase(pronoun, subject):
                continue  # "a source close to him said": not the source
            return self._binding(pronoun, subject, entities)  # None: "the plan said he …"
        return None

    def _binding(
        self, pronoun: Token, token: Token, entities: dict[object, _Entity]
    ) -> _Entity | None:
        """The person ``token`` names, if syntax may bind the pronoun to them: a person
        of no other sex (entered now if not met before)."""
        key = self._key(token)
        if key is None:
            return None
        entity = entities.get(key) or self._entity(key, token)
        if entity.sex not in {None, PRONOUN_SEX[pronoun.lower_]}:
            return None
        entities[key] = entity
        return entity

    def _choose(self, pronoun: Token, entities: Iterable[_Entity], sentence: int) -> _Entity | None:
        """The heaviest person of the pronoun's sex; or one whose sex only a first name
        guessed otherwise, when they weigh far more ("Sen. Lindsey Graham … Graham said
        … He continued")."""
        sex = PRONOUN_SEX[pronoun.lower_]
        entities = list(entities)
        chosen = self._heaviest(pronoun, [e for e in entities if e.sex in {None, sex}], sentence)
        guessed = self._heaviest(pronoun, [e for e in entities if e.guessed], sentence)
        if guessed is None or guessed.sex == sex:
            return chosen
        weight = chosen.salience(sentence) if chosen is not None else 0.0
        return guessed if guessed.salience(sentence) > GUESS_MARGIN * weight else chosen

    def _heaviest(
        self, pronoun: Token, entities: Sequence[_Entity], sentence: int
    ) -> _Entity | None:
        # "a source close to him" is not the source
        fits = [
            e for e in entities if e.latest.i < pronoun.i and not _within_phrase(pronoun, e.latest)
        ]
        if not fits:
            return None

        role = _role(pronoun)

        def score(entity: _Entity) -> tuple[float, int]:
            parallel = PARALLEL if role is not None and entity.role == role else 0.0
            return entity.salience(sentence) + parallel, entity.latest.i

        return max(fits, key=score)


def _within_phrase(pronoun: Token, noun: Token) -> bool:
    """Whether the pronoun is part of the noun's own phrase, with no clause between ("a
    source close to him", "his aide"): it cannot stand for that noun. In "a woman who
    asked not to be named because she feared …" it can."""
    for ancestor in pronoun.ancestors:
        if ancestor == noun:
            return True
        if ancestor.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _relative_head(token: Token) -> Token | None:
    """The noun a relative "who" that is its clause's subject describes."""
    if token.lower_ == "who" and token.dep_ in SUBJECT_DEPS and token.head.dep_ == "relcl":
        return token.head.head
    return None


def _coarguments(pronoun: Token) -> list[Token]:
    """The other nouns of the pronoun's own clause ("he told Hannity"), whom a "he" there
    cannot be: a clause says "himself" for that."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return []
    verb = pronoun.head
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    for preposition in (c for c in verb.children if c.dep_ == "prep"):
        objects += [o for o in preposition.children if o.dep_ == "pobj"]
    return objects


def _role(token: Token) -> str | None:
    """The grammatical role a pronoun may share with its antecedent (parallelism): "For
    Trump's part, his organization" has two possessors."""
    if token.dep_ in SUBJECT_DEPS:
        return "subject"
    if token.dep_ == "poss":
        return "possessor"
    return "object" if token.dep_ in OBJECT_DEPS else None


def _weight(token: Token) -> float:
    """Lappin and Leass's factors for one mention; someone named in what a speaker was
    asked about ("Asked about her vote if Clinton faces Trump, she replied") is its topic
    and weighs no more than being recent."""
    weight = RECENCY
    if any(_asked_about(clause) for clause in token.ancestors):
        return weight
    role = _role(token)
    if role == "subject":
        weight += SUBORDINATE_SUBJECT if _subordinate(token.head) else SUBJECT
    elif role == "object":
        weight += OBJECT
    embedded = token.dep_ in {"poss", "compound"} or (
        token.dep_ == "pobj" and token.head.head.pos_ in {"NOUN", "PROPN"}
    )
    return weight if embedded else weight + HEAD_NOUN


def _subordinate(clause: Token) -> bool:
    """A clause under another's verb ("after members agreed that the engineer had
    approved the plan"): its subject is less what the text is about than the main
    clause's."""
    while clause.dep_ == "conj":
        clause = clause.head
    return clause.dep_ != "ROOT"


def _asked_about(clause: Token) -> bool:
    """A participle opening a clause with no subject of its own: "Asked about …,", "When
    asked whether …,"."""
    participle = clause.dep_ == "advcl" and clause.tag_ in {"VBN", "VBG"}
    return participle and not any(c.dep_ in SUBJECT_DEPS for c in clause.children)
