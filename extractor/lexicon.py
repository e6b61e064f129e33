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
from typing import Callable, NamedTuple


from .errors import GrammarError
from .grammars import vocab_path
from .values import Value, scan

_PUNCT = {"，": "COMMA", "、": "DUN", "：": "COLON"}
_OPEN, _CLOSE = "（〔[【", "）〕]】"
assert _OPEN == "（〔[【", "tokens() tests each opening bracket by name: change it with _OPEN"


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



def _punct_first(ch: str) -> tuple[bool, str]:
    return ch.isalnum(), ch


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
        # the regex tries a node's branches in turn: punctuation (the commonest words of any
        # clause, and last in code-point order) first; the order changes no match, as the
        # branches of a node start with different characters
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(filter(None, node), key=_punct_first)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@lru_cache(maxsize=None)
def _keyword_re() -> re.Pattern:
    """The words as one group: tokens() splits by it (the words kept between the gaps), and a
    search or finditer matches as the pattern without the group would (its match is group 0).
    Compiled once for both: the trie of every word takes some 5 ms to compile."""
    return re.compile(f"({trie_pattern(_words())})")


@lru_cache(maxsize=None)
def token_search(*types: str):
    """A search finding a word in every text the lexer makes a token of one of `types` from:
    the words of those types of any length, particles included.  A text it finds nothing in
    has no such token: an exact test before tokenizing."""
    words = {w for table in (_words(), _whole(), _particles()) for w, t in table.items() if t in types}
    return re.compile(trie_pattern(words) if words else r"(?!)").search


def mentions(text: str, *types: str) -> bool:
    """Does `text` contain a word of one of these terminals?  (token_search, asked once.)"""
    return token_search(*types)(text) is not None


def word_pattern() -> re.Pattern:
    """Every vocabulary word of two or more characters, longest first (in one group, which
    holds the whole match)."""
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


class _Tables(NamedTuple):
    """What tokens() reads of the vocabulary, fetched by one cached call per sentence (five
    such calls cost about as much as the tokens of a short clause)."""
    kinds: dict[str, str]          # _words()
    split: Callable[[str], list[str]]  # the keyword regex's split, the words captured
    whole: dict[str, str]          # _whole()
    parts: dict[str, str]          # _particles()
    edge: frozenset[str]           # _edge()


@lru_cache(maxsize=None)
def _tables() -> _Tables:
    return _Tables(_words(), _keyword_re().split, _whole(), _particles(), _edge())


def tokens(text: str, values: list[Value] | None = None, keep_skip: bool = False) -> list[Tok]:
    """Tokens of one clause or sentence (offsets relative to `text`).  `values` are the figures
    as scan(text) gives them: in order, none overlapping."""
    if values is None:
        values = scan(text)
    kinds, split, whole, parts, edge = _tables()
    # what brackets and figures hold is theirs: a figure inside brackets, or a word inside
    # either, is no token of its own (keywords never overlap each other)
    held = [new_tok(Tok, (v.kind.upper(), v.text, v.start, v.end, v)) for v in values] if values else []
    # only an opening bracket starts a span; a substring test per bracket of _OPEN (held equal
    # to it below) costs less than a regex search
    if "（" in text or "〔" in text or "[" in text or "【" in text:
        held = _merge([new_tok(Tok, ("PAREN", text[s + 1:e - 1], s, e, None)) for s, e in _paren_spans(text)], held)
    # The keyword regex's split walks the text in C: gaps and words alternate (no Match object,
    # no span() call per word), and the offsets are the running sum of their lengths
    pieces = split(text)
    out: list[Tok] = []
    pos = b = 0  # end of the last mark placed; end of the last word
    plain = True  # out is empty or ends with a mark: a plain gap after it needs no merging
    hi, nh = 0, len(held)
    nxt = held[0].start if held else len(text)  # start of the next held token to place
    it = iter(pieces)
    for gap, word in zip(it, it):
        a = b + len(gap)
        b = a + len(word)
        if b > nxt:  # a held token starts before this word ends: place those ending before it
            while hi < nh and held[hi].end <= a:
                h = held[hi]
                _gap(text, pos, h.start, out, plain, whole, parts, edge)
                out.append(h)
                pos, plain, hi = h.end, True, hi + 1
            nxt = held[hi].start if hi < nh else len(text)
            if nxt < b:
                continue  # inside a bracket or a figure: no token of its own
            gap = text[pos:a]
        # else nothing was placed since the previous word, and `gap` starts where it ended
        if gap:
            if plain and gap[0] not in edge and gap[-1] not in edge and gap not in whole:
                out.append(new_tok(Tok, ("TEXT", gap, pos, a, None)))  # the common case of _gap, inline
            else:
                _text(text, pos, a, out, whole, parts)
        kind = kinds[word]
        if kind != "SKIP" or keep_skip:
            out.append(new_tok(Tok, (kind, word, a, b, None)))
            plain = True
        else:
            plain = False
        pos = b
    for h in held[hi:]:
        _gap(text, pos, h.start, out, plain, whole, parts, edge)
        out.append(h)
        pos, plain = h.end, True
    _gap(text, pos, len(text), out, plain, whole, parts, edge)
    return out


def _gap(text: str, s: int, e: int, out: list[Tok], plain: bool, whole: dict[str, str], parts: dict[str, str],
         edge: frozenset[str]) -> None:
    """The text between two marks: one TEXT token, unless something at its edges or a merge
    with the TEXT before it (`plain` false) needs _text."""
    gap = text[s:e]
    if not gap:
        return
    if plain and gap[0] not in edge and gap[-1] not in edge and gap not in whole:
        out.append(new_tok(Tok, ("TEXT", gap, s, e, None)))
    else:
        _text(text, s, e, out, whole, parts)


@lru_cache(maxsize=None)
def _edge() -> frozenset[str]:
    """Characters that send a gap starting or ending with one of them through _text:
    spaces and stops (stripped) and particles (split off)."""
    return _EDGE | frozenset(_particles())


_EDGE = frozenset(" 。；.·")  # a gap starting or ending with one of these takes the long way


def _text(text: str, s: int, e: int, out: list[Tok], whole: dict[str, str], parts: dict[str, str]) -> None:
    """A run of other text (s < e): particles at its edges become tokens, the rest is TEXT."""
    chunk = text[s:e]
    if chunk[0] == " " or chunk[-1] == " ":  # spaces at the edges are dropped
        core = chunk.lstrip(" ")
        s += len(chunk) - len(core)
        chunk = core.rstrip(" ")
        if not chunk:
            return
        e = s + len(chunk)
    if chunk in whole:
        _emit(whole[chunk], chunk, s, e, out)
        return
    head = parts.get(chunk[0])
    if head is not None:
        if head != "SKIP":  # (a dropped particle, the usual one, costs no call)
            _emit(head, chunk[0], s, s + 1, out)
        if len(chunk) == 1:
            return
        chunk = chunk[1:]
        s += 1
    tail = parts.get(chunk[-1])
    if tail is not None:
        chunk = chunk[:-1]
        e -= 1
    if chunk in whole:  # 县 in 县按…: a word once its particles are off
        _emit(whole[chunk], chunk, s, e, out)
    elif chunk.strip(" 。；.·"):
        _emit("TEXT", chunk, s, e, out)
    if tail is not None and tail != "SKIP":
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
