"""subsidies: one tier per group, with basis, percent, subsidy, personal and payer; subsidy_rule.

A sentence may hold several tier statements (对A给予全额资助，对B给予90%定额资助…):
clauses are tried from each start, longest first, with grammar/subsidy.lark.
The groups of a statement are split at 、/和/及 (一、二类低保对象 stays whole);
each label is mapped to its canonical group by grammar/vocab/groups.toml.
Amounts not stated are derived from funding.individual and marked derived.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from lark import Transformer, v_args

from ..lazy_re import lazy_compile
from ..lexicon import Tok, alternation, canonical_group, token_search, tokens
from ..parse import fitting_prefixes, follows, opens, parse, reader
from .base import clean, evidence, sentence_tokens, use

MAX_CLAUSES = 6
_AID_TYPES = {"FULL", "FIXED_AID", "AID", "AID_AMOUNT", "EXTERNAL"}
_CUT = {"COMMA", "COLON"}  # clause ends
_GATE = ("HIGHEST", *sorted(_AID_TYPES))  # a sentence naming none of these words has nothing for this family
# Every alternative of subsidy.lark's aid rule reads a MONEY, a PERCENT or a word of one of
# these, and every statement has an aid: a sentence with none of them holds no statement
# (tests/test_subsidies.py holds this against the grammar's rules).
_BASES = ("FULL", "FIXED_AID", "EXTERNAL")
_STATED = frozenset({"MONEY", "PERCENT", *_BASES})
_FIGURES = frozenset({"money", "percent"})  # the kinds of figure read as MONEY and PERCENT
_SPLIT = re.compile(r"(?:以及|、|，|和|及|与|或)")
_ORDINAL_END = re.compile(r"[一二三四五六七八九十\d]$")
_ORDINAL_START = lazy_compile(r"^[一二三四五六七八九十\d]+类")
_NUM = "[一二三四五六七八九十\\d]"
_BRACKETED = re.compile(r"（[^）]*）")  # an aside inside a group list (含…)


MAX_LABEL = 40  # characters: a longer run of text is no group's name


@lru_cache(maxsize=None)
def _cut_before() -> re.Pattern:
    """A label ends before these words (grammar/vocab/keywords.toml [labels] cut_before)."""
    return re.compile(alternation("labels", "cut_before"))


@lru_cache(maxsize=None)
def _trailer() -> re.Pattern:
    """A collective closing a list (…等四类人员) ends a label without being part of it."""
    coll = alternation("labels", "collectives")
    return re.compile(f"(?:等(?:{_NUM}{{1,3}}类)?(?:{coll})?|{_NUM}{{1,3}}类(?:{coll}))$")


@lru_cache(maxsize=None)
def _leader() -> re.Pattern:
    return re.compile(f"^(?:{alternation('labels', 'leaders')})")


@v_args(inline=True)
class SubsidyTransformer(Transformer):
    """Parse tree of a tier statement -> dict(groups, basis, amount, percent, personal, payer)."""

    def item(self, *toks):
        return ("item", toks[0].value.start, toks[-1].value.end)

    def groups(self, *items):
        return [i for i in items if isinstance(i, tuple) and i[0] == "item"]

    def payer(self, *toks):
        named = [t.value.text for t in toks if t.type == "PAYER"]
        text = named[-1] if named else "".join(t.value.text for t in toks if t.type in ("TEXT", "LEVEL"))
        return ("payer", text)

    def means(self, *items):
        return [i for i in items if isinstance(i, tuple) and i[0] == "payer"]

    def lead(self, *toks):
        return ("payer", toks[-1].value.text)

    def full(self, *toks):
        money = _first(toks, "MONEY", paren=True)
        return {"basis": "full", "subsidy": money}

    def percent(self, *toks):
        return {"basis": "percent", "percent": _first(toks, "PERCENT")}

    def fixed(self, *toks):
        return {"basis": "fixed", "subsidy": _first(toks, "MONEY", paren=True)}

    def external(self, *toks):
        return {"basis": "external"}

    def fixed_each(self, *toks):
        return {"basis": "fixed", "each": [t.value for t in toks if t.type == "MONEY"]}

    def subsidy_amount(self, *toks):
        return ("subsidy", _first(toks, "MONEY"))

    def personal(self, *toks):
        return ("personal", _first(toks, "MONEY"))

    def no_pay(self, *toks):
        return ("no_pay", toks[-1].value)

    def personal_percent(self, *toks):
        return ("personal_percent", _first(toks, "PERCENT"))

    def remainder(self, *toks):
        return ("remainder", None)

    def object(self, *toks):
        return ("object", None)

    def headless(self, *items):
        return self.start(*items)

    def start(self, *items):
        out = {"groups": [], "payer": None, "tails": []}
        for it in items:
            if isinstance(it, dict):
                out["aid"] = it
            elif isinstance(it, list) and it and it[0][0] == "item":
                out["groups"] = it
            elif isinstance(it, list):
                if it:
                    out["payer"] = it[-1][1]
            elif isinstance(it, tuple) and it[0] == "payer":
                out["payer"] = it[1]
            elif isinstance(it, tuple):
                out["tails"].append(it)
        return out


def _first(toks, kind, paren=False):
    for t in toks:
        if getattr(t, "type", None) == kind:
            return t.value
        if paren and getattr(t, "type", None) == "PAREN":
            inner = [x for x in tokens(t.value.text) if x.type == kind]
            if inner:
                x = inner[0]
                # re-base the inner token onto the sentence
                return Tok(x.type, x.text, t.value.start + 1 + x.start, t.value.start + 1 + x.end, x.value)
    return None


_T = SubsidyTransformer()


def labels(text: str) -> list[str]:
    """Split a group list into labels: 、 和 及 与 或, keeping 一、二类… whole."""
    if "（" in text:
        text = _BRACKETED.sub("", text)
    pieces = _SPLIT.split(text)
    seps = _SPLIT.findall(text)
    merged: list[str] = []
    for i, p in enumerate(pieces):
        if merged and _ORDINAL_END.search(merged[-1]) and _ORDINAL_START.match(p):
            merged[-1] = merged[-1] + seps[i - 1] + p
        else:
            merged.append(p)
    out = []
    leader, cut_before, trailer = _leader(), _cut_before(), _trailer()
    for m in _expand_ordinals([p for p in merged if len(p) <= MAX_LABEL]):
        m = leader.sub("", clean(m) or "")
        cut = cut_before.search(m)
        if cut:
            m = m[:cut.start()]
        if "等" in m or "类" in m:  # (a cheap exact pre-test: every trailer holds one of them)
            m = trailer.sub("", m)
        if m and len(m) >= 2:
            out.append(m)
    return out


_ORDINALS = lazy_compile(r"((?:[一二三四五六七八九十\d]{1,3}、){1,9}[一二三四五六七八九十\d]{1,3})类")


def _expand_ordinals(labels_: list[str]) -> list[str]:
    """农村一、二类低保对象 -> 农村一类低保对象, 农村二类低保对象: one tier per class."""
    out = []
    for lab in labels_:
        # (a cheap exact pre-test: a list of ordinals holds a 、, which most labels lack)
        m = _ORDINALS.search(lab) if "、" in lab else None
        if m:
            head, tail = lab[:m.start()], lab[m.end(1):]
            out += [head + n + tail for n in m.group(1).split("、")]
        else:
            out.append(lab)
    return out


_TAIL_START = {"INDIVIDUAL", "NO_PAY", "AID", "AID_AMOUNT", "NAMELY"}
_WHO = {"GROUP", "POP", "DUI"}  # a tier names its group: a known one, a population, or 对…


def _tail_like(clause) -> bool:
    """个人缴纳60元 / 即每人200元 / 剩余30%由个人承担: a clause that completes a tier statement."""
    return clause[0].type in _TAIL_START or {"PERCENT", "INDIVIDUAL"} <= {t.type for t in clause}


def _gates():
    """The searches that rule a sentence out before it is tokenized, one per sentence: (the one
    for a sentence with a money or percent figure, the one for a sentence without).

    Exact: the subsidy rule needs a HIGHEST token, and a statement a token of _AID_TYPES and
    one of _STATED (see _BASES).  A MONEY or PERCENT token is one of the sentence's figures, so
    a sentence without any needs a word of _BASES; a token of a word type is a vocabulary word,
    which lexicon.token_search finds."""
    return token_search(*_GATE), token_search("HIGHEST", *_BASES)


def _heading_group(doc, sent) -> str | None:
    """The label of a group named by the heading this sentence's line opens with (（二）低保对象。…)."""
    if sent.heading or not sent.section:
        return None
    title = sent.section[-1]
    prev = doc.sentences[sent.index - 1] if sent.index else None
    if prev is None or prev.heading != title or prev.line is not sent.line:
        return None
    return clean(title) if canonical_group(title) and len(title) <= 20 else None


