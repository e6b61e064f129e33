"""The core commands through their output and exit codes: extract, compile, validate, and bad input.

Bad input never shows a traceback and never writes: one line `nrc: <file>: <what>` on stderr, exit 2.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "anhui-wuhe_2024.txt"


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_extract_prints_canonical_json():
    code, out, err = run("extract", str(SEED))
    assert code == 0 and err == ""
    rules = json.loads(out)
    assert rules["format"] == "nrc.rules/1"
    assert out == json.dumps(rules, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    assert "\\u" not in out  # characters, not escapes


def test_extract_is_byte_identical_across_runs():
    assert run("extract", str(SEED))[1] == run("extract", str(SEED))[1]


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    (tmp / "latin.txt").write_bytes("caf\xe9 na\xefve \xff\xfe".encode("latin-1") * 50)
    (tmp / "nothing").mkdir()
    (tmp / "nothing" / "readme.rst").write_text("not a notice")
    (tmp / "notice.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    return {"missing file": tmp / "nope.txt", "empty file": tmp / "empty.txt",
            "binary garbage": tmp / "garbage.txt", "undecodable bytes": tmp / "latin.txt",
            "folder with no notices": tmp / "nothing", "unsupported extension": tmp / "notice.doc"}


@pytest.mark.parametrize("what", ["missing file", "empty file", "binary garbage", "undecodable bytes",
                                  "folder with no notices", "unsupported extension"])
@pytest.mark.parametrize("command", ["extract", "compile"])
def test_bad_input_is_one_line_and_exit_2_and_writes_nothing(tmp_path, what, command):
    path = _bad_inputs(tmp_path)[what]
    out_dir = tmp_path / "out"
    argv = [command, str(path)] + (["--out", str(out_dir)] if command == "compile" else [])
    if command == "extract" and what == "folder with no notices":
        argv = [command, str(path)]
    code, out, err = run(*argv)
    assert code == 2, (what, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nrc: "), err
    assert "Traceback" not in err and out == ""
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_compile_with_one_bad_notice_writes_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    (corpus / "broken.txt").write_bytes(b"")
    code, _, err = run("compile", str(corpus), "--out", str(tmp_path / "rules"))
    assert code == 2 and "broken.txt" in err
    assert not (tmp_path / "rules").exists() or not list((tmp_path / "rules").glob("*.json"))


def test_compile_writes_one_file_per_notice_and_is_idempotent(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted((ROOT / "corpus").glob("*.txt"))[:2]:
        shutil.copy(p, corpus / p.name)
    out_dir = tmp_path / "rules"
    code, out, _ = run("compile", str(corpus), "--out", str(out_dir))
    assert code == 0 and out.count("wrote ") == 2
    first = {p.name: p.read_bytes() for p in out_dir.glob("*.json")}
    code, out, _ = run("compile", str(corpus), "--out", str(out_dir))
    assert code == 0 and out.count("unchanged ") == 2
    assert first == {p.name: p.read_bytes() for p in out_dir.glob("*.json")}
    assert not list(out_dir.glob(".nrc-*.tmp"))


def test_validate_accepts_compiled_rules_and_rejects_a_broken_one(tmp_path):
    code, out, _ = run("validate", str(ROOT / "compiled_rules"))
    assert code == 0 and out.count(": ok") == len(list((ROOT / "compiled_rules").glob("*.json")))
    rules = json.loads((ROOT / "compiled_rules" / "anhui-wuhe_2024.json").read_text("utf-8"))
    rules["funding"]["total"] = 9999  # no longer individual + government
    rules["subsidies"][0]["basis"] = "generous"  # not a basis the schema knows
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(rules, ensure_ascii=False), "utf-8")
    code, out, _ = run("validate", str(bad))
    assert code == 1 and "total_mismatch" in out and "schema: /subsidies/0/basis" in out


def test_help_of_every_command_shows_an_example():
    for command in ("extract", "compile", "validate", "ingest", "show", "diff", "check"):
        code, out, _ = run(command, "--help")
        assert code == 0 and "example" in out.lower(), command


def test_console_script_gives_no_traceback_on_bad_input(tmp_path):
    nrc = ROOT / ".venv" / "bin" / "nrc"
    cmd = [str(nrc)] if nrc.exists() else [sys.executable, "-m", "extractor"]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = subprocess.run(cmd + ["extract", str(empty)], capture_output=True, text=True, timeout=60,
                       env={**os.environ, "NO_COLOR": "1"})
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and r.stderr.startswith("nrc: ")


def test_a_value_the_schema_refuses_is_removed_with_a_warning_and_evidence_follows():
    from extractor import api
    from extractor.check import check, schema_errors
    rules = api.extract(SEED)
    rules["warnings"] = []
    third = {k[len("/subsidies/3"):]: v for k, v in rules["evidence"].items() if k.startswith("/subsidies/3/")}
    n = len(rules["subsidies"])
    rules["subsidies"][1]["percent"] = 900     # nullable: becomes null
    rules["subsidies"][2]["basis"] = "weird"   # not nullable: the tier goes
    rules["scheme_year"] = 1900
    check(rules)
    assert schema_errors(rules) == []
    assert rules["subsidies"][1]["percent"] is None and rules["scheme_year"] is None and len(rules["subsidies"]) == n - 1
    assert {w["code"] for w in rules["warnings"]} == {"schema"} and len(rules["warnings"]) == 3
    # the tier that was fourth is third now, with its own evidence
    assert {k[len("/subsidies/2"):]: v for k, v in rules["evidence"].items() if k.startswith("/subsidies/2/")} == third
    assert not any(k.startswith(f"/subsidies/{n - 1}/") for k in rules["evidence"])
