"""Lark parsers built from grammar/*.lark, once per process.

Lark's own cache (cache=True: a file per grammar and Lark version, keyed by a
hash of the grammar, in the system's temporary folder) saves rebuilding the
LALR tables at every start of `nrc`; a changed grammar gets a new cache file.

Grammars are data: each family grammar %imports the shared terminals and
rules of grammar/common.lark.  Parsers are LALR; family grammars whose
terminals are produced by extractor.lexicon (%declare'd) are fed tokens
through Lark's interactive parser instead of a lexer.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import GrammarError


def grammar_dir() -> Path:
    return Path(str(resources.files("extractor.grammar")))


def vocab_path(name: str) -> Path:
    return grammar_dir() / "vocab" / name


@lru_cache(maxsize=None)
def parser(name: str, start: str | tuple[str, ...] = "start", lexer: str = "contextual"):
    """The LALR parser of grammar/<name>.lark (cached)."""
    from lark import Lark
    from lark.exceptions import GrammarError as LarkGrammarError

    path = grammar_dir() / f"{name}.lark"
    try:
        return Lark(path.read_text("utf-8"), parser="lalr", lexer=lexer,
                    start=list(start) if isinstance(start, tuple) else start,
                    import_paths=[str(grammar_dir())], maybe_placeholders=False,
                    propagate_positions=False, cache=True)
    except (OSError, LarkGrammarError) as exc:
        raise GrammarError(f"grammar/{name}.lark: {exc}") from exc
