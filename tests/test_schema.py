"""The output schema and the contract checks of attribution.schema."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from attribution.schema import SchemaProblem, format_problems, load_schema, validate_document

TEXT = (
    'Mayor Ana Ruiz said on Monday that the bridge would reopen "within weeks." '
    '"We are nearly done," she told reporters.\n'
)
TEXT_SHA256 = "36c79294396a017a7105fb8af14ed403abf93c249d139bd8749a1826a0d055c9"


def make_document() -> dict[str, Any]:
    """A valid output for TEXT, written by hand."""
    return {
        "schema_version": "1.0",
        "document": {
            "id": "bridge",
            "source_path": "seeds/bridge.txt",
            "sha256": TEXT_SHA256,
            "length": 117,
            "published": "2024-08-06",
        },
        "engine": {
            "name": "attribution",
            "version": "0.1.0",
            "spacy_model": "en_core_web_sm 3.8.0",
            "coreference": "rules",
        },
        "speakers": [
            {
                "id": "s1",
                "name": "Ana Ruiz",
                "kind": "person",
                "titles": ["Mayor"],
                "affiliation": None,
                "mentions": [
                    {"start": 0, "end": 14, "text": "Mayor Ana Ruiz"},
                    {"start": 97, "end": 100, "text": "she"},
                ],
            }
        ],
        "sources": [
            {
                "id": "r1",
                "kind": "unspecified",
                "outlet": None,
                "audience": None,
                "when": "Monday",
                "date": "2024-08-05",
                "place": None,
                "issuer": "s1",
                "via": None,
                "mentions": [{"start": 20, "end": 29, "text": "on Monday"}],
            },
            {
                "id": "r2",
                "kind": "remarks",
                "outlet": None,
                "audience": "reporters",
                "when": None,
                "date": None,
                "place": None,
                "issuer": "s1",
                "via": None,
                "mentions": [{"start": 101, "end": 115, "text": "told reporters"}],
            },
        ],
        "attributions": [
            {
                "id": "a1",
                "kind": "mixed",
                "content": {
                    "start": 30,
                    "end": 74,
                    "text": 'that the bridge would reopen "within weeks."',
                },
                "quotes": [{"start": 59, "end": 74, "text": '"within weeks."'}],
                "cue": {"start": 15, "end": 19, "text": "said", "lemma": "say", "class": "neutral"},
                "speaker": "s1",
                "speaker_mention": {"start": 0, "end": 14, "text": "Mayor Ana Ruiz"},
                "source": "r1",
                "nested_in": None,
                "confidence": 0.9,
                "rule": "speech-verb-subject",
            },
            {
                "id": "a2",
                "kind": "direct",
                "content": {"start": 75, "end": 96, "text": '"We are nearly done,"'},
                "quotes": [{"start": 75, "end": 96, "text": '"We are nearly done,"'}],
                "cue": {
                    "start": 101,
                    "end": 105,
                    "text": "told",
                    "lemma": "tell",
                    "class": "neutral",
                },
                "speaker": "s1",
                "speaker_mention": {"start": 97, "end": 100, "text": "she"},
                "source": "r2",
                "nested_in": None,
                "confidence": 0.75,
                "rule": "quote-then-speech-verb",
            },
        ],
        "warnings": [
            {"code": "coref-disabled", "message": "coreference was switched off (--no-coref)"}
        ],
    }


def paths(problems: list[SchemaProblem]) -> list[str]:
    return [problem.path for problem in problems]


# --- the schema itself --------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]
    assert schema["title"]
    assert schema["properties"]["schema_version"] == {
        "description": schema["properties"]["schema_version"]["description"],
        "const": "1.0",
    }


def _objects(node: object, where: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema that declares properties, with where it is in the schema."""
    if isinstance(node, dict):
        if "properties" in node:
            yield where, node
        for key, value in node.items():
            yield from _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _objects(value, f"{where}/{index}")


def test_every_property_has_a_description() -> None:
    missing = [
        f"{where}/{name}"
        for where, node in _objects(load_schema())
        for name, prop in node["properties"].items()
        if not prop.get("description")
    ]
    assert missing == []


def test_every_object_is_closed_and_requires_its_contract_fields() -> None:
    optional = {"explain"}  # the one optional field: only written with --explain
    for where, node in _objects(load_schema()):
        assert node["additionalProperties"] is False, where
        assert set(node["required"]) == set(node["properties"]) - optional, where


def test_error_record_def_can_be_referenced() -> None:
    schema = load_schema()
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    record_schema = {"$ref": f"{schema['$id']}#/$defs/errorRecord"}
    validator = Draft202012Validator(record_schema, registry=registry)
    good = {"id": "x", "error": {"code": "input-not-utf8", "message": "x.txt: not valid UTF-8"}}
    assert list(validator.iter_errors(good)) == []
    bad = {"id": "x", "error": {"code": "Input Not UTF8", "message": "…"}, "line": 3}
    assert len(list(validator.iter_errors(bad))) == 2


# --- valid documents ----------------------------------------------------------------


