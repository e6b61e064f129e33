"""Rule sets compared fact by fact: the logic of `nrc diff` and `nrc check`.

Two flattenings of a rule set:

- `pointer_facts(rules)`: JSON Pointer -> value of every stated leaf (what
  `nrc check` compares: the paths of the file itself);
- `fact_rows(rules)`: readable row key -> value, list items matched by their
  meaning rather than their index (a subsidy tier by its canonical `group`, a
  funding class by its population, a phase by its name), so that different
  regions, or versions of one region, line up (what `nrc diff` compares).

Nothing here prints; rendering lives in extractor.cli.render.
"""
from __future__ import annotations

import json
from collections import Counter
from difflib import SequenceMatcher
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .review import escape, evidence_of, leaves

MAX_COLUMNS = 50


# ------------------------------------------------------------------ loading
def load_rules(path: str | Path) -> dict:
    """A rule set from a .json file, or InputError saying why it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "no such file", "check the path") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"not a rule set: invalid JSON ({exc})", "give a file written by 'nrc compile'") from None
    if not isinstance(data, dict) or not str(data.get("format", "")).startswith("nrc.rules/"):
        raise InputError(path, "not a rule set: no \"format\": \"nrc.rules/1\"", "give a file written by 'nrc compile'")
    return data


def same(a, b) -> bool:
    """Equal as JSON values (1070 and 1070.0 differ, as they do in the file)."""
    return canonical(a) == canonical(b)


def canonical(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# ------------------------------------------------------------------ check: pointer level
ATOMIC = ("warnings", "unexplained")  # their items are compared whole


def pointer_facts(rules: dict) -> dict[str, object]:
    """Pointer -> value of every non-empty leaf except evidence; warnings/unexplained items whole."""
    out: dict[str, object] = {}
    for key in rules:
        if key == "evidence":
            continue
        if key in ATOMIC and isinstance(rules[key], list):
            for n, item in enumerate(rules[key]):
                out[f"/{key}/{n}"] = item
            continue
        for pointer, value in leaves(rules[key], f"/{escape(key)}"):
            out[pointer] = value
    return out


@dataclass(frozen=True)
class Change:
    kind: str  # "changed" | "added" | "removed"
    pointer: str
    old: object = None
    new: object = None
    line: int | None = None
    quote: str | None = None


@dataclass
class Drift:
    changes: list[Change] = field(default_factory=list)
    evidence: list[tuple[str, dict | None, dict | None]] = field(default_factory=list)  # evidence-only changes
    formatting: bool = False  # bytes differ, nothing else does

    @property
    def drifted(self) -> bool:
        return bool(self.changes or self.evidence or self.formatting)


def _related(p: str, q: str) -> bool:
    return p == q or p.startswith(q + "/") or q.startswith(p + "/")


_GONE = "~"  # key prefix of a removed item's pointers (no JSON Pointer starts with it)


def _match_items(old, new, po: str, pn: str, moves: dict[str, str]) -> None:
    """Record in `moves` where each item of the lists of objects under `old` went in `new`
    (old item pointer -> new item pointer, or _GONE + old pointer for an item removed).
    Items are lined up by difflib on their whole values: an item inserted or removed is one
    addition or removal, not a shift of every item after it; items replaced in a run are
    paired in order, and compared field by field."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old.keys() & new.keys():
            k = escape(key)
            _match_items(old[key], new[key], f"{po}/{k}", f"{pn}/{k}", moves)
        return
    if not (isinstance(old, list) and isinstance(new, list)) or \
            not any(isinstance(x, (dict, list)) for x in (*old, *new)):
        return  # a list of scalars is one leaf
    keys_old, keys_new = list(map(canonical, old)), list(map(canonical, new))
    for op, i1, i2, j1, j2 in SequenceMatcher(None, keys_old, keys_new, autojunk=False).get_opcodes():
        for k in range(i2 - i1):
            i, j = i1 + k, j1 + k
            if j < j2:
                moves[f"{po}/{i}"] = f"{pn}/{j}"
                if op != "equal":
                    _match_items(old[i], new[j], f"{po}/{i}", f"{pn}/{j}", moves)
            else:
                moves[f"{po}/{i}"] = f"{_GONE}{po}/{i}"


def _moved(pointer: str, moves: dict[str, str]) -> str:
    """`pointer` of the old rule set, under its item's place in the new one (the longest moved
    item pointer it lies in; nested moves hold the whole new pointer)."""
    p = pointer
    while p:
        to = moves.get(p)
        if to is not None:
            return to + pointer[len(p):]
        p = p.rsplit("/", 1)[0]
    return pointer


