"""Our own gold (``fixtures/*.expected.yaml``) as scorer input.

Each fixture records its attributions by strings (``content_starts``, ``content_ends``,
``mention``, ``cue``), not offsets; this module locates them in the ``.txt`` and builds
the :class:`~attribution.evaluate.GoldArticle` objects that ``score`` takes. The
locating rules are documented in ``docs/evaluation.md`` ("Our own gold"); keep the two in
step. Only PyYAML, no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from attribution.errors import AttributionError
from attribution.evaluate import QUOTE_TYPES, SOURCE_KINDS, GoldArticle, GoldQuote, GoldSpan
from attribution.read import read_text

__all__ = ["CLOSE_QUOTES", "OPEN_QUOTES", "read_fixture_gold"]

OPEN_QUOTES = "\u201c\"\u00ab\u2018'"
CLOSE_QUOTES = "\u201d\"\u00bb\u2019'"
#: the closing mark that ends a quotation opened by each opening mark
_MATCHING = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb", "\u2018": "\u2019", "'": "'"}

_PRESENT = frozenset({"speaker_canonical", "source_kind", "outlet", "audience"})
_REQUIRED = ("speaker", "mention", "cue", "kind", "content_starts", "content_ends", "source")

Range = tuple[int, int]


class _Invalid(Exception):
    """One unusable attribution (or file), turned into gold-invalid with its line."""


def read_fixture_gold(directory: Path) -> list[GoldArticle]:
    """Read every ``<name>.expected.yaml`` of ``directory`` with its ``<name>.txt``.

    One :class:`GoldArticle` per fixture (id = file stem, sorted by name), one
    :class:`GoldQuote` per gold attribution. A string that cannot be located, a missing
    key or a bad value raises ``AttributionError("gold-invalid", path=, line=, reason=)``
    with the 1-based line of the attribution in the YAML file (0 for the file as a whole).
    A missing ``.txt`` or directory raises ``input-not-found``.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise AttributionError("input-not-found", path=str(directory))
    articles = []
    for exp in sorted(directory.glob("*.expected.yaml")):
        stem = exp.name[: -len(".expected.yaml")]
        articles.append(_read_fixture(stem, exp, exp.with_name(stem + ".txt")))
    return articles


