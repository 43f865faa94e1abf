"""Build the contract document: deterministic ids, spans with their text, warnings.

Nothing here reads the parse; it only turns the stages' results into JSON-ready data,
in a fixed order, so the same input always gives byte-identical output.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import __version__
from .attribute import Attribution, Span
from .sources import LinkedSources
from .speakers import ResolvedSpeakers

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    text: str
    source_path: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class EngineInfo:
    spacy_model: str
    coreference: str


def build_document(
    info: DocumentInfo,
    engine: EngineInfo,
    attributions: Sequence[Attribution],
    speakers: ResolvedSpeakers,
    sources: LinkedSources,
    warnings: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    text = info.text
    speaker_ids = [f"s{i + 1}" for i in range(len(speakers.speakers))]
    source_order = sorted(
        range(len(sources.sources)), key=lambda i: min(sources.sources[i].mentions or {(0, 0)})
    )
    source_ids = {old: f"r{rank + 1}" for rank, old in enumerate(source_order)}
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {
            "id": info.id,
            "source_path": info.source_path,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "length": len(text),
            "published": info.published,
        },
        "engine": {
            "name": "attribution",
            "version": __version__,
            "spacy_model": engine.spacy_model,
            "coreference": engine.coreference,
        },
        "speakers": [
            {
                "id": speaker_ids[i],
                "name": s.name,
                "kind": s.kind,
                "titles": list(s.titles),
                "affiliation": s.affiliation,
                "mentions": [_span(text, m) for m in sorted(s.mentions)],
            }
            for i, s in enumerate(speakers.speakers)
        ],
        "sources": [
            {
                "id": source_ids[i],
                "kind": s.kind,
                "outlet": s.outlet,
                "audience": s.audience,
                "when": s.when,
                "date": s.date,
                "place": s.place,
                "issuer": speaker_ids[s.speaker] if s.speaker is not None else None,
                "via": s.via,
                "mentions": [_span(text, m) for m in sorted(s.mentions)],
            }
            for i in source_order
            for s in [sources.sources[i]]
        ],
        "attributions": _attributions(
            text, attributions, speaker_ids, speakers, sources, source_ids
        ),
        "warnings": [{"code": code, "message": message} for code, message in warnings],
    }


def _attributions(
    text: str,
    attributions: Sequence[Attribution],
    speaker_ids: list[str],
    speakers: ResolvedSpeakers,
    sources: LinkedSources,
    source_ids: dict[int, str],
) -> list[dict[str, Any]]:
    ids = [f"a{i + 1}" for i in range(len(attributions))]
    result = []
    for index, a in enumerate(attributions):
        speaker = speakers.of_attribution[index]
        source = sources.of_attribution[index]
        mention, previous = a.speaker, a.continues
        while mention is None and previous is not None:  # a continuation's chain head
            mention, previous = attributions[previous].speaker, attributions[previous].continues
        result.append(
            {
                "id": ids[index],
                "kind": a.kind,
                "content": _span(text, a.content),
                "quotes": [_span(text, q) for q in a.quotes],
                "cue": _cue(text, a),
                "speaker": speaker_ids[speaker] if speaker is not None else None,
                "speaker_mention": _span(text, mention) if mention else None,
                "source": source_ids[source] if source is not None else None,
                "nested_in": _nested_in(index, attributions, ids),
                "confidence": a.confidence,
                "rule": a.rule,
            }
        )
    return result


def _cue(text: str, a: Attribution) -> dict[str, Any] | None:
    if a.cue is None:
        return None
    return {**_span(text, a.cue), "lemma": a.lemma, "class": a.cue_class}


def _nested_in(index: int, attributions: Sequence[Attribution], ids: list[str]) -> str | None:
    """The smallest other attribution whose content holds this one's cue and content."""
    inner = attributions[index]
    anchor = inner.cue or inner.content
    holders = [
        (outer.content[1] - outer.content[0], ids[i])
        for i, outer in enumerate(attributions)
        if i != index
        and outer.content[0] <= anchor[0]
        and anchor[1] <= outer.content[1]
        and outer.content != inner.content
        and outer.content[0] <= inner.content[0]
        and inner.content[1] <= outer.content[1]
    ]
    return min(holders)[1] if holders else None


def _span(text: str, span: Span) -> dict[str, Any]:
    return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}