def drift(old: dict, new: dict, old_bytes: bytes | None = None, new_bytes: bytes | None = None) -> Drift:
    """What changed from the committed rule set `old` to the recompiled `new`.  List items
    are matched by value first (_match_items), so inserting a tier reports that tier alone;
    a removed item is reported under its old pointer."""
    moves: dict[str, str] = {}
    _match_items({k: v for k, v in old.items() if k != "evidence"},
                 {k: v for k, v in new.items() if k != "evidence"}, "", "", moves)
    a = {_moved(p, moves): v for p, v in pointer_facts(old).items()}
    b = pointer_facts(new)
    ev_a = {_moved(p, moves): v for p, v in (old.get("evidence") or {}).items()}
    ev_b = new.get("evidence") or {}
    order = list(a) + [p for p in b if p not in a]
    changes: list[Change] = []
    for p in order:
        if p in a and p in b and same(a[p], b[p]):
            continue
        kind = "changed" if p in a and p in b else ("removed" if p in a else "added")
        found = evidence_of(ev_b if kind != "removed" else ev_a, p)
        ev = found[1] if found else {}
        changes.append(Change(kind, p.removeprefix(_GONE), a.get(p), b.get(p), ev.get("line"), ev.get("quote")))
    evidence = []
    keys = {c.pointer if c.kind != "removed" else _GONE + c.pointer for c in changes}
    for p in sorted(set(ev_a) | set(ev_b)):
        if not same(ev_a.get(p), ev_b.get(p)) and not any(_related(p, k) for k in keys):
            evidence.append((p.removeprefix(_GONE), ev_a.get(p), ev_b.get(p)))
    d = Drift(changes, evidence)
    if not d.drifted and old_bytes is not None and new_bytes is not None and old_bytes != new_bytes:
        d.formatting = True
    return d


# ------------------------------------------------------------------ diff: rows by meaning
SPLIT = ("central", "provincial", "prefecture", "county")
TIER = ("basis", "percent", "subsidy", "personal", "payer")


def _put(rows: dict, key: str, value) -> None:
    if value is None or value == [] or value == {}:
        return
    n, k = 2, key
    while k in rows:  # the same group twice in one notice: keep both
        k = f"{key}#{n}"
        n += 1
    rows[k] = value


def _short(label: str, n: int = 14) -> str:
    """A row label short enough for a table: long phrases are cut with …"""
    return label if len(label) <= n else label[:n - 1] + "…"


def fact_rows(rules: dict) -> dict[str, object]:
    """Readable fact key -> value, in a fixed order; list items keyed by meaning."""
    g = lambda *path: _get(rules, path)  # noqa: E731
    rows: dict[str, object] = {}
    for k in ("province", "name", "level", "code"):
        _put(rows, f"region.{k}", g("region", k))
    _put(rows, "scheme_year", g("scheme_year"))
    _put(rows, "notice.status", g("notice", "status"))
    _put(rows, "notice.issued_on", g("notice", "issued_on"))
    _put(rows, "notice.doc_number", g("notice", "doc_number"))
    for k in ("total", "individual", "government"):
        _put(rows, f"funding.{k}", g("funding", k))
    for k in SPLIT:
        _put(rows, f"funding.government_split.{k}", g("funding", "government_split", k))
    for k, v in sorted((g("funding", "bounds") or {}).items()):
        _put(rows, f"funding.bounds.{k}", v)
    for c in g("funding", "classes") or []:
        name = c.get("population") or "?"
        for k in ("year", "total", "individual", "government"):
            _put(rows, f"funding.classes[{name}].{k}", c.get(k))
    for t in g("subsidies") or []:
        tier = {k: t.get(k) for k in TIER if t.get(k) is not None}
        _put(rows, f"subsidies[{t.get('group') or t.get('label') or '?'}]", tier)
    _put(rows, "subsidy_rule", g("subsidy_rule"))
    for span in ("enrollment", "coverage"):
        for k in ("start", "end"):
            _put(rows, f"periods.{span}.{k}", g("periods", span, k))
    for e in g("periods", "extensions") or []:
        _put(rows, f"periods.extensions[{e.get('group') or '?'}].end", e.get("end"))
    _put(rows, "newborn.window_days", g("newborn", "window_days"))
    for k, v in (g("waiting_periods") or {}).items():
        _put(rows, f"waiting_periods.{k}", v)
    for inc in g("incentives") or []:
        _put(rows, f"incentives[{inc.get('kind') or '?'}]", {k: v for k, v in inc.items() if k != "kind" and v is not None})
    deadlines = 0
    for ph in g("schedule") or []:
        if not ph.get("phase"):
            deadlines += 1  # deadlines are worded per notice: compared by count, like contacts
            continue
        for k in ("start", "end"):
            _put(rows, f"schedule[{_short(ph['phase'])}].{k}", ph.get(k))
    if deadlines:
        rows["schedule.deadlines.count"] = deadlines
    for t in g("targets") or []:
        _put(rows, f"targets[{_short(t.get('population') or '?')}]",
             {k: v for k, v in t.items() if k != "population" and v is not None})
    contacts = g("contacts") or []
    if contacts:
        rows["contacts.count"] = len(contacts)
    return rows


