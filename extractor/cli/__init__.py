"""nrc command line: the only layer that prints.

Each command lives in its own module with `register(subparsers)`, which adds a
parser whose `func(args, io)` returns the exit status.  Errors from the
pipeline arrive as InputError and leave as one line on stderr with exit 2.
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from typing import TextIO

from ..errors import InputError, NrcError

COMMANDS = ("extract", "compile", "validate", "ingest", "show", "diff", "check")


@dataclass
class IO:
    out: TextIO
    err: TextIO

    @property
    def tty(self) -> bool:
        return hasattr(self.out, "isatty") and self.out.isatty()

    @property
    def color(self) -> bool:
        return self.tty and not os.environ.get("NO_COLOR")

    def console(self, stream: TextIO | None = None, width: int | None = None):
        """A rich Console on `stream` (stdout by default): colour only on a terminal, NO_COLOR respected."""
        from rich.console import Console
        stream = stream or self.out
        tty = hasattr(stream, "isatty") and stream.isatty()
        return Console(file=stream, force_terminal=tty, no_color=not self.color, color_system="auto" if self.color else None,
                       width=width or (None if tty else 100), highlight=False, soft_wrap=False)

    def error(self, exc: InputError) -> int:
        print(exc.line(), file=self.err)
        return 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line and exit 2, like every other bad input
        raise InputError(self.prog, message, f"see '{self.prog} --help'")


def build_parser() -> argparse.ArgumentParser:
    from importlib import import_module
    parser = _Parser(prog="nrc", description="nrc, the notice rules compiler: Chinese medical insurance enrollment notices to JSON rule sets.",
                     epilog="example:\n  nrc extract corpus/anhui-wuhe_2024.txt\n  nrc compile && nrc diff compiled_rules/",
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version="nrc 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        import_module(f".{name}", __name__).register(sub)
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    io = IO(out or sys.stdout, err or sys.stderr)
    try:
        parser = build_parser()
        from contextlib import redirect_stdout
        with redirect_stdout(io.out):  # --help and --version go to the given stream
            args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help(io.out)
            return 2
        return args.func(args, io)
    except InputError as exc:
        return io.error(exc)
    except NrcError as exc:
        print(f"nrc: error: {exc}", file=io.err)
        return 2
    except KeyboardInterrupt:
        print("nrc: interrupted", file=io.err)
        return 130
    except BrokenPipeError:
        return 0
    except SystemExit as exc:  # argparse --help / --version
        return int(exc.code or 0)
    except Exception as exc:  # noqa: BLE001 - never show a traceback to a user
        if os.environ.get("NRC_DEBUG"):
            raise
        print(f"nrc: internal error: {type(exc).__name__}: {exc} (hint: rerun with NRC_DEBUG=1 and report it)", file=io.err)
        return 3
