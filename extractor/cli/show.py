"""nrc show RULES_OR_NOTICE: the review of one rule set in the terminal.

Each fact with its value and the quote it came from (derived and
year-inferred values marked), the warnings, and the figures of the notice
that no fact accounts for.  A notice is compiled in memory; nothing is written.
"""
from __future__ import annotations

import argparse

EXAMPLE = ("example:\n  nrc show compiled_rules/anhui-wuhe_2024.json\n"
           "  nrc show corpus/anhui-wuhe_2024.txt | less -R     # a notice, compiled in memory")


def register(sub) -> None:
    p = sub.add_parser("show", help="review one rule set: facts with their quotes, warnings, unexplained figures",
                       description=__doc__, epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="RULES_OR_NOTICE", help="a rule set .json, or a notice (.txt .md .html .htm .docx .pdf)")
    p.set_defaults(func=run)


def run(args, io) -> int:
    from pathlib import Path
    from ..compare import load_any
    from ..errors import InputError
    from ..review import build
    from .render import review
    if Path(args.file).is_dir():
        raise InputError(args.file, "is a folder", "give one rule set or notice; 'nrc diff FOLDER' compares many")
    review(io.console(), build(load_any(args.file)))
    return 0
