"""Person names in an article: who is named, clustered by surname, with their titles.

"Gallant", "Mr. Gallant" and "Israeli Defense Minister Yoav Gallant" are one name
cluster; conflicting first names never merge. Titles and role words come from
``rules/title_words.yaml`` and ``rules/honorifics.yaml``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Words

from .attribute import mention_tokens
from .quotes import paragraph_breaks, paragraphs
from .rules import RuleSet

ORG_ENTS = frozenset({"ORG", "FAC", "GPE", "NORP"})
NAME_DEPS = frozenset({"compound", "nmod"})  # how a first name hangs on a surname


#: The roles in which a quotation speaks of a person (see PersonIndex.named_in).
_SPOKEN_OF = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos"})


class PersonIndex:
    """Every person name in the article, clustered by surname, with their titles."""

    def __init__(self, doc: Doc, rules: RuleSet) -> None:
        self._rules = rules
        self._heads: dict[int, tuple[str, ...]] = {}
        self._titles = titles = rules.words("title_words")
        self._male, self._female = rules.words("male_words"), rules.words("female_words")
        people = titles | rules.words("group_nouns") | rules.words("anonymous")
        people |= self._male | self._female  # "his wife, Ana Ruiz"
        roles = titles | rules.words("occupations")
        for ent in doc.ents:
            # "Farmer Odile Brand" is often tagged as one organisation: a role word
            # followed by a name is a titled person
            if ent.label_ == "PERSON" or (len(ent) > 1 and _is_title(ent[0], titles)):
                self._add(ent.root)
        for token in doc:  # names the tagger left untagged: "Lieutenant Governor Sofia
            # Reyes", Félix "Lucho" Arriaga, "Delphine Arkwright, who lost …"
            if _ends_name(token, rules):
                tokens = name_tokens(token, rules)
                name = _untitled(tokens, rules)
                nickname = len(tokens) > 1 and _nickname_length(tokens[1], 0)
                before = tokens[0].i - 1 if tokens else -1
                titled = before >= 0 and _is_title(doc[before], titles)
                described = len(name) > 1 and (
                    _who_clause(token)
                    or _names_a_role(token, people)
                    or _given_a_role(token, roles)
                )
                honoured = _post_nominal(token, rules)  # "Ana Ruiz MP"
                honoured |= len(name) > 1 and (_of_organization(token) or _aged(token))
                # "Commissioner for Climate Action Margit Sorensen-Falk": a known first
                # name after other proper nouns starts a person's name
                cut = len(name) > 1 and tokens[0].i > 0 and doc[tokens[0].i - 1].pos_ == "PROPN"
                cut &= _first_name_sex(tokens[0].lower_, rules) is not None
                # "Hollis's son, Grant,": a first name beside a family word, whatever
                # the tagger made of it
                kin = len(name) == 1 and _first_name_sex(token.lower_, rules) is not None
                kin &= token.dep_ == "appos" and token.head.lemma_.lower() in rules.words(
                    "family_words"
                )
                known = nickname or titled or described or honoured or cut or kin
                if name and (known or _called_by_surname(tokens, rules)):
                    self._add(token, name)
        names = sorted(set(self._heads.values()), key=_fullness, reverse=True)
        self.clusters = _cluster(names, rules)
        self._roles: dict[tuple[str, ...], set[str]] = {}
        # one-word titles ("President Obama"): "the president" beside "World Bank
        # President Jim Yong Kim" is the one the article titles so, unqualified
        self._bare_titles: dict[tuple[str, ...], set[str]] = {}
        for i, name in self._heads.items():
            titles = person_titles(doc[i], rules)[0]
            words = [w for title in titles for w in _role_words(title, rules)]
            words += _place_of(doc[i]) if titles else []
            self._roles.setdefault(self.clusters[name], set()).update(words)
            bare = {t.lower().strip(",.;:") for t in titles if len(t.split()) == 1}
            self._bare_titles.setdefault(self.clusters[name], set()).update(bare)
        self._pronouns: dict[tuple[str, ...], Counter[str]] = {}  # read while counting
        self._pronouns = self._pronoun_sexes(doc)

    def _pronoun_sexes(self, doc: Doc) -> dict[tuple[str, ...], Counter[str]]:
        """The sexes of the pronouns syntax binds to each named person: "Clinton sharpened
        her knife", "Sanders said he would stay". Where the first name does not tell
        ("Hillary", "Bernie"), the article does."""
        sexes: dict[tuple[str, ...], Counter[str]] = {}
        for token in doc:
            sex = PRONOUN_SEX.get(token.lower_)
            subject = _binding_subject(token) if sex else None
            person = self.canonical(subject) if subject is not None else None
            if person is None or not self.is_person(subject):
                continue
            if subject.sent != token.sent and len(self._named_in(subject.sent)) > 1:
                continue  # "Amsel praised Okafor. He said …" tells nothing
            sexes.setdefault(person, Counter())[sex] += 1
        return sexes

    def _named_in(self, sentence: Words) -> set[tuple[str, ...]]:
        """The people a sentence names."""
        named = (self.canonical(t) for t in sentence if t.pos_ == "PROPN" and self.is_person(t))
        return {person for person in named if person is not None}

    def role_holder(self, noun: Token) -> tuple[str, ...] | None:
        """ "the minister" → the one named person titled minister in this article; "a
        prosecutor told the court" → the one prosecutor, when the next paragraph at the
        latest names her ("Prosecutor Helena Reid said")."""
        determiners = [c.lower_ for c in noun.lefts if c.dep_ in {"det", "poss"}]
        holders = self.role_holders(noun)
        if len(holders) != 1:
            return None
        if determiners[0] not in {"a", "an"}:
            return holders[0]
        if any(c.dep_ == "prep" for c in noun.rights):
            return None  # "a spokeswoman for the union" says whom she speaks for
        named = min(i for i, name in self._heads.items() if self.clusters[name] == holders[0])
        doc = noun.doc
        soon = named > noun.i and paragraph_breaks(doc.text, noun.idx, doc[named].idx) <= 1
        return holders[0] if soon else None

    def role_holders(self, noun: Token) -> list[tuple[str, ...]]:
        """The named people whose titles have the word a determined role noun is: "the
        leader" → everyone the article titled a leader."""
        determined = any(c.dep_ in {"det", "poss"} for c in noun.lefts)
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not determined:
            return []
        if lemma not in self._titles:
            return []
        holders = [name for name, roles in self._roles.items() if self._holds(roles, lemma)]
        # "the New Jersey governor", "the former president": the holders whose titles
        # have every word that qualifies the role
        qualifiers = role_qualifiers(noun)
        words = {t.lower_ for t in qualifiers}
        qualified = [name for name in holders if words and words <= self._roles[name]]
        if not qualified and any(t.pos_ == "PROPN" for t in qualifiers):
            return []  # "the New Jersey governor" is none of the Ohio and Florida governors
        holders = qualified or holders
        bare = [name for name in holders if lemma in self._bare_titles.get(name, ())]
        return bare if len(holders) > 1 and len(bare) == 1 else holders

    def titled_as(self, word: str) -> list[tuple[str, ...]]:
        """The named people whose titles have ``word`` ("pollster", "chair")."""
        return [name for name, roles in self._roles.items() if self._holds(roles, word)]

    def titled(self, person: tuple[str, ...]) -> bool:
        """Whether the article gives ``person`` any title or role."""
        return bool(
            self._roles.get(person, set()) & (self._titles | self._rules.words("occupations"))
        )

    def titled_otherwise(self, person: tuple[str, ...], title: str) -> bool:
        """Whether the article titles ``person`` but never ``title``: "the senator" is not
        "Gov. Chris Christie". One person may follow several occupations, so "the actor"
        is refused only to a person titled by offices alone ("veteran comedian Tim Allen"
        may be the actor, "Sen. Marco Rubio" not the businessman)."""
        occupations = self._rules.words("occupations")
        roles = self._roles.get(person, set()) & (self._titles | occupations)
        if not roles or self._holds(roles, title):
            return False
        if title == "leader" and roles & self._rules.words("leader_titles"):
            return False  # "President Vladimir V. Putin … the Russian leader"
        return title not in occupations or not roles & occupations

    def _holds(self, roles: set[str], title: str) -> bool:
        """Whether a person's title words name ``title``, abbreviated or not ("Gov."
        holds "governor", "Sgt." "sergeant")."""
        return title in roles or any(
            _abbreviates(word, title) and f"{word}." in self._titles for word in roles
        )

    def _add(self, head: Token, name: tuple[str, ...] | None = None) -> None:
        while head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.i > head.i:
            head = head.head  # the tagger's "Amara Ndiaye" is part of "Amara Ndiaye-Holt"
        name = _with_family_name(head, name or name_words(head, self._rules), self._rules)
        business = self._rules.words("organization_nouns") | self._rules.words("company_name_words")
        business |= self._rules.words("place_words")  # "Dorsey Road" tagged a person
        business |= self._rules.words("time_words")  # "the candidate Tuesday morning"
        if name and head.lower_.rstrip(".") not in business:  # "… Hospital", "Corvanta Pharma"
            self._heads[head.i] = name

    def is_person(self, token: Token) -> bool:
        """A name of the index, or a surname of one the tagger did not mark ("Farrow")."""
        token = _last_hyphenated_part(token)
        if token.i in self._heads:
            return True
        surname = (name_words(token, self._rules) or (token.text,))[-1]  # "Ruiz-Halloran"
        if _in_organization_name(token) and not self._full_name_with(surname):
            return False
        if _mistagged_surname(token) and self._full_name_with(surname):
            return True  # "Sanders" tagged a plural noun, after "Bernie Sanders"
        return (token.pos_ == "PROPN" or token.ent_type_ == "PERSON") and (
            any(name[-1] == surname for name in self.clusters)
            or self._by_first_name((surname,), token) is not None
        )

    def _full_name_with(self, surname: str) -> bool:
        return any(len(name) > 1 and name[-1] == surname for name in self.clusters)

    def named_in(self, doc: Doc, spans: Iterable[tuple[int, int]]) -> set[tuple[str, ...]]:
        """The people the character spans (quotations) speak of, as a subject, an object,
        an owner or an apposition: whoever says one is rarely someone it speaks of. Not
        one it names otherwise: "it's not Bernie Sanders", "Billie Jean King, you are …"."""
        return {
            key
            for start, end in spans
            for t in doc.char_span(start, end, alignment_mode="expand") or ()
            if t.pos_ == "PROPN" and t.dep_ in _SPOKEN_OF and self.is_person(t)
            if (key := self.canonical(t)) is not None
        }

    def canonical(self, head: Token) -> tuple[str, ...] | None:
        head = _last_hyphenated_part(head)  # the parser may take "Ibsen" of "Ibsen-Mwangi"
        name = self._heads.get(head.i) or name_words(head, self._rules)
        split_off = name and head.i not in self._heads and _in_organization_name(head)
        if split_off and not self._full_name_with(name[-1]):
            return None  # a word of an organisation's name ("Dravenport Athletic")
        wordlike = head.text.replace("’", "").replace("'", "").isalpha()  # "D’Souza"
        if not name and wordlike and head.text[:1].isupper() and head.pos_ != "PRON":
            name = (head.text,)  # a surname the tagger took for something else ("Pike"/INTJ)
        if not name:
            return None
        found = self.clusters.get(name) or surname_match(name, self.clusters, self._rules)
        if found is None or len(found) == 1:
            return (
                self._told_apart(head, name[-1])
                or self._subject_of_paragraph(head, name)
                or self._introduced_first(name)
                or self._by_first_name(name, head)
                or self._by_first_surname(name)
                or found
            )
        return found

    def _by_first_surname(self, name: tuple[str, ...]) -> tuple[str, ...] | None:
        """ "Ms. Acosta" after "Melba Acosta Febo": a Spanish name's first surname is the
        one used alone. Only a word no full name ends with and no first name it is."""
        if len(name) != 1 or self._full_name_with(name[0]):
            return None
        if _first_name_sex(name[0].lower(), self._rules) is not None:
            return None
        people = {full for full in self.clusters.values() if len(full) > 2 and full[-2] == name[0]}
        return people.pop() if len(people) == 1 else None

    def _by_first_name(self, name: tuple[str, ...], head: Token) -> tuple[str, ...] | None:
        """ "Josie said" when the article names one Josie in full ("Josie Ambrose") and
        no one has Josie as a surname: family members sharing a surname go by first name.
        A word tagged an organisation must be a known first name: "EgyptAir" is not one,
        though the tagger took "EgyptAir Crash" for a person."""
        if len(name) != 1 or self._full_name_with(name[0]):
            return None
        if head.ent_type_ == "ORG" and _first_name_sex(name[0].lower(), self._rules) is None:
            return None
        people = {full for full in self.clusters.values() if len(full) > 1 and full[0] == name[0]}
        return people.pop() if len(people) == 1 else None

    def _subject_of_paragraph(self, head: Token, name: tuple[str, ...]) -> tuple[str, ...] | None:
        """A bare surname two people share, after one of them was named in full as a
        subject earlier in the paragraph, is that one ("Bill Clinton spoke with voters …
        Clinton said", in an article about Hillary Clinton)."""
        if len(name) != 1:
            return None
        sharing = {t for t in self.clusters.values() if len(t) > 1 and t[-1] == name[0]}
        if len(sharing) < 2:
            return None
        doc = head.doc
        named = [
            i
            for i, full in self._heads.items()
            if i < head.i
            and len(self.clusters[full]) > 1
            and full[-1] == name[0]
            and doc[i].dep_ in {"nsubj", "nsubjpass"}
            and paragraph_breaks(doc.text, doc[i].idx, head.idx) == 0
        ]
        return self.clusters[self._heads[max(named)]] if named else None

    def _introduced_first(self, name: tuple[str, ...]) -> tuple[str, ...] | None:
        """A bare surname that nothing tells apart is the person the article named first
        ("Carly Fiorina … her husband, Frank Fiorina … Fiorina said"): reporters give a
        relative their full name and go on calling the subject by the surname."""
        if len(name) != 1:
            return None
        named = [
            (i, self.clusters[full])
            for i, full in self._heads.items()
            if len(self.clusters[full]) > 1 and full[-1] == name[0]
        ]
        return min(named)[1] if named else None

    def _told_apart(self, head: Token, surname: str) -> tuple[str, ...] | None:
        """Which of several people with this surname "Mr. Vallberg" or "Councillor
        Quinn" is: the one whose title or sex the words before the name agree with."""
        people = {t for t in self.clusters.values() if len(t) > 1 and t[-1] == surname}
        if len(people) < 2:
            return None
        first = next(iter(name_tokens(head, self._rules)), head).i
        before = {t.lower_ for t in head.doc[max(0, first - 2) : first]}
        titled = [p for p in people if before & self._roles.get(p, set()) & self._titles]
        if len(titled) == 1:
            return titled[0]
        for sex, words in (("male", self._male), ("female", self._female)):
            if before & words:
                known = [p for p in people if self.sex_of(p) == sex]
                fits = (
                    known
                    if len(known) == 1
                    else [p for p in people if self.sex_of(p) in {None, sex}]
                )
                return fits[0] if len(fits) == 1 else None
        return None

    def sex(self, token: Token) -> str | None:
        """ "male" or "female" when a word ("a man", "his wife") or a named person's
        titles and honorifics say so; else None."""
        lemma = token.lemma_.lower()
        if lemma in self._male or lemma in self._female:
            return "male" if lemma in self._male else "female"
        person = self.canonical(token) if token.pos_ == "PROPN" else None
        return self.sex_of(person) if person else None

    def sex_by_first_name_only(self, person: tuple[str, ...]) -> bool:
        """Whether only the first name gives the person's sex: "Lindsey Graham", whom no
        title, role word or bound pronoun of the article calls a woman."""
        roles = self._roles.get(person, set())
        if roles & (self._male | self._female) or self._pronouns.get(person):
            return False
        return len(person) > 1 and _first_name_sex(person[0].lower(), self._rules) is not None

    def sex_of(self, person: tuple[str, ...]) -> str | None:
        """From titles and role words ("Mrs.", "his wife"), else from the pronouns the
        article binds to the person, else from a first name that is nearly always one sex
        ("Carly", "Bob"); the article knows its Lindsey Graham."""
        roles = self._roles.get(person, set())
        male, female = bool(roles & self._male), bool(roles & self._female)
        if male != female:
            return "male" if male else "female"
        named = _first_name_sex(person[0].lower(), self._rules) if len(person) > 1 else None
        bound = self._pronouns.get(person, Counter()).most_common()
        clear = bool(bound) and (len(bound) == 1 or bound[0][1] > 2 * bound[1][1])  # a surname
        # shared with a relative draws a few of the other sex; one vote never outweighs a name
        if clear and (named in {None, bound[0][0]} or bound[0][1] > 1):
            return bound[0][0]
        return named

    def mentions_of(self, doc: Doc, canonical: tuple[str, ...]) -> list[Token]:
        return [
            doc[i]
            for i, name in sorted(self._heads.items())
            if self.clusters.get(name) == canonical
        ]


