"""lazy_re: a regular expression constant compiled on its first use.

Python's re compiles in Python, and a cold `nrc extract` pays for every pattern compiled at
import, used or not: a class holding a CJK range ([\\u3400-\\u9fff]) alone costs a millisecond
or two, as re visits every one of its 27,000 characters.  A pattern that only a rare path
reads (a table, a roster of contacts, a line with a lone surrogate) is written

    _NAME = lazy_compile(r"^[\\u3400-\\u9fff]{2,4}$")

and reads as the constant it is.  Its .pattern is there at once (a pattern built from the
text of others compiles none of them); the first read of any other attribute compiles it
and puts the compiled pattern's methods and attributes on the object, so that later calls
find them directly and cost what a compiled pattern's do.  A pattern read on the common
path stays a plain re.compile.
"""
from __future__ import annotations

import re

# what a compiled pattern offers, copied onto a LazyPattern at its first use
_COPIED = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
           "flags", "groups", "groupindex")


class LazyPattern:
    """re.compile(pattern, flags), done when first used (see the module's doc)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Python calls this only for an attribute the object lacks: before the first use,
        # any but .pattern; after it, none of _COPIED
        if name.startswith("__") or name not in _COPIED:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        compiled = re.compile(self.pattern, self._flags)
        for attr in _COPIED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A regular expression, compiled by re.compile(pattern, flags) on its first use."""
    return LazyPattern(pattern, flags)
