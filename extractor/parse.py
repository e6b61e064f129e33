"""parse: run a family grammar (grammar/<family>.lark, LALR) over the tokens of a clause.

Family grammars %declare their terminals; the tokens come from
extractor.lexicon.  A token type the grammar does not know is read as TEXT.
A clause that does not fit gives None: no fact, and its figures stay
unexplained.
"""
from __future__ import annotations

import hashlib
import marshal
import re
import tempfile
from functools import lru_cache, partial
from pathlib import Path
from typing import NamedTuple

import lark
from lark import Lark, Token
from lark.exceptions import LarkError
from lark.lexer import Lexer

from . import fsutil
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
def token_parser(family: str) -> Lark:
    try:
        text = (grammar_dir() / f"{family}.lark").read_text("utf-8")
        return Lark(text, parser="lalr", lexer=_Fed, start=_starts_of(text), maybe_placeholders=False, cache=True)
    except (OSError, LarkError) as exc:
        raise GrammarError(f"grammar/{family}.lark: {exc}") from exc


def _starts_of(text: str) -> list[str]:
    """`start`, and any other start rules a grammar names in a `// starts: a b` line."""
    m = re.search(r"^// starts:(.*)$", text, re.M)
    return ["start"] + (m.group(1).split() if m else [])


def _starts(family: str) -> list[str]:
    return list(_grammar(family).starts)


class _Grammar(NamedTuple):
    """What the driver needs of a family grammar's LALR table, as plain data (it is cached on
    disk, so that a start of nrc need not load the grammar's Lark parser):
      starts: the start rules; known: the terminals the grammar knows (those it %declares, a
        declared terminal that no rule uses being a word that makes a clause not fit, and
        every one a state accepts);
      rows[s][symbol]: a shift (a terminal) or goto (a rule name) to state n >= 0, or a
        reduce by rules[~n];
      rules[i]: (origin, name, size, keep, expand1, inlined, plain) of Lark's rule i: its name
        for a Transformer (alias, template or origin), the length of its expansion, the
        children its ParseTreeBuilder keeps ((index, spliced) pairs, None: all as they are),
        whether it is a ?rule, whether it is inlined (see _inlined), and whether Lark's
        wrapper chain holds only those two wrappers (if not, Lark's own callbacks are used);
      start_states / end_states: by start rule."""
    starts: tuple
    known: tuple
    rows: list
    rules: list
    start_states: dict
    end_states: dict


_FORMAT = 1  # of a cached _Grammar: a change of _describe must change it


@lru_cache(maxsize=None)
def _grammar(family: str) -> _Grammar:
    """The grammar's _Grammar, from the cache file of this very grammar text, Lark version and
    _FORMAT when there is one (in the system's temporary folder, beside Lark's own cache),
    else described from its Lark parser and cached (a cache that cannot be read or written is
    passed by: the grammar is described again)."""
    try:
        text = (grammar_dir() / f"{family}.lark").read_text("utf-8")
    except OSError as exc:
        raise GrammarError(f"grammar/{family}.lark: {exc}") from exc
    key = hashlib.sha256(f"{_FORMAT}\0{lark.__version__}\0{family}\0{text}".encode()).hexdigest()
    path = Path(tempfile.gettempdir()) / f".nrc_lalr_{family}_{key[:24]}.marshal"
    try:
        data = marshal.loads(fsutil.read_own(path))
        if data[0] == key:
            return _Grammar(*data[1:])
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        pass
    g = _describe(token_parser(family), text)[0]
    fsutil.write_quietly(path, marshal.dumps((key,) + tuple(g)))
    return g


def _describe(lk: Lark, text: str) -> tuple[_Grammar, list]:
    """The _Grammar of a grammar's Lark parser, and Lark's rules in the order of its rules."""
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild
    from lark.parsers.lalr_analysis import Shift
    table = lk.parser.parser.parser.parse_table
    # Lark numbers the states 0..n-1
    assert sorted(table.states) == list(range(len(table.states)))
    objects, rules = [], []
    for rule, chain in lk._parse_tree_builder.rule_builders:
        keep, expand1, plain = None, False, True
        for w in chain:
            if w is ExpandSingleChild:
                expand1 = True
            elif isinstance(w, partial) and w.func is ChildFilterLALR_NoPlaceholders:
                (keep,) = w.args
                keep = tuple((int(i), bool(splice)) for i, splice in keep)
            else:
                plain = False
        objects.append(rule)
        rules.append((rule.origin.name, rule.alias or rule.options.template_source or rule.origin.name,
                      len(rule.expansion), keep, expand1, _inlined(rule), plain))
    index = {rule: i for i, rule in enumerate(objects)}
    rows = [{typ: (arg if action is Shift else ~index[arg]) for typ, (action, arg) in table.states[s].items()}
            for s in range(len(table.states))]
    declared = {name for line in re.findall(r"^%declare\s+(.*)$", text, re.M) for name in line.split()}
    used = {k for row in rows for k in row if k.isupper() and k != "$END"}
    g = _Grammar(tuple(_starts_of(text)), tuple(sorted(declared | used)), rows, rules,
                 dict(table.start_states), dict(table.end_states))
    return g, objects


