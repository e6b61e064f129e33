"""nrc compile [PATH...]: compile notices (default corpus/) into compiled_rules/, one file per notice.

Every notice is compiled before anything is written; if one is bad input,
nothing is written and the exit status is 2.  Files are replaced atomically.
"""
from __future__ import annotations

import argparse
from pathlib import Path

EXAMPLE = "example:\n  nrc compile                      # corpus/ -> compiled_rules/\n  nrc compile corpus/anhui-wuhe_2024.txt --jobs 2"


def register(sub) -> None:
    p = sub.add_parser("compile", help="compile notices into compiled_rules/",
                       description=__doc__, epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", default=["corpus"], help="notice files or folders (default: corpus)")
    p.add_argument("--out", default="compiled_rules", help="output folder (default: compiled_rules)")
    p.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    p.set_defaults(func=run)


def run(args, io) -> int:
    from ..batch import compile_all, write_all
    out_dir = Path(args.out)
    progress = None
    if io.tty:
        from rich.progress import Progress
        progress = Progress(console=io.console(io.err), transient=True)
    results = compile_all(args.paths, jobs=max(1, args.jobs), progress=progress)
    written = write_all(results, out_dir)
    for path, changed in written:
        print(f"{'wrote' if changed else 'unchanged'} {path}", file=io.out)
    print(f"compiled {len(results)} notice(s) into {out_dir}/", file=io.out)
    return 0