PRONOUN_SEX = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


def paragraph_spans(doc: Doc) -> list[Words]:
    """The article's non-blank paragraphs, as spans of the doc."""
    return [doc.char_span(*span, alignment_mode="expand") for span in paragraphs(doc.text)]


def signature(paragraph: Words, people: PersonIndex) -> Token | None:
    """A paragraph that is only a person's name signs a letter ("Martin Litwak."): the
    name's last word."""
    words = [t for t in paragraph if not (t.is_punct or t.is_space)]
    signed = 1 < len(words) <= 4 and all(t.pos_ == "PROPN" for t in words)
    return words[-1] if signed and people.is_person(words[-1]) else None


def epithet(head: Token, people: PersonIndex, rules: RuleSet) -> bool:
    """A definite role or description that no named person is titled with ("the senator",
    "the businessman"): reporters so avoid repeating a name. Not officials, court officers
    or counsel, whom reporters leave unnamed, nor a noun with its name beside it. "The
    Wisconsin Republican" is one too: a member of a party or people, in the singular."""
    member = a_member(head) and not people.is_person(head)  # not "the older Tillbrook"
    noun = head.pos_ == "NOUN" and head.tag_ == "NN"
    if not (noun or member) or not with_the(head):
        return False  # checked first: the salience pass asks this of every word
    lemma = head.lemma_.lower()
    if member:  # many are Republicans, so no role holder can claim it; but "The
        return not rules.known_outlet(f"the {head.text}")  # Tennessean reported" is a paper
    nouns = rules.words("title_words") | rules.words("person_nouns")
    unnamed = rules.words("anonymous") | rules.words("court_officers")
    unnamed |= rules.words("legal_counsel")
    if lemma not in nouns or lemma in unnamed or people.role_holders(head):
        return False
    return not any(c.dep_ == "appos" for c in head.rights)


