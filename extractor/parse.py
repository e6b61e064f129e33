"""parse: run a family grammar (grammar/<family>.lark, LALR) over the tokens of a clause.

Family grammars %declare their terminals; the tokens come from
extractor.lexicon.  A token type the grammar does not know is read as TEXT.
A clause that does not fit gives None: no fact, and its figures stay
unexplained.
"""
from __future__ import annotations

from functools import lru_cache

from lark import Lark, Tree
from lark.exceptions import LarkError
from lark.lexer import Lexer

from .errors import GrammarError
from .grammars import grammar_dir
from .lexicon import Tok


class _Fed(Lexer):
    """No lexer: tokens are fed through the interactive parser."""

    def __init__(self, conf):  # noqa: D401 - Lark's interface
        pass

    def lex(self, *args):  # pragma: no cover - never called
        return iter(())


@lru_cache(maxsize=None)
def _starts(family: str) -> list[str]:
    """`start`, and any other start rules a grammar names in a `// starts: a b` line."""
    import re
    text = (grammar_dir() / f"{family}.lark").read_text("utf-8")
    m = re.search(r"^// starts:(.*)$", text, re.M)
    return ["start"] + (m.group(1).split() if m else [])


@lru_cache(maxsize=None)
def token_parser(family: str) -> Lark:
    try:
        text = (grammar_dir() / f"{family}.lark").read_text("utf-8")
        return Lark(text, parser="lalr", lexer=_Fed, start=_starts(family), maybe_placeholders=False, cache=True)
    except (OSError, LarkError) as exc:
        raise GrammarError(f"grammar/{family}.lark: {exc}") from exc


@lru_cache(maxsize=None)
def _terminals(family: str) -> frozenset[str]:
    """The terminals a family grammar knows: those it %declares (a declared terminal that no
    rule uses is a word that makes a clause not fit) and every one a parser state accepts."""
    import re
    text = (grammar_dir() / f"{family}.lark").read_text("utf-8")
    declared = {name for line in re.findall(r"^%declare\s+(.*)$", text, re.M) for name in line.split()}
    table = token_parser(family).parser.parser.parser.parse_table
    used = {k for state in table.states.values() for k in state if k.isupper() and k != "$END"}
    return frozenset(declared | used)


# Figures and distractor words are never read as plain text: a clause holding
# one that its grammar has no place for does not fit.
NEVER_TEXT = frozenset({"MONEY", "PERCENT", "DATE", "COUNT", "PHONE", "FUND", "RATE"})


def parse(family: str, toks: list[Tok], start: str = "start") -> Tree | None:
    """The parse tree of `toks` under grammar/<family>.lark, or None if they do not fit."""
    known = _terminals(family)
    ip = token_parser(family).parse_interactive(start=start)
    try:
        prev_text = False
        for t in toks:
            if t.type not in known:
                if "TEXT" not in known or t.type in NEVER_TEXT:
                    return None
                if prev_text:
                    continue
                t = Tok("TEXT", t.text, t.start, t.end)
            prev_text = t.type == "TEXT"
            ip.feed_token(t.lark())
        return ip.feed_eof()
    except LarkError:
        return None
