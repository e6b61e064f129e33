"""parse: run a family grammar (grammar/<family>.lark, LALR) over the tokens of a clause.

Family grammars %declare their terminals; the tokens come from
extractor.lexicon.  A token type the grammar does not know is read as TEXT.
A clause that does not fit gives None: no fact, and its figures stay
unexplained.
"""
from __future__ import annotations

from functools import lru_cache

from lark import Lark, Token
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


class _Table:
    """Lark's LALR table of one grammar, with each reduce action resolved once to
    (size, rule name, callback).  The callbacks build the parse tree, or, given a
    Transformer, apply it as each rule is reduced (no tree is built)."""

    def __init__(self, family: str, transformer=None):
        from lark.parsers.lalr_analysis import Shift
        lk = token_parser(family)
        inner = lk.parser.parser.parser
        table = inner.parse_table
        callbacks = inner.callbacks
        if transformer is not None:
            # rules inlined into their parent (_name) stay trees for the parent to splice,
            # as they are before a Transformer ever sees them
            own = lk._parse_tree_builder.create_callback(transformer)
            callbacks = {r: (callbacks[r] if r.origin.name.startswith("_") and not r.alias else f)
                         for r, f in own.items()}
        reduce = {}
        self.states: dict[int, dict[str, tuple]] = {}
        for state, row in table.states.items():
            out = {}
            for typ, (action, arg) in row.items():
                if action is Shift:
                    out[typ] = (True, arg)
                else:
                    if arg not in reduce:
                        reduce[arg] = (len(arg.expansion), arg.origin.name, callbacks[arg])
                    out[typ] = (False, reduce[arg])
            self.states[state] = out
        self.start_states = table.start_states
        self.end_states = table.end_states
        self.known = _terminals(family)


@lru_cache(maxsize=None)
def _table(family: str, transformer=None) -> _Table:
    return _Table(family, transformer)


_NO_FIT = object()
_new_str = str.__new__


def _leaf(t: Tok, typ: str) -> Token:
    """A lark Token reading as the text, whose .value is the Tok (built without Token's
    constructor, which costs more than the rest of a shift)."""
    leaf = _new_str(Token, t.text)
    leaf.type = typ
    leaf.value = t
    leaf.start_pos = t.start
    return leaf


def _run(table: _Table, toks: list[Tok], start: str):
    """LALR over `toks`: the value of the start rule, or _NO_FIT."""
    known = table.known
    states = table.states
    state_stack = [table.start_states[start]]
    value_stack: list = []
    prev_text = False
    for t in toks:
        typ = t.type
        if typ not in known:
            if "TEXT" not in known or typ in NEVER_TEXT:
                return _NO_FIT
            if prev_text:
                continue
            typ = "TEXT"
        prev_text = typ == "TEXT"
        while True:
            act = states[state_stack[-1]].get(typ)
            if act is None:
                return _NO_FIT
            if act[0]:
                state_stack.append(act[1])
                value_stack.append(_leaf(t, typ))
                break
            size, name, callback = act[1]
            if size:
                children = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                children = []
            value = callback(children)
            state_stack.append(states[state_stack[-1]][name][1])
            value_stack.append(value)
    end_state = table.end_states[start]
    while True:
        act = states[state_stack[-1]].get("$END")
        if act is None or act[0]:
            return _NO_FIT
        size, name, callback = act[1]
        if size:
            children = value_stack[-size:]
            del state_stack[-size:]
            del value_stack[-size:]
        else:
            children = []
        value = callback(children)
        state_stack.append(states[state_stack[-1]][name][1])
        value_stack.append(value)
        if state_stack[-1] == end_state:
            return value_stack[-1]


def fitting_prefixes(family: str, toks: list[Tok], cuts: list[int], start: str = "start") -> list[int]:
    """The cuts c (ascending offsets into `toks`) for which toks[:c] fits the grammar, in one
    pass over the tokens: at each cut the end of input is tried on a copy of the state stack
    (states only: no callbacks run)."""
    table = _table(family)
    known, states = table.known, table.states
    end_state = table.end_states[start]
    stack = [table.start_states[start]]
    wanted = set(cuts)
    out: list[int] = []
    prev_text = False

    def accepts_end() -> bool:
        st = stack[:]
        while True:
            act = states[st[-1]].get("$END")
            if act is None or act[0]:
                return False
            size, name, _ = act[1]
            if size:
                del st[-size:]
            st.append(states[st[-1]][name][1])
            if st[-1] == end_state:
                return True

    for pos in range(len(toks) + 1):
        if pos in wanted and accepts_end():
            out.append(pos)
        if pos == len(toks) or pos >= cuts[-1]:
            break
        typ = toks[pos].type
        if typ not in known:
            if "TEXT" not in known or typ in NEVER_TEXT:
                break
            if prev_text:
                continue
            typ = "TEXT"
        prev_text = typ == "TEXT"
        while True:
            act = states[stack[-1]].get(typ)
            if act is None:
                return out
            if act[0]:
                stack.append(act[1])
                break
            size, name, _ = act[1]
            if size:
                del stack[-size:]
            stack.append(states[stack[-1]][name][1])
    return out


def parse(family: str, toks: list[Tok], start: str = "start", using=None):
    """`toks` under grammar/<family>.lark, or None if they do not fit.

    Without `using`, the parse tree; with a Transformer, its value for the
    clause, computed rule by rule as the parser reduces (the tree is never built).
    """
    out = _run(_table(family, using), toks, start)
    return None if out is _NO_FIT else out
