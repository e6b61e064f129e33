"""contacts: people, offices and phone numbers; rosters of a leading group.

Three shapes give contacts:
- clauses with a phone (市医保局…处：李晓雅 63531019 / 联系人：陈静，电话：… /
  咨询电话：12393), parsed clause by clause with grammar/contacts.lark; a
  clause naming only a person or an office hands them to the phones after it;
- rosters (组长：徐立民 县委常委、县政府常务副县长, then continuation lines
  that keep the role), read physical line by physical line; the caption above
  the roster names the group, which is each member's `org`;
- phone tables (县区名称 | 医保部门 | 税务部门): one contact per phone cell,
  its `org` the row's district followed by the column's department.

Words (roles, labels, title and organization suffixes) are in
grammar/vocab/contacts.toml.  `area_code` is set only where the notice writes
one (0551-…, （0551）…): no table of area codes by region is available.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from lark import Transformer, v_args

from ..errors import GrammarError
from ..facts import Evidence
from ..lazy_re import lazy_compile
from ..lexicon import TOK_START, Tok, load_vocab, new_tok, trie_pattern, word_table
from ..parse import parse
from ..values import scan
from .base import QUOTE_MAX, cell_evidence, clean, squeeze, use, use_cell

# A service number (12393, 0551-12345) is a phone only after a phone label;
# the value scanner reads 7-8 digit numbers and mobiles.
_SERVICE = lazy_compile(r"(?<![\d.])(?:0\d{2,3}[-—])?1\d{4}(?![\d.%])")
_AREA_PAREN = lazy_compile(r"（(0\d{2,3})）")
# five digits: written out, not \d{5}, so that re skips to the first digit (a repeat gives
# it no character to look for) without trying the whole pattern at every character
_DIGITS = re.compile(r"\d\d\d\d\d")
_AREA_PREFIX = lazy_compile(r"^（?(0\d{2,3})[）\-—]")
_CJK = lazy_compile(r"^[\u3400-\u9fff]+$")
_NAME = lazy_compile(r"^[\u3400-\u9fff]{2,4}$|^[\u3400-\u9fff]{1,8}·[\u3400-\u9fff·]{1,12}$")
_PUNCT = {"：": "COLON", "，": "COMMA", "、": "DUN", "；": "COMMA", "。": "COMMA"}
_OPEN, _CLOSE = "（", "）"
_OWN = frozenset({"TITLE", "ORG", "NAME", "CHAR", "TEXT"})  # the terminals _kind gives runs of text


# ---------------------------------------------------------------- vocabulary
@dataclass(frozen=True)
class Vocab:
    marks: dict[str, str]   # word or punctuation mark -> terminal
    mark_re: re.Pattern     # a word or a punctuation mark
    lex_re: re.Pattern      # ... or a run of other text up to the next one (or a space)
    roles: frozenset[str]
    labels: frozenset[str]
    titles: tuple[str, ...]
    orgs: tuple[str, ...]
    title_starts: tuple[str, ...]
    group_lead: tuple[str, ...]
    group_trail: tuple[str, ...]
    group_suffixes: tuple[str, ...]
    office: str
    call_verbs: tuple[str, ...]
    person_columns: tuple[str, ...]
    alone: tuple[str, ...]
    title_ends: frozenset[str]  # the last characters of `titles` and of `orgs`
    org_ends: frozenset[str]


@lru_cache(maxsize=None)
def vocab() -> Vocab:
    data = load_vocab("contacts.toml")["contacts"]
    words = word_table(data["tokens"], "contacts.toml")
    by_len = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731
    # the lexer finds words and punctuation in one scan, which gives what a scan for words
    # and then one for punctuation outside them gave while no word holds a punctuation mark
    if any(p in w for w in words for p in _PUNCT):
        raise GrammarError("grammar/vocab/contacts.toml: a word holds punctuation")
    if any(t in _OWN for t in words.values()):  # _piece splits TITLEs: none may come from a word
        raise GrammarError("grammar/vocab/contacts.toml: " + "/".join(sorted(_OWN)) + " are the lexer's own")
    word, punct = f"(?:{trie_pattern(words)})", re.escape("".join(_PUNCT))
    firsts = re.escape("".join(sorted({w[0] for w in words})))
    mark_re = re.compile(f"{word}|[{punct}]")
    # a run of other text: characters no word starts with, or that start no word here
    lex_re = re.compile(f"{word}|[{punct}]|(?:[^ {punct}{firsts}]|(?!{word})[{firsts}])+")
    roles = frozenset(w for w, t in words.items() if t == "ROLE")
    labels = frozenset(w for w, t in words.items() if t == "LABEL")
    alone = tuple(data["alone"])
    if any("\n" in w for w in alone):  # _gates joins the sentences with line breaks
        raise GrammarError("grammar/vocab/contacts.toml: a word of `alone` holds a line break")
    return Vocab({**words, **_PUNCT}, mark_re, lex_re, roles, labels, by_len(data["title_suffixes"]), by_len(data["org_suffixes"]),
                 by_len(data["title_starts"]), by_len(data["group_lead"]), by_len(data["group_trail"]),
                 by_len(data["group_suffixes"]), data["office"], by_len(data["call_verbs"]),
                 tuple(data["person_columns"]), alone,
                 frozenset(w[-1] for w in data["title_suffixes"]), frozenset(w[-1] for w in data["org_suffixes"]))


# ---------------------------------------------------------------- the lexer
_RUN = re.compile(r"[^ ]+")


def _run(text: str, a: int, b: int, cuts: frozenset[int], out: list[Tok], v: Vocab) -> None:
    """A run of other text (no space in it), cut where a physical line starts: each piece
    classified.  A TITLE that opens a line may hold the name before it (王莉莉县民政局局长)."""
    if cuts:
        for c in sorted(c for c in cuts if a < c < b):
            _piece(text[a:c], a, c, out, v)
            a = c
    _piece(text[a:b], a, b, out, v)


def _piece(chunk: str, a: int, b: int, out: list[Tok], v: Vocab) -> None:
    """One piece of other text, classified: TITLE, ORG, CHAR, NAME or TEXT."""
    # the last character is looked up first: most chunks end as no title and no organization
    last = chunk[-1]
    if last in v.title_ends and chunk.endswith(v.titles):
        if len(chunk) > 4 and (not out or out[-1].type == "COLON"):  # opening a line
            for n in (2, 3, 4):
                rest = chunk[n:]
                if rest.startswith(v.title_starts) and _CJK.match(chunk[:n]):
                    out.append(new_tok(Tok, ("NAME", chunk[:n], a, a + n, None)))
                    out.append(new_tok(Tok, ("TITLE", rest, a + n, b, None)))
                    return
        kind = "TITLE"
    elif len(chunk) >= 2 and last in v.org_ends and chunk.endswith(v.orgs):
        kind = "ORG"
    elif len(chunk) == 1:
        kind = "CHAR" if "\u3400" <= chunk <= "\u9fff" else "TEXT"  # _CJK's range, one character
    else:
        kind = "NAME" if _NAME.match(chunk) else "TEXT"
    out.append(new_tok(Tok, (kind, chunk, a, b, None)))


def _held(text: str, cuts: frozenset[int], values, v: Vocab) -> tuple[list[Tok], bytearray]:
    """The marks no word or punctuation may overlap (role labels at line starts, phones, area
    codes), and the offsets they take."""
    marks: list[Tok] = []
    taken = bytearray(len(text))

    def mark(kind: str, word: str, s: int, e: int, value=None) -> None:
        marks.append(new_tok(Tok, (kind, word, s, e, value)))
        taken[s:e] = b"\x01" * (e - s)

    # a role label written with layout spaces at a line start: 副 组 长：
    for s in (sorted({0, *cuts}) if cuts else (0,)):
        colon = text.find("：", s, s + 12)
        if colon > s:
            label = squeeze(text[s:colon])
            if label in v.roles:
                mark("ROLE", label, s, colon)
    if _DIGITS.search(text):
        for val in (scan(text) if values is None else values):
            if val.kind == "phone" and taken.find(1, val.start, val.end) < 0:
                mark("PHONE", val.text, val.start, val.end, val)
        for m in _SERVICE.finditer(text):
            if taken.find(1, m.start(), m.end()) < 0:
                mark("PHONE", m.group(), m.start(), m.end())
        for m in _AREA_PAREN.finditer(text):
            if m.end() < len(taken) and taken[m.end()] and taken.find(1, m.start(), m.end()) < 0:
                mark("AREA", m.group(1), m.start(), m.end())
    return marks, taken


def lex(text: str, cuts: frozenset[int] = frozenset(), values=None) -> list[Tok]:
    """Tokens of a sentence for grammar/contacts.lark (offsets relative to `text`).

    `cuts` are offsets where a physical line starts: roster lines are read
    one by one, so a run of text never spans them.  `values`: the figures of
    `text` when already scanned.
    """
    v = vocab()
    marks, taken = _held(text, cuts, values, v)
    out: list[Tok] = []
    if not marks:
        # the common case, in one scan: words, punctuation, and the runs of other text
        # between them (v.lex_re: a run stops where a word or a punctuation mark starts)
        kinds = v.marks
        for m in v.lex_re.finditer(text):
            word = m[0]
            kind = kinds.get(word)
            if kind is None:
                _run(text, *m.span(), cuts, out, v)
            else:
                out.append(new_tok(Tok, (kind, word, *m.span(), None)))
        return out
    kinds = v.marks
    for m in v.mark_re.finditer(text):  # words and punctuation, where nothing held is
        a, b = m.span()
        if taken.find(1, a, b) < 0:
            word = m[0]
            marks.append(new_tok(Tok, (kinds[word], word, a, b, None)))
    marks.sort(key=TOK_START)
    pos = 0
    for t in marks:
        if t.start > pos:
            _gap(text, pos, t.start, cuts, out, v)
        out.append(t)
        pos = t.end
    if pos < len(text):
        _gap(text, pos, len(text), cuts, out, v)
    return out


def _gap(text: str, s: int, e: int, cuts: frozenset[int], out: list[Tok], v: Vocab) -> None:
    """Other text between marks: its runs between spaces."""
    if " " not in text[s:e]:  # one run, found without a regex
        _run(text, s, e, cuts, out, v)
        return
    for m in _RUN.finditer(text, s, e):
        _run(text, m.start(), m.end(), cuts, out, v)


# ---------------------------------------------------------------- meaning
@v_args(inline=True)
class ContactTransformer(Transformer):
    """Parse tree of one clause -> dict(kind, role, persons, title, org, phones, holder)."""

    # the leaves are lark Tokens, strs reading as their Tok's text: joined as they are
    def person(self, *toks):
        return ("person", "".join(toks))

    def title(self, *toks):
        return ("title", "".join(toks))

    def org(self, tok):
        return ("org", tok.value.text)

    def holder(self, item):
        if isinstance(item, tuple):
            return ("holder_org", item[1])
        return ("holder", item.value.text)

    def phone(self, *toks):
        area = next((t.value.text for t in toks if t.type == "AREA"), None)
        tok = toks[-1].value
        return ("phone", tok, area)

    def phones(self, *items):
        return ("phones", list(items))

    def _fact(self, kind, items):
        fact = {"kind": kind, "persons": [], "orgs": [], "phones": [], "role": None, "title": None,
                "holder": None}
        for it in items:
            if isinstance(it, tuple):
                tag = it[0]
                if tag == "person":
                    fact["persons"].append(it[1])
                elif tag == "org":
                    fact["orgs"].append(it[1])
                elif tag == "title":
                    fact["title"] = it[1]
                elif tag == "phones":
                    fact["phones"] = it[1]
                elif tag in ("holder", "holder_org"):
                    fact["holder"] = it
            elif getattr(it, "type", None) == "ROLE":
                fact["role"] = it.value.text
            elif getattr(it, "type", None) == "LABEL":
                fact["label"] = it.value.text
        return fact

    def __default__(self, data, children, meta):  # start alternatives
        return self._fact(data, children)


# the alternatives of `start` are aliased: Transformer.__default__ gets them with their alias
_T = ContactTransformer(visit_tokens=False)


# ---------------------------------------------------------------- evidence
def _ev(doc, sent, offset: int) -> Evidence:
    """The original line of the figure at `offset` (layout spaces as written)."""
    line = sent.origin_of(offset)
    quote = doc.norm.quote(line)
    if not quote or len(quote) > QUOTE_MAX:
        quote = sent.text if len(sent.text) <= QUOTE_MAX else sent.text[:QUOTE_MAX] + "…"
    return Evidence(line, quote, loc=sent.line.loc)


def _area(phone_text: str, area: str | None) -> str | None:
    if area:
        return area
    m = _AREA_PREFIX.match(phone_text)
    return m.group(1) if m else None


# ---------------------------------------------------------------- rosters
def _group_name(text: str, v: Vocab) -> str | None:
    """The group a roster caption names (…协调小组组成人员名单 -> …协调小组)."""
    t = clean(text) or ""
    changed = True
    while changed:
        changed = False
        for w in v.group_lead:
            if t.startswith(w):
                t, changed = t[len(w):], True
        for w in v.group_trail:
            if t.endswith(w):
                t, changed = t[:-len(w)], True
        t = re.sub(r"^\d{1,2}[、.]", "", t)
    suffix = next((x for x in v.group_suffixes if t.endswith(x)), None)
    return t if suffix and len(t) > len(suffix) else None


def _caption(doc, sent, v: Vocab) -> str | None:
    """The nearest caption above a roster (its last physical line), or the text before 组长："""
    g = _group_name(sent.text[:max(0, sent.text.find("："))], v)
    if g:
        return g
    for prev in reversed(doc.sentences[max(0, sent.index - 3):sent.index]):
        pieces = _pieces(prev)
        for k in range(1, len(pieces) + 1):   # a caption may wrap: its last lines, shortest first
            g = _group_name("".join(pieces[-k:]), v)
            if g:
                return g
    return None


def _pieces(sent) -> list[str]:
    """The sentence cut at the starts of its physical lines."""
    cuts = _cuts(sent)
    bounds = [0, *sorted(cuts), len(sent.text)]
    return [sent.text[a:b] for a, b in zip(bounds, bounds[1:]) if sent.text[a:b].strip()]


_NO_CUTS: frozenset[int] = frozenset()


def _cuts(sent) -> frozenset[int]:
    if not sent.line.breaks:  # a line as written (most are): no comprehension to run
        return _NO_CUTS
    end = sent.start + len(sent.text)
    return frozenset(off - sent.start for off, _ in sent.line.breaks if sent.start < off < end)


def _office_name(text: str, group: str | None, v: Vocab) -> str:
    """协调小组办公室 / 办公室 -> the group's office, named in full where the group is known."""
    if group:
        short = text[:-len(v.office)] if text.endswith(v.office) else text
        if not short or group.endswith(short):
            return group + v.office
    return text


