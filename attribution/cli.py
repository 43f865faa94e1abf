"""The ``attribute`` command line: a thin layer of click over the Python API.

Every failure the user can cause ends in one line on stderr, ``error[code]: message``,
and a documented exit code (see errors.py); only ``--debug`` shows a traceback.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback
import warnings
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import EXIT_INTERNAL, EXIT_INVALID, AttributionError, exit_code, message
from .read import STDIN, document_id, read_text

EXAMPLES = """
\b
Examples:
  attribute article.txt                      JSON for one article on stdout
  attribute article.txt -o out.json --published 2024-08-02
  cat article.txt | attribute - --compact
  attribute validate out.json                check documents against the schema
  attribute schema > attribution.schema.json
  attribute evaluate --gold dev.jsonl        precision, recall and F1 against gold
  attribute evaluate --fixtures fixtures/    the same against our own gold

\b
Exit codes: 0 ok, 1 invalid document or failed check, 2 usage, rules or model
error, 3 unreadable or undecodable input, 4 internal error (please report it).
"""


class _DefaultCommandGroup(click.Group):
    """``attribute FILE`` means ``attribute run FILE``: the common case needs no verb."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group(
    cls=_DefaultCommandGroup,
    epilog=EXAMPLES,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="attribute")
def cli() -> None:
    """Link every quote and claim in a news article to who said it and where."""


@cli.command("run", epilog=EXAMPLES)
@click.argument("file", metavar="FILE")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write here (atomically) instead of stdout.",
)
@click.option(
    "--published", metavar="YYYY-MM-DD", help="Publication date: resolves 'Friday' to a date."
)
@click.option("--model", metavar="NAME", help="spaCy pipeline to use (default: best installed).")
@click.option("--no-coref", is_flag=True, help="Skip coreferee; resolve pronouns by rules.")
@click.option("--compact", is_flag=True, help="One line of JSON, no spaces.")
@click.option(
    "--indent", type=click.IntRange(0, 8), default=2, show_default=True, help="JSON indent."
)
def run(
    file: str,
    output: str | None,
    published: str | None,
    model: str | None,
    no_coref: bool,
    compact: bool,
    indent: int,
) -> None:
    """Attribute the article in FILE (- for stdin) and print one JSON document."""
    from .pipeline import Attributor, parse_date

    date = parse_date(published)  # a bad date fails before the model loads
    text = read_text(file)
    engine = Attributor(model=model, coref=not no_coref)
    document = engine.attribute(
        text, doc_id=document_id(file), published=date, source_path=None if file == STDIN else file
    )
    _write(_dumps(document, compact, indent), output)


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
def validate(files: tuple[str, ...]) -> None:
    """Check JSON documents against the output schema; print each error with its path."""
    from .schema import format_problems, validate_document

    failed = False
    for path in files:
        document = _read_json(path)
        problems = validate_document(document) if isinstance(document, dict) else None
        if problems is None:
            click.echo(f"{path}: not a JSON object", err=True)
            failed = True
        elif problems:
            for line in format_problems(problems, path):
                click.echo(line, err=True)
            click.echo(message("schema-invalid-document", path=path, count=len(problems)), err=True)
            failed = True
        else:
            click.echo(f"{path}: valid")
    if failed:
        sys.exit(EXIT_INVALID)


@cli.command("schema")
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the output."""
    from .schema import load_schema

    click.echo(json.dumps(load_schema(), indent=2, ensure_ascii=False))


@cli.command("evaluate")
@click.option("--gold", type=click.Path(dir_okay=False), help="Gold JSONL (PolNeAR format).")
@click.option(
    "--fixtures",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Our own gold instead: a directory of <name>.txt + <name>.expected.yaml.",
)
@click.option("--split", help="Only records of this split (e.g. dev); with --gold only.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Figures as JSON.")
@click.option("--model", metavar="NAME", help="spaCy pipeline to use.")
@click.option("--no-coref", is_flag=True, help="Skip coreferee.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here.")
def evaluate(
    gold: str | None,
    fixtures: str | None,
    split: str | None,
    limit: int | None,
    as_json: bool,
    model: str | None,
    no_coref: bool,
    output: str | None,
) -> None:
    """Score the engine against gold attributions: precision, recall, F1 and accuracies."""
    from .evaluate import format_report, read_gold, report_to_dict, score
    from .pipeline import Attributor

    if (gold is None) == (fixtures is None):
        raise click.UsageError("give exactly one of --gold FILE and --fixtures DIR")
    if gold is not None:
        articles = read_gold(Path(gold), split=split, limit=limit)
    else:
        from .fixture_gold import read_fixture_gold

        if split is not None:
            raise click.UsageError("--split applies to --gold only")
        articles = read_fixture_gold(Path(fixtures))[:limit]
    engine = Attributor(model=model, coref=not no_coref)
    predicted = {
        doc["document"]["id"]: doc
        for doc in engine.pipe((article.id, article.text) for article in articles)
    }
    report = score(articles, predicted)
    text = _dumps(report_to_dict(report), False, 2) if as_json else format_report(report)
    _write(text, output)


def _dumps(document: Any, compact: bool, indent: int) -> str:
    if compact:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(document, ensure_ascii=False, indent=indent or None)


def _write(text: str, output: str | None) -> None:
    """Print, or replace ``output`` atomically: a crash never leaves half a file."""
    if output is None:
        click.echo(text)
        return
    target = Path(output)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text + "\n")
        os.replace(temporary, target)
    except OSError as err:
        raise AttributionError(
            "output-unwritable", path=output, reason=err.strerror or str(err)
        ) from err


def _read_json(path: str) -> Any:
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise AttributionError("json-invalid", path=path, reason=str(err)) from err


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the commands and turn every failure into one line and an exit code."""
    # coreferee asks the small pipeline for word similarities on every document and spaCy
    # warns each time that it has no vectors; the answer is known and changes nothing.
    warnings.filterwarnings("ignore", message=r"\[W007\]")
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    args = [a for a in (argv if argv is not None else sys.argv[1:]) if a != "--debug"]
    try:
        cli.main(args=args, prog_name="attribute", standalone_mode=False)
    except AttributionError as err:
        click.echo(f"error[{err.code}]: {err.args[0]}", err=True)
        sys.exit(exit_code(err.code))
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        click.echo("error[interrupted]: interrupted", err=True)
        sys.exit(exit_code("interrupted"))
    except Exception as err:  # the one place that catches everything: report, don't crash
        if debug:
            traceback.print_exc()
        reason = f"{type(err).__name__}: {' '.join(str(err).split())[:200]}"
        click.echo(
            f"error[internal]: internal error: {reason}. Please report it (rerun with --debug).",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