def _get(node, path):
    for part in path:
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


@dataclass
class Column:
    label: str
    path: str
    region: str | None
    scheme_year: object
    issued_on: str | None
    status: str | None


@dataclass
class Row:
    key: str
    values: list
    differs: bool
    marked: list[bool]  # cells to highlight


@dataclass
class Table:
    mode: str  # "regions" | "versions"
    columns: list[Column]
    rows: list[Row]
    hidden: int = 0  # equal rows left out by only_diff()

    @property
    def differs(self) -> bool:
        return any(r.differs for r in self.rows)

    def only_diff(self) -> "Table":
        shown = [r for r in self.rows if r.differs]
        return Table(self.mode, self.columns, shown, self.hidden + len(self.rows) - len(shown))

    def as_json(self) -> dict:
        return {"mode": self.mode, "differs": self.differs, "equal_rows_hidden": self.hidden,
                "columns": [c.__dict__ for c in self.columns],
                "rows": [{"fact": r.key, "values": r.values, "differs": r.differs} for r in self.rows]}


_SECTION = ("region", "scheme_year", "notice", "funding", "subsidies", "subsidy_rule", "periods", "newborn",
            "waiting_periods", "incentives", "schedule", "targets", "contacts")


def _section(key: str) -> int:
    head = key.split(".")[0].split("[")[0]
    return _SECTION.index(head) if head in _SECTION else len(_SECTION)


def _region(rules: dict) -> str | None:
    r = rules.get("region") or {}
    if not r.get("name"):
        return None
    return "-".join(dict.fromkeys(x for x in (r.get("province"), r.get("name")) if x))


def _unique(labels: list[str], fallbacks: list[str]) -> list[str]:
    counts = Counter(labels)
    return [f"{lab} ({fb})" if counts[lab] > 1 else lab for lab, fb in zip(labels, fallbacks)]


def table(named: list[tuple[str, dict]]) -> Table:
    """Side-by-side table of rule sets given as (path, rules), 2 to MAX_COLUMNS of them."""
    regions = {_region(r) for _, r in named}
    versions = len(named) > 1 and len(regions) == 1 and None not in regions
    if versions:
        named = sorted(named, key=lambda pr: ((pr[1].get("notice") or {}).get("issued_on") or "",
                                              pr[1].get("scheme_year") or 0, pr[0]))
    cols = []
    for path, r in named:
        notice = r.get("notice") or {}
        cols.append(Column("", path, _region(r), r.get("scheme_year"), notice.get("issued_on"), notice.get("status")))
    stems = [Path(c.path).stem for c in cols]
    if versions:
        labels = [(c.issued_on or (str(c.scheme_year) if c.scheme_year else s)) + (" draft" if c.status == "draft" else "")
                  for c, s in zip(cols, stems)]
    else:
        labels = [(c.region.split("-")[-1] if c.region else s) for c, s in zip(cols, stems)]
        labels = _unique(labels, [f"{c.scheme_year}" if c.scheme_year else s for c, s in zip(cols, stems)])
    labels = _unique(labels, stems)
    for c, lab in zip(cols, labels):
        c.label = lab
    flat = [fact_rows(r) for _, r in named]
    first: dict[str, int] = {}
    for f in flat:
        for k in f:
            first.setdefault(k, len(first))
    keys = sorted(first, key=lambda k: (_section(k), first[k]))
    rows = []
    for k in keys:
        values = [f.get(k) for f in flat]
        texts = [canonical(v) for v in values]
        differs = len(set(texts)) > 1
        if not differs:
            marked = [False] * len(values)
        elif versions:
            marked = [n > 0 and texts[n] != texts[n - 1] for n in range(len(texts))]
        else:
            counts = Counter(texts).most_common()
            if counts[0][1] > 1 and counts[0][1] > counts[1][1]:  # a clear majority: mark the others
                marked = [t != counts[0][0] for t in texts]
            else:
                marked = [True] * len(texts)
        rows.append(Row(k, values, differs, marked))
    return Table("versions" if versions else "regions", cols, rows)


# ------------------------------------------------------------------ inputs of diff and show
def load_any(path: str | Path) -> dict:
    """A rule set from a .json file, or compiled in memory from a notice."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return load_rules(path)
    from . import api
    return api.extract(path)


def collect(paths: list[str | Path]) -> list[tuple[str, dict]]:
    """(path, rule set) for each input: rule set files, notices, or folders of either (sorted)."""
    from . import api
    out: list[tuple[str, dict]] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(x for x in p.glob("*.json") if not x.name.startswith("."))
            if found:
                out += [(str(x), load_rules(x)) for x in found]
            else:
                out += [(str(x), api.extract(x)) for x in api.notice_files([p])]
        elif p.exists():
            out.append((str(p), load_any(p)))
        else:
            raise InputError(p, "no such file or folder", "check the path")
    return out