def _role_words(title: str, rules: RuleSet) -> list[str]:
    """The lowercase words of one title, without an honorific inside it that goes with
    another's name: "a prominent surrogate for Mr. Sanders" says nothing of her sex."""
    words = title.split()
    honorifics = rules.words("honorifics")
    return [
        word.lower().strip(",.;:")
        for k, word in enumerate(words)
        if not (
            0 < k < len(words) - 1
            and word.lower().strip(",.;:") in honorifics
            and words[k + 1][:1].isupper()
        )
    ]


def role_qualifiers(noun: Token) -> list[Token]:
    """The words that qualify a role noun: "New Jersey" and "former" of "the former New
    Jersey governor"."""
    return [t for c in noun.lefts if c.dep_ in {"compound", "amod"} for t in c.subtree]


def a_member(head: Token) -> bool:
    """ "Republican", "Democrat": one member of a party or people, which anyone titled
    otherwise may also be."""
    return head.pos_ == "PROPN" and head.tag_ == "NNP" and head.ent_type_ == "NORP"


def with_the(head: Token) -> bool:
    """ "the club", "the senator": a noun with the definite article."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)


def _with_family_name(head: Token, name: tuple[str, ...], rules: RuleSet) -> tuple[str, ...]:
    """A first name alone set beside a family word owned by a named person takes that
    person's surname: "Clinton's husband, Bill" is Bill Clinton; so does one coordinated
    with a full name: "David and Jeanne Heidler" are David Heidler and Jeanne Heidler."""
    partner = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
    if len(name) == 1 and partner is not None and _first_name_sex(head.lower_, rules):
        full = name_words(partner, rules)
        if len(full) > 1 and _first_name_sex(full[0].lower(), rules):
            return (name[0], full[-1])
    family = head.head
    if (
        len(name) != 1
        or head.dep_ != "appos"
        or family.lemma_.lower() not in rules.words("family_words")
    ):
        return name
    owner = next((c for c in family.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    return name if owner is None else (name[0], owner.text)


def _binding_subject(pronoun: Token) -> Token | None:
    """The proper-noun subject a pronoun is bound to by syntax alone: the reporting
    verb's subject for "he" of its complement ("Sanders said he …"), the verb's subject
    for a possessive on its object ("Clinton sharpened her knife"); and, as reporters
    keep to one subject, the previous sentence's subject for a "she" opening the next
    (counted only when that sentence names no one else)."""
    owned = pronoun.head
    reported = pronoun.dep_ == "nsubj" and pronoun.lower_ in {"he", "she"}
    if (reported and owned.dep_ == "ccomp") or (pronoun.dep_ == "poss" and owned.dep_ == "dobj"):
        verb = owned.head
    elif pronoun.dep_ == "poss" and owned.dep_ == "pobj" and owned.head.head.pos_ == "VERB":
        verb = owned.head.head  # "Rubio spoke to his volunteers"
    elif reported and owned.dep_ == "ROOT" and pronoun.i == pronoun.sent.start > 0:
        verb = pronoun.doc[pronoun.i - 1].sent.root  # "Clinton spoke in Iowa. She said …"
        if "\n" in pronoun.doc.text[verb.idx : pronoun.idx]:
            return None
    else:
        return None
    if quoted(pronoun):
        return None  # "“He is a danger,” Clinton said": someone else
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)


def quoted(token: Token) -> bool:
    """Whether ``token`` is inside quotation marks opened in its paragraph."""
    text = token.doc.text
    before = text[text.rfind("\n", 0, token.idx) + 1 : token.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _first_name_sex(word: str, rules: RuleSet) -> str | None:
    """ "male" or "female" for a lowercase first name nearly always of that sex ("carly",
    "bob"); looked up in each list, never in their 22,000-name union."""
    if word in rules.words("male_first_names"):
        return "male"
    return "female" if word in rules.words("female_first_names") else None


def _abbreviates(short: str, word: str) -> bool:
    """ "gov" of "governor", "sgt" of "sergeant": the letters in order, the first first,
    and either the word's first letters or its last ("sen" is not of "scientist")."""
    rest = iter(word[1:])
    in_order = short[:1] == word[:1] and all(letter in rest for letter in short[1:])
    return in_order and (word.startswith(short) or short[-1:] == word[-1:])


