"""funding: total, individual, government, its split by level, bounds, and classes by population.

Sentences are parsed clause by clause with grammar/funding.lark.  A clause
naming a population (grammar/vocab/populations.toml) that is not the
general one gives a class; figures of general residents go to the top level.
Tables of standards by population (rows) and 筹资/财政/个人 (columns) give
classes too.
"""
from __future__ import annotations

from functools import lru_cache

from lark import Transformer, v_args

from ..lexicon import TOK_TYPE, load_vocab, population, tokens
from ..parse import parse
from ..values import parse_value
from .base import cell_evidence, clauses, evidence, sentence_tokens, title_types, use_cell

MAX_FILLER = 4  # characters of other text allowed between a standard and its amount (保持, 统一为)
ROLE_KEYS = {"TOTAL": "total", "INDIVIDUAL": "individual", "GOVERNMENT": "government"}
_TIER_WORDS = {"FULL", "FIXED_AID", "AID_AMOUNT", "NO_PAY", "EXTERNAL"}
_DISTRACTORS = {"FUND", "RATE"}  # 共需资金…元, 最高支付限额…元: not a standard
# sent.has("money", "percent") as one frozenset test on the sentence's figure kinds: asked of every
# sentence, and most hold no figure (the method call with its argument tuple costs five times more)
_AMOUNTS = frozenset({"money", "percent"})


@lru_cache(maxsize=None)
def _levels() -> tuple[tuple[str, str], ...]:
    table = load_vocab("keywords.toml").get("levels", {})
    return tuple(sorted(((p, key) for key, prefixes in table.items() for p in prefixes), key=lambda x: -len(x[0])))


def level_key(word: str) -> str | None:
    for prefix, key in _levels():
        if word.startswith(prefix):
            return key
    return None


@v_args(inline=True)
class FundingTransformer(Transformer):
    """Parse tree of one clause -> a small dict describing it."""

    def subject(self, *toks):
        return [t.value for t in toks]

    def role(self, tok):
        return ROLE_KEYS[tok.type]

    def filler(self, tok):
        return ("filler", tok.value)

    def standard(self, *items):
        subject = items[0] if isinstance(items[0], list) else []
        role = next(i for i in items if isinstance(i, str))
        money = next(i for i in items if getattr(i, "type", None) == "MONEY").value
        fillers = [i[1] for i in items if isinstance(i, tuple)]
        if any(len(f.text) > MAX_FILLER for f in fillers if f.type == "TEXT"):
            return None  # too much between the standard and the amount to be sure
        return {"kind": "standard", "subject": subject, "role": role, "money": money}

    def standard_raised(self, *items):
        subject = items[0] if isinstance(items[0], list) else []
        role = next(i for i in items if isinstance(i, str))
        money = [i for i in items if getattr(i, "type", None) == "MONEY"][-1].value
        return {"kind": "standard", "subject": subject, "role": role, "money": money}

    def grade_amount(self, text, money):
        return (text.value, money.value)

    def standard_grades(self, *items):
        role = next(i for i in items if isinstance(i, str))
        pairs = [i for i in items if isinstance(i, tuple) and len(i) == 2 and i[0] != "filler"]
        return {"kind": "grades", "role": role, "pairs": pairs}

    def standard_for(self, *items):
        subjects = [i for i in items if isinstance(i, list)]
        role = next(i for i in items if isinstance(i, str))
        return {"kind": "standard", "subject": subjects[-1], "role": role, "money": items[-1].value}

    def standard_after(self, *items):
        subject = items[0] if len(items) == 3 else []
        return {"kind": "standard", "subject": subject, "role": "total", "money": items[-2].value}

    def bare(self, *items):
        subject = items[0] if isinstance(items[0], list) else [t.value for t in items[:-1]]
        return {"kind": "bare", "subject": subject, "money": items[-1].value}

    def level(self, tok, *_paren):
        return tok.value

    def levels(self, *toks):
        return [t for t in toks if getattr(t, "type", None) == "LEVEL"]

    def amounts(self, *toks):
        return [t.value for t in toks if t.type in ("MONEY", "PERCENT")]

    def split_ratio(self, *items):
        levels = next(i for i in items if isinstance(i, list) and i and i[0].type == "LEVEL")
        ratio = next(i for i in items if getattr(i, "type", None) == "RATIO").value
        return {"kind": "split", "levels": levels, "ratio": ratio}

    def split(self, *items):
        levels = next(i for i in items if isinstance(i, list) and i and i[0].type == "LEVEL")
        amounts = next(i for i in items if isinstance(i, list) and i and i[0].type in ("MONEY", "PERCENT"))
        each = any(getattr(i, "type", None) == "EACH" for i in items)
        if each and len(amounts) == 1 and len(levels) > 1:
            amounts = amounts * len(levels)   # 市、县两级财政各补助5%
        return {"kind": "split", "levels": levels, "amounts": amounts}


