"""targets: enrollment-rate targets {population, rate, bound, by}.

Only sentences that name an enrollment rate (参保率) or an enrollment goal
(参保…目标) are read, clause by clause, with grammar/targets.lark.  A clause
that is only a deadline (力争到2025年底) gives `by` to the targets after it in
the sentence; a rate clause without a figure (参保率不低于上年度水平) hands its
population to a bare figure in the next clause (且不低于96%).  A sentence
about the past (去年…参保率达到96.5%) gives none; other rates (报销比例,
原封顶线的20%) never reach the grammar.

`population` is the text before the rate word without scope and scheme words
(全市, 居民医保…, grammar/vocab/contacts.toml [targets]); null where nothing
is left, i.e. the notice names all residents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lark import Token, Transformer, v_args

from ..dates import YearContext, resolve
from ..lexicon import Tok, load_vocab, tokens, trie_pattern, word_table
from ..parse import parse
from .base import clauses, clean, evidence, sentence_tokens, use




# a deadline has its DATE, a target its ENROLL_RATE or PERCENT (goal and more clauses a PERCENT)
_ANCHORS = frozenset({"DATE", "ENROLL_RATE", "PERCENT"})


@dataclass(frozen=True)
class Vocab:
    words: dict[str, str]
    word_re: re.Pattern
    rate_words: frozenset[str]
    past: frozenset[str]
    strip: tuple[str, ...]
    candidate: re.Pattern


@lru_cache(maxsize=None)
def vocab() -> Vocab:
    data = load_vocab("contacts.toml")["targets"]
    words = word_table(data["tokens"], "contacts.toml")
    ordered = sorted(words, key=len, reverse=True)
    rate = frozenset(w for w, t in words.items() if t == "ENROLL_RATE")
    cand = [w for w in ordered if words[w] in ("ENROLL_RATE", "GOAL")]
    return Vocab(words, re.compile(trie_pattern(words)), rate,
                 frozenset(w for w, t in words.items() if t == "PAST"),
                 tuple(sorted(data["strip"], key=len, reverse=True)),
                 re.compile("|".join(map(re.escape, cand))))


def lex(text: str, toks: list[Tok] | None = None) -> list[Tok]:
    """The shared clause tokens (`toks`, when the sentence's are at hand), with the targets words
    of runs of text as their own terminals."""
    v = vocab()
    words, finditer = v.words, v.word_re.finditer
    out: list[Tok] = []
    for t in (tokens(text) if toks is None else toks):
        typ = t.type
        if typ == "TEXT":
            pos = 0
            for m in finditer(t.text):
                a, b = m.span()
                if a > pos:
                    out.append(Tok("TEXT", t.text[pos:a], t.start + pos, t.start + a))
                out.append(Tok(words[m.group()], m.group(), t.start + a, t.start + b))
                pos = b
            if pos == 0:
                out.append(t)  # no word in it: the token itself, not a copy
            elif pos < len(t.text):
                out.append(Tok("TEXT", t.text[pos:], t.start + pos, t.end))
        elif typ == "RATE" and t.text in v.rate_words:
            out.append(Tok("ENROLL_RATE", t.text, t.start, t.end))
        else:
            out.append(t)
    # 参保 is a goal's word only right before its figure (参保95%目标); elsewhere it is text
    merged: list[Tok] = []
    last = len(out) - 1
    for i, t in enumerate(out):
        typ = t.type
        if typ == "JOIN" and (i == last or out[i + 1].type != "PERCENT"):
            t, typ = Tok("TEXT", t.text, t.start, t.end), "TEXT"
        if typ == "TEXT" and merged and merged[-1].type == "TEXT":
            prev = merged.pop()
            t = Tok("TEXT", prev.text + t.text, prev.start, t.end)
        merged.append(t)
    return merged


@v_args(inline=True)
class TargetTransformer(Transformer):
    """Parse tree of a clause -> dict(kind, date, rate_tok, percent)."""

    def deadline(self, *items):
        date = next((x.value for x in items if isinstance(x, Token) and x.type == "DATE"), None)
        if date is None:  # the aliased start rule wraps the inner deadline
            inner = next((x for x in items if isinstance(x, dict)), None)
            return {"kind": "deadline", "date": inner["date"] if inner else None}
        return {"kind": "deadline", "date": date}

    def subject(self, *toks):
        return None

    tail = subject

    def _clause(self, kind, items):
        fact = {"kind": kind, "date": None, "rate": None, "percent": None}
        for it in items:
            if isinstance(it, dict):
                fact["date"] = it["date"]
            elif isinstance(it, Token) and it.type in ("ENROLL_RATE", "JOIN"):
                fact["rate"] = it.value
            elif isinstance(it, Token) and it.type == "PERCENT":
                fact["percent"] = it.value
        return fact

    def target(self, *items):
        return self._clause("target", items)

    def goal(self, *items):
        return self._clause("goal", items)

    def more(self, *items):
        return self._clause("more", items)

    def rate_only(self, *items):
        return self._clause("rate_only", items)

    def rate_first(self, *items):
        return self._clause("rate_first", items)


_T = TargetTransformer()


def population(text: str, v: Vocab) -> str | None:
    """户籍人口 from 全市基本医疗保险户籍人口: scope and scheme words stripped at the edges."""
    t = clean(text) or ""
    changed = True
    while t and changed:
        if not (t.startswith(v.strip) or t.endswith(v.strip)):
            break  # no word at either edge: a pass would change nothing (one C-level test, not 2 per word)
        changed = False
        for w in v.strip:
            if t.startswith(w):
                t, changed = t[len(w):], True
            if t.endswith(w):
                t, changed = t[:-len(w)], True
    t = t.strip("，、：")
    return t or None


def _by(date_tok, ctx: YearContext) -> tuple[str | None, dict]:
    """The deadline as a date (its end), with the evidence flags: a bare year (到2025年) is
    read as its last day (derived); a date without year takes it from the plan (year_inferred)."""
    if date_tok is None or date_tok.value is None:
        return None, {}
    dp = date_tok.value.value
    iso, inferred = resolve(dp, ctx, role="end")
    flags = {}
    if inferred:
        flags["year_inferred"] = True
    if dp.month is None and not dp.year_end:
        flags["derived"] = True
    return iso, flags


def apply(doc, rs) -> None:
    v = vocab()
    ctx = YearContext.from_year(rs.get("/scheme_year"))
    seen: set[tuple] = set()
    for sent in doc.sentences:
        # a target has a figure: a percent (a PERCENT token, made from the sentence's figures
        # alone: no targets word is one), and a rate or goal word.  A sentence without one gives
        # no item and hands nothing to the next (by, pending and listing are the sentence's own);
        # the figure's kind is looked up in sent.kinds, cheaper than substring tests of the text.
        if "percent" not in sent.kinds:
            continue
        text = sent.text
        if not v.candidate.search(text) or any(w in text for w in v.past):
            continue
        by = None
        pending = None  # a rate clause still without its figure: ("", population)
        listing = False  # after 参保率目标：, each clause is a population and its figure
        toks = lex(sent.text, sentence_tokens(sent))
        for clause in clauses(toks):
            # every alternative of grammar/targets.lark holds one of these: a clause without any
            # does not fit (it is not parsed only to fail)
            f = None if _ANCHORS.isdisjoint([t.type for t in clause]) else parse("targets", clause, using=_T)
            if f is None:
                pending = None
                continue
            if f["date"] is not None:
                by = f["date"]
            kind = f["kind"]
            if kind == "deadline":
                continue
            if kind == "rate_only":
                pending = ("", _population(sent, clause, f, v))
                continue
            if kind == "rate_first":
                listing = True
                colon = next(t for t in clause if t.type == "COLON")
                pop = population(sent.text[colon.end:f["percent"].start], v)
            elif kind == "more" and listing:
                pop = population(sent.text[clause[0].start:f["percent"].start], v)
            elif kind == "more":
                if pending is None:
                    continue
                pop = pending[1]
            elif kind == "goal":
                pop = None
            else:
                pop = _population(sent, clause, f, v)
            pending = None
            pct = f["percent"]
            if pct is None:
                continue
            iso, flags = _by(by, ctx)
            item = {"population": pop, "rate": pct.value.value, "bound": pct.value.bound, "by": iso}
            key = tuple(item.values())
            if key in seen:
                continue
            seen.add(key)
            ev = evidence(sent, pct.start)
            evs = {"": ev, "rate": ev}
            if pop:
                evs["population"] = ev
            if item["bound"]:
                evs["bound"] = ev
            if iso:
                evs["by"] = evidence(sent, by.start, **flags)
                use(rs, sent, by)
            rs.append("/targets", item, evs)
            use(rs, sent, pct)


def _population(sent, clause, f, v: Vocab) -> str | None:
    rate = f["rate"]
    start = clause[0].start
    for t in clause:  # a leading deadline is not the population
        if t.type in ("STRIVE", "TO", "DATE"):
            start = t.end
        elif t.start < rate.start:
            break
    return population(sent.text[start:rate.start], v)