# Figures and distractor words are never read as plain text: a clause holding
# one that its grammar has no place for does not fit.
NEVER_TEXT = frozenset({"MONEY", "PERCENT", "DATE", "COUNT", "PHONE", "FUND", "RATE"})


class _Table:
    """The LALR table of one grammar, for the drivers: states[s][symbol] is the state a shift
    (a terminal) or goto (a rule name) leads to, an int, or a reduce action resolved once to
    the tuple (size, goto, callback, spread): goto[s] is the state the rule's goto leads to
    from state s (states[s][rule name], looked up once per rule), and a reduce calls
    callback(*children) when `spread`, else callback(children).  The callbacks build the
    parse tree, or, given a Transformer, apply it as each rule is reduced (no tree is built)."""

    def __init__(self, family: str, transformer=None):
        g = _grammar(family)
        callbacks = _own_callbacks(g.rules, transformer)
        if callbacks is None:  # Lark's own callbacks, by Lark's rules
            lk = token_parser(family)
            g, objects = _describe(lk, (grammar_dir() / f"{family}.lark").read_text("utf-8"))
            lark_callbacks = _lark_callbacks(lk, transformer)
            callbacks = [lark_callbacks[r] for r in objects]
        n = len(g.rows)
        # by rule name, the state its goto leads to from each state (a list indexed by state)
        gotos = {origin: [None] * n for origin, *_ in g.rules}
        for state, row in enumerate(g.rows):
            for typ, arg in row.items():
                if typ in gotos:
                    gotos[typ][state] = arg
        reduce = [(size, gotos[origin]) + callbacks[i] for i, (origin, _, size, *_) in enumerate(g.rules)]
        self.states: list[dict[str, int | tuple]] = [
            {typ: (arg if arg >= 0 else reduce[~arg]) for typ, arg in row.items()} for row in g.rows]
        self.start_states = g.start_states
        self.end_states = g.end_states
        # An end state (the start rule complete) has no action on $END: the end of input
        # reduces until it is reached and stops there (_run, _ends)
        assert not any("$END" in self.states[s] for s in g.end_states.values())
        self.known = frozenset(g.known)
        self.text_ok = "TEXT" in self.known
        # The same actions by lookahead, columns[terminal][state] (None: no action), for the
        # drivers: a step looks its action up by indexing a list, cheaper than row.get(typ)
        self.columns = {typ: [row.get(typ) for row in self.states] for typ in self.known | {"$END"}}

    def read_as(self, typ: str) -> str | None:
        """The terminal a token of type `typ` is read as: itself when the grammar knows it,
        TEXT for any other word, None for a figure it has no place for (nothing fits)."""
        if typ in self.known:
            return typ
        return "TEXT" if self.text_ok and typ not in NEVER_TEXT else None


def _inlined(rule) -> bool:
    """A rule whose children go into its parent's (`_name`, and Lark's own `__x_star_n`
    rules for repeats): every parent splices it, no Transformer ever sees it."""
    return rule.origin.name.startswith("_") and not rule.alias


def _lark_callbacks(lk: Lark, transformer) -> dict:
    """Lark's callbacks (a chain of wrappers per rule), as (callback, spread=False)."""
    callbacks = lk.parser.parser.parser.callbacks
    if transformer is not None:
        # inlined rules stay trees for the parent to splice, as they are before a
        # Transformer ever sees them
        own = lk._parse_tree_builder.create_callback(transformer)
        callbacks = {r: (callbacks[r] if _inlined(r) else f) for r, f in own.items()}
    return {r: (f, False) for r, f in callbacks.items()}