def _ends_name(token: Token, rules: RuleSet) -> bool:
    """The last word of a name, not a first name hanging on a surname; a whole name may
    hang on a noun the parser mistook ("… Carly Fiorina strode onstage", strode/NN)."""
    named = token.pos_ == "PROPN" or _surname_after_first_name(token, rules)
    return named and (token.dep_ not in NAME_DEPS or token.head.pos_ != "PROPN")


def _surname_after_first_name(token: Token, rules: RuleSet) -> bool:
    """ "Dinesh D’Souza", D’Souza/NN: a capitalised word the tagger took for a common
    noun is a surname when a known first name hangs on it."""
    if not _mistagged_surname(token) or token.i == 0:
        return False
    first = token.nbor(-1)
    hung = first.head == token and first.dep_ in NAME_DEPS and first.pos_ == "PROPN"
    return hung and _first_name_sex(first.lower_, rules) is not None


def _in_organization_name(token: Token) -> bool:
    """Part of a name of more than one word that the tagger calls an organisation."""
    if token.ent_type_ != "ORG":
        return False
    following = token.i + 1 < len(token.doc) and token.nbor(1).ent_iob_ == "I"
    return token.ent_iob_ == "I" or following


def _called_by_surname(tokens: list[Token], rules: RuleSet) -> bool:
    """ "Carly Fiorina said … Fiorina told": a known first name and a surname the article
    goes on to make the subject of a clause alone is a person's name, whatever the tagger
    called it; a firm named for its founders ("Morgan Stanley") never goes on as "Stanley"."""
    if len(tokens) != 2 or _first_name_sex(tokens[0].lower_, rules) is None:
        return False
    first, last = tokens
    if first.i > 0 and first.nbor(-1).lower_ == "the":
        return False  # "The Ellsworth Post … The Post said": a paper's name
    return any(
        t.text == last.text and t.dep_ in {"nsubj", "nsubjpass"} and t.nbor(-1).text != first.text
        for t in last.doc[1:]
        if t.i != last.i and not any(c.dep_ == "det" for c in t.children)
    )


