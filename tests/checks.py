"""A small checker for rule sets: one check (a dict) in, failure messages out.

The check language is the one of the shared evaluation's gold files (see
rules-format.md for the paths); each field of a check is one fact.

    run_check(rules, {"path": "funding.total", "value": 1070})      -> []
    run_check(rules, {"tier": "低保对象", "subsidy": 340})          -> ["tier 低保对象.subsidy: want 340, got 300"]

Forms (first key decides the form):
  {"path": "a.b.c", "value": V}            dotted path; V None = absent/null/empty
  {"count": "a.b", "value": N}             length of the list at a dotted path
  {"tier": LABEL, <field>: V, ...}         a subsidies[] item (label, else group, else closest label)
  {"no_tier": LABEL}                       no subsidies[] item has exactly this label
  {"no_tier_amount": N}                    no subsidies[] item has subsidy or personal == N
  {"class": POPULATION, <field>: V, ...}   a funding.classes[] item (total/individual/government/year)
  {"individual_any": N}                    funding.individual or some class's individual == N
  {"phase": NAME, "start": D, "end": D}    a schedule[] item (by phase, else by task)
  {"target": RATE, "bound"?, "by"?, "population"?}   some targets[] item
  {"phone"?: P, "person"?: N, "org"?: O, "role"?: R, "title"?: T}   some contacts[] item
  {"extension_end": D, "group"?: G}        some periods.extensions[] item
  {"unexplained_has": S}                   some unexplained[] item's quote or text contains S
  {"evidence": POINTER, "derived"?: B, "year_inferred"?: B}   evidence entry flags
  {"issuer": NAME}                         NAME is one of notice.issuers
  {"title_contains": S}                    notice.title contains S
  {"reference": DOC_NUMBER}                some notice.references[] has this doc_number
  {"forwarded_on": D}                      some notice.forwarded_by[] was issued on D

Strings compare after NFKC, with all whitespace removed and [] ［］ read as 〔〕;
numbers compare as numbers.
"""
from __future__ import annotations

import re
import unicodedata

_MISSING = object()


# ---------------------------------------------------------------- values
def norm(s) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s))
    s = re.sub(r"\s+", "", s)
    for a, b in (("[", "〔"), ("]", "〕"), ("［", "〔"), ("］", "〕")):
        s = s.replace(a, b)
    return s


def _digits(s) -> str:
    return re.sub(r"\D", "", str(s or ""))


def _absent(v) -> bool:
    return v is _MISSING or v is None or v == "" or v == [] or v == {}


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def same(got, want) -> bool:
    """Does the value `got` from the rule set equal the expected `want`?"""
    if want is None:
        return _absent(got)
    if _absent(got):
        return False
    if isinstance(want, bool):
        return got is want
    if _is_number(want):
        if isinstance(got, bool):
            return False
        try:
            return abs(float(got) - float(want)) < 1e-6
        except (TypeError, ValueError):
            return False
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(map(same, got, want))
    if isinstance(want, dict):
        return isinstance(got, dict) and all(same(got.get(k, _MISSING), v) for k, v in want.items())
    return norm(got) == norm(want)


def get(obj, path: str):
    """The value at a dotted path (list items by index), or _MISSING."""
    for part in path.split("."):
        if isinstance(obj, dict) and part in obj:
            obj = obj[part]
        elif isinstance(obj, list) and part.isdigit() and int(part) < len(obj):
            obj = obj[int(part)]
        else:
            return _MISSING
    return obj


def _items(rules, path: str) -> list[dict]:
    v = get(rules, path)
    return [x for x in v if isinstance(x, dict)] if isinstance(v, list) else []


def show(v) -> str:
    return "absent" if v is _MISSING else repr(v)