def _own_callbacks(rules: list, transformer) -> list | None:
    """Per rule of a _Grammar, one call doing what Lark's wrapper chain does
    (ChildFilterLALR_NoPlaceholders keeping and splicing children, ExpandSingleChild for ?rule,
    v_args(inline=True)'s spreading, the method or __default__), as (callback, spread).  An
    inlined rule's value is the list of its kept children (what the parent splices; Lark makes
    a Tree of them and splices its .children).  None when a grammar or Transformer uses
    anything else: Lark's own then."""
    from lark.tree import Tree
    from lark.visitors import Transformer_InPlace, _vargs_inline
    if isinstance(transformer, Transformer_InPlace):
        return None
    default = getattr(transformer, "__default__", None)
    out = []
    for origin, name, size, keep, expand1, inlined, plain in rules:
        if not plain:
            return None
        if inlined:
            if expand1:  # the parent would splice the single child's .children
                return None
            user, spread = None, False
        elif transformer is None:
            user, spread = partial(Tree, name), False
        else:
            try:
                user = getattr(transformer, name)
            except AttributeError:
                user, spread = ((lambda kids, name=name: default(name, kids, None)) if default
                                else partial(Tree, name)), False
            else:
                wrapper = getattr(user, "visit_wrapper", None)
                if wrapper is None:
                    spread = False
                elif wrapper is _vargs_inline and hasattr(user, "base_func"):
                    user, spread = user.base_func, True  # the bound method itself, not its wrapper
                else:
                    return None
        if keep is None and not expand1:
            out.append((user, spread) if user is not None else (list, False))
        else:
            out.append((_shaped(keep, expand1, user, spread), False))
    return out


def _shaped(keep, expand1: bool, user, spread: bool):
    """The callback of a rule whose children are filtered, spliced or expanded first."""
    if not expand1 and [i for i, _ in keep] == list(range(len(keep))):
        spliced = [i for i, splice in keep if splice]
        if len(spliced) == 1:
            # The grammars' shape: every child kept, one `_rule` among them spliced.  The
            # children list is the callback's own (the driver's fresh slice), so the spliced
            # child's children take its place in it: one step, not a loop over `keep`.
            (j,) = spliced
            at = slice(j, j + 1)
            if j == 0:
                # left recursion (a repeat, _x_plus: _x_plus item | item): the spliced list
                # itself grows, as in Lark's loop, so a run of n items costs n steps, not n²/2
                def callback(kids):
                    head = kids[0]
                    head += kids[1:]
                    return head if user is None else user(*head) if spread else user(head)
            elif user is None:
                def callback(kids):
                    kids[at] = kids[j]
                    return kids
            elif spread:
                def callback(kids):
                    kids[at] = kids[j]
                    return user(*kids)
            else:
                def callback(kids):
                    kids[at] = kids[j]
                    return user(kids)
            return callback

    def callback(kids):
        if keep is not None:
            picked = []
            for i, splice in keep:
                if not splice:
                    picked.append(kids[i])
                elif picked:
                    picked += kids[i]
                else:  # left recursion: extend the spliced list itself, as Lark does
                    picked = kids[i]
            kids = picked
        if expand1 and len(kids) == 1:
            return kids[0]
        if user is None:
            return kids
        return user(*kids) if spread else user(kids)
    return callback


@lru_cache(maxsize=None)
def _table(family: str, transformer=None) -> _Table:
    return _Table(family, transformer)


_NO_FIT = object()
_new_str = str.__new__


def _reduce(column: list, stack: list, values: list, act: tuple):
    """Reduce by `act`, and go on reducing as long as the lookahead asks for it (`column`:
    its actions by state), calling the rules' callbacks on `values`: then the lookahead's
    action, the state it shifts to or None.  (A token that shifts at once makes no call.)"""
    while True:
        size, goto, callback, spread = act
        if size == 1:  # the commonest reduce: the top value and state replaced in place
            values[-1] = callback(values[-1]) if spread else callback(values[-1:])
            stack[-1] = goto[stack[-2]]
        else:
            if size:
                children = values[-size:]
                del values[-size:]
                del stack[-size:]
            else:
                children = []
            values.append(callback(*children) if spread else callback(children))
            stack.append(goto[stack[-1]])
        act = column[stack[-1]]
        if act.__class__ is not tuple:
            return act


def _shift_states(column: list, stack: list):
    """_reduce and the shift after it, states only (no callbacks run): the state the
    lookahead (`column`: its actions by state) shifts to, or None if it has no action
    after its reduces."""
    while True:
        act = column[stack[-1]]
        if act.__class__ is not tuple:
            return act
        size, goto = act[0], act[1]
        if size:
            del stack[-size:]
        stack.append(goto[stack[-1]])