def _read_fixture(stem: str, exp: Path, txt: Path) -> GoldArticle:
    import yaml

    source = read_text(str(exp))
    text = read_text(str(txt))
    try:
        data = yaml.safe_load(source)
        node = yaml.compose(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise AttributionError(
            "gold-invalid", path=str(exp), line=line, reason=f"not valid YAML: {exc}"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("attributions"), list):
        raise AttributionError(
            "gold-invalid", path=str(exp), line=0, reason="expected a mapping with 'attributions'"
        )
    lines = _entry_lines(node)
    kinds = {
        s.get("name"): s.get("kind") for s in data.get("speakers") or [] if isinstance(s, dict)
    }
    quotes = []
    cursor = 0
    for i, entry in enumerate(data["attributions"]):
        try:
            quote, cursor = _quote(entry, text, cursor, i, kinds)
        except _Invalid as exc:
            raise AttributionError(
                "gold-invalid",
                path=str(exp),
                line=lines[i] if i < len(lines) else 0,
                reason=f"attributions[{i}]: {exc}",
            ) from None
        quotes.append(quote)
    units = _as_the_scorer_counts(data["attributions"], quotes, text)
    return GoldArticle(id=stem, text=text, split=None, quotes=units)


def _as_the_scorer_counts(
    entries: list[dict], quotes: list[GoldQuote], text: str
) -> tuple[GoldQuote, ...]:
    """Gold in the units the scorer matches: a cue-less continuation becomes a fragment of
    the quote it continues (as the scorer joins predicted continuations), and "X and Y
    said" entries sharing one content become one quote credited to "X and Y"."""
    units: list[GoldQuote] = []
    unit_of: dict[int, int] = {}  # gold entry index -> index into units
    members: dict[int, list[str]] = {}  # unit index -> joint speakers
    for index, (entry, quote) in enumerate(zip(entries, quotes, strict=True)):
        target = entry.get("same_source_as")
        joint = next((u for u, q in enumerate(units) if q.content == quote.content), None)
        if entry.get("cue") is None and target in unit_of:
            unit = unit_of[target]
            head = units[unit].content
            end = max(head.end, quote.content.end)
            fragments = (*head.fragments, *quote.content.fragments)
            units[unit] = replace(
                units[unit], content=GoldSpan(head.start, end, text[head.start : end], fragments)
            )
        elif joint is not None:
            unit = joint
            members[unit].append(quote.speaker_canonical or "")
            names = members[unit]
            units[unit] = replace(
                units[unit],
                speaker_canonical=", ".join(names[:-1]) + " and " + names[-1],
                speaker_kind=None,  # a joint unit is scored by names, not as a description
            )
        else:
            unit = len(units)
            units.append(quote)
            members[unit] = [quote.speaker_canonical or ""]
        unit_of[index] = unit
    return tuple(units)


def _entry_lines(node: Any) -> list[int]:
    """1-based line of each item of the top-level ``attributions`` sequence."""
    for key, value in getattr(node, "value", []):
        if getattr(key, "value", None) == "attributions" and isinstance(value.value, list):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _quote(
    a: Any, text: str, cursor: int, index: int, kinds: dict[str, str]
) -> tuple[GoldQuote, int]:
    if not isinstance(a, dict):
        raise _Invalid("not a mapping")
    missing = [k for k in _REQUIRED if k not in a]
    if missing:
        raise _Invalid(f"missing {', '.join(missing)}")
    kind = a["kind"]
    if kind not in QUOTE_TYPES:
        raise _Invalid(f"kind {kind!r} must be one of direct, indirect, mixed")
    if a["source"] not in SOURCE_KINDS:
        raise _Invalid(f"source {a['source']!r} is not a source kind of the output contract")
    for key in ("speaker", "content_starts", "content_ends"):
        if not isinstance(a[key], str) or not a[key]:
            raise _Invalid(f"{key} must be a non-empty string")
    for key in ("mention", "cue", "outlet", "audience"):
        if a.get(key) is not None and not isinstance(a[key], str):
            raise _Invalid(f"{key} must be a string or null")

    content, fragments, begin = _content(a, text, cursor)
    region = _region(text, content)
    speaker = _near(a["mention"], "mention", text, region, fragments, None)
    cue = _near(a["cue"], "cue", text, region, fragments, speaker)
    quote = GoldQuote(
        id=f"q{index + 1}",
        content=GoldSpan(content[0], content[1], text[content[0] : content[1]], fragments),
        speaker=_span(text, speaker),
        cue=_span(text, cue),
        type=kind,
        speaker_canonical=a["speaker"],
        speaker_kind=kinds.get(a["speaker"]),
        source_kind=a["source"],
        outlet=a.get("outlet"),
        audience=a.get("audience"),
        present=_PRESENT,
    )
    return quote, begin


def _span(text: str, r: Range | None) -> GoldSpan | None:
    return None if r is None else GoldSpan(r[0], r[1], text[r[0] : r[1]], (r,))


def _content(a: dict, text: str, cursor: int) -> tuple[Range, tuple[Range, ...], int]:
    """Content bounds, its fragments and where content_starts was found."""
    cs, ce = a["content_starts"], a["content_ends"]
    begin = text.find(cs, cursor)
    if begin < 0:
        where = "anywhere" if cs not in text else "after the previous attribution"
        raise _Invalid(f"content_starts {cs!r} not found {where}")
    limit = _run_on_end(text, begin, a["kind"])
    pos = text.find(ce, begin)
    while pos >= 0 and pos + len(ce) < begin + len(cs):
        pos = text.find(ce, pos + 1)
    if pos < 0 or pos + len(ce) > limit:
        raise _Invalid(f"content_ends {ce!r} not found after content_starts in its paragraph")
    end = pos + len(ce)
    if end < len(text) and text[end] in CLOSE_QUOTES:
        end += 1
    start = begin
    if a["kind"] == "direct" and begin > 0 and text[begin - 1] in OPEN_QUOTES:
        start = begin - 1
    n = a.get("fragments") or 1
    if not isinstance(n, int) or n < 1:
        raise _Invalid("fragments must be a positive integer")
    fragments: tuple[Range, ...] = ((start, end),)
    if n > 1 and text[start] in OPEN_QUOTES:
        fragments = _split(text, start, end, n)
    return (start, end), fragments, begin


def _run_on_end(text: str, begin: int, kind: str) -> int:
    """End of the paragraph of ``begin``, extended over the following paragraphs that
    open with a quote mark (a quotation continued in a new paragraph) unless indirect."""
    end = text.find("\n", begin)
    while 0 <= end < len(text) - 1 and kind != "indirect" and text[end + 1] in OPEN_QUOTES:
        end = text.find("\n", end + 1)
    return len(text) if end < 0 else end


def _split(text: str, start: int, end: int, n: int) -> tuple[Range, ...]:
    """``n`` quoted fragments from ``start`` (an opening mark) to ``end``: each runs to
    the matching closing mark, the next one starts at the next opening mark."""
    opening = text[start]
    closing = _MATCHING[opening]
    fragments = []
    frag_start = start
    for _ in range(n - 1):
        close = text.find(closing, frag_start + 1, end)
        reopen = text.find(opening, close + 1, end) if close >= 0 else -1
        if close < 0 or reopen < 0:
            raise _Invalid(f"content does not have {n} quoted fragments")
        fragments.append((frag_start, close + 1))
        frag_start = reopen
    fragments.append((frag_start, end))
    return tuple(fragments)


def _region(text: str, content: Range) -> Range:
    """The paragraph(s) the content lies in, and the one before when it ends in a colon
    (a cue that introduces a quotation set as its own paragraph: "… told parliament:")."""
    start = text.rfind("\n", 0, content[0]) + 1
    if text[:start].rstrip().endswith(":"):
        start = text.rfind("\n", 0, start - 1) + 1
    end = text.find("\n", content[1])
    return start, len(text) if end < 0 else end


def _gap(r: Range, fragments: tuple[Range, ...]) -> int:
    """Characters between ``r`` and the nearest content fragment (0 between fragments)."""
    if fragments[0][0] <= r[0] and r[1] <= fragments[-1][1]:
        return 0
    return min(max(f[0] - r[1], r[0] - f[1], 0) for f in fragments)


def _between(r: Range, speaker: Range, fragments: tuple[Range, ...]) -> bool:
    """Whether ``r`` lies between the speaker mention and a content fragment."""
    return any(
        (speaker[1] <= r[0] and r[1] <= f[0]) or (f[1] <= r[0] and r[1] <= speaker[0])
        for f in fragments
    )


def _near(
    value: str | None,
    field: str,
    text: str,
    region: Range,
    fragments: tuple[Range, ...],
    speaker: Range | None,
) -> Range | None:
    """The occurrence of ``value`` (as whole words) in ``region`` nearest the content,
    outside the content's fragments; for a cue, occurrences between the speaker mention
    and the content come first. A parenthetical cue ("The law, he added, “…”") lies
    inside its content: the first occurrence there when there is none outside."""
    if value is None:
        return None
    left = r"(?<!\w)" if value[:1].isalnum() or value[:1] == "_" else ""
    right = r"(?!\w)" if value[-1:].isalnum() or value[-1:] == "_" else ""
    pattern = re.compile(left + re.escape(value) + right)
    found, inside = [], []
    for m in pattern.finditer(text, region[0], region[1]):
        r = (m.start(), m.end())
        if speaker is not None and r[0] < speaker[1] and speaker[0] < r[1]:
            continue
        if any(r[0] < f[1] and f[0] < r[1] for f in fragments):
            inside.append(r)
            continue
        found.append(r)
    found = found or inside[:1]
    if not found:
        raise _Invalid(f"{field} {value!r} not found near the content (in its paragraph)")
    if speaker is not None:
        preferred = [r for r in found if _between(r, speaker, fragments)]
        found = preferred or found
    return min(found, key=lambda r: (_gap(r, fragments), r[0]))