_T = FundingTransformer()


class _GradeOnly:
    """A grade named without its population (一档/二档 of the general standard)."""
    general = False


_GRADE_ONLY = _GradeOnly()


def _grade(subject) -> str:
    """The grade word (低档, 二档…) among a clause's tokens, or ''."""
    return next((t.text for t in subject if t.type == "GRADE"), "")


def _population(subject, previous):
    """(population entry, class label) named by a clause subject, else the previous clause's."""
    named = [t for t in subject if t.type in ("POP", "GROUP") and population(t.text)]
    if named:
        pop = population(named[0].text)
        first, last = subject.index(named[0]), subject.index(named[-1])
        # 未成年人和在校学生: the whole run of named populations is the class
        span = "".join(t.text for t in subject[first:last + 1]) if last - first <= 2 else named[0].text
        return pop, span + _grade(subject), span
    if previous and _grade(subject):
        return previous[0], previous[2] + _grade(subject), previous[2]
    return previous


def _year(subject):
    for t in subject:
        if t.type == "DATE" and t.value and t.value.value.year and t.value.value.month is None:
            return t.value.value.year
    return None


class _State:
    """Standards found so far: the general one and one per class."""

    def __init__(self, rs):
        self.rs = rs
        self.general: dict = {}
        self.general_ev: dict = {}
        self.classes: dict[str, dict] = {}
        self.class_ev: dict[str, dict] = {}

    def record(self, sent, fact, role, pop, base: int) -> None:
        money = fact["money"]
        ev = evidence(sent, base + money.start)
        target, tev = self.general, self.general_ev
        if pop and not pop[0].general:
            key = pop[1]
            target = self.classes.setdefault(key, {"population": key, "year": _year(fact["subject"])})
            tev = self.class_ev.setdefault(key, {})
        if target.get(role) is None:
            target[role] = money.value.value
            tev[role] = ev
            if money.value.bound:
                target.setdefault("_bounds", {})[role] = money.value.bound
            self.rs.used.add((id(sent.line), sent.start + base + money.start))
        elif target[role] != money.value.value:
            self.rs.warn("ambiguous_" + role, f"two different {role} standards: {target[role]} and {money.value.value}",
                         "/funding/" + role)


def _paren_facts(parens):
    """(paren token, fact) for each clause inside brackets that the funding grammar reads."""
    for p in parens:
        for clause in clauses(tokens(p.text)):
            fact = parse("funding", clause, using=_T)
            if fact is not None:
                yield p, fact


def apply(doc, rs) -> None:
    state = _State(rs)
    classes, class_ev, general, general_ev = state.classes, state.class_ev, state.general, state.general_ev
    prev_pop = None
    prev_sent = None
    sent_role = None
    for sent in doc.sentences:
        if prev_sent is not None and prev_sent.line is not sent.line:
            sent_role = None
        if _AMOUNTS.isdisjoint(sent.kinds):
            if prev_pop is not None and not sent.text.startswith("其中"):
                prev_pop = None
            prev_sent = sent
            continue
        toks = sentence_tokens(sent)
        types = set(map(TOK_TYPE, toks))
        if "MONEY" not in types and "PERCENT" not in types:
            prev_pop = None if not sent.text.startswith("其中") else prev_pop
            continue
        section_role = _section_role(sent)
        if not (types & {"TOTAL", "INDIVIDUAL", "GOVERNMENT", "LEVEL"}) and not (section_role or sent_role):
            prev_sent = sent
            continue
        same_line = prev_sent is not None and prev_sent.line is sent.line
        if not sent.text.startswith("其中"):
            prev_pop = None       # a population carries on only into 其中…
            if not same_line:
                sent_role = None  # a standard's role carries on within its paragraph
        pop = prev_pop
        in_tier = False
        for clause in clauses(toks):
            ctypes = set(map(TOK_TYPE, clause))
            if ctypes & _TIER_WORDS or "GROUP" in ctypes and ctypes & {"AID", "GIVE"}:
                in_tier = True  # a subsidy tier: its clauses and the personal share after it are not standards
            if in_tier or ctypes & _DISTRACTORS:
                continue
            named = _population([t for t in clause if t.type in ("POP", "GROUP")], None)
            if named and "MONEY" not in ctypes:
                pop = named  # 成年居民个人缴费实行两档标准，一档…，二档…
            if ctypes & {"TOTAL", "INDIVIDUAL", "GOVERNMENT"} and "MONEY" not in ctypes and "PERCENT" not in ctypes:
                sent_role = next(ROLE_KEYS[t.type] for t in clause if t.type in ROLE_KEYS)
            parens = [t for t in clause if t.type == "PAREN"]
            clause = [t for t in clause if t.type != "PAREN"]
            fact = parse("funding", clause, using=_T)
            if fact is None:
                if ctypes & set(ROLE_KEYS):  # 财政补助标准较上年提高30元，达到…700元: the role carries on
                    sent_role = next(ROLE_KEYS[t.type] for t in clause if t.type in ROLE_KEYS)
            elif fact["kind"] == "split":
                _split(fact, sent, 0, rs, general, general_ev)
            elif fact["kind"] == "grades":
                sent_role = fact["role"]
                for grade_tok, money in fact["pairs"]:
                    grade = grade_tok.text
                    if grade:  # a class per grade, named with the population when one was named
                        label = (pop[2] if pop else "") + grade
                        entry = (pop[0] if pop else _GRADE_ONLY, label, label)
                        state.record(sent, {"money": money, "subject": []}, fact["role"], entry, 0)
            else:
                role = fact.get("role") or sent_role or section_role
                if fact.get("role"):
                    sent_role = fact["role"]
                if role:
                    pop = _population(fact["subject"], pop)
                    state.record(sent, fact, role, pop, 0)
            for p, inner in _paren_facts(parens):  # （由中央、省、县分别补助…） / （在校学生…为每人每年380元）
                if inner["kind"] == "standard" and inner.get("role") and not _population(inner["subject"], None):
                    state.record(sent, inner, inner["role"], None, p.start + 1)  # （个人缴费380元，财政补助710元）
                    continue
                if inner["kind"] == "split":
                    _split(inner, sent, p.start + 1, rs, general, general_ev)
                    continue
                inner_role = inner.get("role") or (fact or {}).get("role") or sent_role or section_role
                inner_pop = _population(inner["subject"], None)
                if inner_role and inner_pop and not inner_pop[0].general:
                    state.record(sent, inner, inner_role, inner_pop, p.start + 1)
        prev_pop = pop
        prev_sent = sent
    _tables(doc, rs, classes, class_ev, general, general_ev)
    _emit(rs, general, general_ev, classes, class_ev)


