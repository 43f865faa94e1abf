"""Find quotations in plain news text, before any NLP runs.

Attribution starts from the quotes, so this module must be robust to the
typography real articles use: curly, straight, guillemet and German low-9
double quotes, single quotes nested inside them, apostrophes that look like
single quotes, and the news convention of continuing a quotation across
paragraphs by re-opening it without closing the previous paragraph.

Only double quotes make top-level quotations; single quotes are tracked only
inside a double quote so that they cannot confuse the pairing of the doubles.
Copy in the British style, which quotes with ‘…’ and nests “…” inside, is read
with the roles of the two swapped (see :func:`_as_double_quoted`).
Bad input never raises: it produces a warning from :mod:`attribution.errors`.

The scan is a single left-to-right pass per paragraph with a bounded stack,
so it runs in linear time on arbitrarily large files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from attribution import errors

#: Characters that end a paragraph. ``"\r\n"`` and blank lines are covered
#: because runs of breaks and whitespace-only lines are skipped. The spaCy
#: segmenter uses the same set so that both agree on where paragraphs end.
PARAGRAPH_BREAKS: Final = "\n\r\u2028\u2029"
#: One paragraph break: line breaks with only blank lines between them ("\n" in our
#: fixtures, "\n\n" in much news, "\r\n" from Windows).
_BREAK_RUN = re.compile(f"[{PARAGRAPH_BREAKS}](?:[^\\S{PARAGRAPH_BREAKS}]*[{PARAGRAPH_BREAKS}])*")


def paragraph_breaks(text: str, start: int, end: int) -> int:
    """How many paragraphs apart two offsets are, however the paragraphs are spaced."""
    return len(_BREAK_RUN.findall(text, start, end)) if start < end else 0


@dataclass(frozen=True, slots=True)
class Quote:
    """One top-level quotation, as offsets into the text that was scanned.

    ``start`` is the offset of the opening mark, or of the paragraph's first
    character when a quotation continued from the previous paragraph has no
    opening mark. ``end`` is just after the closing mark or, for a quotation
    left open, the end of its paragraph without trailing whitespace.
    """

    start: int
    end: int
    closed: bool
    continues: bool


@dataclass(frozen=True, slots=True)
class QuoteWarning:
    """A problem found while pairing marks; ``code`` is a key of ``errors.MESSAGES``."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class QuoteScan:
    """Top-level quotes in text order (never overlapping) and the warnings, in text order."""

    quotes: tuple[Quote, ...]
    warnings: tuple[QuoteWarning, ...]


# --- mark tables -------------------------------------------------------------

_DOUBLE_MARKS: Final = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'  # " “ ” „ ‟ « »
_SINGLE_MARKS: Final = "'\u2018\u2019\u201a\u2039\u203a"  # ' ‘ ’ ‚ ‹ ›
#: Two-character double marks of typewriter and TeX-style copy (''…'' and ``…''), read as
#: the one-character mark with the same role; tried before the single characters.
_DOUBLE_DIGRAPHS: Final[dict[str, str]] = {"''": '"', "``": "\u201c"}
_MARK_RE: Final = re.compile("''|``|[" + re.escape(_DOUBLE_MARKS + _SINGLE_MARKS) + "]")

#: For each opening mark, the marks that may close it. Mixed pairs such as
#: “…" occur in edited copy and are accepted rather than left unbalanced.
_CLOSERS: Final[dict[str, str]] = {
    "\u201c": '\u201d\u201c"',  # “ closed by ” (or a typo “, or ")
    "\u201f": '\u201d"',  # ‟ closed by ”
    "\u201e": '\u201c\u201d"',  # „ closed by “ (German) or ” (Polish)
    "\u00ab": "\u00bb",  # « closed by »
    "\u00bb": "\u00ab",  # » closed by « (Danish/German style)
    '"': '"\u201d',  # " closed by " or ”
    "\u201d": '\u201d"',  # ” closed by ” (Swedish/Finnish style)
    "\u2018": "\u2019'",  # ‘ closed by ’
    "\u201a": "\u2018\u2019",  # ‚ closed by ‘ or ’
    "\u2039": "\u203a",  # ‹ closed by ›
    "\u203a": "\u2039",  # › closed by ‹
    "'": "'\u2019",  # ' closed by ' or ’
}

#: Single marks that may open a nested quotation (’ never does: it is far
#: more often an apostrophe, as in ’90s).
_SINGLE_OPENERS: Final = "'\u2018\u201a\u2039\u203a"

#: Characters after which a mark is in "opening" position.
_OPENING_PRECEDERS: Final = "([{\u2014\u2013/" + "\u201c\u201e\u201f\u00ab\u2018\u201a\u2039"

#: Nesting deeper than this is ignored; it bounds the work per mark so the
#: scan stays linear even on pathological input.
_MAX_DEPTH: Final = 16

