"""Markdown notices: strip the markup, keep the text, turn tables into table lines.

`| 瑶海区 | 64490236 |` becomes `\\t瑶海区\\t64490236` (the table form every
loader gives).  The separator row `|---|:---:|` carries no text; it becomes a
bare TAB line (a table line without cells) so that line numbers still match
the .md file.  Heading #'s, emphasis markers, block quote marks and link
targets are removed; list bullets and numbers stay (the normalizer and the
outline need them).
"""
from __future__ import annotations

import re

_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_HEADING_CLOSE = re.compile(r"(?<!\s)\s+#+\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LINK = re.compile(r"!?\[([^\]\[]*)\]\([^()]*\)")  # no nested brackets: linear on "[[[["
_STRONG = re.compile(r"(\*\*|__|~~)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![*A-Za-z0-9])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*A-Za-z0-9])")
_EM_UNDER = re.compile(r"(?<![_A-Za-z0-9])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![_A-Za-z0-9])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
# (emphasis and links never contain their own delimiter: each opener scans only to the next
# delimiter, so a line of 100k openers stays linear)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = text.replace("\\|", "\x00")  # an escaped pipe is text, not a cell border
    for _ in range(2):  # nested emphasis: ***x***
        text = _STRONG.sub(r"\2", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDER.sub(r"\1", text)
    text = text.replace("`", "")
    return text


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text).replace("\x00", "|")


def _cells(row: str) -> list[str]:
    inner = row.strip().replace("\\|", "\x00")  # an escaped pipe is text, not a cell border
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [_unescape(_inline(c)).replace("\t", " ").strip() for c in inner.split("|")]


def markdown_lines(lines: list[str]) -> list[str]:
    """Markdown source lines -> plain lines (same count), tables as TAB lines."""
    out: list[str] = []
    fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            out.append("")
            continue
        if fenced:
            out.append(line)
            continue
        if _TABLE_ROW.match(line):
            if _SEPARATOR.match(line):
                out.append("\t")
            else:
                out.append("\t" + "\t".join(_cells(line)))
            continue
        text = _QUOTE.sub("", line).lstrip("\t")  # a leading TAB would make a table line
        if _HEADING.match(text):
            text = _HEADING_CLOSE.sub("", _HEADING.sub("", text, count=1))
        text = _unescape(_inline(text))
        out.append(text.rstrip() if text.strip() else "")
    return out