# ---------------------------------------------------------------- apply
_LOCAL = re.compile(r"[2-9]\d{6,7}")  # a landline written without its area code


_FIELDS = ("org", "person", "title", "phone", "role")


class _Collector:
    def __init__(self, rs):
        self.rs = rs
        self.items: list[tuple[int, int, dict, dict]] = []
        self.seen: set[tuple] = set()

    def add(self, line: int, item: dict, ev: Evidence) -> None:
        key = tuple(map(item.get, _FIELDS))  # a contact seen before is not built again
        if key in self.seen:
            return
        self.seen.add(key)
        full = dict.fromkeys(_FIELDS)
        for k, v in item.items():
            if v is not None:
                full[k] = v
        evs = {"": ev}
        for k, v in full.items():
            if v is not None:
                evs[k] = ev
        self.items.append((line, len(self.items), full, evs))

    def emit(self) -> None:
        region = None  # (area code, evidence) of the plan's region, looked up for the first local number
        for _, _, item, evs in sorted(self.items):  # by line, then order of finding (never equal)
            if "area_code" not in item and _LOCAL.fullmatch(item.get("phone") or ""):
                region = region or self._region_area_code()
                if region[0]:
                    item["area_code"] = region[0]  # a local number takes the area code of the plan's region
                    evs["area_code"] = region[1]
            self.rs.append("/contacts", item, evs)

    def _region_area_code(self):
        name = self.rs.get("/region/name")
        if not name:
            return None, None
        from ..regions import area_code
        code = area_code(name, self.rs.get("/region/province"))
        ev = self.rs.evidence_for("/region/name")
        return code, (ev.but(derived=True) if ev else None)