def _aged(token: Token) -> bool:
    """ "Ana Ruiz, 47,": an age set beside a name is said of people."""
    after = token.doc[token.i + 1 : token.i + 4]
    return len(after) == 3 and after[0].text == after[2].text == "," and after[1].like_num


def _of_organization(token: Token) -> bool:
    """ "Priyanka Dalal of Corrin & Hale": a name that belongs to an organisation."""
    return token.ent_type_ not in ORG_ENTS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.ent_type_ == "ORG" for o in c.children)
        for c in token.children
    )


def _who_clause(token: Token) -> bool:
    """ "Delphine Arkwright, who lost the election": "who" is said of people."""
    return any(
        c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in token.children
    )


def _names_a_role(token: Token, people: frozenset[str]) -> bool:
    """A name set beside a description of ``people`` (role, group and kin words): "The head
    of the water board, Maja Tenholt,", "Two councillors from the Green Party, Ada Finch
    and Rolf Berman,"."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ != "appos":
        return False
    described = token.head
    while described.dep_ == "pobj" and described.head.dep_ == "prep":
        described = described.head.head  # "the head of the board", "councillors from …"
    return described.pos_ == "NOUN" and (
        described.lemma_.lower() in people or described.lower_ in people
    )


def _given_a_role(token: Token, roles: frozenset[str]) -> bool:
    """ "Eswar Prasad, a professor of economics at Cornell": a role set beside a name
    says it is a person's, whatever the tagger made of the name; set off by a comma, and
    not a place's ("Cholla Valley Medical Center in Tucson, emergency physician …")."""
    if token.i + 1 == len(token.doc) or token.nbor(1).text != ",":
        return False
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return False
    return any(
        c.dep_ == "appos" and c.tag_ == "NN" and c.lemma_.lower() in roles for c in token.children
    )