def _section_role(sent) -> str | None:
    """A bare amount under a heading like 参保缴费标准 / 筹资标准 means that standard."""
    for title in reversed(sent.section):
        role = _title_role(title)
        if role:
            return role
    return None


@lru_cache(maxsize=2048)  # per title: every sentence with an amount asks it of each title above it
def _title_role(title: str) -> str | None:
    return next((ROLE_KEYS[t] for t in title_types(title) if t in ROLE_KEYS), None)


def _split(fact, sent, base, rs, general, general_ev):
    levels = [level_key(t.text) for t in fact["levels"]]
    if "ratio" in fact:  # 8:1:0.5:0.5 -> shares of the government standard, in percent
        parts = fact["ratio"].value.value
        if len(parts) != len(levels) or None in levels or not sum(parts):
            return
        split = general.setdefault("government_split", {})
        for key, part in zip(levels, parts):
            split.setdefault("_pct", {})[key] = (part * 100 / sum(parts),
                                                 evidence(sent, base + fact["ratio"].start, derived=True))
        rs.used.add((id(sent.line), sent.start + base + fact["ratio"].start))
        return
    amounts = fact["amounts"]
    if len(levels) != len(amounts) or None in levels:
        return
    split = general.setdefault("government_split", {})
    for key, amt in zip(levels, amounts):
        if amt.type == "PERCENT":
            split.setdefault("_pct", {})[key] = (amt.value.value, evidence(sent, base + amt.start, derived=True))
        else:
            split[key] = amt.value.value
            general_ev[f"government_split/{key}"] = evidence(sent, base + amt.start)
        rs.used.add((id(sent.line), sent.start + base + amt.start))


def _column(header: str):
    """What a header cell names: ("role", total|individual|government), ("level", key) or None."""
    toks = tokens(header)
    for t in toks:
        if t.type in ROLE_KEYS:
            return "role", ROLE_KEYS[t.type]
    for t in toks:
        if t.type == "LEVEL" and level_key(t.text):
            return "level", level_key(t.text)
    return None


