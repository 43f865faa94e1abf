"""A spaCy component that presets sentence boundaries around quotes and paragraphs.

The statistical parser splits sentences inside quotations ("We will win. We
have the votes," she said.) and sometimes runs a sentence across a paragraph
break. Both break attribution, which needs a quotation and its speech verb in
one sentence and must never attribute across paragraphs. The parser respects
``is_sent_start`` values set before it runs, so this component, added with
``nlp.add_pipe("attribution_segmenter", before="parser")``, presets them:
paragraph starts become boundaries, a wire dateline ("ALVANE, Norway (AP) —")
ends before the story's first sentence, and tokens inside a quotation cannot
start a sentence. It stores nothing else on the doc.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from attribution.quotes import PARAGRAPH_BREAKS, Quote, find_quotes


@Language.component("attribution_segmenter", assigns=["token.is_sent_start"])
def segment(doc: Doc) -> Doc:
    """Preset ``is_sent_start``: True after a paragraph break or a dateline (and False
    for the word after), False inside a quotation.

    A paragraph break wins over a quotation because a quotation that runs on
    into the next paragraph is already split into one quote per paragraph.
    """
    quotes = find_quotes(doc.text).quotes
    story_starts = _after_datelines(doc.text)
    next_quote = 0
    after_break = opened = False
    for token in doc:
        if (after_break and not token.is_space) or token.idx in story_starts:
            token.is_sent_start = True
            after_break, opened = False, token.is_alpha
        else:
            if opened and not token.is_space:
                # the word after a word that starts a sentence we set: the parser may
                # otherwise close it at once ("KESTREL BAY — Delphine | Arkwright, who …")
                token.is_sent_start = False
            opened = opened and token.is_space
            next_quote = _skip_quotes_before(quotes, next_quote, token.idx)
            if _strictly_inside(quotes, next_quote, token.idx):
                token.is_sent_start = False
            elif _opens_after_full_stop(quotes, next_quote, token):
                token.is_sent_start = True
        after_break = after_break or _has_break(token)
    return doc


# A dateline opens a paragraph: a place in capitals, an optional region, an optional
# agency in brackets, then a dash. "KESTREL FALLS, Ore. (AP) — The governor said …"
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’ -]+(?:, [A-Z][\w.' ]+)?(?: \([A-Za-z .]+\))?[ \t]*[—–-]{1,2}[ \t]*"
)


def dateline_end(text: str, start: int) -> int:
    """Where the story starts in a line that opens at ``start``: after its dateline, if any."""
    match = _DATELINE.match(text, start)
    return match.end() if match else start


def _after_datelines(text: str) -> frozenset[int]:
    """Offsets where a story sentence starts right after a dateline."""
    return frozenset(match.end() for match in _DATELINE.finditer(text))


def _skip_quotes_before(quotes: tuple[Quote, ...], index: int, offset: int) -> int:
    """Advance past quotes that end at or before ``offset``; tokens come in text order."""
    while index < len(quotes) and quotes[index].end <= offset:
        index += 1
    return index


def _strictly_inside(quotes: tuple[Quote, ...], index: int, offset: int) -> bool:
    """Whether ``offset`` lies strictly between the marks of ``quotes[index]``.

    The opening mark itself may start a sentence; every later token, closing
    mark included, belongs to the sentence the quotation opened.
    """
    return index < len(quotes) and quotes[index].start < offset < quotes[index].end


def _opens_after_full_stop(quotes: tuple[Quote, ...], index: int, token: Token) -> bool:
    """Whether ``token`` is the opening mark of a quotation right after a sentence's
    final ``.``, ``?`` or ``!``: "… for tax lawyers. ''There's a lot …,'' said X." The
    parser tends to run the sentence on into the quotation and its cue."""
    return (
        index < len(quotes)
        and quotes[index].start == token.idx
        and token.i > 0
        and token.nbor(-1).text in {".", "?", "!"}
    )


def _has_break(token: Token) -> bool:
    """Whether the token, or the whitespace after it, contains a paragraph break.

    spaCy keeps only a single trailing space on a word, so a newline always
    ends up in a whitespace token of its own; both places are checked anyway.
    """
    return any(char in PARAGRAPH_BREAKS for char in token.text_with_ws)