def best_match(items: list[dict], key: str, label: str) -> dict | None:
    """Exact (normalized) match first, then the closest containing/contained one."""
    lab = norm(label)
    cands = [(it, norm(it.get(key))) for it in items if it.get(key)]
    for it, v in cands:
        if v == lab:
            return it
    near = [(abs(len(v) - len(lab)), i, it) for i, (it, v) in enumerate(cands) if lab in v or v in lab]
    return min(near, key=lambda t: (t[0], t[1]))[2] if near else None


def _exact(items: list[dict], key: str, label: str) -> dict | None:
    lab = norm(label)
    return next((it for it in items if norm(it.get(key)) == lab), None)


def _fields(name: str, item: dict | None, want: dict, keys) -> list[str]:
    if item is None:
        return [f"{name}: no such item"]
    out = []
    for k in keys:
        if k in want and not same(item.get(k, _MISSING), want[k]):
            out.append(f"{name}.{k}: want {want[k]!r}, got {show(item.get(k, _MISSING))}")
    return out


# ---------------------------------------------------------------- forms
def _path(rules, c):
    got = get(rules, c["path"])
    if same(got, c["value"]):
        return []
    return [f"{c['path']}: want {c['value']!r}, got {show(got)}"]


def _count(rules, c):
    got = get(rules, c["count"])
    n = len(got) if isinstance(got, list) else (0 if _absent(got) else None)
    if n == c["value"]:
        return []
    return [f"count {c['count']}: want {c['value']}, got {n if n is not None else show(got)}"]


def _tier(rules, c):
    tiers = _items(rules, "subsidies")
    t = (_exact(tiers, "label", c["tier"]) or _exact(tiers, "group", c["tier"])
         or best_match(tiers, "label", c["tier"]))
    keys = [k for k in c if k != "tier"]
    if t is None:
        labels = [x.get("label") for x in tiers]
        return [f"tier {c['tier']}: no such tier (labels {labels})"]
    return _fields(f"tier {c['tier']}", t, c, keys)


def _no_tier(rules, c):
    lab = norm(c["no_tier"])
    bad = [x.get("label") for x in _items(rules, "subsidies") if norm(x.get("label")) == lab]
    return [f"no_tier {c['no_tier']}: a tier has this label"] if bad else []


def _no_tier_amount(rules, c):
    n = c["no_tier_amount"]
    bad = [x.get("label") for x in _items(rules, "subsidies")
           if any(_is_number(x.get(k)) and abs(x[k] - n) < 1e-6 for k in ("subsidy", "personal"))]
    return [f"no_tier_amount {n}: tiers {bad} carry it"] if bad else []


def _class(rules, c):
    k = best_match(_items(rules, "funding.classes"), "population", c["class"])
    return _fields(f"class {c['class']}", k, c, ("total", "individual", "government", "year"))


def _individual_any(rules, c):
    vals = [get(rules, "funding.individual")] + [x.get("individual") for x in _items(rules, "funding.classes")]
    if any(not _absent(v) and same(v, c["individual_any"]) for v in vals):
        return []
    return [f"individual_any {c['individual_any']}: not among {[v for v in vals if not _absent(v)]}"]


def _phase(rules, c):
    sch = _items(rules, "schedule")
    p = best_match(sch, "phase", c["phase"]) or best_match(sch, "task", c["phase"])
    return _fields(f"phase {c['phase']}", p, c, ("start", "end", "task"))


def _target(rules, c):
    tg = _items(rules, "targets")

    def fits(t):
        if not same(t.get("rate", _MISSING), c["target"]):
            return False
        if any(k in c and not same(t.get(k, _MISSING), c[k]) for k in ("bound", "by")):
            return False
        return "population" not in c or norm(c["population"]) in (norm(t.get("population")) or "")

    if any(fits(t) for t in tg):
        return []
    return [f"target {c['target']}: no fitting target among {[t.get('rate') for t in tg]}"]