def name_words(head: Token, rules: RuleSet) -> tuple[str, ...]:
    """The name words of a mention: "Israeli Defense Minister Yoav Gallant" → Yoav Gallant."""
    return _untitled(name_tokens(head, rules), rules)


def _untitled(tokens: list[Token], rules: RuleSet) -> tuple[str, ...]:
    """The words of name tokens, or none when a title word is among them (not the part
    of a hyphenated surname, "Adeyemi-Prince", nor a surname after a first name,
    "Stacy Baker")."""
    titles = rules.words("title_words") | rules.words("honorifics")
    last, before = (tokens[-1], tokens[-2]) if len(tokens) > 1 else (None, None)
    surname = before is not None and (
        _first_name_sex(before.lower_, rules) is not None
        or (last.ent_type_ == "PERSON" and last.ent_iob_ == "I" and not _is_title(before, titles))
    )  # the tagger's one person: "Stacy Baker"
    if not tokens or any(
        _is_title(t, titles) and not _hyphen_before(t) and not (surname and t == last)
        for t in tokens
    ):
        return ()
    return _joined(tokens)


def name_tokens(head: Token, rules: RuleSet) -> list[Token]:
    """The tokens of :func:`name_words`, from the first name to ``head`` (hyphens
    included, a quoted nickname left out)."""
    if head.pos_ != "PROPN" and not _surname_after_first_name(head, rules):
        return []
    titles = rules.words("title_words") | rules.words("honorifics")
    words = [head]
    while words[0].i > 0:
        if _hyphen_before(words[0]):  # "Osei-Brandt" is three tokens, one name
            words[0:0] = [words[0].nbor(-2), words[0].nbor(-1)]
            continue
        nickname = _nickname_length(words[0], 0)
        child = head.doc[words[0].i - 1 - nickname]
        # the tagger's one PERSON entity holds, however the parser hangs its first name
        one_person = child.ent_type_ == "PERSON" and words[0].ent_iob_ == "I"
        hung = child.head in words and child.dep_ in NAME_DEPS
        if not (hung or one_person) or child.pos_ != "PROPN" or not child.text[0].isalpha():
            break
        kinds = {words[0].ent_type_, head.ent_type_, ""}
        if head.pos_ != "PROPN":
            kinds.add("PERSON")  # "Ravi D’Costa", D’Costa/NNS: the first name is his
        if _is_title(child, titles) or (child.ent_type_ not in kinds and not nickname):
            break  # "Fox News host Sean Hannity": another entity's words are no name
        words.insert(0, child)
    if len(words) > 1 and _post_nominal(head, rules):
        words.pop()  # "Idris Lowe KC" is Idris Lowe
    return words[_first_name_at(words, rules) :]