def _first_hits(joined: str, seps: list[int], find):
    """(index, offset within it) of the first hit of `find(joined, pos)` (an offset, or -1) in
    each sentence holding one; `seps[i]` is where sentence i + 1 starts in `joined`."""
    at = find(joined, 0)
    while at >= 0:
        i = bisect_right(seps, at)
        yield i, at - (seps[i - 1] if i else 0)
        at = find(joined, seps[i])


def _digits_at(text: str, pos: int) -> int:
    m = _DIGITS.search(text, pos)
    return m.start() if m else -1


def _gates(sentences, v: Vocab) -> tuple[set[int], set[int]]:
    """The indices of the sentences with a colon at 1 to 11 (the first one: where a roster
    line's role ends), and of those worth lexing outside a roster: holding five digits in a
    row or a word of `alone`.

    Found in all the texts joined by line breaks, which no colon, digit or word is (so a hit
    lies within one sentence, and the search goes on from the next one): a few str.find and
    one regex scan per document instead of three calls for each of a hundred sentences."""
    texts = [s.text for s in sentences]
    joined = "\n".join(texts)
    seps = list(accumulate([len(t) + 1 for t in texts]))
    heads = {i for i, off in _first_hits(joined, seps, lambda t, pos: t.find("：", pos)) if 0 < off < 12}
    wanted = {i for i, _ in _first_hits(joined, seps, _digits_at)}
    for w in v.alone:
        wanted.update(i for i, _ in _first_hits(joined, seps, lambda t, pos: t.find(w, pos)))
    return heads, wanted


