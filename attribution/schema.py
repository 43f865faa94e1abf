"""The output contract in machine-checked form: load the schema, validate a document.

``schemas/attribution.schema.json`` (installed as the package ``attribution._schemas``)
checks the shape of an output document. A few rules of the contract cannot be written in
JSON Schema; the small ``_check_*`` functions below check those:

- ids are unique, and every id an attribution or a source refers to exists;
- every span has ``start <= end <= document.length``;
- given the document text: ``document.length`` and ``document.sha256`` match it, and
  every span's ``text == text[start:end]``.

Every problem carries a JSON path such as ``$.attributions[3].cue.start``.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

SCHEMA_PACKAGE = "attribution._schemas"
SCHEMA_FILE = "attribution.schema.json"

# Longest message format_problems prints on one line before cutting it short.
_MAX_MESSAGE = 300

PathParts = tuple[str | int, ...]
_Found = tuple[PathParts, str]


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    """One way a document breaks the contract."""

    path: str  # JSON path of the offending value, e.g. "$.attributions[3].cue.start"
    message: str


@functools.lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The output schema as a dict. Cached: treat it as read-only."""
    resource = files(SCHEMA_PACKAGE) / SCHEMA_FILE
    return json.loads(resource.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema(), format_checker=FormatChecker())


def validate_document(doc: dict[str, Any], text: str | None = None) -> list[SchemaProblem]:
    """Every problem with ``doc``, sorted by path; an empty list means it is valid.

    ``text`` is the document text the offsets refer to; when given, the length, the
    checksum and the text of every span are checked against it too.
    """
    found: list[_Found] = []
    for error in _validator().iter_errors(doc):
        found.extend((tuple(leaf.absolute_path), leaf.message) for leaf in _leaf_errors(error))
    if isinstance(doc, Mapping):  # otherwise the schema has said all there is to say
        found.extend(_check_unique_ids(doc))
        found.extend(_check_references(doc))
        found.extend(_check_span_bounds(doc))
        if text is not None:
            found.extend(_check_document_text(doc, text))
            found.extend(_check_span_texts(doc, text))
    unique = sorted(set(found), key=lambda item: (_sort_key(item[0]), item[1]))
    return [SchemaProblem(_json_path(parts), message) for parts, message in unique]


def format_problems(problems: Iterable[SchemaProblem], path_label: str) -> list[str]:
    """One line per problem: ``out.json: $.attributions[0].kind: 'quote' is not one of …``."""
    lines = []
    for problem in problems:
        message = " ".join(problem.message.split())
        if len(message) > _MAX_MESSAGE:
            message = message[: _MAX_MESSAGE - 1] + "…"
        lines.append(f"{path_label}: {problem.path}: {message}")
    return lines


# --- JSON Schema errors -------------------------------------------------------------


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    """The errors worth reporting for ``error``.

    A nullable object is written ``anyOf: [{$ref: …}, {type: null}]``; when a non-null
    value fails, report what is wrong inside it (``….cue.start: -1 is less than the
    minimum of 0``) rather than "is not valid under any of the given schemas".
    """
    if error.validator in ("anyOf", "oneOf") and error.context:
        branches: dict[int, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
        failing = [errs for errs in branches.values() if not _is_null_mismatch(errs)]
        if len(failing) == 1:
            for sub in failing[0]:
                yield from _leaf_errors(sub)
            return
    yield error


def _is_null_mismatch(errors: list[ValidationError]) -> bool:
    return (
        len(errors) == 1
        and errors[0].validator == "type"
        and errors[0].validator_value == "null"
        and not errors[0].relative_path
    )


# --- rules a schema cannot express --------------------------------------------------

# (list in the document, fields of each item that hold ids, and the list they point into)
_REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("attributions", "speaker", "speakers"),
    ("attributions", "source", "sources"),
    ("attributions", "nested_in", "attributions"),
    ("sources", "issuer", "speakers"),
)
_ID_LISTS = ("speakers", "sources", "attributions")
_SINGULAR = {"speakers": "speaker", "sources": "source", "attributions": "attribution"}


def _check_unique_ids(doc: Mapping[str, Any]) -> Iterator[_Found]:
    """Within each of speakers, sources and attributions, no id is used twice."""
    for list_name in _ID_LISTS:
        first_seen: dict[str, int] = {}
        for index, item in _items(doc, list_name):
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            if item_id in first_seen:
                where = _json_path((list_name, first_seen[item_id], "id"))
                yield (list_name, index, "id"), f"duplicate id {item_id!r} (first used at {where})"
            else:
                first_seen[item_id] = index


