"""The salience resolver on its own: which person each pronoun or epithet stands for,
where the attributions built on it would hide the step that went wrong."""

from __future__ import annotations

import pytest

from attribution.names import PersonIndex
from attribution.pipeline import load_pipeline
from attribution.pronouns import PronounResolver
from attribution.rules import load_rules


@pytest.fixture(scope="module")
def antecedents():
    rules = load_rules()
    nlp = load_pipeline(None, False).nlp

    def resolve(text: str) -> dict[str, str]:
        """Each word the resolver answers for (as "word@offset") → its antecedent."""
        doc = nlp(text)
        resolver = PronounResolver(doc, PersonIndex(doc, rules), rules, [], {})
        found = ((t, resolver.antecedent(t)) for t in doc)
        return {f"{t.text}@{t.idx}": a.text for t, a in found if a is not None}

    return resolve


SPEAKER_AND_NOMINEE = (
    "House Speaker Ivo Marsh on Thursday declared that he cannot currently support Aldo "
    "Brandt, throwing a wrench in the presumptive nominee's efforts to unify the party and "
    "giving cover to lawmakers nervous about the brash builder.\n\nMarsh was diplomatic, but "
    "firm — Brandt must prove that he deserves the nomination.\n\n“Well, to be candid with "
    "you, I’m just not ready to do that at this point,” Marsh told radio host Gus Harlan "
    "about extending his support to Brandt. “I’m not there right now.”\n\nIt was a partial "
    "reversal for the Ohio Republican, who had previously pledged to support the nominee."
)


def test_a_party_member_epithet_may_be_someone_titled_otherwise(antecedents):
    """ "the Ohio Republican" is the Speaker, who weighs most: a role no one holds in
    parallel with him (both are neither subject nor object) gives Brandt no edge."""
    found = antecedents(SPEAKER_AND_NOMINEE)
    at = SPEAKER_AND_NOMINEE.index("Republican")
    assert found[f"Republican@{at}"] == "Marsh"


def test_a_relative_who_after_an_epithet_is_a_subject_mention_of_its_person(antecedents):
    """ "the Ohio Republican, who had previously pledged …" weighs as a subject for the
    Speaker, against the nominee that the clause's object names."""
    text = SPEAKER_AND_NOMINEE + " He said on Thursday that Brandt needs to do more work."
    assert antecedents(text)[f"He@{text.index(' He said') + 1}"] == "Marsh"


def test_a_possessive_pronoun_goes_on_with_the_possessor_beside_it(antecedents):
    """Guard: possessors are parallel ("For Brandt's part, his company"), though a subject
    of the sentence before weighs more."""
    text = (
        "Aldo Brandt has spoken at three rallies this week. A spokesperson for the parks "
        "department said the department would follow City Hall on the issue.\n\nFor "
        "Brandt's part, his company has argued that its contracts are protected."
    )
    assert antecedents(text)[f"his@{text.index(' his ') + 1}"] == "Brandt"


def test_a_noun_for_no_one_in_particular_is_no_antecedent(antecedents):
    """ "What grandfather of seven wouldn't love that?" meets no one a "he" can be."""
    text = (
        "Sen. Ivo Marsh has won 22 states this year. What 74-year-old grandfather of seven "
        "wouldn't love that? He plans to support 100 candidates."
    )
    assert antecedents(text)[f"He@{text.index('He plans')}"] == "Marsh"


def test_a_first_name_s_sex_gives_way_to_the_one_the_text_is_about(antecedents):
    """ "Lindsey" is nearly always a woman's name, but Sen. Lindsey Pruitt, whom no title
    or bound pronoun calls a woman, is the "he" the paragraphs are about."""
    text = (
        "On Thursday, at a dinner of the Harbour Club in Dover, presidential candidate Sen. "
        "Lindsey Pruitt called out the rival candidate, Aldo Brandt, for alienating farmers."
        "\n\nPruitt said the party was losing the rural vote.\n\nHe continued that the "
        "party could still win."
    )
    assert antecedents(text)[f"He@{text.index('He continued')}"] == "Pruitt"
