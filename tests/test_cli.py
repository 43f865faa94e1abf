"""The command line as a user meets it: exit codes, one-line errors, valid JSON out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from attribution.schema import validate_document

from .conftest import SEED

ATTRIBUTE = [sys.executable, "-m", "attribution"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*ATTRIBUTE, *args], input=stdin, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "seed.json"
    result = run(str(SEED), "--published", "2024-08-02", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    return out


def test_writes_valid_document(seed_json):
    document = json.loads(seed_json.read_text(encoding="utf-8"))
    text = SEED.read_text(encoding="utf-8")
    assert validate_document(document, text) == []
    assert document["document"]["id"] == SEED.stem
    assert document["document"]["published"] == "2024-08-02"


def test_stdout_and_stdin_agree(seed_json):
    result = run("-", "--published", "2024-08-02", "--compact", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert b"\n" not in result.stdout.strip()
    piped = json.loads(result.stdout)
    written = json.loads(seed_json.read_text(encoding="utf-8"))
    assert piped["attributions"] == written["attributions"]
    assert piped["document"]["source_path"] is None


def test_validate_accepts_and_rejects(seed_json, tmp_path):
    assert run("validate", str(seed_json)).returncode == 0
    document = json.loads(seed_json.read_text(encoding="utf-8"))
    document["attributions"][0]["kind"] = "quote"
    document["speakers"][0].pop("name")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    result = run("validate", str(seed_json), str(broken))
    assert result.returncode == 1
    errors = result.stderr.decode()
    assert f"{broken}: $.attributions[0].kind: 'quote' is not one of" in errors
    assert f"{broken}: $.speakers[0]: 'name' is a required property" in errors


def test_schema_command_prints_the_schema():
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize(
    ("args", "content", "code", "error"),
    [
        (["missing.txt"], None, 3, "error[input-not-found]: missing.txt: no such file"),
        (["{bad}"], b"caf\xe9 au lait", 3, "error[input-not-utf8]: "),
        (
            ["{ok}", "--published", "2024-02-30"],
            b"Hi.",
            2,
            "error[bad-date]: --published 2024-02-30",
        ),
        (["{ok}", "--model", "no_such_model"], b"Hi.", 2, "error[model-not-installed]: "),
        (["validate", "{bad}"], b"{not json", 1, "error[json-invalid]: "),
        (["{bad}"], b"word " * 250_001, 3, "error[input-too-long]: "),
    ],
)
def test_bad_input_gives_one_line_and_exit_code(tmp_path, args, content, code, error):
    bad, ok = tmp_path / "bad.txt", tmp_path / "ok.txt"
    if content is not None:
        bad.write_bytes(content)
        ok.write_bytes(content)
    args = [a.replace("{bad}", str(bad)).replace("{ok}", str(ok)) for a in args]
    result = run(*args)
    stderr = result.stderr.decode()
    assert result.returncode == code
    assert stderr.startswith(error)
    assert stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr


def test_output_is_written_atomically(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    result = run("missing.txt", "-o", str(out))
    assert result.returncode == 3
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_version_and_help():
    assert run("--version").stdout.decode().strip().startswith("attribute, version ")
    help_text = run("--help").stdout.decode()
    assert "Examples:" in help_text and "Exit codes:" in help_text