def _tables(doc, rs, classes, class_ev, general, general_ev):
    """A table whose header names standards (筹资/财政/个人) or government levels (中央/省/市/县):
    a row labelled with a population gives a class; an unlabelled or general row gives the top level."""
    for table in doc.tables:
        if len(table.rows) < 2:
            continue
        header = [c.text for c in table.rows[0]]
        kinds = [_column(h) for h in header]
        if sum(k is not None for k in kinds) < 2:
            _level_rows(table, rs, general, general_ev)
            continue
        wan = any("万元" in h for h in header) or (table.caption and "万元" in table.caption)
        for row in table.rows[1:]:
            if not row or len(row) != len(header):
                continue
            first = row[0].text
            labelled = parse_value(_as_money(first, wan), "money") is None
            label = first if labelled else None
            pop = population(label) if label else None
            to_general = label is None or (pop is not None and pop.general)
            entry = {"population": label, "year": None}
            evs = {}
            for cell, kind in zip(row, kinds):
                if kind is None or (labelled and cell is row[0]):
                    continue
                v = parse_value(_as_money(cell.text, wan), "money")
                if v is None:
                    continue
                use_cell(rs, cell)
                ev = cell_evidence(cell, row)
                if kind[0] == "level":
                    if to_general:
                        general.setdefault("government_split", {})[kind[1]] = v.value
                        general_ev[f"government_split/{kind[1]}"] = ev
                    continue
                entry[kind[1]] = v.value
                evs[kind[1]] = ev
            if not evs:
                continue
            if to_general and label is None:
                for role, value in evs.items():
                    if general.get(role) is None:
                        general[role] = entry[role]
                        general_ev[role] = value
            else:
                classes.setdefault(label, entry).update(entry)
                class_ev.setdefault(label, {}).update(evs)


def _level_rows(table, rs, general, general_ev) -> None:
    """A table whose rows are government levels (中央 | 80%, 省级 | 70元): the split of the standard."""
    rows = [r for r in table.rows[1:] if len(r) == 2]
    if len(rows) < 2 or len(rows) != len(table.rows) - 1:
        return
    found = []
    for label, cell in rows:
        key = next((level_key(t.text) for t in tokens(label.text) if t.type == "LEVEL"), None)
        text = cell.text.strip()
        v = parse_value(text, "percent") if text.endswith("%") else parse_value(_as_money(text, False), "money")
        if key is None or v is None:
            return  # not a table of levels
        found.append((key, v, cell, [label, cell]))
    split = general.setdefault("government_split", {})
    for key, v, cell, row in found:
        ev = cell_evidence(cell, row)
        if v.kind == "percent":
            split.setdefault("_pct", {})[key] = (v.value, ev.but(derived=True))
        else:
            split[key] = v.value
            general_ev[f"government_split/{key}"] = ev
        use_cell(rs, cell)


def _as_money(text: str, wan: bool) -> str:
    text = text.strip()
    if text.endswith("元"):
        return text
    return text + ("万元" if wan else "元")


def _emit(rs, general, general_ev, classes, class_ev):
    gen_class = None
    for key, c in classes.items():
        pop = population(key)
        if pop and pop.general:
            gen_class = key
    if gen_class and not any(general.get(k) is not None for k in ("total", "individual", "government")):
        general.update({k: v for k, v in classes[gen_class].items() if k in ("total", "individual", "government")})
        general_ev.update(class_ev[gen_class])
    for role in ("total", "individual", "government"):
        if general.get(role) is not None:
            rs.put(f"/funding/{role}", general[role], general_ev[role])
    for role, bound in (general.get("_bounds") or {}).items():
        rs.put(f"/funding/bounds/{role}", bound, general_ev[role])
    split = general.get("government_split") or {}
    pct = split.pop("_pct", {})
    for key, value in split.items():
        rs.put(f"/funding/government_split/{key}", value, general_ev[f"government_split/{key}"])
    gov = general.get("government")
    for key, (p, ev) in pct.items():
        if gov is not None and key not in split:
            share = round(gov * p / 100, 2)
            rs.put(f"/funding/government_split/{key}", int(share) if float(share).is_integer() else share, ev)
    # derive the missing one of total / individual / government
    t, i, g = (general.get(k) for k in ("total", "individual", "government"))
    if not (general.get("_bounds")):
        if t is None and i is not None and g is not None:
            rs.put("/funding/total", i + g, general_ev["individual"].but(derived=True))
        elif i is None and t is not None and g is not None:
            rs.put("/funding/individual", t - g, general_ev["total"].but(derived=True))
        elif g is None and t is not None and i is not None:
            rs.put("/funding/government", t - i, general_ev["total"].but(derived=True))
    for key in sorted(classes, key=lambda k: list(classes).index(k)):
        c = classes[key]
        item = {k: c.get(k) for k in ("population", "total", "individual", "government", "year")}
        ct, ci, cg = item["total"], item["individual"], item["government"]
        evs = dict(class_ev.get(key, {}))
        if ct is not None and cg is not None and ci is None:
            item["individual"] = ct - cg
            evs["individual"] = evs["total"].but(derived=True)
        elif ct is not None and ci is not None and cg is None:
            item["government"] = ct - ci
            evs["government"] = evs["total"].but(derived=True)
        elif ct is None and ci is not None and cg is not None:
            item["total"] = ci + cg
            evs["total"] = evs["individual"].but(derived=True)
        first = next(iter(evs.values()), None)
        evs[""] = first
        rs.append("/funding/classes", item, {k: v for k, v in evs.items() if v is not None})
