"""nrc validate FILE.json...: JSON Schema and consistency checks of rule sets."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..errors import InputError

EXAMPLE = "example:\n  nrc validate compiled_rules/*.json"


def register(sub) -> None:
    p = sub.add_parser("validate", help="check rule set files against the schema and the consistency rules",
                       description=__doc__, epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", help="rule set JSON files or folders of them")
    p.set_defaults(func=run)


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(p.glob("*.json"))
            if not found:
                raise InputError(p, "folder has no .json rule sets")
            out += found
        elif p.exists():
            out.append(p)
        else:
            raise InputError(p, "no such file", "check the path")
    return out


def run(args, io) -> int:
    from ..check import schema_errors, consistency
    bad = 0
    for path in _files(args.files):
        try:
            rules = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            print(f"{path}: invalid JSON: {exc}", file=io.out)
            bad += 1
            continue
        problems = [f"schema: {e}" for e in schema_errors(rules)]
        problems += [f"{w['code']}: {w['message']}" for w in consistency(rules)]
        if problems:
            bad += 1
            print(f"{path}: {len(problems)} problem(s)", file=io.out)
            for p in problems:
                print(f"  {p}", file=io.out)
        else:
            print(f"{path}: ok", file=io.out)
    return 1 if bad else 0