@lru_cache(maxsize=None)
def _reading():
    """(follows, reader, the terminals any of them has) of the grammar, looked up once."""
    after = follows("subsidy")
    return after, reader("subsidy"), frozenset(after)


def _statements(toks, start="start"):
    """Yield (statement, tokens) of each tier statement in a sentence.

    A statement runs from a start clause through the first clause that names the
    aid, plus the tail clauses right after it (个人缴纳60元, 资助87.5元…); the longest
    such run that the grammar accepts wins.  Only those runs are tried.

    Runs that cannot fit are not fed to the parser: those opening with a token the start
    state has no action for, and (from one pass over the sentence) those cut after a token
    that cannot follow the one read before it, or right after a token the input cannot end on.
    """
    after, read_as, anything = _reading()
    starts, ends, has_aid, can_end = [0], [], [], []
    # positions of tokens that cannot follow the token read before them (what is read before a
    # token is the same from any start ahead of it, so one pass serves every run)
    stuck = []
    aid = False
    before = None  # the terminal read last (tokens read into a TEXT before them are skipped)
    allowed = anything  # after[before]: what may come next (the start state is checked apart)
    for i, t in enumerate(toks):
        typ = t.type
        if typ in _CUT:  # clause bounds (…分类资助：特困人员全额资助)
            ends.append(i)
            starts.append(i + 1)
            has_aid.append(aid)
            can_end.append("$END" in allowed)
            aid = False
        elif typ in _AID_TYPES:
            aid = True
        if typ in after:  # a terminal of the grammar (a key of after) reads as itself
            read = typ
        else:
            read = read_as(typ)
            if read == before == "TEXT":
                continue  # a word read into the TEXT before it, as the parser does
        if read not in allowed:
            stuck.append(i)
        before = read
        allowed = after.get(read, anything)
    ends.append(len(toks))
    has_aid.append(aid)
    can_end.append("$END" in allowed)
    n = len(ends)
    # next_aid[x]: the first clause from x on that names an aid (n if none)
    next_aid = [n] * (n + 1)
    for x in range(n - 1, -1, -1):
        next_aid[x] = x if has_aid[x] else next_aid[x + 1]
    first = opens("subsidy", start)
    i = 0
    while i < n:
        k = next_aid[i]
        if k >= i + MAX_CLAUSES or k == n:
            return
        a = starts[i]
        if read_as(toks[a].type) not in first:
            i += 1  # the grammar cannot open a statement with this token: nothing fits from here
            continue
        last = k
        while last + 1 < n and ends[last + 1] > starts[last + 1] \
                and _tail_like(toks[starts[last + 1]:ends[last + 1]]) and last + 1 - i < MAX_CLAUSES:
            last += 1
        x = bisect_right(stuck, a)
        limit = stuck[x] if x < len(stuck) else len(toks)  # no run from a gets past this token
        # the clauses a run may end after, ascending (no other cut can fit)
        tried = [j for j in range(k, last + 1) if ends[j] <= limit and can_end[j]]
        found = _longest_fit(toks, a, [ends[j] for j in tried], start)
        if found:
            m, st = found
            yield st, toks[a:ends[tried[m]]]
            i = tried[m] + 1
        else:
            i += 1