def apply(doc, rs) -> None:
    v = vocab()
    out = _Collector(rs)
    sentences = doc.sentences
    heads, wanted = _gates(sentences, v)
    group = None    # the last roster's group, for its office
    after = 0       # the sentences before it are read
    # only the sentences a gate lets through are visited (a loop over all of them costs
    # more than the gates), and those a roster runs on
    for i in sorted(heads | wanted):
        if i < after:
            continue
        sent = sentences[i]
        toks = None
        if i in heads and _role_head(sent.text, v):
            # a roster: its lines are read sentence after sentence, with no gate, until one
            # does not fit; that sentence is read as clauses then
            roster = None   # (role, group) while the roster runs
            while True:
                cuts = _cuts(sent)
                toks = lex(sent.text, cuts, sent.values)
                roster, group = _roster(doc, sent, toks, cuts, roster, group, out, v)
                i += 1
                if roster is None or i == len(sentences):
                    break
                sent = sentences[i]
            after = i
            if roster is not None:
                break       # the document ends in the roster
            if cuts:        # the clauses' tokens are those of the whole sentence, with no line cut
                toks = None
        elif i not in wanted:
            continue
        if toks is None:
            toks = lex(sent.text, values=sent.values)
        _clauses(doc, sent, toks, group, rs, out, v)
    _tables(doc, rs, out, v)
    out.emit()