def _check_references(doc: Mapping[str, Any]) -> Iterator[_Found]:
    """Every id that an attribution or a source refers to exists (and is not its own)."""
    known = {name: {item.get("id") for _, item in _items(doc, name)} for name in _ID_LISTS}
    for list_name, field, target in _REFERENCES:
        for index, item in _items(doc, list_name):
            ref = item.get(field)
            if not isinstance(ref, str):
                continue
            if ref not in known[target]:
                yield (list_name, index, field), f"{ref!r} is not the id of any {_SINGULAR[target]}"
            elif list_name == target and ref == item.get("id"):
                yield (list_name, index, field), f"{ref!r} refers to the item itself"


def _check_span_bounds(doc: Mapping[str, Any]) -> Iterator[_Found]:
    """Every span has integer offsets, start <= end, and end <= document.length.

    JSON Schema counts 3.0 as an integer; Python cannot slice with it, so it is refused.
    """
    document = doc.get("document")
    length = document.get("length") if isinstance(document, Mapping) else None
    if not _is_int(length) or length < 0:
        length = None
    for parts, span in _iter_spans(doc):
        start, end = span.get("start"), span.get("end")
        for name, value in (("start", start), ("end", end)):
            if isinstance(value, float) and value.is_integer():
                yield (*parts, name), f"{value!r} is not written as an integer"
        if _is_int(start) and _is_int(end) and start > end:
            yield (*parts, "end"), f"end {end} is before start {start}"
        if length is not None and _is_int(end) and end > length:
            yield (*parts, "end"), f"end {end} is past the end of the document (length {length})"


def _check_document_text(doc: Mapping[str, Any], text: str) -> Iterator[_Found]:
    """document.length and document.sha256 describe ``text``."""
    document = doc.get("document")
    if not isinstance(document, Mapping):
        return
    length = document.get("length")
    if _is_int(length) and length != len(text):
        yield ("document", "length"), f"{length} is not the length of the text ({len(text)})"
    checksum = document.get("sha256")
    actual = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if isinstance(checksum, str) and checksum != actual:
        yield ("document", "sha256"), f"{checksum!r} is not the SHA-256 of the text ({actual!r})"


def _check_span_texts(doc: Mapping[str, Any], text: str) -> Iterator[_Found]:
    """Every span's text is exactly ``text[start:end]``."""
    for parts, span in _iter_spans(doc):
        start, end, written = span.get("start"), span.get("end"), span.get("text")
        if not (_is_int(start) and _is_int(end) and isinstance(written, str)):
            continue
        if not 0 <= start <= end <= len(text):
            continue  # reported by the schema or by _check_span_bounds
        actual = text[start:end]
        if written != actual:
            yield (*parts, "text"), f"{written!r} is not text[{start}:{end}] ({actual!r})"


def _iter_spans(doc: Mapping[str, Any]) -> Iterator[tuple[PathParts, Mapping[str, Any]]]:
    """Every span in the document (mentions, content, quotes, cue, speaker mention)."""
    for list_name in ("speakers", "sources"):
        for index, item in _items(doc, list_name):
            yield from _spans_in((list_name, index, "mentions"), item.get("mentions"))
    for index, item in _items(doc, "attributions"):
        for field in ("content", "cue", "speaker_mention"):
            value = item.get(field)
            if isinstance(value, Mapping):
                yield ("attributions", index, field), value
        yield from _spans_in(("attributions", index, "quotes"), item.get("quotes"))


def _spans_in(parts: PathParts, value: object) -> Iterator[tuple[PathParts, Mapping[str, Any]]]:
    if isinstance(value, list):
        for index, span in enumerate(value):
            if isinstance(span, Mapping):
                yield (*parts, index), span


def _items(doc: Mapping[str, Any], list_name: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """(index, item) for the objects in ``doc[list_name]``; anything malformed is skipped."""
    value = doc.get(list_name)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                yield index, item


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- JSON paths ---------------------------------------------------------------------


def _json_path(parts: Sequence[str | int]) -> str:
    """``("attributions", 3, "cue", "start")`` -> ``$.attributions[3].cue.start``."""
    path = "$"
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.isidentifier():
            path += f".{part}"
        else:
            path += f"[{json.dumps(part)}]"
    return path


def _sort_key(parts: Sequence[str | int]) -> tuple[tuple[int, int, str], ...]:
    """Sort paths the way a reader expects: [2] before [10], keys alphabetically."""
    return tuple((0, part, "") if isinstance(part, int) else (1, 0, part) for part in parts)