def _longest_fit(toks, a, ends, start):
    """(n, statement) of the longest run toks[a:ends[n]] (`ends` ascending) the grammar accepts,
    or None.  The longest is parsed outright, as it is the one that fits most often; only
    when it does not does a states-only pass over the shorter ones pick the one to parse."""
    if not ends:
        return None
    st = parse("subsidy", toks[a:ends[-1]], start, using=_T)
    if st is not None:
        return len(ends) - 1, st
    if len(ends) == 1:
        return None
    offsets = [e - a for e in ends[:-1]]
    for cut in reversed(fitting_prefixes("subsidy", toks[a:ends[-2]], offsets, start)):
        n = offsets.index(cut)
        st = parse("subsidy", toks[a:ends[n]], start, using=_T)
        if st is not None:  # (a run that fits always gives a statement; were it None, a shorter one is tried)
            return n, st
    return None


def apply(doc, rs) -> None:
    individual = rs.get("/funding/individual")
    seen: set[str] = set()
    with_figure, without = _gates()
    for sent in doc.sentences:
        # (inlined rather than a call per sentence: every sentence of the notice comes here)
        if (without if sent.kinds.isdisjoint(_FIGURES) else with_figure)(sent.text) is None:
            continue  # not tokenized: neither a statement nor the subsidy rule can be found in it
        toks = sentence_tokens(sent)
        types = {t.type for t in toks}
        if "HIGHEST" in types and rs.get("/subsidy_rule") is None:
            rs.put("/subsidy_rule", "highest", evidence(sent, next(t.start for t in toks if t.type == "HIGHEST")))
        if types.isdisjoint(_AID_TYPES) or types.isdisjoint(_STATED):
            continue  # no aid can be read (see _BASES)
        headed = _heading_group(doc, sent)
        if not types & _WHO and not headed:
            continue  # nobody named to receive the aid
        found = False
        quotes = _Quotes(sent)
        for st, chunk in _statements(toks):
            found = True
            aid = st.get("aid")
            if not aid:
                continue
            spans = st["groups"]
            names = labels(sent.text[spans[0][1]:spans[-1][2]]) if spans else []
            if aid["basis"] == "external":
                # "按有关规定执行" says nothing of a figure: only groups the vocabulary knows make it a tier
                names = [n for n in names if canonical_group(n)]
            each = aid.get("each")
            if each and len(each) != len(names):
                continue  # amounts and groups do not pair up: leave the figures unexplained
            for n, label in enumerate(names):
                if label in seen:
                    continue
                seen.add(label)
                tier_aid = {**aid, "subsidy": each[n]} if each else aid
                _tier(rs, sent, label, tier_aid, st, _standard_for(rs, toks, individual), quotes)
        if not found and headed:
            for st, chunk in _statements(toks, "headless"):
                if st.get("aid") and headed not in seen:
                    seen.add(headed)
                    _tier(rs, sent, headed, st["aid"], st, _standard_for(rs, toks, individual), quotes)
                break
    _tables(doc, rs, individual, seen)


