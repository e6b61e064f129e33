"""nrc check [PATH...]: recompile notices (default corpus/) and compare with the committed compiled_rules/.

Compares fact by fact (JSON Pointers of the rule set) and prints, per notice,
which facts changed, were added or removed, with old and new values and the
quote; changes of evidence alone are listed briefly.  A notice with no rules
file, and (when whole folders are checked) a rules file with no notice, are
drift too.  --update rewrites compiled_rules/ atomically, like a snapshot update.
Exit 0 in sync, 1 drift, 2 bad input.
"""
from __future__ import annotations

import argparse
from pathlib import Path

EXAMPLE = ("example:\n  nrc check                      # corpus/ against compiled_rules/, in CI\n"
           "  nrc check corpus/anhui-wuhe_2024.txt\n"
           "  nrc check --update             # accept the drift: rewrite compiled_rules/")


def register(sub) -> None:
    p = sub.add_parser("check", help="recompile and compare with the committed compiled_rules/ (CI)",
                       description=__doc__, epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", default=["corpus"], help="notice files or folders (default: corpus)")
    p.add_argument("--rules", default="compiled_rules", help="folder of committed rule sets (default: compiled_rules)")
    p.add_argument("--update", action="store_true", help="rewrite the rule sets that drifted (and drop orphans)")
    p.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    p.set_defaults(func=run)


def _show(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def run(args, io) -> int:
    import json
    from rich.text import Text
    from .. import api
    from ..batch import compile_all, locked, write_all
    from ..compare import drift
    from ..errors import InputError
    from ..fsutil import inside
    from .render import drift_report

    rules_dir = Path(args.rules)
    if rules_dir.exists() and not rules_dir.is_dir():
        raise InputError(rules_dir, "is not a folder", "--rules names the folder of compiled rule sets")
    progress = None
    if io.tty:
        from rich.progress import Progress
        progress = Progress(console=io.console(io.err), transient=True)
    results = compile_all(args.paths, jobs=max(1, args.jobs), progress=progress)
    from .render import NoWrap
    console = NoWrap(io.console())

    drifted, in_sync, expected = [], 0, set()
    for notice, new_bytes in results:
        target = inside(rules_dir, api.rules_name(notice))
        expected.add(target.name)
        if not target.exists():
            drifted.append(notice)
            console.print(Text.assemble((str(notice), "bold"), ": ", ("new notice not compiled", "bold red"),
                                        f" (no {_show(target)})"))
            continue
        old_bytes = target.read_bytes()
        if old_bytes == new_bytes:
            in_sync += 1
            continue
        drifted.append(notice)
        try:
            old = json.loads(old_bytes.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            console.print(Text.assemble((str(notice), "bold"), f" → {_show(target)}: ",
                                        ("committed rules file is not valid JSON", "bold red"), f" ({exc})"))
            continue
        drift_report(console, str(notice), _show(target), drift(old, json.loads(new_bytes), old_bytes, new_bytes))

    orphans = []
    if args.paths and all(Path(p).is_dir() for p in args.paths) and rules_dir.is_dir():
        orphans = sorted(p for p in rules_dir.glob("*.json") if p.name not in expected and not p.name.startswith("."))
        for p in orphans:
            console.print(Text.assemble((_show(p), "bold"), ": ", ("rules file without a notice", "bold red"),
                                        f" (no notice in {', '.join(args.paths)} compiles to it)"))

    if args.update:
        if drifted or orphans:
            written = write_all(results, rules_dir)
            with locked(rules_dir):
                for p in orphans:
                    p.unlink(missing_ok=True)
            n = sum(changed for _, changed in written)
            console.print(Text(f"updated {n} rule set(s), removed {len(orphans)} in {_show(rules_dir)}/", style="bold green"))
        else:
            console.print(Text(f"checked {len(results)} notice(s): in sync, nothing to update", style="green"))
        return 0

    total = len(drifted) + len(orphans)
    if total:
        console.print(Text(f"checked {len(results)} notice(s): {in_sync} in sync, {len(drifted)} drifted"
                           + (f", {len(orphans)} orphan rules file(s)" if orphans else "")
                           + " (hint: review, then 'nrc check --update' to accept)", style="bold red"))
        return 1
    console.print(Text(f"checked {len(results)} notice(s): all in sync with {_show(rules_dir)}/", style="green"))
    return 0
