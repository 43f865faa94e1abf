"""Table-driven tests of quote finding: every mark style, apostrophes, paragraphs, bad input."""

from __future__ import annotations

import pytest

from attribution import errors
from attribution.quotes import Quote, QuoteScan, QuoteWarning, find_quotes, paragraph_breaks

OPENING_MARKS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'
CLOSING_MARKS = '"\u201c\u201d\u00ab\u00bb'

# (id, text, expected quotes as (quoted text, closed, continues), expected warning codes)
CASES: list[tuple[str, str, list[tuple[str, bool, bool]], list[str]]] = [
    # curly
    (
        "curly",
        "“The bridge opens on Monday,” the engineer said.",
        [("“The bridge opens on Monday,”", True, False)],
        [],
    ),
    (
        "curly-two-sentences",
        "“We planted the orchard. It took a decade,” said the farmer.",
        [("“We planted the orchard. It took a decade,”", True, False)],
        [],
    ),
    (
        "curly-at-end",
        "The coach replied: “Not today.”",
        [("“Not today.”", True, False)],
        [],
    ),
    (
        "curly-nested-curly",
        "“He kept saying “later” all week,” she said.",
        [("“He kept saying “later” all week,”", True, False)],
        [],
    ),
    # two-character marks of typewriter and TeX-style copy
    (
        "two-apostrophes",
        "''It's late,'' the porter said. ''We close at nine.''",
        [("''It's late,''", True, False), ("''We close at nine.''", True, False)],
        [],
    ),
    (
        "backticks-and-apostrophes",
        "He wrote ``the tide is out'' on the board, and the Smiths' boat stayed.",
        [("``the tide is out''", True, False)],
        [],
    ),
    # straight
    (
        "straight",
        'The clerk said "the forms are late" again.',
        [('"the forms are late"', True, False)],
        [],
    ),
    ("straight-question", '"Ready?" she asked.', [('"Ready?"', True, False)], []),
    ("straight-in-parens", '("Maybe," he wrote.)', [('"Maybe,"', True, False)], []),
    ("straight-after-dash", 'He shouted\u2014"Stop!"', [('"Stop!"', True, False)], []),
    (
        "straight-before-semicolon",
        'A sign read "closed"; nobody argued.',
        [('"closed"', True, False)],
        [],
    ),
    (
        "straight-nested-straight",
        '"He called the plan "bold" twice," she said.',
        [('"He called the plan "bold" twice,"', True, False)],
        [],
    ),
    (
        "mixed-curly-and-straight",
        '“Fine," the porter said.',
        [('“Fine,"', True, False)],
        [],
    ),
    # guillemets and low-9
    (
        "guillemets",
        "«Le pont reste fermé», a dit la maire.",
        [("«Le pont reste fermé»", True, False)],
        [],
    ),
    (
        "guillemets-spaced",
        "« Nous verrons », répond-elle.",
        [("« Nous verrons »", True, False)],
        [],
    ),
    (
        "guillemets-reversed",
        "»Wir bleiben hier«, sagte die Wirtin.",
        [("»Wir bleiben hier«", True, False)],
        [],
    ),
    (
        "low-9",
        "„Der Zug fährt heute nicht“, sagte der Schaffner.",
        [("„Der Zug fährt heute nicht“", True, False)],
        [],
    ),
    (
        "guillemets-around-curly",
        "«Il a dit “jamais” hier», note-t-elle.",
        [("«Il a dit “jamais” hier»", True, False)],
        [],
    ),
    # single quotes nested in doubles
    (
        "nested-curly-single",
        "“They told me ‘wait here’ and left,” the driver said.",
        [("“They told me ‘wait here’ and left,”", True, False)],
        [],
    ),
    (
        "nested-straight-single",
        "\"My sister said 'not again' twice,\" he recalled.",
        [("\"My sister said 'not again' twice,\"", True, False)],
        [],
    ),
    (
        "nested-single-closes-before-comma",
        "“I heard ‘stop,’ then nothing,” she said.",
        [("“I heard ‘stop,’ then nothing,”", True, False)],
        [],
    ),
    (
        "nested-single-ends-with-double",
        "“He wrote ‘done’”, she said.",
        [("“He wrote ‘done’”", True, False)],
        [],
    ),
    (
        "nested-single-with-apostrophe",
        "“She called it ‘the city’s worst idea’ on air,” he said.",
        [("“She called it ‘the city’s worst idea’ on air,”", True, False)],
        [],
    ),
    (
        "nested-single-left-open",
        "“He said ‘no and walked off,” she wrote.",
        [("“He said ‘no and walked off,”", True, False)],
        [],
    ),
    ("top-level-single-curly-ignored", "The so-called ‘quiet period’ ended.", [], []),
    ("top-level-single-straight-ignored", "The so-called 'quiet period' ended.", [], []),
    # apostrophes are never quotes
    ("apostrophes-curly", "The UK’s budget hasn’t changed since the ’90s.", [], []),
    ("apostrophes-straight", "The Smiths' fans haven't missed a '90s revival.", [], []),
    (
        "apostrophes-inside-curly",
        "“The UK’s rules haven’t changed since the ’90s,” the lawyer said.",
        [("“The UK’s rules haven’t changed since the ’90s,”", True, False)],
        [],
    ),
    (
        "apostrophes-inside-straight",
        "\"The Smiths' record hasn't aged,\" he said.",
        [("\"The Smiths' record hasn't aged,\"", True, False)],
        [],
    ),
    (
        "plural-possessive-inside-single",
        "“We read ‘the writers' notes’ aloud,” she said.",
        [("“We read ‘the writers' notes’ aloud,”", True, False)],
        [],
    ),
    (
        "elision-at-start-of-quote",
        "“’Tis the season,” she joked.",
        [("“’Tis the season,”", True, False)],
        [],
    ),
    (
        "rock-n-roll",
        "\"Rock 'n' roll never left,\" the DJ insisted.",
        [("\"Rock 'n' roll never left,\"", True, False)],
        [],
    ),
    # a quotation split by its speech cue
    (
        "split-by-cue-curly",
        "“We will rebuild,” the mayor said, “and we will do it fast.”",
        [("“We will rebuild,”", True, False), ("“and we will do it fast.”", True, False)],
        [],
    ),
    (
        "split-by-cue-straight",
        '"We will rebuild," the mayor said, "and fast."',
        [('"We will rebuild,"', True, False), ('"and fast."', True, False)],
        [],
    ),
    (
        "split-by-cue-guillemets",
        "«Nous reviendrons», dit-il, «demain.»",
        [("«Nous reviendrons»", True, False), ("«demain.»", True, False)],
        [],
    ),
    # paragraphs and the continuation convention
    (
        "continuation",
        "“The river rose overnight.\n\n“By noon the road was gone,” the sheriff said.",
        [
            ("“The river rose overnight.", False, False),
            ("“By noon the road was gone,”", True, True),
        ],
        [],
    ),
    (
        "continuation-three-paragraphs",
        "“First point.\n“Second point.\n“Third point,” she said.",
        [
            ("“First point.", False, False),
            ("“Second point.", False, True),
            ("“Third point,”", True, True),
        ],
        [],
    ),
    (
        "continuation-straight-crlf",
        '"First part.\r\n\r\n"Second part," he said.',
        [('"First part.', False, False), ('"Second part,"', True, True)],
        [],
    ),
    (
        "continuation-after-closed-quote",
        "He said “yes” and then: “We start now.\n“Nobody waits,” he added.",
        [
            ("“yes”", True, False),
            ("“We start now.", False, False),
            ("“Nobody waits,”", True, True),
        ],
        [],
    ),
    (
        "continuation-without-opening-mark",
        "“The vote was close.\nWe counted twice,” she said.",
        [("“The vote was close.", False, False), ("We counted twice,”", True, True)],
        [],
    ),
    (
        "paragraph-break-separates-quotes",
        "“Done,” he said.\n“Again,” she said.",
        [("“Done,”", True, False), ("“Again,”", True, False)],
        [],
    ),
    # unbalanced marks: a warning, never an exception
    (
        "unbalanced",
        "“The bridge is closed, he said.",
        [("“The bridge is closed, he said.", False, False)],
        ["unbalanced-quote"],
    ),
    (
        "unbalanced-then-narration",
        "“Never closed.\nThe next paragraph is narration.",
        [("“Never closed.", False, False)],
        ["unbalanced-quote"],
    ),
    (
        "unbalanced-trailing-space-excluded",
        "“Open ended   \n",
        [("“Open ended", False, False)],
        ["unbalanced-quote"],
    ),
    (
        "unbalanced-after-continuation",
        "“One.\n\n“Two.",
        [("“One.", False, False), ("“Two.", False, True)],
        ["unbalanced-quote"],
    ),
    (
        "unbalanced-straight",
        'She wrote "the end and stopped.',
        [('"the end and stopped.', False, False)],
        ["unbalanced-quote"],
    ),
    # stray closing marks are ignored with a warning
    ("stray-curly", "The meeting ended.” Everyone left.", [], ["stray-closing-quote"]),
    ("stray-straight", 'The count is final." Nobody objected.', [], ["stray-closing-quote"]),
    ("stray-guillemet", "Fini» dit-il.", [], ["stray-closing-quote"]),
    (
        "stray-after-pair",
        "“Fine,” she said.” He nodded.",
        [("“Fine,”", True, False)],
        ["stray-closing-quote"],
    ),
    # degenerate input
    ("empty", "", [], []),
    ("blank", " \n\r\n\t\n", [], []),
    ("no-quotes", "The tide went out at noon.", [], []),
]


