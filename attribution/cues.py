"""Find speech cues: every match of a cue pattern from ``rules/cue_patterns.yaml``.

A match binds named nodes: ``cue`` (and any further ``cue_*`` words, as the "to" of
"according to"), ``speaker`` and, for most rules, ``content``. Which match wins, and how
its content span is read, is decided by the next stage.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .rules import PatternRule, RuleSet

CUE_LEXICONS = (
    "speech_verbs",
    "cue_nouns",
    "evidence_verbs",
    "quote_verbs",
)  # where a cue's class is read


@dataclass(frozen=True, slots=True)
class CueMatch:
    rule: PatternRule
    head: int  # token index of the cue's head word (the pattern's "cue" node)
    cue: tuple[int, ...]  # token indices of the cue words around it, in text order
    speaker: int | None  # token index of the speaker's head word
    content: int | None  # token index of the content node, when the rule binds one
    lemma: str
    cue_class: str


class CueFinder:
    """Holds the compiled matcher for one RuleSet and vocabulary."""

    def __init__(self, vocab: Vocab, rules: RuleSet) -> None:
        self._rules = rules
        self._by_name = {rule.name: rule for rule in rules.patterns}
        self._order = {rule.name: index for index, rule in enumerate(rules.patterns)}
        self._trees = DependencyMatcher(vocab)
        self._runs = Matcher(vocab)
        for rule in rules.patterns:
            matcher = self._runs if rule.kind == "token" else self._trees
            matcher.add(rule.name, [list(rule.pattern)])

    def __call__(self, doc: Doc) -> list[CueMatch]:
        """All matches, ordered by cue position and then by rule order."""
        found = {}
        for match_id, nodes in self._matches(doc):
            match = self._to_cue(doc, match_id, nodes)
            if match is None:
                continue
            found[(match.rule.name, match.cue, match.speaker, match.content)] = match
        return sorted(
            found.values(),
            key=lambda m: (m.head, self._order[m.rule.name], m.speaker or -1, m.content or -1),
        )

    def _matches(self, doc: Doc) -> Iterator[tuple[int, dict[str, int]]]:
        """(rule id, node name → token index) for both kinds of pattern."""
        for match_id, tokens in self._trees(doc):
            rule = self._by_name[doc.vocab.strings[match_id]]
            yield match_id, {node["RIGHT_ID"]: tokens[i] for i, node in enumerate(rule.pattern)}
        for match_id, start, _end, alignment in self._runs(doc, with_alignments=True):
            rule = self._by_name[doc.vocab.strings[match_id]]
            nodes: dict[str, int] = {}
            for offset, element in enumerate(alignment):
                nodes[rule.nodes[element]] = (
                    start + offset
                )  # a repeated element keeps its last token
            yield match_id, nodes

    def _to_cue(self, doc: Doc, match_id: int, nodes: dict[str, int]) -> CueMatch | None:
        rule = self._by_name[doc.vocab.strings[match_id]]
        head = nodes["cue"]
        speaker = nodes.get("speaker")
        if rule.speaker == "governing-subject" and speaker is None:
            subject = governing_subject(doc[head])
            if subject is None:
                return None
            speaker = (_reporter_past_it(doc[head], subject) or subject).i
        elif speaker is not None and (reporter := _reporter_past_it(doc[head], doc[speaker])):
            speaker = reporter.i
        elif speaker is not None and _subject_of_reported_clause(doc[head], doc[speaker]):
            # "Paul said the plan would give …, and called him …": not the plan
            subject = governing_subject(doc[head])
            speaker = speaker if subject is None else subject.i
        elif speaker is not None and (main := _main_clause_subject(doc[head])) is not None:
            speaker = main.i
        if speaker is not None:
            speaker = self._who_is(doc[speaker], nodes.get("relative")).i
        cue = _adjacent_run(head, {i for name, i in nodes.items() if name.startswith("cue")})
        # One word: its lemma ("said" -> "say"); a phrase: its words ("according to").
        lemma = doc[head].lemma_.lower() if len(cue) == 1 else " ".join(doc[i].lower_ for i in cue)
        return CueMatch(
            rule=rule,
            head=head,
            cue=cue,
            speaker=speaker,
            content=nodes.get("content"),
            lemma=lemma,
            cue_class=self._class_of(doc[head].lemma_.lower()),
        )

    def _who_is(self, speaker: Token, relative: int | None) -> Token:
        """Whom a "who" stands for: a person, so not the nearer noun a misparse hangs its
        clause on ("one Democrat familiar with the discussion, who added": the Democrat;
        "Bundy says to Santilli on camera, who responds": Santilli), but the nearest word
        for someone above that noun, else before it in the sentence."""
        who = speaker if relative is None else speaker.doc[relative]
        if who.lower_ not in {"who", "whom"} or who.head.dep_ != "relcl":
            return speaker
        noun = who.head.head
        if self._someone(noun):
            return noun
        above = (t for t in noun.ancestors if t.pos_ in {"NOUN", "PROPN"} and t.i < who.i)
        before = (t for t in reversed(who.doc[who.sent.start : noun.i]) if t.pos_ == "PROPN")
        return next((t for t in (*above, *before) if self._someone(t)), speaker)

    def _someone(self, token: Token) -> bool:
        """A person's name or a word for people ("Democrat", "the official", "women")."""
        if token.pos_ == "PROPN":
            return token.ent_type_ in {"PERSON", "NORP", "ORG", ""}
        words = self._rules.words("person_nouns") | self._rules.words("title_words")
        words |= self._rules.words("group_nouns") | self._rules.words("anonymous")
        words |= self._rules.words("male_words") | self._rules.words("female_words")
        return token.pos_ == "NOUN" and token.lemma_.lower() in words

    def _class_of(self, lemma: str) -> str:
        for lexicon in CUE_LEXICONS:
            cue_class = self._rules.cue_class(lexicon, lemma)
            if cue_class:
                return cue_class
        return "neutral"


