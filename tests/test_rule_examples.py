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
    produced = document["attributions"]
    assert len(produced) == len(example["expect"]), [a["content"]["text"] for a in produced]
    for attribution, expected in zip(produced, example["expect"], strict=True):
        assert _summary(attribution, set(expected)) == expected


def test_every_rule_has_a_positive_example():
    for rule in load_rules().patterns:
        assert any(example["expect"] for example in rule.examples), rule.name