def test_hand_built_document_is_valid() -> None:
    assert validate_document(make_document()) == []


def test_hand_built_document_matches_its_text() -> None:
    assert validate_document(make_document(), text=TEXT) == []


def test_plain_schema_validation_agrees() -> None:
    validator = Draft202012Validator(load_schema(), format_checker=FormatChecker())
    assert list(validator.iter_errors(make_document())) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("attributions", 1, "cue"), None),  # continuation quote with no cue of its own
        (("attributions", 1, "speaker"), None),
        (("attributions", 1, "speaker_mention"), None),
        (("attributions", 1, "source"), None),
        (("attributions", 1, "nested_in"), "a1"),
        (("attributions", 0, "explain"), {"base": 0.9, "adjustments": []}),
        (("document", "source_path"), None),
        (("document", "published"), None),
        (("sources", 0, "issuer"), None),
        (("speakers", 0, "affiliation"), "City of Springfield"),
        (("warnings",), []),
    ],
)
def test_allowed_variations_stay_valid(path: tuple[str | int, ...], value: object) -> None:
    doc = make_document()
    _set(doc, path, value)
    assert validate_document(doc, text=TEXT) == []


# --- corruptions --------------------------------------------------------------------


def _set(doc: dict[str, Any], path: tuple[str | int, ...], value: object) -> None:
    target: Any = doc
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _delete(doc: dict[str, Any], path: tuple[str | int, ...]) -> None:
    target: Any = doc
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]


def setting(*path: str | int, to: object) -> Callable[[dict[str, Any]], None]:
    return lambda doc: _set(doc, path, to)


def deleting(*path: str | int) -> Callable[[dict[str, Any]], None]:
    return lambda doc: _delete(doc, path)


# fmt: off
CORRUPTIONS = [
    # (name, change, check against TEXT?, expected path, words expected in the message)
    ("wrong enum", setting("attributions", 0, "kind", to="quote"), False,
     "$.attributions[0].kind", "is not one of"),
    ("wrong cue class", setting("attributions", 1, "cue", "class", to="said"), False,
     "$.attributions[1].cue.class", "is not one of"),
    ("wrong speaker kind", setting("speakers", 0, "kind", to="human"), False,
     "$.speakers[0].kind", "is not one of"),
    ("wrong source kind", setting("sources", 1, "kind", to="tweet"), False,
     "$.sources[1].kind", "is not one of"),
    ("wrong coreference", setting("engine", "coreference", to="neural"), False,
     "$.engine.coreference", "is not one of"),
    ("wrong schema version", setting("schema_version", to="2.0"), False,
     "$.schema_version", "'1.0' was expected"),
    ("missing required key", deleting("attributions", 1, "rule"), False,
     "$.attributions[1]", "'rule' is a required property"),
    ("missing nullable key", deleting("sources", 0, "via"), False,
     "$.sources[0]", "'via' is a required property"),
    ("missing top-level key", deleting("warnings"), False,
     "$", "'warnings' is a required property"),
    ("extra key", setting("speakers", 0, "gender", to="f"), False,
     "$.speakers[0]", "'gender' was unexpected"),
    ("extra key in a span", setting("attributions", 0, "content", "label", to="x"), False,
     "$.attributions[0].content", "'label' was unexpected"),
    ("extra top-level key", setting("stats", to={}), False,
     "$", "'stats' was unexpected"),
    ("dangling speaker id", setting("attributions", 1, "speaker", to="s9"), False,
     "$.attributions[1].speaker", "'s9' is not the id of any speaker"),
    ("dangling source id", setting("attributions", 0, "source", to="r3"), False,
     "$.attributions[0].source", "'r3' is not the id of any source"),
    ("dangling nested_in", setting("attributions", 0, "nested_in", to="a7"), False,
     "$.attributions[0].nested_in", "'a7' is not the id of any attribution"),
    ("nested in itself", setting("attributions", 0, "nested_in", to="a1"), False,
     "$.attributions[0].nested_in", "refers to the item itself"),
    ("dangling issuer", setting("sources", 0, "issuer", to="s2"), False,
     "$.sources[0].issuer", "'s2' is not the id of any speaker"),
    ("duplicate id", setting("sources", 1, "id", to="r1"), False,
     "$.sources[1].id", "duplicate id 'r1' (first used at $.sources[0].id)"),
    ("bad id pattern", setting("attributions", 0, "id", to="q1"), False,
     "$.attributions[0].id", "does not match"),
    ("span text mismatch", setting("attributions", 0, "cue", "text", to="says"), True,
     "$.attributions[0].cue.text", "'says' is not text[15:19] ('said')"),
    ("mention text mismatch", setting("speakers", 0, "mentions", 1, "text", to="her"), True,
     "$.speakers[0].mentions[1].text", "is not text[97:100]"),
    ("quote text mismatch", setting("attributions", 1, "quotes", 0, "start", to=74), True,
     "$.attributions[1].quotes[0].text", "is not text[74:96]"),
    ("length mismatch", setting("document", "length", to=116), True,
     "$.document.length", "is not the length of the text (117)"),
    ("checksum mismatch", setting("document", "sha256", to="0" * 64), True,
     "$.document.sha256", "is not the SHA-256 of the text"),
    ("bad date shape", setting("document", "published", to="06/08/2024"), False,
     "$.document.published", "does not match"),
    ("impossible date", setting("sources", 0, "date", to="2024-02-30"), False,
     "$.sources[0].date", "is not a 'date'"),
    ("negative offset", setting("attributions", 0, "cue", "start", to=-1), False,
     "$.attributions[0].cue.start", "less than the minimum of 0"),
    ("negative offset in a mention", setting("sources", 0, "mentions", 0, "start", to=-3), False,
     "$.sources[0].mentions[0].start", "less than the minimum of 0"),
    ("float offset", setting("attributions", 1, "speaker_mention", "end", to=100.0), False,
     "$.attributions[1].speaker_mention.end", "100.0 is not written as an integer"),
    ("string offset", setting("attributions", 1, "speaker_mention", "end", to="100"), False,
     "$.attributions[1].speaker_mention.end", "is not of type 'integer'"),
    ("end before start", setting("attributions", 0, "content", "end", to=20), False,
     "$.attributions[0].content.end", "end 20 is before start 30"),
    ("end past the document", setting("attributions", 1, "content", "end", to=200), False,
     "$.attributions[1].content.end", "past the end of the document (length 117)"),
    ("confidence above 1", setting("attributions", 0, "confidence", to=1.5), False,
     "$.attributions[0].confidence", "greater than the maximum of 1"),
    ("bad checksum shape", setting("document", "sha256", to="ABC"), False,
     "$.document.sha256", "does not match"),
    ("warning code not kebab-case", setting("warnings", 0, "code", to="CorefDisabled"), False,
     "$.warnings[0].code", "does not match"),
    ("explain not an object", setting("attributions", 0, "explain", to="base 0.9"), False,
     "$.attributions[0].explain", "is not of type 'object'"),
]
# fmt: on


