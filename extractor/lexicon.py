"""lexicon: the vocabulary data files, and the clause lexer built from them.

`tokens(text)` turns a clause into the terminals that the family grammars
%declare: figures (MONEY, PERCENT, DATE, COUNT, PHONE) from extractor.values,
keywords from grammar/vocab/keywords.toml, punctuation (COMMA 、=DUN COLON),
bracketed asides as PAREN, and any other run of text as TEXT.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple


from .errors import GrammarError
from .grammars import vocab_path
from .values import Value, scan

_PUNCT = {"，": "COMMA", "、": "DUN", "：": "COLON"}
_OPEN, _CLOSE = "（〔[【", "）〕]】"


@lru_cache(maxsize=None)
def load_vocab(name: str) -> dict:
    """A vocabulary file, parsed once per process (callers only read it)."""
    try:
        with open(vocab_path(name), "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GrammarError(f"grammar/vocab/{name}: {exc}") from exc


def word_table(data: dict, where: str) -> dict[str, str]:
    """{TERMINAL: [words]} of a vocabulary file -> word -> terminal (the first terminal wins)."""
    out: dict[str, str] = {}
    for term, words in data.items():
        if not isinstance(words, list) or not term.replace("_", "").isupper():
            raise GrammarError(f"grammar/vocab/{where}: {term} must be an UPPER name with a list of words")
        for w in words:
            out.setdefault(w, term)
    return out


def _table(section: str) -> dict[str, str]:
    return word_table(load_vocab("keywords.toml").get(section, {}), "keywords.toml")


@lru_cache(maxsize=None)
def keywords() -> dict[str, str]:
    """word -> terminal name ([tokens] and punctuation)."""
    out = _table("tokens")
    for w, term in _table("policy").items():
        out.setdefault(w, term)
    for w, term in _PUNCT.items():
        out.setdefault(w, term)
    return out


@lru_cache(maxsize=None)
def _particles() -> dict[str, str]:
    return _table("particles")


@lru_cache(maxsize=None)
def _whole() -> dict[str, str]:
    """One-character [tokens] words: they count only as a whole run of text."""
    return {w: t for w, t in keywords().items() if len(w) == 1 and w not in _PUNCT}


@lru_cache(maxsize=None)
def _words() -> dict[str, str]:
    """Every word of two or more characters -> terminal (groups and populations included)."""
    out = {w: t for w, t in keywords().items() if len(w) > 1 or w in _PUNCT}
    for e in populations():
        for s in e.synonyms:
            out.setdefault(s, "POP")
    for g in grades():
        out.setdefault(g, "GRADE")
    for e in groups():
        for s in e.synonyms:
            if out.get(s) in (None, "POP"):
                out[s] = "GROUP"
    return out



def trie_pattern(words) -> str:
    """A regular expression matching any of `words`, longest first, built as a trie:
    matching at a position costs the length of a word, not the number of words."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = node.get("", False)
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@lru_cache(maxsize=None)
def _keyword_re() -> re.Pattern:
    return re.compile(trie_pattern(_words()))


@lru_cache(maxsize=None)
def _terms_re(types: tuple[str, ...]) -> re.Pattern:
    words = [w for w, t in _words().items() if t in types]
    return re.compile(trie_pattern(words) if words else r"(?!)")


def mentions(text: str, *types: str) -> bool:
    """Does `text` contain a word of one of these terminals?  (A cheap test before tokenizing.)"""
    return _terms_re(types).search(text) is not None


def mention_search(*types: str):
    """The search behind mentions(text, *types), for a caller testing many texts: truthy on a mention."""
    return _terms_re(types).search


def word_pattern() -> re.Pattern:
    """Every vocabulary word of two or more characters, longest first."""
    return _keyword_re()


@dataclass(frozen=True)
class Entry:
    name: str
    synonyms: tuple[str, ...]
    general: bool = False


def _entries(file: str, key: str) -> tuple[Entry, ...]:
    data = load_vocab(file).get(key, [])
    out = []
    for item in data:
        if "name" not in item or not isinstance(item.get("synonyms", []), list):
            raise GrammarError(f"grammar/vocab/{file}: every [[{key}]] needs name and synonyms")
        out.append(Entry(item["name"], tuple(item.get("synonyms", [])) or (item["name"],), bool(item.get("general"))))
    return tuple(out)


@lru_cache(maxsize=None)
def groups() -> tuple[Entry, ...]:
    return _entries("groups.toml", "group")


@lru_cache(maxsize=None)
def populations() -> tuple[Entry, ...]:
    return _entries("populations.toml", "population")


@lru_cache(maxsize=None)
def word_list(section: str, key: str) -> tuple[str, ...]:
    """A list of words from grammar/vocab/keywords.toml ([section] key = [...]), longest first."""
    words = load_vocab("keywords.toml").get(section, {}).get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise GrammarError(f"grammar/vocab/keywords.toml: [{section}] {key} must be a list of words")
    return tuple(sorted(words, key=len, reverse=True))


def alternation(section: str, key: str) -> str:
    """The words of word_list(section, key) as a regular-expression alternation."""
    return "|".join(map(re.escape, word_list(section, key))) or "(?!)"


@lru_cache(maxsize=None)
def grades() -> tuple[str, ...]:
    return tuple(load_vocab("populations.toml").get("grades", {}).get("words", []))


def _best(entries: tuple[Entry, ...], label: str) -> Entry | None:
    best, best_len = None, 0
    for e in entries:
        for s in e.synonyms:
            if len(s) > best_len and s in label:
                best, best_len = e, len(s)
    return best


