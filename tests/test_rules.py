"""The rule loader: every shipped file loads; broken files fail with every problem named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from attribution.errors import AttributionError
from attribution.rules import load_rules

from .conftest import ROOT

BAD = Path(__file__).parent / "data" / "bad_rules"


def test_shipped_rules_load():
    rules = load_rules()
    assert {"speech-verb-complement", "according-to"} <= {r.name for r in rules.patterns}
    assert len(rules.channels) >= 40
    assert rules.adjust(0.9, "pronoun-speaker") == 0.8


def test_a_lexicon_class_selects_its_words_in_a_pattern():
    # "@speech_verbs:belief,intent" lets a rule leave out verbs that report no utterance.
    rules = load_rules()
    (rule,) = [r for r in rules.patterns if r.name == "speech-verb-complement-no-speaker"]
    excluded = set(rule.pattern[0]["RIGHT_ATTRS"]["LEMMA"]["NOT_IN"])
    assert {"believe", "assume", "hope"} <= excluded
    assert not {"say", "announce", "claim"} & excluded
    assert excluded < rules.words("speech_verbs")


def test_a_lexicon_named_in_a_list_joins_its_words():
    # [decline, …, "@speech_verbs:directive"]: the listed words and the class's words.
    rules = load_rules()
    (rule,) = [r for r in rules.patterns if r.name == "infinitive-complement-governing-subject"]
    excluded = rule.pattern[1]["RIGHT_ATTRS"]["LEMMA"]["NOT_IN"]
    assert all(isinstance(word, str) for word in excluded)
    assert {"decline", "need", "urge", "encourage", "implore"} <= set(excluded)
    assert "say" not in excluded


def _rules_with(tmp_path: Path, bad_file: str) -> Path:
    """The shipped rules plus one broken file, in a fresh folder."""
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder, ignore=shutil.ignore_patterns("__*"))
    shutil.copy(BAD / bad_file, folder / bad_file.replace("bad_", "zz_"))
    return folder


@pytest.mark.parametrize(
    ("bad_file", "expected"),
    [
        (
            "bad_confidence.yaml",
            ["bad-confidence.confidence: 1.4 is greater than the maximum of 1"],
        ),
        ("bad_lexicon.yaml", ["lexicon '@no_such_words' is not defined"]),
        ("bad_duplicate_key.yaml", ["duplicate key 'pattern'"]),
        ("bad_pattern.yaml", ["bad-pattern.pattern:"]),
        ("bad_nodes.yaml", ["bad-nodes.nodes: token patterns name each element"]),
        ("bad_name.yaml", ["speech-verb-complement: name already used in rules/cue_patterns.yaml"]),
        (
            "bad_channel.yaml",
            [
                "bad-channel-kind.channel: 'podcast' is not one of",
                "bad-channel-trigger.trigger: Additional properties are not allowed",
            ],
        ),
    ],
)
def test_broken_rule_files_fail_with_every_problem(tmp_path, bad_file, expected):
    with pytest.raises(AttributionError) as caught:
        load_rules(_rules_with(tmp_path, bad_file))
    assert caught.value.code == "rule-file-invalid"
    message = str(caught.value)
    for fragment in expected:
        assert fragment in message
    assert f"rules/{bad_file.replace('bad_', 'zz_')}" in message


def test_scene_channels_must_be_source_kinds(tmp_path):
    folder = _rules_with(tmp_path, "bad_lexicon.yaml").parent / "scene"
    shutil.copytree(ROOT / "rules", folder, ignore=shutil.ignore_patterns("__*"))
    scene = folder / "scene_channels.yaml"
    scene.write_text(scene.read_text(encoding="utf-8") + "  - press_conferance\n", "utf-8")
    with pytest.raises(AttributionError) as caught:
        load_rules(folder)
    assert "'press_conferance' is not a source kind" in str(caught.value)