def _post_nominal(token: Token, rules: RuleSet) -> bool:
    """ "Idris Lowe KC": letters after a name that honour it, not the state of a party
    label ("Sen. Lindsey Graham (R-SC)"), which is no one's name."""
    return token.lower_ in rules.words("post_nominals") and not _hyphen_before(token)


def _first_name_at(words: list[Token], rules: RuleSet) -> int:
    """Where a name starts among proper nouns the parser strung together: at its first
    name when only the words before it are no first names ("Commissioner for Climate
    Action Margit Sorensen-Falk")."""
    business = rules.words("organization_nouns") | rules.words("company_name_words")
    if any(w.lower_ in business or w.lower_.removesuffix("s") in business for w in words):
        return 0  # "Gulfstar Marine Services" is no Marine Services
    if words[-1].lower_ in rules.words("outlet_words"):
        return 0  # nor "the New York Times" York Times
    hyphenated = {i + step for i, w in enumerate(words) if w.text in {"-", "‐"} for step in (-1, 1)}
    for i, word in enumerate(words[:-1]):
        if _first_name_sex(word.lower_, rules) and i not in hyphenated:
            return i  # but "Whitfield-Morrow" and "Ann-Marie" hold no first name to start at
    return 0


def _mistagged_surname(token: Token) -> bool:
    """A capitalised word the tagger took for a common noun or adjective, or for a verb
    where it is a subject: a surname ("Sanders", "Rice", "Okonjo himself has not
    spoken") may read as one."""
    verb = token.pos_ == "VERB" and token.dep_ in {"nsubj", "nsubjpass"}
    return token.is_title and (token.pos_ in {"NOUN", "ADJ"} or verb)


def _last_hyphenated_part(token: Token) -> Token:
    while token.i + 2 < len(token.doc) and _hyphen_before(token.nbor(2)):
        token = token.nbor(2)
    return token


def _is_title(token: Token, titles: frozenset[str]) -> bool:
    """A title word, also in the plural ("Trustees Marcus Bell, Yvonne Okafor and …")."""
    lower = token.lower_
    if f"{lower}." in titles:  # "Lt" split from its period
        return True
    return lower in titles or (lower.endswith("s") and lower[:-1] in titles)


def _hyphen_before(token: Token) -> bool:
    """ "Osei-Brandt": a hyphen written tight between two proper nouns."""
    if token.i < 2:
        return False
    hyphen, first = token.nbor(-1), token.nbor(-2)
    tight = not hyphen.whitespace_ and not first.whitespace_
    return tight and hyphen.text in {"-", "‐"} and first.pos_ == "PROPN"


def _joined(tokens: list[Token]) -> tuple[str, ...]:
    """Name words as written: tokens with no space between them are one word."""
    words: list[str] = []
    for token in tokens:
        glued = words and not token.nbor(-1).whitespace_ and token.i > tokens[0].i
        if glued:
            words[-1] += token.text
        else:
            words.append(token.text)
    return tuple(words)


