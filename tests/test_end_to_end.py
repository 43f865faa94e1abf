"""The whole engine against the gold fixtures (fixtures/README.md).

One test per gold attribution, so a failure names the fixture and the entry; gold the
engine does not get right yet carries ``xfail: "<reason>"`` in its YAML entry and runs as
a strict xfail (pyproject sets ``xfail_strict``): when the engine improves, the XPASS
fails the suite and the marker must be removed. The expected values are what a careful
reader marks and are never edited to match the engine.

A gold entry is matched to the predicted attribution whose content starts where the gold
``content_starts`` does (after an optional "that " and one opening quote mark). A quote
split by its cue is one gold entry with ``fragments: 2``, checked against ``quotes``.
"X and Y said" is one gold entry per speaker with the same content; the contract has one
attribution (one speaker) per content span, so each entry accepts that person or a group
speaker whose name contains that person's name.

Per fixture there are also contract checks (schema, span texts, determinism) and a
comparison of the rule-based coreference path with the coreferee path: coreference may
change who is credited, never which content spans are found.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from attribution import Attributor
from attribution.schema import validate_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
QUOTE_MARKS = "\"'“”‘’«»„‚‹›"
# What may come before the gold ``content_starts`` in a predicted content: the engine
# keeps the opening quote mark of direct quotes and the complementiser "that".
CONTENT_LEAD = re.compile(rf"(?:that )?[{QUOTE_MARKS}]?")

Doc = dict[str, Any]

# coreferee asks en_core_web_sm for word-vector similarity it does not have; the warning
# repeats for every document and says nothing about this engine.
pytestmark = pytest.mark.filterwarnings("ignore:\\[W007\\]:UserWarning")


@dataclass(frozen=True)
class Fixture:
    """One article and its gold, with where each gold content starts in the text."""

    stem: str
    text: str
    gold: dict[str, Any]
    starts: tuple[int, ...]

    @property
    def attributions(self) -> list[dict[str, Any]]:
        return self.gold["attributions"]

    def joint_names(self, index: int) -> set[str]:
        """Speakers of every gold entry with the same content ("X and Y said")."""
        return {
            a["speaker"]
            for a, start in zip(self.attributions, self.starts, strict=True)
            if start == self.starts[index]
        }


def _stems() -> list[str]:
    """Every fixture that has gold; the stem is the test id."""
    return sorted(p.name.removesuffix(".expected.yaml") for p in FIXTURES.glob("*.expected.yaml"))


@functools.cache
def load_fixture(stem: str) -> Fixture:
    """Read a fixture; gold contents are located in order, as fixtures/validate.py does."""
    text = (FIXTURES / f"{stem}.txt").read_text(encoding="utf-8")
    gold = yaml.safe_load((FIXTURES / f"{stem}.expected.yaml").read_text(encoding="utf-8"))
    starts, pos = [], 0
    for a in gold["attributions"]:
        pos = text.find(a["content_starts"], pos)
        assert pos >= 0, f"{stem}: run fixtures/validate.py ({a['content_starts']!r})"
        starts.append(pos)
    return Fixture(stem, text, gold, tuple(starts))


def _xfail_param(values: tuple[Any, ...], test_id: str, reason: str | None) -> Any:
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(*values, id=test_id, marks=marks)


def gold_attribution_params() -> list[Any]:
    """(stem, index) for every gold attribution, built at collection time."""
    return [
        _xfail_param((stem, i), f"{stem}-{i}", a.get("xfail"))
        for stem in _stems()
        for i, a in enumerate(load_fixture(stem).attributions)
    ]


def not_attribution_params() -> list[Any]:
    """(stem, string) for every gold ``not_attributions`` string."""
    params = []
    for stem in _stems():
        gold = load_fixture(stem).gold
        known = gold.get("not_attributions_xfail") or {}
        for k, string in enumerate(gold.get("not_attributions") or []):
            params.append(_xfail_param((stem, string), f"{stem}-not-{k}", known.get(string)))
    return params


# --- running the engine ------------------------------------------------------------------


def run(engine: Attributor, fixture: Fixture) -> Doc:
    published = fixture.gold["published"]
    return engine.attribute(fixture.text, doc_id=fixture.stem, published=str(published))


@pytest.fixture(scope="session")
def predicted(attributor: Attributor) -> Callable[[str], Doc]:
    """The coreferee output per fixture, computed once: most tests only read it."""
    return functools.cache(lambda stem: run(attributor, load_fixture(stem)))


# --- contract invariants -----------------------------------------------------------------


def iter_spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every ``{start, end, text}`` object anywhere in the output."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            yield node
        for value in node.values():
            yield from iter_spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from iter_spans(value)


def contract_problems(doc: Doc, text: str) -> list[str]:
    """What is wrong with ``doc`` as a contract document for ``text`` (empty: nothing)."""
    problems = [f"{p.path}: {p.message}" for p in validate_document(doc, text)]
    for span in iter_spans(doc):
        if span["text"] != text[span["start"] : span["end"]]:
            problems.append(f"span text {span['text']!r} != text[{span['start']}:{span['end']}]")
    contents = [content_span(a) for a in doc["attributions"]]
    if len(set(contents)) != len(contents):
        problems.append("two attributions share a content span (the contract allows one)")
    return problems


def content_span(attribution: dict[str, Any]) -> tuple[int, int]:
    return attribution["content"]["start"], attribution["content"]["end"]


@pytest.mark.parametrize("stem", _stems())
def test_contract_invariants(stem: str, attributor: Attributor, predicted) -> None:
    """Schema-valid, every span quotes the text exactly, and a rerun is identical."""
    fixture = load_fixture(stem)
    doc = predicted(stem)
    assert contract_problems(doc, fixture.text) == []
    assert run(attributor, fixture) == doc, "a second run gave a different document"


@pytest.mark.parametrize("stem", _stems())
def test_rule_coreference_finds_the_same_contents(
    stem: str, attributor_rules: Attributor, predicted
) -> None:
    """Without coreferee only speakers may change: contents come from quotes and cues."""
    fixture = load_fixture(stem)
    doc = run(attributor_rules, fixture)
    assert contract_problems(doc, fixture.text) == []
    assert run(attributor_rules, fixture) == doc, "a second run gave a different document"
    spans = {content_span(a) for a in doc["attributions"]}
    assert spans == {content_span(a) for a in predicted(stem)["attributions"]}


# --- gold attributions -------------------------------------------------------------------


def find_prediction(doc: Doc, fixture: Fixture, index: int) -> dict[str, Any] | None:
    """The predicted attribution whose content starts where the gold content does.

    The predicted content may begin with "that " and/or one opening quote mark before the
    words the gold gives.
    """
    start, words = fixture.starts[index], fixture.attributions[index]["content_starts"]
    for attribution in doc["attributions"]:
        content = attribution["content"]
        lead = start - content["start"]
        if (
            lead >= 0
            and CONTENT_LEAD.fullmatch(content["text"][:lead])
            and content["text"][lead:].startswith(words)
        ):
            return attribution
    return None


def normalise(name: str | None) -> str | None:
    """Names (speakers, outlets, audiences) compare case-insensitively, without "the "."""
    if name is None:
        return None
    name = " ".join(name.casefold().split())
    return name.removeprefix("the ")


def speaker_matches(predicted_name: str | None, gold_name: str, joint: set[str]) -> bool:
    """Equal names; for "X and Y said" also a group speaker that names this person."""
    got, want = normalise(predicted_name), normalise(gold_name)
    if got is None:
        return False
    return got == want or (len(joint) > 1 and want in got)


def by_id(doc: Doc, section: str, ident: str | None) -> dict[str, Any] | None:
    return next((x for x in doc[section] if x["id"] == ident), None) if ident else None


def gold_problems(doc: Doc, fixture: Fixture, index: int) -> list[str]:
    """Every way the prediction differs from gold entry ``index`` (empty: it matches)."""
    gold = fixture.attributions[index]
    found = find_prediction(doc, fixture, index)
    if found is None:
        return [f"no predicted content starts with {gold['content_starts']!r}"]
    speaker = by_id(doc, "speakers", found["speaker"]) or {}
    source = by_id(doc, "sources", found["source"]) or {}
    problems = []

    def differs(field: str, want: Any, got: Any) -> None:
        if want != got:
            problems.append(f"{field}: expected {want!r}, got {got!r}")

    if not speaker_matches(speaker.get("name"), gold["speaker"], fixture.joint_names(index)):
        problems.append(f"speaker: expected {gold['speaker']!r}, got {speaker.get('name')!r}")
    differs("kind", gold["kind"], found["kind"])
    if gold["cue"] is not None:
        differs("cue", gold["cue"], (found.get("cue") or {}).get("text"))
    if "fragments" in gold:
        differs("quoted fragments", gold["fragments"], len(found["quotes"]))
    differs("source", gold["source"], source.get("kind", "unspecified"))
    for field in ("outlet", "audience"):
        if gold[field] is not None and normalise(gold[field]) != normalise(source.get(field)):
            problems.append(f"{field}: expected {gold[field]!r}, got {source.get(field)!r}")
    problems += same_source_problems(doc, fixture, index, found)
    return problems


def same_source_problems(
    doc: Doc, fixture: Fixture, index: int, found: dict[str, Any]
) -> list[str]:
    """``same_source_as``: both predictions point to one source (unless none is named)."""
    ref = fixture.attributions[index]["same_source_as"]
    if ref is None or fixture.attributions[ref]["source"] == "unspecified":
        return []
    other = find_prediction(doc, fixture, ref)
    if other is None:
        return [f"same_source_as: attribution [{ref}] was not found"]
    if found["source"] is None or found["source"] != other["source"]:
        return [f"same_source_as [{ref}]: source {found['source']!r} vs {other['source']!r}"]
    return []


@pytest.mark.parametrize(("stem", "index"), gold_attribution_params())
def test_gold_attribution(stem: str, index: int, predicted) -> None:
    """The engine finds this content and credits the gold speaker, cue and source."""
    assert gold_problems(predicted(stem), load_fixture(stem), index) == []


@pytest.mark.parametrize(("stem", "string"), not_attribution_params())
def test_not_attribution(stem: str, string: str, predicted) -> None:
    """Scare quotes, titles, bylines and credits never become attribution content.

    Only a content that is, or starts with, the string (after "that "/a quote mark) is
    wrong: a scare quote inside a larger, legitimate content is fine.
    """
    for attribution in predicted(stem)["attributions"]:
        text = attribution["content"]["text"]
        bare = text[CONTENT_LEAD.match(text).end() :]
        assert not (text.startswith(string) or bare.startswith(string)), text