def _described(text: str, scan: QuoteScan) -> list[tuple[str, bool, bool]]:
    return [(text[q.start : q.end], q.closed, q.continues) for q in scan.quotes]


@pytest.mark.parametrize(
    ("text", "expected", "codes"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_quotes(text: str, expected: list[tuple[str, bool, bool]], codes: list[str]) -> None:
    scan = find_quotes(text)
    assert _described(text, scan) == expected
    assert [w.code for w in scan.warnings] == codes


@pytest.mark.parametrize("text", [case[1] for case in CASES], ids=[case[0] for case in CASES])
def test_offsets_include_the_marks(text: str) -> None:
    scan = find_quotes(text)
    previous_end = 0
    for quote in scan.quotes:
        assert previous_end <= quote.start < quote.end <= len(text)
        previous_end = quote.end
        span = text[quote.start : quote.end]
        assert span == span.strip()
        assert "\n" not in span
        if quote.closed:
            assert span[-1] in CLOSING_MARKS or span.endswith("''")
        if not quote.continues:
            assert span[0] in OPENING_MARKS or span[:2] in ("''", "``")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A,” she said, “B.”", [Quote(0, 4, True, False), Quote(15, 19, True, False)]),
        ('x "A" y', [Quote(2, 5, True, False)]),
        ("“a\n\n“b”", [Quote(0, 2, False, False), Quote(4, 7, True, True)]),
        ("“a  \r\n  b”", [Quote(0, 2, False, False), Quote(8, 10, True, True)]),
    ],
)
def test_exact_offsets(text: str, expected: list[Quote]) -> None:
    assert list(find_quotes(text).quotes) == expected