_PARAGRAPH_RE: Final = re.compile(f"[^{PARAGRAPH_BREAKS}]+")
_CONTENT_RE: Final = re.compile(rf"\S(?:[^{PARAGRAPH_BREAKS}]*\S)?")


# --- scanning state -----------------------------------------------------------


@dataclass(slots=True)
class _Open:
    """An opening mark waiting on the stack for its closer."""

    mark: str
    pos: int
    double: bool
    virtual: bool = False  # stands for a quote carried over from the previous paragraph


@dataclass(slots=True)
class _ParagraphScan:
    """What one paragraph contributed: raw quote spans, warnings and what is left open."""

    spans: list[tuple[int, int, bool]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    left_open: _Open | None = None


# --- public entry point -------------------------------------------------------


def find_quotes(text: str) -> QuoteScan:
    """Find the top-level quotations of ``text`` and report unbalanced marks.

    Paragraphs are scanned independently because a quotation never spans a
    paragraph break, except when a paragraph leaves a quotation open and the
    next one re-opens it: then each paragraph yields its own :class:`Quote`,
    the later ones with ``continues=True``.
    """
    quotes: list[Quote] = []
    warnings: list[tuple[int, str]] = []
    pending: _Open | None = None
    text = _as_double_quoted(text)
    for start, end in paragraphs(text):
        scan, continued = _scan_paragraph(text, start, end, pending)
        if pending is not None and not continued:
            warnings.append((pending.pos, "unbalanced-quote"))
        quotes.extend(_to_quotes(scan.spans, continued))
        warnings.extend(scan.warnings)
        pending = scan.left_open
    if pending is not None:
        warnings.append((pending.pos, "unbalanced-quote"))
    warnings.sort(key=lambda item: item[0])
    return QuoteScan(
        quotes=tuple(quotes),
        warnings=tuple(
            QuoteWarning(code=code, message=errors.message(code, offset=offset))
            for offset, code in warnings
        ),
    )


# --- British style -------------------------------------------------------------


def _as_double_quoted(text: str) -> str:
    """``text`` with its marks' roles swapped when it quotes with ‘…’ (British style):
    ‘ and a ’ in closing position become “ and ”, and “ ” become ‘ ’. Every mark stays
    one character, so offsets into the result are offsets into ``text``. A ’ between
    letters (force’s) stays an apostrophe; one after a plural (officers’) may close a
    quotation early, as it would in a double-quoted text with an apostrophe typo."""
    singles = sum(1 for m in _SINGLE_OPEN_RE.finditer(text))
    doubles = sum(1 for m in _DOUBLE_OPEN_RE.finditer(text))
    if singles < 2 or doubles >= singles:
        return text
    swapped = list(text.translate(_BRITISH))
    for closer in _CLOSING_SINGLE_RE.finditer(text):
        swapped[closer.start()] = "\u201d"
    return "".join(swapped)


#: ‘ before a word, in opening position; an opening double mark likewise.
_SINGLE_OPEN_RE: Final = re.compile(r"(?:^|(?<=[\s(\[\u2014\u2013]))\u2018(?=\w)", re.M)
_DOUBLE_OPEN_RE: Final = re.compile(r"(?:^|(?<=[\s(\[\u2014\u2013]))[\u201c\"](?=\w)", re.M)
#: ’ that ends a quotation: after text, not before a letter or digit.
_CLOSING_SINGLE_RE: Final = re.compile(r"(?<=\S)\u2019(?!\w)")
_BRITISH: Final = str.maketrans({"\u2018": "\u201c", "\u201c": "\u2018", "\u201d": "\u2019"})


# --- paragraphs -----------------------------------------------------------------


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each non-blank paragraph, surrounding whitespace excluded.

    Blank lines are skipped rather than yielded so that they never interrupt a
    quotation that continues into the next paragraph.
    """
    for line in _PARAGRAPH_RE.finditer(text):
        content = _CONTENT_RE.search(text, line.start(), line.end())
        if content is not None:
            yield content.span()


def _scan_paragraph(
    text: str, start: int, end: int, pending: _Open | None
) -> tuple[_ParagraphScan, bool]:
    """Scan one paragraph; the flag says whether it continues ``pending``.

    A paragraph that begins with a double mark continues an open quotation by
    the news convention. One that does not is tried once more as if the open
    quotation were still running, so a closing mark with no opener in this
    paragraph can end it; if nothing closes it, that guess is dropped and the
    paragraph is scanned on its own. Each paragraph is thus scanned at most
    twice, which keeps the whole pass linear.
    """
    if pending is None:
        return _scan(text, start, end, None), False
    if text[start] in _DOUBLE_MARKS:
        scan = _scan(text, start, end, None)
        return scan, bool(scan.spans) and scan.spans[0][0] == start
    carried = _scan(text, start, end, _Open(pending.mark, start, double=True, virtual=True))
    if carried.left_open is None or not carried.left_open.virtual:
        return carried, True
    return _scan(text, start, end, None), False


def _to_quotes(spans: list[tuple[int, int, bool]], continued: bool) -> Iterator[Quote]:
    """Turn raw spans into :class:`Quote` objects; only the first can continue a quote."""
    for index, (start, end, closed) in enumerate(spans):
        yield Quote(start=start, end=end, closed=closed, continues=continued and index == 0)


# --- the per-paragraph pass -------------------------------------------------------


def _scan(text: str, start: int, end: int, carried: _Open | None) -> _ParagraphScan:
    """Pair the marks of ``text[start:end]`` with a stack and collect top-level spans."""
    result = _ParagraphScan()
    stack: list[_Open] = [carried] if carried is not None else []
    for match in _MARK_RE.finditer(text, start, end):
        pos, mark = match.start(), match.group()
        before = text[pos - 1] if pos > start else None
        after = text[match.end()] if match.end() < end else None
        if mark in _DOUBLE_DIGRAPHS:
            _double(_DOUBLE_DIGRAPHS[mark], pos, match.end(), before, after, stack, result)
        elif mark in _DOUBLE_MARKS:
            _double(mark, pos, pos + 1, before, after, stack, result)
        elif stack:
            _single(mark, pos, before, after, stack)
    if stack:
        outer = stack[0]
        result.spans.append((outer.pos, end, False))
        result.left_open = outer
    return result


def _double(
    mark: str,
    pos: int,
    mark_end: int,
    before: str | None,
    after: str | None,
    stack: list[_Open],
    result: _ParagraphScan,
) -> None:
    """Open, close or reject one double mark, updating ``stack`` and ``result``."""
    target = _target(mark, stack)
    action = _double_action(mark, before, after, stack, target)
    if action == "open":
        _push(stack, _Open(mark, pos, double=True))
    elif action == "close":
        opener = stack[target]
        del stack[target:]
        if not stack:
            result.spans.append((opener.pos, mark_end, True))
    else:
        result.warnings.append((pos, "stray-closing-quote"))


def _double_action(
    mark: str, before: str | None, after: str | None, stack: list[_Open], target: int
) -> str:
    """Decide whether a double mark opens, closes or is a stray closer.

    Directional marks decide by their shape, but several are used in both
    roles across languages (“ closes „, » opens »…«, ” opens ”…”), and the
    straight mark has no shape at all, so context breaks the ties.
    """
    opening, closing = _opening_context(before), _closing_context(after)
    if mark in "\u201e\u201f":  # „ ‟ only ever open
        return "open"
    if mark == "\u00ab":
        return "close" if target >= 0 else "open"
    if mark == "\u201c":
        closes_low9 = target >= 0 and stack[target].mark == "\u201e"
        typo_close = target >= 0 and closing and not opening
        return "close" if closes_low9 or typo_close else "open"
    if mark in "\u201d\u00bb":
        if target >= 0:
            return "close"
        return "open" if opening and not closing else "stray"
    # the straight mark "
    if opening and not closing:
        return "open"
    if target >= 0:
        return "close"
    return "stray" if closing and not opening else "open"


def _single(mark: str, pos: int, before: str | None, after: str | None, stack: list[_Open]) -> None:
    """Track a single mark inside a double quote, ignoring anything that looks like an apostrophe.

    A single mark closes only the innermost quote and only when it is not
    between two letters (hasn’t) and follows text; it opens only in opening
    position before text. Everything else is an apostrophe ('90s, the Smiths')
    and is skipped. Unclosed singles are harmless: a double closer pops them.
    """
    top = stack[-1]
    if (
        not top.double
        and mark in _CLOSERS[top.mark]
        and before is not None
        and not before.isspace()
        and (after is None or not after.isalnum())
    ):
        stack.pop()
        return
    if (
        mark in _SINGLE_OPENERS
        and (_opening_context(before) or before in _DOUBLE_MARKS)
        and after is not None
        and not after.isspace()
    ):
        _push(stack, _Open(mark, pos, double=False))


def _target(mark: str, stack: list[_Open]) -> int:
    """Index of the innermost open double quote that ``mark`` can close, or -1.

    Searching past unclosed inner quotes lets a closer recover from a missing
    nested closer (or an apostrophe taken for an opener) instead of going stray.
    """
    for index in range(len(stack) - 1, -1, -1):
        opener = stack[index]
        if opener.double and mark in _CLOSERS[opener.mark]:
            return index
    return -1


def _push(stack: list[_Open], opener: _Open) -> None:
    """Push an opener unless nesting is already implausibly deep (keeps the scan linear)."""
    if len(stack) < _MAX_DEPTH:
        stack.append(opener)


def _opening_context(before: str | None) -> bool:
    """A mark opens when it starts the paragraph or follows space, a bracket, dash or slash."""
    return before is None or before.isspace() or before in _OPENING_PRECEDERS


def _closing_context(after: str | None) -> bool:
    """A mark closes when it ends the paragraph or precedes space or punctuation."""
    return after is None or after.isspace() or unicodedata.category(after)[0] in "PS"