def _role_head(text: str, v: Vocab) -> bool:
    """A role label (spaces within it dropped) before a colon near the start: a roster line."""
    colon = text.find("：", 0, 12)
    if colon <= 0:
        return False
    return squeeze(text[:colon]) in v.roles


def _split_at_cuts(toks: list[Tok], cuts: frozenset[int]) -> list[list[Tok]]:
    if not cuts:  # one physical line (most roster sentences): no token loop
        return [toks] if toks else []
    out: list[list[Tok]] = [[]]
    for t in toks:
        if t.start in cuts and out[-1]:
            out.append([])
        out[-1].append(t)
    return [p for p in out if p]


def _roster(doc, sent, toks, cuts, roster, group, out, v):
    """Roster lines of one sentence (`cuts`: where its physical lines start); returns the
    roster state (None once a line does not fit)."""
    for piece in _split_at_cuts(toks, cuts):
        fact = parse("contacts", piece, using=_T)
        if fact and fact["kind"] == "role_person" and fact["role"] not in ("联系人",) and fact["persons"]:
            if roster is None:
                group = _caption(doc, sent, v)
            roster = (fact["role"], group)
        elif fact and fact["kind"] == "person_title" and roster is not None:
            pass
        else:
            return None, group
        ev = _ev(doc, sent, piece[0].start)
        out.add(ev.line, {"role": roster[0], "person": fact["persons"][0], "title": fact["title"],
                          "org": roster[1]}, ev)
    return roster, group