@lru_cache(maxsize=4096)
def canonical_group(label: str) -> str | None:
    """The canonical group a label names (its longest synonym wins), or None.  Memoized:
    group labels recur from notice to notice, and the test runs over every synonym."""
    e = _best(groups(), label)
    return e.name if e else None


@lru_cache(maxsize=4096)
def population(label: str) -> Entry | None:
    return _best(populations(), label)


# ---------------------------------------------------------------- the lexer
class Tok(NamedTuple):
    """One token of a clause (a tuple: a sentence makes dozens, and tuples cost least to build)."""
    type: str
    text: str
    start: int
    end: int
    value: Value | None = None

    def __str__(self) -> str:  # what a lark Token built on this Tok reads as (cheap: no dataclass repr)
        return self.text


TOK_TYPE = itemgetter(0)   # Tok.type and Tok.start as functions (read in C by map and sort)
TOK_START = itemgetter(2)
# new_tok(Tok, (type, text, start, end, value)): a Tok without NamedTuple's Python-level __new__
# (the lexers build dozens per sentence)
new_tok = tuple.__new__


_BRACKET = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")


def _paren_spans(text: str) -> list[tuple[int, int]]:
    """Outermost bracketed spans (only the bracket characters are visited)."""
    spans, depth, start = [], 0, 0
    for m in _BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def _merge(held: list[Tok], marks: list[Tok]) -> list[Tok]:
    """`held` with those of `marks` that overlap none of it, in order of start.  Both lists are in
    order and hold no overlaps (finditer, scan), so one walk over both replaces a sort."""
    if not held:
        return marks
    out: list[Tok] = []
    i, n = 0, len(held)
    for t in marks:
        while i < n and held[i].end <= t.start:
            out.append(held[i])
            i += 1
        if i < n and held[i].start < t.end:
            continue  # inside a bracket or a figure: no token of its own
        out.append(t)
    out += held[i:]
    return out


def tokens(text: str, values: list[Value] | None = None, keep_skip: bool = False) -> list[Tok]:
    """Tokens of one clause or sentence (offsets relative to `text`).  `values` are the figures
    as scan(text) gives them: in order, none overlapping."""
    if values is None:
        values = scan(text)
    # what brackets and figures hold is theirs: a figure inside brackets, or a word inside
    # either, is no token of its own (keywords never overlap each other)
    held = [new_tok(Tok, (v.kind.upper(), v.text, v.start, v.end, v)) for v in values]
    if _BRACKET.search(text):
        held = _merge([new_tok(Tok, ("PAREN", text[s + 1:e - 1], s, e, None)) for s, e in _paren_spans(text)], held)
    kw = _words()
    marks = []
    for m in _keyword_re().finditer(text):
        a, b = m.span()
        word = m[0]
        marks.append(new_tok(Tok, (kw[word], word, a, b, None)))
    if held:
        marks = _merge(held, marks)
    out: list[Tok] = []
    pos = 0
    whole, parts = _whole(), _particles()
    edge = _edge()
    plain = True  # out is empty or ends with a mark: a plain gap after it needs no merging
    for t in marks:
        kind, _, a, b, _ = t
        if a > pos:
            gap = text[pos:a]
            if plain and gap[0] not in edge and gap[-1] not in edge and gap not in whole:
                out.append(new_tok(Tok, ("TEXT", gap, pos, a, None)))  # the common case of _text, inline
            else:
                _text(text, pos, a, out, whole, parts)
        if kind != "SKIP" or keep_skip:
            out.append(t)
            plain = True
        else:
            plain = False
        pos = b
    if pos < len(text):
        _text(text, pos, len(text), out, whole, parts)
    return out


@lru_cache(maxsize=None)
def _edge() -> frozenset[str]:
    """Characters that send a gap starting or ending with one of them through _text:
    spaces and stops (stripped) and particles (split off)."""
    return _EDGE | frozenset(_particles())


_EDGE = frozenset(" 。；.·")  # a gap starting or ending with one of these takes the long way


def _text(text: str, s: int, e: int, out: list[Tok], whole: dict[str, str], parts: dict[str, str]) -> None:
    """A run of other text: particles at its edges become tokens, the rest is TEXT."""
    while s < e and text[s] == " ":
        s += 1
    while e > s and text[e - 1] == " ":
        e -= 1
    if s >= e:
        return
    chunk = text[s:e]
    if chunk in whole:
        _emit(whole[chunk], chunk, s, e, out)
        return
    head = parts.get(text[s])
    if head is not None:
        _emit(head, text[s], s, s + 1, out)
        s += 1
    tail = parts.get(text[e - 1]) if e > s else None
    if tail is not None:
        e -= 1
    if head is not None or tail is not None:
        chunk = text[s:e]
    if chunk in whole:  # 县 in 县按…: a word once its particles are off
        _emit(whole[chunk], chunk, s, e, out)
    elif chunk.strip(" 。；.·"):
        _emit("TEXT", chunk, s, e, out)
    if tail is not None:
        _emit(tail, text[e], e, e + 1, out)


def _emit(kind: str, word: str, s: int, e: int, out: list[Tok]) -> None:
    """Append a token of _text; SKIP is dropped before a Tok is built, TEXT next to TEXT joins it."""
    if kind == "SKIP":
        return
    if kind == "TEXT" and out and out[-1].type == "TEXT" and out[-1].end >= s - 1:
        prev = out[-1]
        out[-1] = new_tok(Tok, ("TEXT", prev.text + word, prev.start, e, None))
        return
    out.append(new_tok(Tok, (kind, word, s, e, None)))
