"""nrc check: not built yet (see the issues)."""
from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("check", help="(not built yet)")
    p.set_defaults(func=run)


def run(args, io) -> int:
    print("nrc: check: not built yet", file=io.err)
    return 2