CLIMB_DEPS = frozenset({"advcl", "conj", "pcomp", "prep", "advmod", "xcomp", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def governing_subject(cue: Token) -> Token | None:
    """The subject of the nearest verb a cue hangs on through a preposition, an adverb,
    an adverbial clause, a coordination or an infinitive: "he refuses to discuss them,
    aside from saying …" -> he; "…, writing that …" -> the writer. None where the path
    meets a noun first ("a briefing announcing that …": the briefing is no one), where
    the nearest verb with a subject is reached through an infinitive with an object
    ("forced him to admit …", whose object speaks: when the cue is that infinitive, a
    name or personal pronoun there is the speaker), or where a relative pronoun is the
    subject and its clause hangs on no noun; a relative pronoun stands for that noun.
    Two misparses are read back: a sentence the parser makes a noun phrase, the verb a
    modifier of its root noun ("Plesk, who …, posted on Instagram that …"), has that
    noun for subject; a subject the parser hangs on a word before the cue that is no
    verb or a participle set off by commas ("Residents downstream said …", "Ferrante,
    asked about it, said …") is the cue's."""
    stray = _stray_subject(cue)
    if stray is not None:
        return stray
    node = cue
    while _climbs(node):
        via, node = node.dep_, node.head
        if node == cue.head and via == "conj":
            node = _reporting_verb_coordinated(cue) or node
        if node.pos_ in ("ADP", "ADV"):
            continue  # "aside from", "by", "without"
        if node.pos_ not in ("VERB", "AUX"):
            root_noun = via == "acl" and node.dep_ == "ROOT" and node.pos_ in ("NOUN", "PROPN")
            return node if root_noun else None
        if via == "acl":
            return None  # a participle on a verb's phrase: the parser's guess
        if via == "xcomp" and cue.head.i == node.i:
            target = next((c for c in node.children if c.dep_ == "dobj"), None)
            if target is not None and _names_someone(target):
                return target  # "forced Ruiz to admit …": the object speaks
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        subject = subject or _subject_left_behind(node)
        if subject is None:
            if via == "xcomp" and any(c.dep_ == "dobj" for c in node.children):
                return None
            continue
        if subject.tag_ in ("WP", "WDT"):
            owner = node.head
            return owner if node.dep_ == "relcl" and owner.pos_ in ("NOUN", "PROPN") else None
        return subject
    return None


def _reporting_verb_coordinated(cue: Token) -> Token | None:
    """The reporting verb a cue is coordinated with when the parser hangs it on the
    reported clause instead, which it gives away by a different verb form: "Paul said the
    plan would give money …, and called him …", "saying that the bill had … and arguing
    that …". A cue in the clause's own form ("said the mayor lied and accused …") stays."""
    first = cue.head
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ != "ccomp" or first.tag_ == cue.tag_:
        return None
    return first.head if first.head.pos_ in ("VERB", "AUX") else None


def _reporter_past_it(cue: Token, speaker: Token) -> Token | None:
    """ "Gore insisted it was premature to back her while adding, “…”": a participle the
    parser hangs on a reported clause whose subject is "it" or "there" goes with the
    sentence, and the reporting verb's subject speaks."""
    clause = cue.head
    if speaker.lower_ not in {"it", "there"} or speaker.head != clause or cue.dep_ != "advcl":
        return None
    if clause.dep_ != "ccomp" or clause.head.pos_ != "VERB":
        return None
    subjects = [
        c for c in clause.head.children if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT")
    ]
    return subjects[0] if subjects else None


def _subject_of_reported_clause(cue: Token, speaker: Token) -> bool:
    """Whether a pattern took for speaker the subject of the reported clause the parser
    hung the cue on."""
    return speaker.head == cue.head and _reporting_verb_coordinated(cue) is not None


def _main_clause_subject(cue: Token) -> Token | None:
    """ "Pell dismissed Ruiz's accusations that the campaign is breaking the law —
    saying …": a participle set off by a dash or comma that the parser hangs on a noun's
    that-clause adds to the main clause, whose subject speaks, not the accusation's."""
    clause = cue.head
    if (
        cue.dep_ != "advcl"
        or cue.tag_ != "VBG"
        or cue.i == 0
        or clause.dep_ not in {"acl", "ccomp"}
    ):
        return None
    if cue.nbor(-1).text not in {",", "—", "–", "--"} or clause.head.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    verb = clause.head.head
    while verb.pos_ == "ADP":
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _climbs(node: Token) -> bool:
    """A clause the parser made a complement though a conjunction opens it ("… should
    be released but said …") is coordinated, not reported."""
    if node.head.i == node.i:
        return False
    if node.dep_ == "ccomp":
        return node.i > 0 and node.nbor(-1).pos_ == "CCONJ"
    return node.dep_ in CLIMB_DEPS


def _names_someone(word: Token) -> bool:
    """A name or a personal pronoun ("forced Ruiz / him to admit"); "used blunt language
    to denounce" has a thing for object, and its subject speaks."""
    return (
        word.pos_ == "PROPN"
        or word.ent_type_ == "PERSON"
        or (word.tag_ == "PRP" and word.lower_ not in ("it", "itself"))
    )


def _subject_left_behind(verb: Token) -> Token | None:
    """ "Prosecutors charged the officer with murder and Emanuel fired his chief": the
    name just before a coordinated verb with no subject, which the parser coordinated
    with the noun before it instead, is that verb's subject."""
    if verb.dep_ != "conj" or verb.i == 0:
        return None
    before = verb.nbor(-1)
    stray = before.pos_ == "PROPN" and before.dep_ == "conj"
    return before if stray and before.head.pos_ in ("NOUN", "PROPN") else None


def _stray_subject(cue: Token) -> Token | None:
    """A subject hung on a word before the cue that is no clause of its own: an adverb
    ("Residents downstream said"), or a participle set off by commas, with a comma
    between it and that subject ("Ferrante, asked about the remark, said")."""
    for word in cue.lefts:
        subject = next((c for c in word.lefts if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.tag_ in ("WP", "WDT"):
            continue
        if word.pos_ in ("ADV", "ADJ") or (
            word.tag_ in ("VBN", "VBD")
            and word.nbor(-1).text == ","
            and subject.i < word.i - 1
            and any(t.text == "," for t in word.rights)
        ):
            return subject
    return None


def _adjacent_run(head: int, words: set[int]) -> tuple[int, ...]:
    """The cue words next to each other around the head: "called for", "was quoted as
    saying"; in "asked him about" the cue is "asked", as the words between are not cue."""
    start = end = head
    while start - 1 in words:
        start -= 1
    while end + 1 in words:
        end += 1
    return tuple(range(start, end + 1))