def _contact(rules, c):
    cs = _items(rules, "contacts")

    def fits(x):
        if "phone" in c:
            o, g = _digits(x.get("phone")), _digits(c["phone"])
            if not o or not (o.endswith(g) or (g.startswith("0") and o.endswith(g[1:]))
                             or (len(o) >= 7 and g.endswith(o))):
                return False
        if "person" in c and norm(x.get("person")) != norm(c["person"]):
            return False
        for k in ("org", "role", "title"):
            if k in c and norm(c[k]) not in (norm(x.get(k)) or ""):
                return False
        return True

    if any(fits(x) for x in cs):
        return []
    name = " ".join(f"{k}={c[k]}" for k in ("person", "title", "org", "role", "phone") if k in c)
    return [f"contact {name}: no such contact among {len(cs)}"]


def _extension(rules, c):
    ex = _items(rules, "periods.extensions")
    ok = any(same(e.get("end", _MISSING), c["extension_end"])
             and ("group" not in c or norm(c["group"]) in (norm(e.get("group")) or "")) for e in ex)
    return [] if ok else [f"extension {c['extension_end']}: not among {[e.get('end') for e in ex]}"]


def _unexplained(rules, c):
    s = norm(c["unexplained_has"])
    for u in _items(rules, "unexplained"):
        if s in (norm(u.get("quote")) or "") or s in (norm(u.get("text")) or ""):
            return []
    return [f"unexplained_has {c['unexplained_has']}: no unexplained item mentions it"]


def _evidence(rules, c):
    ev = get(rules, "evidence")
    e = ev.get(c["evidence"]) if isinstance(ev, dict) else None
    if not isinstance(e, dict):
        return [f"evidence {c['evidence']}: no evidence entry"]
    out = []
    for k in ("derived", "year_inferred"):
        if k in c and bool(e.get(k, False)) != bool(c[k]):
            out.append(f"evidence {c['evidence']}.{k}: want {c[k]}, got {e.get(k, False)}")
    return out


def _issuer(rules, c):
    iss = get(rules, "notice.issuers")
    names = [norm(x) for x in iss if isinstance(x, str)] if isinstance(iss, list) else []
    return [] if norm(c["issuer"]) in names else [f"issuer {c['issuer']}: not among {iss if iss is not _MISSING else []}"]


def _title(rules, c):
    t = norm(get(rules, "notice.title")) if not _absent(get(rules, "notice.title")) else ""
    return [] if norm(c["title_contains"]) in t else [f"title_contains {c['title_contains']}: title is {t!r}"]


def _reference(rules, c):
    nums = [norm(r.get("doc_number")) for r in _items(rules, "notice.references")]
    return [] if norm(c["reference"]) in nums else [f"reference {c['reference']}: not among {nums}"]


def _forwarded(rules, c):
    fw = _items(rules, "notice.forwarded_by")
    ok = any(same(f.get("issued_on", _MISSING), c["forwarded_on"]) for f in fw)
    return [] if ok else [f"forwarded_on {c['forwarded_on']}: not among {[f.get('issued_on') for f in fw]}"]


# The first key of this table found in a check decides its form.
FORMS = (
    ("path", _path), ("count", _count), ("tier", _tier), ("no_tier", _no_tier),
    ("no_tier_amount", _no_tier_amount), ("class", _class), ("individual_any", _individual_any),
    ("phase", _phase), ("target", _target), ("extension_end", _extension),
    ("unexplained_has", _unexplained), ("evidence", _evidence), ("issuer", _issuer),
    ("title_contains", _title), ("reference", _reference), ("forwarded_on", _forwarded),
    ("phone", _contact), ("person", _contact),
)


def form_of(check: dict) -> str:
    for key, _ in FORMS:
        if key in check:
            return key
    raise ValueError(f"unknown check form: {check!r}")


def run_check(rules: dict, check: dict) -> list[str]:
    """Failure messages for one check (empty when the rule set satisfies it)."""
    key = form_of(check)
    return dict(FORMS)[key](rules, check)


def run_checks(rules: dict, checks: list[dict]) -> list[str]:
    return [msg for c in checks for msg in run_check(rules, c)]
