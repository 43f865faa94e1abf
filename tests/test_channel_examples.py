"""Every example sentence of every channel rule yields a source of that rule's channel.

The examples in ``rules/channels.yaml`` are the rules' tests: each is a full sentence with
a speech cue and content, and the engine must give its attribution the rule's channel.
"""

from __future__ import annotations

import pytest

from attribution.rules import load_rules

RULES = load_rules()
CASES = [
    pytest.param(rule.channel, rule.name, text, id=f"{rule.name}:{i}")
    for rule in RULES.channels
    for i, text in enumerate(rule.examples)
]


def test_every_channel_rule_has_examples() -> None:
    assert len(RULES.channels) >= 85
    assert all(rule.examples for rule in RULES.channels), [
        rule.name for rule in RULES.channels if not rule.examples
    ]


@pytest.mark.parametrize(("channel", "name", "text"), CASES)
def test_example_yields_channel(attributor, channel: str, name: str, text: str) -> None:
    document = attributor.attribute(text, published="2025-05-16")
    assert document["attributions"], f"no attribution for {text!r}"
    sources = {s["id"]: s for s in document["sources"]}
    kinds = [
        sources[a["source"]]["kind"] if a["source"] else None for a in document["attributions"]
    ]
    assert channel in kinds, f"{name}: {text!r} gave {kinds}"
