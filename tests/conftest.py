"""Shared fixtures: one loaded pipeline per coreference path for the whole session.

A missing spaCy pipeline or coreferee model fails loudly here: the set-up command
installs both, so a skip would only hide a broken install.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribution import Attributor

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_fe27aea19974976f.txt"
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def attributor() -> Attributor:
    """The default engine: coreferee must be installed and must actually run."""
    engine = Attributor()
    assert engine.engine.coreference == "coreferee", "coreferee model missing: run make test"
    return engine


@pytest.fixture(scope="session")
def attributor_rules() -> Attributor:
    """The same engine with the rule-based coreference fallback."""
    return Attributor(coref=False)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
