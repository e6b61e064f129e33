"""nrc extract FILE: print the rule set of one notice as JSON; writes nothing."""
from __future__ import annotations

import argparse

EXAMPLE = "example:\n  nrc extract corpus/anhui-wuhe_2024.txt > wuhe.json"


def register(sub) -> None:
    p = sub.add_parser("extract", help="print the rule set of one notice as JSON",
                       description=__doc__, epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", help="a notice: .txt .md .html .htm .docx .pdf")
    p.set_defaults(func=run)


def run(args, io) -> int:
    from .. import api
    from ..emit import dumps
    rules = api.extract(args.file)
    io.out.write(dumps(rules))
    return 0