def _run(table: _Table, toks: list[Tok], start: str):
    """LALR over `toks`: the value of the start rule, or _NO_FIT.

    A word the grammar does not know is TEXT (a run of them one TEXT)."""
    columns, known = table.columns, table.known
    stack = [table.start_states[start]]
    values: list = []
    prev_text = False
    for t in toks:
        typ = t.type
        if typ not in known:
            typ = table.read_as(typ)
            if typ is None:
                return _NO_FIT
            if prev_text:
                continue
        prev_text = typ == "TEXT"
        column = columns[typ]
        act = column[stack[-1]]
        if act.__class__ is tuple:
            act = _reduce(column, stack, values, act)
        if act is None:
            return _NO_FIT
        stack.append(act)
        # a lark Token reading as the text, whose .value is the Tok (built without Token's
        # constructor, which costs more than the rest of a shift; its position fields stay
        # unset, as the Tok holds the offsets)
        leaf = _new_str(Token, t.text)
        leaf.type = typ
        leaf.value = t
        values.append(leaf)
    column = columns["$END"]
    act = column[stack[-1]]
    if act.__class__ is tuple:
        _reduce(column, stack, values, act)
    return values[-1] if stack[-1] == table.end_states[start] else _NO_FIT


def fitting_prefixes(family: str, toks: list[Tok], cuts: list[int], start: str = "start") -> list[int]:
    """The cuts c (offsets into `toks`) for which toks[:c] fits the grammar, ascending, in one
    pass over the tokens (read as _run reads them; a loop of its own, so that the parser's
    carries no cuts): at each cut the end of input is tried on a copy of the state stack
    (states only: no callbacks run)."""
    table = _table(family)
    columns, known = table.columns, table.known
    end_state = table.end_states[start]
    stack = [table.start_states[start]]
    fits: list[int] = []
    cuts = sorted(set(cuts))
    k = 0
    prev_text = False
    for i, t in enumerate(toks):
        while k < len(cuts) and cuts[k] <= i:
            if _ends(columns["$END"], stack[:], end_state):
                fits.append(cuts[k])
            k += 1
        if k == len(cuts):
            return fits
        typ = t.type
        if typ not in known:
            typ = table.read_as(typ)
            if typ is None:
                return fits
            if prev_text:
                continue
        prev_text = typ == "TEXT"
        state = _shift_states(columns[typ], stack)
        if state is None:
            return fits
        stack.append(state)
    for c in cuts[k:]:  # after the last token (tokens read into a TEXT before change nothing)
        if _ends(columns["$END"], stack[:], end_state):
            fits.append(c)
    return fits


def _ends(end_column: list, stack: list, end_state: int) -> bool:
    """Whether the end of input completes the start rule (states only): its reduces reach
    `end_state`, which has no action on $END."""
    _shift_states(end_column, stack)
    return stack[-1] == end_state


def reader(family: str):
    """read_as for one grammar, looked up once: reader(family)(typ) == read_as(family, typ)."""
    return _table(family).read_as


def read_as(family: str, typ: str) -> str | None:
    """The terminal grammar/<family>.lark reads a token of type `typ` as (None: it fits nowhere).
    A run of tokens read as TEXT is one TEXT."""
    return _table(family).read_as(typ)


@lru_cache(maxsize=None)
def follows(family: str) -> dict[str, frozenset[str]]:
    """For each terminal t of the grammar, the terminals (and $END) that some state reached by
    shifting t has an action on.  The token after t is looked up in that very state, so any
    other one stops every parse there: callers rule runs out before feeding them."""
    table = _table(family)
    out: dict[str, set[str]] = {t: set() for t in table.known}
    for row in table.states:
        for typ, target in row.items():
            if target.__class__ is int and typ in out:  # a shift (goto entries are rule names)
                out[typ].update(table.states[target])
    return {t: frozenset(f) for t, f in out.items()}


@lru_cache(maxsize=None)
def opens(family: str, start: str = "start") -> frozenset[str]:
    """The terminals the grammar's start state has an action on: a run opening with any other fits nowhere."""
    table = _table(family)
    return frozenset(table.states[table.start_states[start]])


def parse(family: str, toks: list[Tok], start: str = "start", using=None):
    """`toks` under grammar/<family>.lark, or None if they do not fit.

    Without `using`, the parse tree; with a Transformer, its value for the
    clause, computed rule by rule as the parser reduces (the tree is never built).
    """
    out = _run(_table(family, using), toks, start)
    return None if out is _NO_FIT else out
