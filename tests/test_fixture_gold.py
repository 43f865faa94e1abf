"""The fixture gold reader: fixtures/*.expected.yaml located in their texts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from attribution.errors import AttributionError
from attribution.fixture_gold import read_fixture_gold

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

TEXT = (
    "By Jane Roe\n"
    "PORT ALVANE — Minister Ana Ruiz said on Thursday that the ferries would resume by Monday.\n"
    "“Nobody should wait,” she said, “and nobody will.”\n"
)

YAML = """\
description: "two attributions"
published: 2025-01-02
speakers:
  - {name: "Ana Ruiz", kind: person, titles: ["Minister"]}
attributions:
  # 0
  - speaker: "Ana Ruiz"
    mention: "Minister Ana Ruiz"
    cue: "said"
    kind: indirect
    content_starts: "the ferries would"
    content_ends: "resume by Monday"
    source: unspecified
    outlet: null
    audience: null
    when: "Thursday"
    same_source_as: null
  # 1
  - speaker: "Ana Ruiz"
    mention: "she"
    cue: "said"
    kind: direct
    content_starts: "Nobody should wait"
    content_ends: "and nobody will."
    source: statement
    outlet: null
    audience: "reporters"
    when: null
    same_source_as: 0
    fragments: 2
"""


def _write(directory: Path, yaml_text: str = YAML, text: str = TEXT) -> Path:
    (directory / "ferry.txt").write_text(text, encoding="utf-8")
    (directory / "ferry.expected.yaml").write_text(yaml_text, encoding="utf-8")
    return directory


def _at(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def test_small_fixture_spans(tmp_path: Path) -> None:
    [article] = read_fixture_gold(_write(tmp_path))
    assert article.id == "ferry"
    assert article.text == TEXT
    assert article.split is None
    first, second = article.quotes

    assert first.id == "q1"
    assert first.type == "indirect"
    assert first.content.text == "the ferries would resume by Monday"
    assert (first.content.start, first.content.end) == _at(TEXT, first.content.text)
    assert first.content.fragments == ((first.content.start, first.content.end),)
    assert first.speaker is not None and first.speaker.text == "Minister Ana Ruiz"
    assert first.cue is not None
    assert (first.cue.start, first.cue.end) == _at(TEXT, "said", 0)
    assert first.speaker_canonical == "Ana Ruiz" and first.speaker_kind == "person"
    assert first.source_kind == "unspecified"
    assert first.outlet is None and first.audience is None
    assert first.present == {"speaker_canonical", "source_kind", "outlet", "audience"}

    # direct and split: from the opening mark to the closing mark, two fragments
    quote = "“Nobody should wait,” she said, “and nobody will.”"
    assert second.type == "direct"
    assert second.content.text == quote
    assert (second.content.start, second.content.end) == _at(TEXT, quote)
    assert second.content.fragments == (
        _at(TEXT, "“Nobody should wait,”"),
        _at(TEXT, "“and nobody will.”"),
    )
    assert second.speaker is not None
    assert (second.speaker.start, second.speaker.end) == _at(TEXT, "she")
    assert second.cue is not None
    assert (second.cue.start, second.cue.end) == _at(TEXT, "said", 1)
    assert second.source_kind == "statement"
    assert second.audience == "reporters"


def test_missing_string_is_gold_invalid(tmp_path: Path) -> None:
    _write(tmp_path, YAML.replace('content_ends: "resume by Monday"', 'content_ends: "by Sunday"'))
    with pytest.raises(AttributionError) as err:
        read_fixture_gold(tmp_path)
    assert err.value.code == "gold-invalid"
    assert err.value.fields["path"] == str(tmp_path / "ferry.expected.yaml")
    assert err.value.fields["line"] == 7  # the line of the attribution's "- speaker:"
    assert "by Sunday" in str(err.value.fields["reason"])


def test_mention_not_in_paragraph_is_gold_invalid(tmp_path: Path) -> None:
    _write(tmp_path, YAML.replace('mention: "she"', 'mention: "Jane Roe"'))
    with pytest.raises(AttributionError) as err:
        read_fixture_gold(tmp_path)
    assert err.value.code == "gold-invalid"
    assert "Jane Roe" in str(err.value.fields["reason"])


def test_real_fixtures_load_with_consistent_spans() -> None:
    articles = read_fixture_gold(FIXTURES)
    assert len(articles) == len(list(FIXTURES.glob("*.expected.yaml")))
    n = 0
    for article in articles:
        text = article.text
        for q in article.quotes:
            n += 1
            spans = [q.content, q.speaker, q.cue]
            for span in spans:
                if span is None:
                    continue
                assert span.text == text[span.start : span.end], (article.id, q.id)
                for start, end in span.fragments:
                    assert span.start <= start <= end <= span.end
            assert q.content.text.strip() == q.content.text
            if q.type == "direct":
                assert q.content.text[0] in "“\"«‘'", (article.id, q.id)
                assert q.content.text[-1] in "”\"»’'", (article.id, q.id)
    entries = [
        a
        for p in FIXTURES.glob("*.expected.yaml")
        for a in yaml.safe_load(p.read_text(encoding="utf-8"))["attributions"]
    ]
    continuations = [a for a in entries if a["cue"] is None and a["same_source_as"] is not None]
    assert n < len(entries) - len(continuations) + 1  # joint entries are merged too
    assert n >= len({(a["content_starts"], a["content_ends"]) for a in entries}) - len(
        continuations
    )


CONTINUED = TEXT + "“The boats are ready.”\nLena Moss and Ivo Hart said the pier was safe.\n"
CONTINUED_YAML = (
    YAML
    + """\
  # 2
  - speaker: "Ana Ruiz"
    mention: null
    cue: null
    kind: direct
    content_starts: "The boats are"
    content_ends: "are ready."
    source: statement
    outlet: null
    audience: null
    when: null
    same_source_as: 1
  # 3
  - speaker: "Lena Moss"
    mention: "Lena Moss"
    cue: "said"
    kind: indirect
    content_starts: "the pier was"
    content_ends: "pier was safe"
    source: unspecified
    outlet: null
    audience: null
    when: null
    same_source_as: null
  # 4
  - speaker: "Ivo Hart"
    mention: "Ivo Hart"
    cue: "said"
    kind: indirect
    content_starts: "the pier was"
    content_ends: "pier was safe"
    source: unspecified
    outlet: null
    audience: null
    when: null
    same_source_as: 3
"""
)


def test_continuations_and_joint_speakers_become_one_unit(tmp_path: Path) -> None:
    """As the scorer joins a predicted continuation to its quote, and as the contract
    gives a shared content one (group) speaker."""
    (article,) = read_fixture_gold(_write(tmp_path, CONTINUED_YAML, CONTINUED))
    assert len(article.quotes) == 3
    quote, joint = article.quotes[1], article.quotes[2]
    assert len(quote.content.fragments) == 3  # two split fragments and the continuation
    assert quote.content.text.endswith("“The boats are ready.”")
    assert joint.speaker_canonical == "Lena Moss and Ivo Hart"
    assert joint.speaker_kind is None  # scored by the members' names