@pytest.mark.parametrize(
    ("text", "code", "offset"),
    [
        ("He said “no", "unbalanced-quote", 8),
        ("Ok.” Fine.", "stray-closing-quote", 3),
        ("“a\n“b\nc", "unbalanced-quote", 3),
    ],
)
def test_warning_messages(text: str, code: str, offset: int) -> None:
    assert find_quotes(text).warnings == (
        QuoteWarning(code=code, message=errors.message(code, offset=offset)),
    )


def test_warnings_are_in_text_order() -> None:
    scan = find_quotes("Over.” Then “open\nnarration.” And “again")
    assert [w.code for w in scan.warnings] == ["stray-closing-quote", "unbalanced-quote"]
    assert [w.message for w in scan.warnings] == [
        errors.message("stray-closing-quote", offset=5),
        errors.message("unbalanced-quote", offset=34),
    ]


@pytest.mark.parametrize(
    "text",
    ['"', "”", "“", "'", "«»«", "“\n”", "'\"'\"'", "‘’‘", "»", '"""', "“‘“‘”’”", "\r"],
)
def test_garbage_never_raises(text: str) -> None:
    scan = find_quotes(text)
    assert isinstance(scan, QuoteScan)
    assert find_quotes(text) == scan


def test_pathological_input_finishes() -> None:
    text = "«" * 50_000 + "”" * 50_000 + "\n" + '"' * 100_000
    scan = find_quotes(text)
    assert all(q.end <= len(text) for q in scan.quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # British style: ‘…’ quotes, “…” inside, apostrophes left alone
            "‘We will not go back,’ Ms Ramsey said. ‘The force’s “red line” is clear.’",
            ["‘We will not go back,’", "‘The force’s “red line” is clear.’"],
        ),
        (  # an American text keeps its single marks nested
            "“The ‘red line’ is clear,” she said. “We won’t move it.”",
            ["“The ‘red line’ is clear,”", "“We won’t move it.”"],
        ),
        (  # one ‘…’ is no style: a lone scare quote in single marks stays unread
            "The so-called ‘red line’ was crossed, officials said.",
            [],
        ),
    ],
)
def test_single_quoted_copy(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text).quotes] == expected


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        ("one\ntwo", 1),
        ("one\n\ntwo", 1),  # a blank line between paragraphs, as much news is set
        ("one\r\n\r\ntwo", 1),
        ("one\n \n\ntwo\nthree", 2),
        ("one two", 0),
    ],
)
def test_paragraph_breaks_count_paragraphs_not_line_breaks(text, breaks):
    assert paragraph_breaks(text, 0, len(text)) == breaks