def _clauses(doc, sent, toks, group, rs, out, v):
    """Clauses of a sentence in order; a person or office named alone goes to the phones after it."""
    person = org = role = None
    office = None
    clause: list[Tok] = []
    for t in [*toks, Tok("COMMA", "", len(sent.text), len(sent.text))]:
        if t.type != "COMMA":
            clause.append(t)
            continue
        if not clause:
            continue
        f = parse("contacts", clause, using=_T)
        first = clause[0]
        clause = []
        if f is None:
            continue
        kind = f["kind"]
        if kind == "office":
            a = f["orgs"][0]
            b = f["orgs"][1] if len(f["orgs"]) > 1 else ""
            name = a if a.endswith(v.office) else (a + v.office if b == v.office else None)
            if name:
                office = _office_name(name, group, v)
                org, person = office, None
            continue
        if kind in ("concur", "concur_by"):
            for p in f["persons"]:
                ev = _ev(doc, sent, first.start)
                out.add(ev.line, {"role": f["role"], "person": clean(p), "org": office or org}, ev)
            continue
        if kind in ("role_person", "person_only", "org_person"):
            person = clean(f["persons"][0]) if f["persons"] else None
            role = f["role"]
            if f["orgs"]:
                org = f["orgs"][0]
            if role and not any(x.type == "PHONE" for x in toks):
                # a contact person named in a sentence without a phone is a contact still
                ev = _ev(doc, sent, first.start)
                out.add(ev.line, {"person": person, "role": role, "org": org, "title": f["title"]}, ev)
            continue
        if not f["phones"]:
            continue
        if f["persons"]:
            person = clean(f["persons"][0])
        if f["orgs"]:
            org = f["orgs"][0]
            if f["kind"] == "org_phones" and not f["persons"]:
                person = None
        holder_org = None
        if f["holder"] and f["holder"][0] == "holder_org":
            holder_org = f["holder"][1]
        elif f["holder"] and kind == "label_phones":
            holder_org = _service_org(f["holder"][1], f.get("label"), v)
        for _, tok, area in f["phones"]:
            ev = _ev(doc, sent, tok.start)
            item = {"org": holder_org or org, "person": person, "phone": _phone_text(tok, area),
                    "role": role if person else None}
            a = _area(tok.text, area)
            if a:
                item["area_code"] = a
            out.add(ev.line, item, ev)
            use(rs, sent, tok)


def _phone_text(tok: Tok, area: str | None) -> str:
    return f"（{area}）{tok.text}" if area else tok.text


def _service_org(text: str, label: str | None, v: Vocab) -> str | None:
    """医保服务热线: the words before a hotline label name the service when they are not a verb."""
    t = clean(text) or ""
    for verb in v.call_verbs:
        if verb in t:
            t = t[t.rfind(verb) + len(verb):]
    if t and label and t.endswith(v.orgs):
        return t
    return None


# ---------------------------------------------------------------- tables
def _cell_phones(text: str) -> list[tuple[str, str | None]]:
    vals = [x for x in scan(text) if x.kind == "phone"]
    if not vals:
        m = _SERVICE.fullmatch(text.strip())
        return [(m.group(), _area(m.group(), None))] if m else []
    return [(x.text, _area(x.text, None)) for x in vals]


def _tables(doc, rs, out, v):
    """A table of phones: one contact per phone cell, org = row label + column header."""
    labels = tuple(v.labels)
    for table in doc.tables:
        if len(table.rows) < 2:
            continue
        header = [clean(c.text) or "" for c in table.rows[0]]
        if any(_cell_phones(h) for h in header):
            continue
        pcol = next((j for j, h in enumerate(header) if any(w in h for w in v.person_columns)), None)
        # a column headed by a phone label (or by nothing) adds no department to the row's org
        plain = [not h or h in v.labels or h.endswith(labels) for h in header]
        for row in table.rows[1:]:
            if len(row) != len(header):
                continue
            label = clean(row[0].text)
            person = clean(row[pcol].text) if pcol is not None and pcol > 0 else None
            for j, cell in enumerate(row[1:], start=1):
                phones = _cell_phones(cell.text)
                if not phones:
                    continue
                org = label if plain[j] else f"{label}{header[j]}"
                ev = cell_evidence(cell, row)
                for text, area in phones:
                    item = {"org": org, "person": person, "phone": text}
                    if area:
                        item["area_code"] = area
                    out.add(cell.line, item, ev)
                use_cell(rs, cell)
