"""nrc diff A B [C...]: how regions (or versions of one region) differ, fact by fact.

Rows are facts (funding, classes by population, subsidy tiers by canonical
group, periods, newborn window, schedule phases, targets, contacts...),
columns are the rule sets: regions in the order given, or, when all inputs
are one region, its versions ordered by issue date.  Inputs are rule set
files, notices (compiled in memory) or folders of either; 2 to 50 in all.
Rows marked * differ; — marks a value the notice does not state.  Wide
tables are printed in groups of columns that fit the terminal.
"""
from __future__ import annotations

import argparse

EXAMPLE = ("example:\n  nrc diff compiled_rules/\n"
           "  nrc diff compiled_rules/anhui-hefei_2025-draft.json corpus/anhui-wuhe_2024.txt --only-diff\n"
           "  nrc diff compiled_rules/ --format markdown > diff.md   # paste into a PR comment\n"
           "  nrc diff old.json new.json --exit-code --format json")


def register(sub) -> None:
    p = sub.add_parser("diff", help="side-by-side table of how rule sets differ",
                       description=__doc__, epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="rule set .json files, notices, or folders of either")
    p.add_argument("--only-diff", action="store_true", help="show only the facts that differ")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="output format (default: text)")
    p.add_argument("--exit-code", action="store_true", help="exit 1 when the rule sets differ")
    p.add_argument("--width", type=int, default=None, help="text width in columns (default: the terminal's, 100 when piped)")
    p.set_defaults(func=run)


def run(args, io) -> int:
    from ..compare import MAX_COLUMNS, collect, table
    from ..errors import InputError
    from . import render
    named = collect(args.paths)
    where = " ".join(args.paths)
    if len(named) < 2:
        raise InputError(where, f"{len(named)} rule set(s) given, diff needs at least 2", "give two files or a folder")
    if len(named) > MAX_COLUMNS:
        raise InputError(where, f"{len(named)} rule sets given, diff shows at most {MAX_COLUMNS}",
                         "name fewer files, e.g. one province's")
    if args.width is not None and args.width < 40:
        raise InputError("--width", f"{args.width} is too narrow", "use 40 or more")
    t = table(named)
    shown = t.only_diff() if args.only_diff else t
    if args.format == "json":
        io.out.write(render.diff_json(shown))
    elif args.format == "markdown":
        io.out.write(render.diff_markdown(shown))
    else:
        console = io.console(width=args.width)
        render.diff_text(console, shown, console.width)
    return 1 if args.exit_code and t.differs else 0
