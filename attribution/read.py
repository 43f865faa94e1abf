"""Read an article as text, exactly as it is: offsets in the output refer to this string."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import AttributionError

STDIN = "-"


def read_text(path: str) -> str:
    """Decode ``path`` (or stdin for ``-``) as UTF-8, strictly: a bad byte is an error."""
    data = _read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise AttributionError(
            "input-not-utf8", path=_label(path), position=err.start, reason=err.reason
        ) from err


def document_id(path: str) -> str:
    return "stdin" if path == STDIN else Path(path).stem


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.exists():
        raise AttributionError("input-not-found", path=path)
    try:
        return file.read_bytes()
    except OSError as err:
        raise AttributionError(
            "input-unreadable", path=path, reason=err.strerror or str(err)
        ) from err


def _label(path: str) -> str:
    return "<stdin>" if path == STDIN else path