def _nickname_length(token: Token, skip: int) -> int:
    """Tokens of a quoted nickname just before ``token``'s first ``skip`` name words:
    Félix "Lucho" Arriaga is Félix Arriaga."""
    end = token.i - skip - 1
    if end < 2 or not token.doc[end].is_quote:
        return 0
    start = end - 1
    while start > 0 and token.doc[start].pos_ == "PROPN" and not token.doc[start].is_quote:
        start -= 1
    inside = end - start - 1
    return inside + 2 if token.doc[start].is_quote and 0 < inside <= 2 else 0


def _cluster(
    names: list[tuple[str, ...]], rules: RuleSet
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Map each name to the fullest compatible name; conflicting first names stay apart."""
    canonical: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name in names:  # longest first
        match = surname_match(name, canonical, rules)
        canonical[name] = match or name
    return canonical


def _fullness(name: tuple[str, ...]) -> tuple[int, int, tuple[str, ...]]:
    """Longest first, in words and then letters ("Kenneth Starr" before "Ken Starr"); the
    name itself settles ties, so the order never depends on a set's."""
    return len(name), len("".join(name)), name


def _same_first_name(one: str, other: str, rules: RuleSet) -> bool:
    """Equal, or one the short form the other begins with: "Ken" and "Kenneth", not "Dan"
    and "Daniela", whom the first-name lists give different sexes."""
    shorter, longer = sorted((one, other), key=len)
    if shorter == longer:
        return True
    if len(shorter) < 3 or not longer.startswith(shorter):
        return False
    sexes = {_first_name_sex(shorter.lower(), rules), _first_name_sex(longer.lower(), rules)}
    return sexes != {"male", "female"}


def surname_match(
    name: tuple[str, ...], known: dict[tuple[str, ...], tuple[str, ...]], rules: RuleSet
) -> tuple[str, ...] | None:
    fuller = {
        target
        for other, target in known.items()
        if other[-1] == name[-1]
        and (len(name) == 1 or len(other) == 1 or _same_first_name(other[0], name[0], rules))
    }
    return next(iter(fuller)) if len(fuller) == 1 else None


def person_titles(head: Token, rules: RuleSet) -> tuple[list[str], str | None]:
    """Titles and affiliation one mention gives: "White House spokesman John Kirby" →
    (["White House spokesman"], "White House"); "Hugh Hill, a doctor at the clinic" →
    (["doctor at the clinic"], None)."""
    tokens = name_tokens(head, rules)
    if not _untitled(tokens, rules):
        return [], None
    doc = head.doc
    first = mention_tokens(head)[0]
    title_tokens = list(doc[first : tokens[0].i])
    titles = [title] if (title := _title_text(title_tokens, head, rules)) else []
    affiliation = next(
        (
            " ".join(t.text for t in title_tokens if t.ent_type_ == token.ent_type_)
            for token in title_tokens
            if token.ent_type_ in ORG_ENTS - {"NORP"}
        ),
        None,
    )
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            # "Rebekah Mercer, a donor who has become an ally of the candidate": a donor
            clause = [c.left_edge.i for c in child.rights if c.dep_ == "relcl"]
            words = [t for t in child.subtree if t.i < min(clause, default=len(doc))]
            words = [t for t in words if not (t.dep_ == "det" and t.head == child)]
            titles.append(doc[words[0].i : words[-1].i + 1].text.strip(" ,"))
    if (described := _described_by(head, tokens[0])) is not None:
        titles.append(described)
    return titles, affiliation


def _place_of(head: Token) -> list[str]:
    """ "Governor Dana Pruitt of Ohio": the place a titled person holds office in, which
    makes her "the Ohio governor"."""
    return [
        o.lower_
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.ent_type_ == "GPE"
    ]


def _described_by(head: Token, first_name: Token) -> str | None:
    """The description a name is set beside: "The leader of the district council,
    Catrin Vance," → "leader of the district council"; "Ardmore's special envoy, Rafael
    Oduya," → "special envoy"."""
    noun = head.head
    if head.dep_ != "appos" or noun.pos_ != "NOUN" or noun.i > head.i:
        return None
    start = noun.left_edge.i
    while start < noun.i and noun.doc[start].dep_ in {"det", "poss", "case"}:
        start = noun.doc[start].right_edge.i + 1  # "The", "Ardmore's"
    end = first_name.i - 1
    while end > start and noun.doc[end].is_punct:
        end -= 1
    return noun.doc[start : end + 1].text if end >= start else None


def _title_text(tokens: list[Token], head: Token, rules: RuleSet) -> str | None:
    """Pre-name words that end in a title word; a possessive ("UK’s") is affiliation, not
    title, but the name may be a possessor itself ("Mayor Leona Quist's budget")."""
    words = [
        t
        for t in tokens
        if t.dep_ not in {"poss", "case", "det"} and (t.head.dep_ != "poss" or t.head == head)
    ]
    titles = rules.words("title_words")
    if words and any(t.lower_ in titles for t in words):
        return " ".join(t.text for t in words)
    return None
