"""extractor.parse must give what Lark itself gives.

parse.py builds one callback per rule from what Lark's ParseTreeBuilder knows, instead of
Lark's chain of wrappers, and drives the LALR table itself.  The reference here is Lark's
own ParserState fed the same terminals (a run of TEXT words one TEXT, as parse.py reads
them), with Lark's create_callback callbacks (inlined `_rules` kept as trees, as they are
before a Transformer sees them), for every family grammar, each of its start rules, tree
mode and the Transformers the families use, over the clauses of the seeds and notices: the
clauses the pipeline parses (recorded while it runs), each sentence's clauses, and their
prefixes.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path

import pytest
from lark.exceptions import UnexpectedToken
from lark.lexer import Token
from lark.parsers.lalr_parser_state import ParseConf, ParserState

import extractor.parse as P
import extractor.transform as T
from extractor.load import load
from extractor.normalize import normalize
from extractor.segment import segment
from extractor.transform.base import clauses
from extractor.transform.notice import _ORG, _TITLE

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "notices").glob("*.txt"))[:6]
FAMILIES = sorted(p.stem for p in (ROOT / "grammar").glob("*.lark") if p.stem not in ("common", "docno"))


def _transformers() -> dict[str, list]:
    """For each family, None (tree mode) and the Transformers parsing with it."""
    out = {f: [None] for f in FAMILIES}
    out["notice"].append(_TITLE)
    out["org"].append(_ORG)
    for m in pkgutil.iter_modules(T.__path__):
        mod = importlib.import_module(f"extractor.transform.{m.name}")
        using = getattr(mod, "_T", None)
        if using is None:
            continue
        src = Path(mod.__file__).read_text("utf-8")
        for fam in FAMILIES:
            if f'parse("{fam}"' in src:
                out[fam].append(using)
    return out


@lru_cache(maxsize=None)
def _conf(family: str, start: str, using) -> ParseConf:
    lk = P.token_parser(family)
    callbacks = {r: f for r, (f, _) in P._lark_callbacks(lk, using).items()}
    return ParseConf(lk.parser.parser.parser.parse_table, callbacks, start)


def _reference(family: str, toks, start: str, using):
    """Lark's ParserState over the terminals parse.py reads `toks` as; its value, or None."""
    table = P._table(family)
    state = ParserState(_conf(family, start, using), None)
    prev_text = False
    try:
        for t in toks:
            typ = table.read_as(t.type)
            if typ is None:
                return None
            if typ == "TEXT" and prev_text and t.type not in table.known:
                continue
            prev_text = typ == "TEXT"
            leaf = Token(typ, t.text, start_pos=t.start)
            leaf.value = t  # parse.py's leaves read as the text and hold the Tok
            state.feed_token(leaf)
        return state.feed_token(Token("$END", ""), True)
    except UnexpectedToken:
        return None


@pytest.fixture(scope="module")
def cases():
    """(family, tokens, start, transformer): what the pipeline parses, and every clause of every sentence."""
    recorded = []
    real = P.parse

    def spy(family, toks, start="start", using=None):
        recorded.append((family, list(toks), start, using))
        return real(family, toks, start, using)

    mods = [importlib.import_module(f"extractor.transform.{m.name}") for m in pkgutil.iter_modules(T.__path__)]
    patched = [m for m in mods if getattr(m, "parse", None) is real]
    docs = []
    for m in patched:
        m.parse = spy
    try:
        from extractor import api
        for p in SOURCES:
            src = load(p)
            api.extract_source(src)
            docs.append(segment(normalize(src.lines, src.locs), hints=src.hints))
    finally:
        for m in patched:
            m.parse = real
    out = set()
    for family, toks, start, using in recorded:
        for n in range(1, len(toks) + 1):
            out.add((family, tuple(toks[:n]), start, using))
    usings = _transformers()
    for doc in docs:
        for sent in doc.sentences:
            for clause in [sent.tokens] + clauses(sent.tokens):
                for family in FAMILIES:
                    for start in P._starts(family):
                        for using in usings[family]:
                            for n in range(1, min(len(clause), 12) + 1):
                                out.add((family, tuple(clause[:n]), start, using))
    return sorted(out, key=lambda c: (c[0], c[2], id(c[3]), [t[:4] for t in c[1]]))


def test_every_family_gets_its_own_callbacks():
    """The equality below checks something only if parse.py does not fall back to Lark's callbacks."""
    for family, usings in _transformers().items():
        for using in usings:
            assert P._own_callbacks(P._grammar(family).rules, using) is not None, (family, using)


def test_same_values_as_lark(cases):
    fits = 0
    for family, toks, start, using in cases:
        want = _reference(family, list(toks), start, using)
        got = P.parse(family, list(toks), start, using=using)
        assert repr(got) == repr(want), (family, start, using, [t.text for t in toks])
        assert got == want
        fits += got is not None
    assert fits > 500  # many clauses fit, not only the failures agree