_COLUMN_OF = {"AID_AMOUNT": "subsidy", "INDIVIDUAL": "personal", "FIXED_AID": "basis", "FULL": "basis"}


def _header(cell_text: str) -> str | None:
    """What a subsidy table column holds: label, subsidy, personal, percent or basis."""
    toks = tokens(cell_text)
    types = [t.type for t in toks]
    if "对象" in cell_text or "人员类别" in cell_text or "GROUP" in types:
        return "label"
    for t in types:
        if t in _COLUMN_OF:
            return _COLUMN_OF[t]
    if "AID" in types:
        return "percent" if "比例" in cell_text else ("basis" if "方式" in cell_text else "subsidy")
    return None


def _tables(doc, rs, individual, seen):
    """A table of groups and amounts (资助对象 | 资助方式 | 资助金额 | 个人缴费 | 资助比例): one tier per row."""
    from ..values import parse_value
    from .base import cell_evidence, use_cell
    for table in doc.tables:
        if len(table.rows) < 2:
            continue
        cols = [_header(c.text) for c in table.rows[0]]
        if "label" not in cols or not ({"subsidy", "percent", "basis"} & set(cols)):
            continue
        for row in table.rows[1:]:
            if len(row) != len(cols):
                continue
            cells = dict(zip(cols, row))
            label = clean(cells["label"].text)
            if not label or label in seen or not canonical_group(label) and not tokens(label):
                continue
            aid: dict = {"basis": None}
            tier_ev = cell_evidence(cells["label"], row)
            values = {}
            for kind in ("subsidy", "personal", "percent"):
                cell = cells.get(kind)
                if cell is None:
                    continue
                text = cell.text.strip()
                v = parse_value(text if text.endswith(("元", "%")) else text + ("%" if kind == "percent" else "元"),
                                "percent" if kind == "percent" else "money")
                if v is not None:
                    values[kind] = (v.value, cell)
                    use_cell(rs, cell)
            basis_cell = cells.get("basis")
            btypes = {t.type for t in tokens(basis_cell.text)} if basis_cell else set()
            if "FULL" in btypes:
                aid["basis"] = "full"
            elif "percent" in values:
                aid["basis"] = "percent"
            elif "subsidy" in values:
                aid["basis"] = "fixed"
            elif "EXTERNAL" in btypes:
                aid["basis"] = "external"
            if aid["basis"] is None:
                continue
            seen.add(label)
            tier = {"group": canonical_group(label) or label, "label": label, "basis": aid["basis"],
                    "percent": values.get("percent", (None,))[0], "subsidy": values.get("subsidy", (None,))[0],
                    "personal": values.get("personal", (None,))[0], "payer": None}
            evs = {"": tier_ev, "label": tier_ev, "basis": tier_ev, "group": tier_ev}
            for k, (_, cell) in values.items():
                evs[k] = cell_evidence(cell, row)
            _complete(tier, evs, individual, lambda: tier_ev.but(derived=True))
            rs.append("/subsidies", tier, evs)