@pytest.mark.parametrize(
    ("change", "with_text", "path", "words"),
    [case[1:] for case in CORRUPTIONS],
    ids=[case[0] for case in CORRUPTIONS],
)
def test_corruption_is_reported_at_its_path(
    change: Callable[[dict[str, Any]], None], with_text: bool, path: str, words: str
) -> None:
    doc = make_document()
    change(doc)
    problems = validate_document(doc, text=TEXT if with_text else None)
    assert path in paths(problems), problems
    assert any(p.path == path and words in p.message for p in problems), problems


def test_span_texts_are_only_checked_when_text_is_given() -> None:
    doc = make_document()
    doc["attributions"][0]["cue"]["text"] = "says"
    assert validate_document(doc) == []
    assert paths(validate_document(doc, text=TEXT)) == ["$.attributions[0].cue.text"]


def test_nullable_span_reports_the_inner_field_not_any_of() -> None:
    doc = make_document()
    doc["attributions"][0]["cue"]["start"] = -1
    problems = validate_document(doc)
    assert problems == [
        SchemaProblem("$.attributions[0].cue.start", "-1 is less than the minimum of 0")
    ]


def test_problems_are_sorted_by_path_with_numeric_indexes() -> None:
    doc = make_document()
    doc["attributions"] = [copy.deepcopy(doc["attributions"][0]) for _ in range(12)]
    for index, attribution in enumerate(doc["attributions"]):
        attribution["id"] = f"a{index + 1}"
    doc["attributions"][10]["kind"] = "quote"
    doc["attributions"][2]["kind"] = "quote"
    doc["document"]["length"] = -1
    problems = validate_document(doc)
    assert paths(problems) == [
        "$.attributions[2].kind",
        "$.attributions[10].kind",
        "$.document.length",
    ]
    assert validate_document(doc) == problems  # deterministic


def test_malformed_document_does_not_crash_the_semantic_checks() -> None:
    doc = make_document()
    doc["speakers"] = "s1"
    doc["attributions"][0]["content"] = None
    doc["attributions"][1] = 7
    problems = validate_document(doc, text=TEXT)
    assert "$.speakers" in paths(problems)
    assert "$.attributions[0].content" in paths(problems)
    assert "$.attributions[1]" in paths(problems)
    assert paths(validate_document([], text=TEXT)) == ["$"]  # type: ignore[arg-type]


def test_format_problems() -> None:
    doc = make_document()
    doc["attributions"][0]["kind"] = "quote"
    lines = format_problems(validate_document(doc), "out.json")
    assert lines == [
        "out.json: $.attributions[0].kind: 'quote' is not one of ['direct', 'indirect', 'mixed']"
    ]


def test_format_problems_keeps_each_problem_on_one_short_line() -> None:
    long = SchemaProblem("$", "first line\n" + "x" * 1000)
    (line,) = format_problems([long], "-")
    assert "\n" not in line
    assert line.startswith("-: $: first line xxx")
    assert len(line) < 320
