"""Helpers every family transformer shares: evidence, used figures, clause tokens."""
from __future__ import annotations

from functools import lru_cache

from ..facts import Evidence, RuleSet
from ..lexicon import Tok, tokens
from ..segment import Cell, Sentence
from ..values import Value

QUOTE_MAX = 240


def squeeze(text: str) -> str:
    """`text` without its whitespace (str.split splits at exactly the characters re's \\s matches)."""
    return "".join(text.split())


def clean(text: str | None) -> str | None:
    """Text value as the spec wants it: layout spaces removed."""
    if text is None:
        return None
    return squeeze(text) or None


def evidence(sent: Sentence, offset: int = 0, **flags) -> Evidence:
    quote = sent.text if len(sent.text) <= QUOTE_MAX else sent.text[:QUOTE_MAX] + "…"
    return Evidence(sent.origin_of(offset), quote, loc=sent.line.loc, **flags)


def cell_evidence(cell: Cell, row: list[Cell] | None = None, **flags) -> Evidence:
    quote = " | ".join(c.text for c in row) if row else cell.text
    return Evidence(cell.line, quote, loc=cell.loc, **flags)


def use(rs: RuleSet, sent: Sentence, tok: Tok | Value | None) -> None:
    """Mark a figure of `sent` as accounted for by a fact."""
    if tok is None:
        return
    rs.used.add((id(sent.line), sent.start + tok.start))


def use_cell(rs: RuleSet, cell: Cell) -> None:
    rs.used.add((id(cell), 0))


def sentence_tokens(sent: Sentence) -> list[Tok]:
    return sent.tokens


@lru_cache(maxsize=2048)
def title_types(title: str) -> tuple[str, ...]:
    """The token types of a heading's title (read by several families; computed once per title)."""
    return tuple(t.type for t in tokens(title))


def clauses(toks: list[Tok]) -> list[list[Tok]]:
    """Split a sentence's tokens at top-level commas."""
    out: list[list[Tok]] = [[]]
    for t in toks:
        if t.type == "COMMA":
            out.append([])
        else:
            out[-1].append(t)
    return [c for c in out if c]