def _complete(tier, evs, individual, derived):
    """Derive what the notice leaves to arithmetic: full = individual; percent × individual; the other share."""
    basis = tier["basis"]
    if basis == "full":
        if tier["personal"] is None:
            tier["personal"] = 0
            evs["personal"] = derived()
        if tier["subsidy"] is None and individual is not None:
            tier["subsidy"] = individual
            evs["subsidy"] = derived()
    elif basis == "percent" and tier["percent"] is not None and individual is not None and tier["subsidy"] is None:
        tier["subsidy"] = _round(individual * tier["percent"] / 100)
        evs["subsidy"] = derived()
    if basis in ("percent", "fixed") and individual is not None:
        # a share is derived only when it comes out as a share: a subsidy above the standard
        # stays as stated and check() warns about it
        if tier["personal"] is None and tier["subsidy"] is not None and tier["subsidy"] <= individual:
            tier["personal"] = _round(individual - tier["subsidy"])
            evs["personal"] = derived()
        elif tier["subsidy"] is None and tier["personal"] is not None and tier["personal"] <= individual:
            tier["subsidy"] = _round(individual - tier["personal"])
            evs["subsidy"] = derived()


def _standard_for(rs, toks, individual):
    """The individual standard a tier is measured against: a grade it names (按一档个人缴费标准)
    when funding has a class for that grade, else the general one."""
    grades = [t.text for t in toks if t.type == "GRADE"]
    if grades:
        for c in rs.get("/funding/classes") or []:
            if (c.get("population") or "").endswith(grades[0]) and c.get("individual") is not None:
                return c["individual"]
    return individual


class _Quotes:
    """The Evidence quoting a whole sentence, plain and derived, each made once for every field
    of every tier of the sentence that needs it (an Evidence is never changed once made)."""

    __slots__ = ("sent", "_plain", "_derived")

    def __init__(self, sent):
        self.sent = sent
        self._plain = self._derived = None

    def plain(self):
        if self._plain is None:
            self._plain = evidence(self.sent)
        return self._plain

    def derived(self):
        if self._derived is None:
            self._derived = evidence(self.sent, derived=True)
        return self._derived

    def at(self, offset: int):
        """evidence(sent, offset): the plain quote itself when the character at `offset` is on
        the sentence's first line (most figures are), as the two would be equal."""
        plain = self.plain()
        return plain if self.sent.origin_of(offset) == plain.line else evidence(self.sent, offset)


def _tier(rs, sent, label, aid, st, individual, quotes):
    basis = aid["basis"]
    tier = {"group": canonical_group(label) or label, "label": label, "basis": basis,
            "percent": None, "subsidy": None, "personal": None, "payer": clean(st.get("payer"))}
    ev = quotes.plain()
    evs = {"": ev, "label": ev, "basis": ev}
    if aid.get("percent") is not None:
        tier["percent"] = aid["percent"].value.value
        evs["percent"] = quotes.at(aid["percent"].start)
        use(rs, sent, aid["percent"])
    if aid.get("subsidy") is not None:
        tier["subsidy"] = aid["subsidy"].value.value
        evs["subsidy"] = quotes.at(aid["subsidy"].start)
        use(rs, sent, aid["subsidy"])
    for kind, tok in st["tails"]:
        if kind == "personal" and tok is not None:
            tier["personal"] = tok.value.value
            evs["personal"] = quotes.at(tok.start)
            use(rs, sent, tok)
        elif kind == "subsidy" and tok is not None and tier["subsidy"] is None:
            tier["subsidy"] = tok.value.value
            evs["subsidy"] = quotes.at(tok.start)
            use(rs, sent, tok)
        elif kind == "personal_percent" and tok is not None:
            use(rs, sent, tok)  # 剩余30%由个人承担: the other side of the stated share
            if tier["percent"] is not None and abs(tier["percent"] + tok.value.value - 100) > 0.01:
                rs.warn("tier_percent_mismatch", f"tier {label}: {tier['percent']}% + {tok.value.value}% != 100%")
        elif kind == "no_pay":
            tier["personal"] = 0
            evs["personal"] = quotes.at(tok.start)
    _complete(tier, evs, individual, quotes.derived)
    if tier["group"]:
        evs["group"] = ev
    if tier["payer"]:
        evs["payer"] = ev
    rs.append("/subsidies", tier, evs)


def _round(x: float):
    x = round(x, 2)
    return int(x) if float(x).is_integer() else x
