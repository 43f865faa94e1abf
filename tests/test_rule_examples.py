"""Each cue rule's ``examples`` in rules/cue_patterns.yaml are its tests.

An example lists every attribution its sentence must produce (or none, for a negative
example), optionally with the rule that must produce it, so documentation and behaviour
cannot drift apart. Fallback rules that fire only when the parser errs are tested on
hand-built parses in test_attribute.py.
"""

from __future__ import annotations

import pytest

from attribution.rules import load_rules

CASES = [
    pytest.param(rule.name, example, id=f"{rule.name}-{index}")
    for rule in load_rules().patterns
    for index, example in enumerate(rule.examples)
]


def _summary(attribution: dict, keys: set[str]) -> dict:
    mention = attribution["speaker_mention"]
    summary = {
        "speaker": mention["text"] if mention else None,
        "cue": (attribution["cue"] or {}).get("text"),
        "content": attribution["content"]["text"],
        "rule": attribution["rule"],
    }
    return {key: value for key, value in summary.items() if key in keys}


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(attributor, rule, example):
    document = attributor.attribute(example["text"])
    keys = {key for expected in example["expect"] for key in expected} or {"content"}
    produced = [_summary(a, keys) for a in document["attributions"]]
    assert produced == example["expect"]


def test_every_rule_has_a_positive_example():
    for rule in load_rules().patterns:
        assert any(example["expect"] for example in rule.examples), rule.name
