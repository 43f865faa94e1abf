"""The attribute stage: content strategies, quote handling, continuations.

Fallback strategies fire when the parser errs, so they are tested on hand-built parses
(``Doc(words, heads, deps)``), which no model update can change. Quote attachment is
tested end to end on sentences written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from attribution.attribute import attribute
from attribution.cues import CueFinder
from attribution.quotes import find_quotes
from attribution.rules import load_rules


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def _parsed(words, spaces, heads, deps, pos, lemmas, tags) -> Doc:
    vocab = English().vocab
    return Doc(
        vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags
    )


def _run(doc: Doc, rules):
    cues = CueFinder(doc.vocab, rules)(doc)
    return attribute(doc, cues, find_quotes(doc.text).quotes, rules)


def test_following_quote_when_the_parser_leaves_it_unattached(rules):
    # The referee said: “Play stopped.” — the quote hangs on the verb as "dep", not ccomp.
    doc = _parsed(
        words=["The", "referee", "said", ":", "“", "Play", "stopped", ".", "”"],
        spaces=[True, True, False, True, False, True, False, False, False],
        heads=[1, 2, 2, 2, 6, 6, 2, 6, 6],
        deps=["det", "nsubj", "ROOT", "punct", "punct", "nsubj", "dep", "punct", "punct"],
        pos=["DET", "NOUN", "VERB", "PUNCT", "PUNCT", "NOUN", "VERB", "PUNCT", "PUNCT"],
        lemmas=["the", "referee", "say", ":", "“", "play", "stop", ".", "”"],
        tags=["DT", "NN", "VBD", ":", "``", "NN", "VBD", ".", "''"],
    )
    (found,) = _run(doc, rules)
    assert doc.text[slice(*found.content)] == "“Play stopped.”"
    assert (found.rule, found.kind) == ("speech-verb-following-quote", "direct")
    assert doc.text[slice(*found.speaker)] == "The referee"


def test_content_before_the_comma_needs_a_clause(rules):
    # At the hearing, Ortiz said: no clause before the comma, so no content there.
    doc = _parsed(
        words=["At", "the", "hearing", ",", "Ortiz", "said", "."],
        spaces=[True, True, False, True, True, False, False],
        heads=[5, 2, 0, 5, 5, 5, 5],
        deps=["prep", "det", "pobj", "punct", "nsubj", "ROOT", "punct"],
        pos=["ADP", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"],
        lemmas=["at", "the", "hearing", ",", "Ortiz", "say", "."],
        tags=["IN", "DT", "NN", ",", "NNP", "VBD", "."],
    )
    assert _run(doc, rules) == []


def test_content_before_the_comma_with_trailing_time(rules):
    # Fares will rise, the agency said Friday.
    doc = _parsed(
        words=["Fares", "will", "rise", ",", "the", "agency", "said", "Friday", "."],
        spaces=[True, True, False, True, True, True, True, False, False],
        heads=[2, 2, 6, 6, 5, 6, 6, 6, 6],
        deps=["nsubj", "aux", "dep", "punct", "det", "nsubj", "ROOT", "npadvmod", "punct"],
        pos=["NOUN", "AUX", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PROPN", "PUNCT"],
        lemmas=["fare", "will", "rise", ",", "the", "agency", "say", "Friday", "."],
        tags=["NNS", "MD", "VB", ",", "DT", "NN", "VBD", "NNP", "."],
    )
    (found,) = _run(doc, rules)
    assert doc.text[slice(*found.content)] == "Fares will rise"
    assert found.rule == "speech-verb-after-content"


def test_parenthetical_cue_on_a_subordinate_clause_reports_the_sentence(rules):
    # Though it was quick, Ruiz said, repairs will last: the parser hangs "said" on the
    # "though" clause; the cue still reports the whole sentence.
    doc = _parsed(
        words=["Though", "it", "was", "quick", ",", "Ruiz", "said", ",", "repairs", "will",
               "last", "."],
        spaces=[True, True, True, False, True, True, False, True, True, True, False, False],
        heads=[2, 2, 10, 2, 2, 6, 2, 10, 10, 10, 10, 10],
        deps=["mark", "nsubj", "advcl", "acomp", "punct", "nsubj", "parataxis", "punct",
              "nsubj", "aux", "ROOT", "punct"],
        pos=["SCONJ", "PRON", "AUX", "ADJ", "PUNCT", "PROPN", "VERB", "PUNCT", "NOUN", "AUX",
             "VERB", "PUNCT"],
        lemmas=["though", "it", "be", "quick", ",", "Ruiz", "say", ",", "repair", "will",
                "last", "."],
        tags=["IN", "PRP", "VBD", "JJ", ",", "NNP", "VBD", ",", "NNS", "MD", "VB", "."],
    )  # fmt: skip
    (found,) = _run(doc, rules)
    assert doc.text[slice(*found.content)] == "Though it was quick, Ruiz said, repairs will last"
    assert found.rule == "speech-verb-parenthetical"


def test_object_content_runs_on_over_a_sentence_the_parser_cut_without_a_stop(rules):
    # Okafor cited remarks Ruiz had made as proof: the parser ends a sentence after
    # "remarks" (two roots, no stop in the text); the content runs on to the stop.
    doc = _parsed(
        words=["Okafor", "cited", "remarks", "Ruiz", "had", "made", "as", "proof", "."],
        spaces=[True, True, True, True, True, True, True, False, False],
        heads=[1, 1, 1, 5, 5, 5, 5, 6, 5],
        deps=["nsubj", "ROOT", "dobj", "nsubj", "aux", "ROOT", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "NOUN", "PROPN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
        lemmas=["Okafor", "cite", "remark", "Ruiz", "have", "make", "as", "proof", "."],
        tags=["NNP", "VBD", "NNS", "NNP", "VBD", "VBN", "IN", "NN", "."],
    )  # fmt: skip
    (found,) = _run(doc, rules)
    assert doc.text[slice(*found.content)] == "remarks Ruiz had made as proof"
    assert found.rule == "speech-verb-object"


def test_gerund_coordinated_with_a_gerund_object_is_part_of_the_content(rules):
    # Okafor has mentioned raising fares and forcing landlords to pay: the parser hangs
    # "forcing" on the cue, as if Okafor forced; it is the second thing she mentioned.
    doc = _parsed(
        words=["Okafor", "has", "mentioned", "raising", "bus", "fares", "and", "forcing",
               "landlords", "to", "pay", "."],
        spaces=[True, True, True, True, True, True, True, True, True, True, False, False],
        heads=[2, 2, 2, 5, 5, 2, 2, 2, 7, 10, 7, 2],
        deps=["nsubj", "aux", "ROOT", "amod", "compound", "dobj", "cc", "conj", "dobj", "aux",
              "xcomp", "punct"],
        pos=["PROPN", "AUX", "VERB", "VERB", "NOUN", "NOUN", "CCONJ", "VERB", "NOUN", "PART",
             "VERB", "PUNCT"],
        lemmas=["Okafor", "have", "mention", "raise", "bus", "fare", "and", "force", "landlord",
                "to", "pay", "."],
        tags=["NNP", "VBZ", "VBN", "VBG", "NN", "NNS", "CC", "VBG", "NNS", "TO", "VB", "."],
    )  # fmt: skip
    (found,) = _run(doc, rules)
    assert doc.text[slice(*found.content)] == "raising bus fares and forcing landlords to pay"
    assert found.rule == "speech-verb-object"


def test_a_cue_coordinated_with_the_reported_clause_in_another_form_has_the_reporters_subject(
    rules,
):
    # Paul said the plan would give money, and called him a liar: the parser hangs
    # "called" (VBD) on "give" (VB), whose subject is the plan; Paul did the calling.
    doc = _parsed(
        words=["Paul", "said", "the", "plan", "would", "give", "money", ",", "and", "called",
               "him", "a", "liar", "."],
        spaces=[True, True, True, True, True, True, False, True, True, True, True, True, False,
                False],
        heads=[1, 1, 3, 5, 5, 1, 5, 5, 5, 5, 9, 12, 9, 1],
        deps=["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "dobj", "punct", "cc", "conj",
              "dobj", "det", "oprd", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "NOUN", "PUNCT", "CCONJ", "VERB",
             "PRON", "DET", "NOUN", "PUNCT"],
        lemmas=["Paul", "say", "the", "plan", "would", "give", "money", ",", "and", "call", "he",
                "a", "liar", "."],
        tags=["NNP", "VBD", "DT", "NN", "MD", "VB", "NN", ",", "CC", "VBD", "PRP", "DT", "NN",
              "."],
    )  # fmt: skip
    called = [a for a in _run(doc, rules) if doc.text[slice(*a.cue)] == "called"]
    assert [doc[a.speaker_head].text for a in called] == ["Paul"]


@pytest.mark.parametrize(
    ("parse", "speaker"),
    [
        (  # "My apologies, I'm sorry," Quick said: "apologies" and "Quick" both subjects;
            # the one outside the quotation speaks
            dict(
                words=["“", "My", "apologies", ",", "I", "'m", "sorry", ",", "”", "Quick",
                       "said", "."],
                spaces=[False, True, False, True, False, True, False, False, True, True, False,
                        False],
                heads=[10, 2, 10, 5, 5, 10, 5, 5, 5, 10, 10, 10],
                deps=["punct", "poss", "nsubj", "punct", "nsubj", "ccomp", "acomp", "punct",
                      "punct", "nsubj", "ROOT", "punct"],
                pos=["PUNCT", "PRON", "NOUN", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT",
                     "PROPN", "VERB", "PUNCT"],
                lemmas=["“", "my", "apology", ",", "I", "be", "sorry", ",", "”", "Quick", "say",
                        "."],
                tags=["``", "PRP$", "NNS", ",", "PRP", "VBP", "JJ", ",", "''", "NNP", "VBD", "."],
            ),
            "Quick",
        ),
        (  # "Local news affiliate ABC 7 reported …": "affiliate" and "ABC" both subjects;
            # the name after the description speaks
            dict(
                words=["Local", "news", "affiliate", "ABC", "7", "reported", "that", "the",
                       "road", "was", "closed", "."],
                spaces=[True, True, True, True, True, True, True, True, True, True, False,
                        False],
                heads=[2, 2, 5, 5, 3, 5, 10, 8, 10, 10, 5, 5],
                deps=["amod", "compound", "nsubj", "nsubj", "nummod", "ROOT", "mark", "det",
                      "nsubjpass", "auxpass", "ccomp", "punct"],
                pos=["ADJ", "NOUN", "NOUN", "PROPN", "NUM", "VERB", "SCONJ", "DET", "NOUN",
                     "AUX", "VERB", "PUNCT"],
                lemmas=["local", "news", "affiliate", "ABC", "7", "report", "that", "the",
                        "road", "be", "close", "."],
                tags=["JJ", "NN", "NN", "NNP", "CD", "VBD", "IN", "DT", "NN", "VBD", "VBN", "."],
            ),
            "ABC",
        ),
    ],
)  # fmt: skip
def test_of_two_subjects_the_one_named_outside_quotation_marks_speaks(rules, parse, speaker):
    doc = _parsed(**parse)
    (found,) = _run(doc, rules)
    assert doc[found.speaker_head].text == speaker


# (text, [(content, kind, rule, speaker mention)]) on the real pipeline
CASES = [
    (
        "“The pier is closed,” the harbour master said, “and it will stay closed.”",
        [("“The pier is closed,” the harbour master said, “and it will stay closed.”",
          "direct", "speech-verb-complement", "the harbour master")],
    ),
    (  # the cue reads the second half as its content: the first half joins it
        "“By closing the pier,” the harbour master said, “we kept the town safe.”",
        [("“By closing the pier,” the harbour master said, “we kept the town safe.”",
          "direct", "speech-verb-following-quote", "the harbour master")],
    ),
    (  # the cue's addressee and time may stand between the halves
        "“The pier is closed,” Ms. Dunn told reporters on Monday, “and it will stay closed.”",
        [("“The pier is closed,” Ms. Dunn told reporters on Monday, “and it will stay closed.”",
          "direct", "speech-verb-complement", "Ms. Dunn")],
    ),
    (
        "“Is anyone in charge?” Ines Farah asked. “Nobody answers.”",
        [("“Is anyone in charge?”", "direct", "speech-verb-after-content", "Ines Farah"),
         ("“Nobody answers.”", "direct", "continuation-quote", "Ines Farah")],
    ),
    (
        "“We start Monday,” the coach said.\n\n“Everyone will play.”",
        [("“We start Monday,”", "direct", "speech-verb-complement", "the coach"),
         ("“Everyone will play.”", "direct", "continuation-quote", "the coach")],
    ),
    (
        "“We start Monday,” the coach said.\n\n“Everyone will play.”\n\n“Nobody sits out.”",
        [("“We start Monday,”", "direct", "speech-verb-complement", "the coach"),
         ("“Everyone will play.”", "direct", "continuation-quote", "the coach"),
         ("“Nobody sits out.”", "direct", "continuation-quote", "the coach")],
    ),
    (  # an indirect report on the same speaker does not end the quotation's run
        "“We start on Monday,” the coach said, adding that the team was ready. "
        "“Everyone will play.”",
        [("“We start on Monday,”", "direct", "speech-verb-complement", "the coach"),
         ("that the team was ready", "indirect", "participle-speech-verb", "the coach"),
         ("“Everyone will play.”", "direct", "continuation-quote", "the coach")],
    ),
    (
        "“We start Monday,” the coach said. The gym was empty. “Everyone will play.”",
        [("“We start Monday,”", "direct", "speech-verb-complement", "the coach")],
    ),
    (  # one remark on the speaker between two quotations does not end the quotation
        "“We have had leaks before,” Okafor said after meeting the inspectors. She looked "
        "tired. “Our aim is to fix the valves.”",
        [("“We have had leaks before,”", "direct", "speech-verb-complement", "Okafor"),
         ("“Our aim is to fix the valves.”", "direct", "continuation-quote", "Okafor")],
    ),
    (  # a quotation that opens the next paragraph is no second half of a split quotation
        "Readers wrote in.\n“The fares are too high.” ― Ana Ruiz\n“The boats are late.”",
        [("“The fares are too high.”", "direct", "dash-attribution", "Ana Ruiz"),
         ("“The boats are late.”", "direct", "continuation-quote", "Ana Ruiz")],
    ),
    (
        "The mayor said: “We are ready.”\nProtesters held signs reading “No more delays.”",
        [("“We are ready.”", "direct", "speech-verb-complement", "The mayor")],
    ),
    (
        "The ranger said:\n\n“Stay on the marked trails.”",
        [("“Stay on the marked trails.”", "direct", "speech-verb-following-quote", "The ranger")],
    ),
    (  # a clause that only sets the time or condition is not what was said
        "When the ferry stopped running last winter, the harbour master said.",
        [],
    ),
    (
        "The contractor said on Thursday it was ready to start.",
        [("it was ready to start", "indirect", "speech-verb-complement", "The contractor")],
    ),
    (
        "“I told them we would win,” Dara Quill said.",
        [("“I told them we would win,”", "direct", "speech-verb-complement", "Dara Quill")],
    ),
    (  # the cue's own modifiers may stand between it and the quotation it introduces
        "The coach kept smiling, saying during the break, “We will keep pressing.”",
        [("“We will keep pressing.”", "direct", "participle-speech-verb-quote", "The coach")],
    ),
    (  # … but a quotation that ends the cue's phrase is no quotation after it
        "The mayor described the ferry plan as “a disgrace” on Monday.",
        [("the ferry plan as “a disgrace”", "mixed", "speech-verb-object", "The mayor")],
    ),
    (  # a relative clause set off by a comma that ends the content is the writer's
        "The harbour master said the ferries would be replaced by a larger boat, which the "
        "town bought last year.",
        [("the ferries would be replaced by a larger boat", "indirect",
          "speech-verb-complement", "The harbour master")],
    ),
    (  # … but one inside the content stays
        "The council cited the new school, which opened in May, as proof of progress.",
        [("the new school, which opened in May, as proof of progress", "indirect",
          "speech-verb-object", "The council")],
    ),
    (  # a clause after a semicolon with its own subject is the writer's
        "The mayor said the pier was safe; the inspectors left on Friday.",
        [("the pier was safe", "indirect", "speech-verb-complement", "The mayor")],
    ),
    (  # the cue's phrases that follow the object complete it …
        "The union praised her work after the floods and her stand on night shifts.",
        [("her work after the floods and her stand on night shifts", "indirect",
          "speech-verb-object", "The union")],
    ),
    (  # … but not those that tell where, when or to whom
        "The minister cited the figure in an interview with the local radio station.",
        [("the figure", "indirect", "speech-verb-object", "The minister")],
    ),
    (  # a passive report: the writer's link and comment set off by commas are left out
        "And the rangers have often been accused of ignoring the fires they were sent to "
        "fight, with claims of neglect in the north.",
        [("the rangers have often been accused of ignoring the fires they were sent to fight",
          "indirect", "passive-cue", None)],
    ),
    (
        "Although the council has met often in recent years, it has been criticized for "
        "being slow to act, reflecting the difficulty of a large board.",
        [("it has been criticized for being slow to act", "indirect", "passive-cue", None)],
    ),
    (  # a clause that reports speech of its own is no part of the speaker's mention …
        "Ana Ruiz, who argued last year that the pier was unsafe, said the ferries would "
        "stop in May.",
        [("that the pier was unsafe", "indirect", "relative-clause-speaker", "Ana Ruiz"),
         ("the ferries would stop in May", "indirect", "speech-verb-complement", "Ana Ruiz")],
    ),
    (
        "The mayor, speaking to reporters at the pier, said the ferries would stop in May.",
        [("the ferries would stop in May", "indirect", "speech-verb-complement", "The mayor")],
    ),
    (  # … while one that describes the speaker is
        "Kenneth Baer, a former official who runs a consulting firm, said the plan was sound.",
        [("the plan was sound", "indirect", "speech-verb-complement",
          "Kenneth Baer, a former official who runs a consulting firm")],
    ),
    (  # a parenthetical cue's content: a trailing "although" clause is the writer's
        "The new pier, the harbour board said, was its longest yet, although it may take "
        "weeks to open it.",
        [("The new pier, the harbour board said, was its longest yet", "indirect",
          "speech-verb-parenthetical", "the harbour board")],
    ),
    (  # a complement the parser gives no one: the content stands, its speaker open …
        "At a briefing announcing that the ferry would stop, the harbour board took no "
        "questions.",
        [("that the ferry would stop", "indirect", "speech-verb-complement-no-speaker", None)],
    ),
    (  # … but a name the parser cut off from the cue's clause speaks …
        "In addition to stating that the pier has no legal protection, Ruiz has vowed to "
        "repeal the harbour law.",
        [("that the pier has no legal protection", "indirect",
          "speech-verb-complement-no-speaker", "Ruiz"),
         ("to repeal the harbour law", "indirect", "speech-verb-infinitive", "Ruiz")],
    ),
    (  # … unless it hangs on a verb whose subject the other rules did not reach
        "The minister refuses to discuss the board, aside from saying it would include "
        "two farmers.",
        [("it would include two farmers", "indirect",
          "speech-verb-complement-governing-subject", "The minister")],
    ),
    (  # a subject the parser hangs on an adverb before the cue
        "Villagers downstream said they had noticed a chemical smell for days.",
        [("they had noticed a chemical smell for days", "indirect",
          "speech-verb-complement-governing-subject", "Villagers")],
    ),
    (  # a sentence read as a noun phrase: the verb hangs on the name as a modifier
        "Plesk, who took over in the summer, posted on Instagram that he was proud of "
        "the work.",
        [("that he was proud of the work", "indirect",
          "speech-verb-complement-governing-subject", "Plesk, who took over in the summer")],
    ),
    (  # the name taken in by a phrase before the cue, as a second name
        "In a panel discussion this weekend in Lisbon, Ana Ruiz, the head of the port "
        "authority, told a student that \"the strike is over.\"",
        [("that \"the strike is over.\"", "mixed", "speaker-beside-fronted-phrase",
          "Ana Ruiz, the head of the port authority")],
    ),
    (  # an infinitive under a verb that makes someone say it: its object speaks …
        "The inquiry forced Ruiz to admit that the pumps had failed twice.",
        [("that the pumps had failed twice", "indirect",
          "infinitive-complement-governing-subject", "Ruiz")],
    ),
    (  # … a thing for object is the means, and the subject speaks
        "The board used plain language to argue that the pumps had failed.",
        [("that the pumps had failed", "indirect",
          "infinitive-complement-governing-subject", "The board")],
    ),
    (  # … but a refusal to say is no report
        "The deputy mayor declined to say whether she would run.",
        [],
    ),
    (
        "The baker said the oven had been repaired and that bread was “back on the shelves.”",
        [("the oven had been repaired and that bread was “back on the shelves.”",
          "mixed", "speech-verb-complement", "The baker")],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_attributions(attributor, text, expected):
    document = attributor.attribute(text)
    found = [
        (a["content"]["text"], a["kind"], a["rule"], (a["speaker_mention"] or {}).get("text"))
        for a in document["attributions"]
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "The minister said that the port would formally close by the end of March and "
            "suggested that the ferries would move to Brest.",
            "that the port would formally close by the end of March",
        ),
        (  # a verb of intent in the same clause is part of what was said
            "The tenants said they were relieved but wanted the promise put in writing.",
            "they were relieved but wanted the promise put in writing",
        ),
        (
            "Okafor said tenants who rent would not get the new grant, and when asked why the "
            "plan leaves them out, the 40-year-old councillor replied that money was short.",
            "tenants who rent would not get the new grant",
        ),
    ],
)
def test_a_second_report_coordinated_in_the_content_ends_it(attributor, text, first):
    # The parser hangs "suggested"/"replied" on the first report's clause; the second
    # report has content of its own, and the first content ends before its "and".
    contents = [a["content"]["text"] for a in attributor.attribute(text)["attributions"]]
    assert contents[0] == first


def test_continuation_lowers_confidence_and_keeps_source(attributor):
    text = "“We start Monday,” the coach said in a statement.\n\n“Everyone will play.”"
    first, second = attributor.attribute(text)["attributions"]
    assert second["confidence"] < first["confidence"]
    assert second["source"] == first["source"] is not None
    assert second["cue"] is None


@pytest.mark.parametrize("text", ["", "\n\n   \n", "“Never closed, she said.\n\nNext paragraph."])
def test_degenerate_input_gives_a_valid_empty_document(attributor, text):
    from attribution.schema import validate_document

    document = attributor.attribute(text)
    assert validate_document(document, text) == []
    assert document["attributions"] == []
    expected = ["unbalanced-quote"] if "“" in text else []
    assert [w["code"] for w in document["warnings"]] == expected


def test_a_subject_of_reported_words_is_no_cut_off_speaker(attributor):
    """ "said she should not …" is what was said, so "she" speaks for no cue the parser
    cut off from its subject ("denounced", misparsed with "summed up …" for content)."""
    text = (
        "Okafor further summed up Ruiz as \u201cterrible,\u201d denounced her record as "
        "treasurer and said she should not even be allowed to run for office due to the "
        "audit engulfing her."
    )
    mentions = [
        (a["speaker_mention"] or {}).get("text") for a in attributor.attribute(text)["attributions"]
    ]
    assert "she" not in mentions


def test_a_name_coordinated_with_the_noun_before_its_verb_is_that_verb_subject(rules):
    # Inspectors fined the firm for fraud and Ortiz fired his aide, acknowledging that
    # trust was lost: the parser joins "Ortiz" to "fraud" and leaves "fired" no subject.
    rows = [  # word, lemma, pos, tag, dep, head
        ("Inspectors", "inspector", "NOUN", "NNS", "nsubj", 1),
        ("fined", "fine", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 3),
        ("firm", "firm", "NOUN", "NN", "dobj", 1),
        ("for", "for", "ADP", "IN", "prep", 1),
        ("fraud", "fraud", "NOUN", "NN", "pobj", 4),
        ("and", "and", "CCONJ", "CC", "cc", 5),
        ("Ortiz", "Ortiz", "PROPN", "NNP", "conj", 5),
        ("fired", "fire", "VERB", "VBD", "conj", 1),
        ("his", "his", "PRON", "PRP$", "poss", 10),
        ("aide", "aide", "NOUN", "NN", "dobj", 8),
        (",", ",", "PUNCT", ",", "punct", 8),
        ("acknowledging", "acknowledge", "VERB", "VBG", "advcl", 8),
        ("that", "that", "SCONJ", "IN", "mark", 16),
        ("trust", "trust", "NOUN", "NN", "nsubjpass", 16),
        ("was", "be", "AUX", "VBD", "auxpass", 16),
        ("lost", "lose", "VERB", "VBN", "ccomp", 12),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    words, lemmas, pos, tags, deps, heads = (list(column) for column in zip(*rows, strict=True))
    spaces = [words[i + 1] not in {",", "."} for i in range(len(words) - 1)] + [False]
    doc = _parsed(words, spaces, heads, deps, pos, lemmas, tags)
    (found,) = _run(doc, rules)
    assert doc.text[slice(*found.content)] == "that trust was lost"
    assert doc.text[slice(*found.speaker)] == "Ortiz"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the parser makes the quotation the complement of "denies"
            "If the ministry is behind the leaks — as many analysts believe, but the ministry "
            "strongly denies — “why wouldn’t you want to raise it?” asked Dunn, a partner at "
            "a law firm.",
            ("Dunn, a partner at a law firm", "“why wouldn’t you want to raise it?”"),
        ),
        (  # a partial quote stays in its sentence
            "The mayor on Thursday assured residents of “new flood defences,” the council said "
            "in a statement.",
            ("the council", "The mayor on Thursday assured residents of “new flood defences,”"),
        ),
    ],
)
def test_a_verb_right_after_a_set_off_quotation_reports_it(attributor, text, expected):
    found = [
        (a["speaker_mention"]["text"], a["content"]["text"])
        for a in attributor.attribute(text)["attributions"]
    ]
    assert found[-1] == expected
    assert [content for _, content in found].count(expected[1]) == 1


def test_a_name_set_off_before_a_dated_cue_is_beside_it(attributor_rules):
    """ "Beck, who opposed Trump, last week said …": the time between the aside's comma and
    the cue does not hide the name from a cue the parser left without a subject."""
    from attribution.attribute import _set_off

    doc = attributor_rules._loaded.nlp("Glenn Beck, who opposed Trump, last week said it was over.")
    cue = next(t for t in doc if t.text == "said")
    assert [t.ent_type_ for t in doc[cue.i - 2 : cue.i]] == ["DATE", "DATE"]
    assert _set_off(doc, doc[0:2], cue)
