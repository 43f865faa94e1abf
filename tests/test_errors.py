"""The message table: every code is used somewhere, and each message formats."""

from __future__ import annotations

import re

import pytest

from attribution.errors import MESSAGES, AttributionError, exit_code, message

from .conftest import ROOT


def test_every_code_is_used_in_the_package():
    source = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (ROOT / "attribution").glob("*.py")
        if path.name != "errors.py"
    )
    unused = [code for code in MESSAGES if f'"{code}"' not in source]
    assert unused == []


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_codes_are_kebab_case_and_format(code):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code)
    fields = {name: "x" for name in re.findall(r"{(\w+)}", MESSAGES[code])}
    assert message(code, **fields)


def test_error_carries_code_and_exit_code():
    err = AttributionError("input-not-found", path="a.txt")
    assert str(err) == "[input-not-found] a.txt: no such file"
    assert exit_code("input-not-found") == 3
    assert exit_code("rule-file-invalid") == 2
    with pytest.raises(KeyError):
        AttributionError("no-such-code")
