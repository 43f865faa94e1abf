"""The Attributor: loads the pipeline once, then runs the stages on each document.

read text → parse → find quotes → find cues → attribute → resolve speakers → link
sources → build JSON → validate. Each stage hands a plain result to the next.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from .attribute import attribute as join_attributions
from .cues import CueFinder
from .document import DocumentInfo, EngineInfo, build_document
from .errors import AttributionError
from .models import keep_abbreviations, load_pipeline, text_for_parsing
from .quotes import find_quotes
from .rules import RuleSet, load_rules
from .schema import validate_document
from .sources import link_sources
from .speakers import resolve_speakers


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """``--published`` as a date; a malformed value is a usage error, never a guess."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise AttributionError("bad-date", value=value) from err


class Attributor:
    """Attribute quotes and claims in many documents with one loaded pipeline."""

    def __init__(
        self, model: str | None = None, coref: bool = True, rules: RuleSet | None = None
    ) -> None:
        self._loaded = load_pipeline(model, coref)
        self._rules = rules or load_rules()
        keep_abbreviations(self._loaded.nlp, self._rules)
        self._cues = CueFinder(self._loaded.nlp.vocab, self._rules)
        self._engine = EngineInfo(self._loaded.model, self._loaded.coreference)

    @property
    def engine(self) -> EngineInfo:
        return self._engine

    def attribute(
        self,
        text: str,
        doc_id: str | None = None,
        published: str | dt.date | None = None,
        source_path: str | None = None,
    ) -> dict[str, Any]:
        """One contract document for ``text``."""
        date = parse_date(published)
        self._check_length(text, source_path or doc_id or "document")
        doc = self._loaded.nlp(text_for_parsing(text))
        return self._analyse(doc, text, doc_id or "document", date, source_path)

    def _checked(self, items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, tuple[str, str]]]:
        """``(text to parse, (id, text))`` pairs for ``nlp.pipe``, each checked for length
        on the way."""
        for doc_id, text in items:
            self._check_length(text, doc_id)
            yield text_for_parsing(text), (doc_id, text)

    def _check_length(self, text: str, label: str) -> None:
        """spaCy refuses texts over ``nlp.max_length``; say so before it does."""
        limit = self._loaded.nlp.max_length
        if len(text) > limit:
            raise AttributionError("input-too-long", path=label, length=len(text), limit=limit)

    def pipe(
        self,
        items: Iterable[tuple[str, str]],
        published: str | dt.date | None = None,
        batch_size: int = 16,
    ) -> Iterator[dict[str, Any]]:
        """Contract documents for ``(id, text)`` pairs, parsed in batches by ``nlp.pipe``."""
        date = parse_date(published)
        stream = self._loaded.nlp.pipe(self._checked(items), as_tuples=True, batch_size=batch_size)
        for doc, (doc_id, text) in stream:
            yield self._analyse(doc, text, doc_id, date, None)

    def _analyse(
        self,
        doc: Doc,
        text: str,
        doc_id: str,
        published: dt.date | None,
        source_path: str | None,
    ) -> dict[str, Any]:
        """The stages after parsing; spans are cut from ``text``, the original."""
        scan = find_quotes(text)
        cues = self._cues(doc)
        attributions = join_attributions(doc, cues, scan.quotes, self._rules)
        speakers = resolve_speakers(doc, attributions, self._rules, self._engine.coreference)
        sources = link_sources(doc, attributions, speakers.of_attribution, self._rules, published)
        warnings = [*self._loaded.warnings, *((w.code, w.message) for w in scan.warnings)]
        info = DocumentInfo(doc_id, text, source_path, published.isoformat() if published else None)
        document = build_document(info, self._engine, attributions, speakers, sources, warnings)
        problems = validate_document(document, text)
        if problems:
            detail = "; ".join(f"{p.path}: {p.message}" for p in problems[:3])
            raise AttributionError("internal", reason=f"output failed its schema: {detail}")
        return document


def attribute(
    text: str, doc_id: str | None = None, published: str | dt.date | None = None
) -> dict[str, Any]:
    """One contract document for ``text``, with the default pipeline (loaded once)."""
    return _default_attributor().attribute(text, doc_id=doc_id, published=published)


@lru_cache(maxsize=1)
def _default_attributor() -> Attributor:
    """The default Attributor, built on first use: loading a pipeline takes seconds."""
    return Attributor()
