"""The seed article, read as a fact-checker would: each attribution the issue names.

Attributions are found by the words their content starts with, never by offsets, so
these tests check what the engine reads, not where a previous run put things.
"""

from __future__ import annotations

from typing import Any

import pytest

from attribution.schema import validate_document


@pytest.fixture(scope="module", params=["coreferee", "rules"])
def seed(request, attributor, attributor_rules, seed_text) -> dict[str, Any]:
    engine = attributor if request.param == "coreferee" else attributor_rules
    return engine.attribute(seed_text, doc_id="seed", published="2024-08-02")


def _find(doc: dict[str, Any], starts: str) -> dict[str, Any]:
    found = [a for a in doc["attributions"] if a["content"]["text"].lstrip('“"').startswith(starts)]
    assert len(found) == 1, f"expected one attribution starting {starts!r}, got {len(found)}"
    return found[0]


def _speaker(doc: dict[str, Any], attribution: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in doc["speakers"] if s["id"] == attribution["speaker"])


def _source(doc: dict[str, Any], attribution: dict[str, Any]) -> dict[str, Any] | None:
    return next((s for s in doc["sources"] if s["id"] == attribution["source"]), None)


# (content starts with, speaker name, speaker kind, cue text, kind, source kind or None)
EXPECTED = [
    ("they are coordinating", "Israeli defense officials", "group", "say", "indirect", None),
    ("that he spoke with his American", "Yoav Gallant", "person", "said", "mixed", "statement"),
    ("that the U.S. “certainly will help", "Lloyd Austin", "person", "reiterated", "mixed", None),
    ("Austin, who earlier this week", "the Pentagon", "organization", "said", "mixed", None),
    ("that the Pentagon is ensuring", "John Kirby", "person", "said", "mixed", "interview"),
    (
        "President Joe Biden on Thursday",
        "the White House",
        "organization",
        "said",
        "mixed",
        "statement",
    ),
    ("he also pressed the Israeli leader", "Joe Biden", "person", "told", "mixed", "remarks"),
    ("Meeting with senior leaders", "John Healey", "person", "said", "direct", "statement"),
    ("We also need to see", "John Healey", "person", None, "direct", "statement"),
    ("Abraham Alliance", "Benjamin Netanyahu", "person", "termed", "direct", "speech"),
    ("he “emphasized the importance", "Yoav Gallant", "person", "said", "mixed", "statement"),
]


@pytest.mark.parametrize(("starts", "name", "kind", "cue", "quote_kind", "source"), EXPECTED)
def test_seed_attribution(seed, starts, name, kind, cue, quote_kind, source):
    attribution = _find(seed, starts)
    speaker = _speaker(seed, attribution)
    assert (speaker["name"], speaker["kind"]) == (name, kind)
    assert (attribution["cue"] or {}).get("text") == cue
    assert attribution["kind"] == quote_kind
    found = _source(seed, attribution)
    assert (found["kind"] if found else None) in ({source} if source else {None, "unspecified"})


def test_gallant_statements_share_one_source(seed):
    first = _find(seed, "that he spoke with his American")
    second = _find(seed, "he “emphasized the importance")
    assert first["source"] == second["source"] is not None
    assert _source(seed, first)["when"] == "Friday"
    assert _source(seed, first)["date"] == "2024-08-02"


def test_healey_quotes_share_one_source_and_full_name(seed):
    first = _find(seed, "Meeting with senior leaders")
    second = _find(seed, "We also need to see")
    assert first["source"] == second["source"] is not None
    assert first["speaker_mention"]["text"] == "UK’s Healey"
    assert first["rule"] != second["rule"] == "continuation-quote"
    assert second["confidence"] < first["confidence"]


def test_kirby_title_and_cnn_interview(seed):
    attribution = _find(seed, "that the Pentagon is ensuring")
    speaker = _speaker(seed, attribution)
    assert speaker["titles"] == ["White House spokesman"]
    assert speaker["affiliation"] == "White House"
    assert _source(seed, attribution)["outlet"] == "CNN"


def test_biden_remarks_to_reporters(seed):
    source = _source(seed, _find(seed, "he also pressed the Israeli leader"))
    assert (source["kind"], source["audience"]) == ("remarks", "reporters")


def test_netanyahu_speech_audience(seed):
    source = _source(seed, _find(seed, "Abraham Alliance"))
    assert source["audience"] == "a joint meeting of the US Congress"
    assert source["when"] is None or "last week" in source["when"]


def test_pentagon_not_austin(seed):
    attribution = _find(seed, "Austin, who earlier this week")
    assert attribution["speaker_mention"]["text"] == "the Pentagon"
    nested = _find(seed, "that the U.S. “certainly will help")
    assert nested["nested_in"] == attribution["id"]


def test_each_speaker_once(seed):
    names = [s["name"] for s in seed["speakers"]]
    assert len(names) == len(set(names))
    for expected in {row[1] for row in EXPECTED}:
        assert expected in names


def test_credit_and_copyright_lines_are_not_attributions(seed, seed_text):
    tail = seed_text.index("(With assistance from")
    assert all(a["content"]["end"] <= tail for a in seed["attributions"])


def test_output_is_valid_and_stable(seed, seed_text, attributor):
    assert validate_document(seed, seed_text) == []
    for attribution in seed["attributions"]:
        for span in [attribution["content"], *attribution["quotes"]]:
            assert seed_text[span["start"] : span["end"]] == span["text"]
    again = attributor.attribute(seed_text, doc_id="seed", published="2024-08-02")
    if seed["engine"]["coreference"] == "coreferee":
        assert again == seed


def test_engine_reports_coreference_path(seed):
    assert seed["engine"]["coreference"] in {"coreferee", "rules"}
    if seed["engine"]["coreference"] == "rules":
        assert [w["code"] for w in seed["warnings"]] == ["coref-disabled"]
