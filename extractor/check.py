"""check: the rule set against the JSON Schema, then the consistency rules of the spec.

Each failure is a warning in the rule set (never an exception): the caller
gets every problem with its JSON Pointer, the way jsonschema reports errors.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from operator import itemgetter

from .schema.fast_validator import is_valid

EPS = 0.005


def _schema() -> dict:
    return json.loads(resources.files("extractor.schema").joinpath("rules.schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator  # imported only when a rule set is checked
    return Draft202012Validator(_schema())


# What _evidence_spec understands of the schema; any other keyword turns the fast path off.
_NOTES = {"title", "description", "$comment"}
_ROOT_KEYS = _NOTES | {"$schema", "$id", "$defs", "type", "required", "additionalProperties", "properties"}
_TYPES = {"integer": int, "string": str, "boolean": bool, "null": type(None)}  # exact types: bool is no integer


def _object_schema(node, keywords: set) -> bool:
    """node is {"type": "object"} with no keyword besides these (and notes)."""
    return isinstance(node, dict) and node.get("type") == "object" and node.keys() <= _NOTES | {"type"} | keywords


def _evidence_spec(schema: dict) -> tuple | None:
    """(name, allowed Python types, minimum or None, required) for each property of an evidence
    entry, read from the schema; None when that part of the schema says more than this reads:
    the fast path must never accept what the schema refuses."""
    ev = schema.get("properties", {}).get("evidence")
    if not (schema.keys() <= _ROOT_KEYS and _object_schema(ev, {"additionalProperties"})):
        return None
    entry = ev.get("additionalProperties")  # the schema of every entry, whatever its pointer
    if not (_object_schema(entry, {"required", "additionalProperties", "properties"})
            and entry.get("additionalProperties") is False):
        return None
    props, required = entry.get("properties", {}), entry.get("required", [])
    if not (isinstance(props, dict) and isinstance(required, list) and set(required) <= props.keys()):
        return None
    spec = []
    for name, sub in props.items():
        names = sub.get("type") if isinstance(sub, dict) else None
        names = [names] if isinstance(names, str) else names
        if not (isinstance(names, list) and names and set(names) <= _TYPES.keys()
                and sub.keys() <= _NOTES | {"type", "minimum"}):
            return None
        minimum = sub.get("minimum")
        if "minimum" in sub and not (names == ["integer"] and type(minimum) is int):
            return None  # a minimum is understood on integers only (no NaN, no None to compare)
        spec.append((name, frozenset(_TYPES[n] for n in names), minimum, name in required))
    return tuple(spec)


@lru_cache(maxsize=1)
def _evidence() -> tuple | None:
    return _evidence_spec(_schema())  # read once, when the first rule set is checked


def _evidence_ok(ev) -> bool:
    """True only if every entry of the evidence map is valid by the schema (False proves nothing).

    One pass per property over all entries, in builtins, instead of the generated
    validator's Python code per entry: the map holds 75-210 entries a notice."""
    spec = _evidence()
    if spec is None or type(ev) is not dict:
        return False
    entries = ev.values()
    if not set(map(type, entries)) <= {dict}:
        return False
    # Once every entry holds the required properties, one with no more keys holds nothing else:
    # the optional ones are looked for in the few entries with more.
    least = sum(required for *_, required in spec)
    fuller = [e for e in entries if len(e) > least]
    optional = 0
    for name, types, minimum, required in spec:
        try:
            values = list(map(itemgetter(name), entries)) if required else [e[name] for e in fuller if name in e]
        except KeyError:  # a required property missing
            return False
        if not set(map(type, values)) <= types or minimum is not None and values and min(values) < minimum:
            return False
        optional += 0 if required else len(values)
    return optional == sum(map(len, fuller)) - least * len(fuller)  # no key the schema does not name


def _fast_valid(rules) -> bool:
    """True when the generated validator (extractor/schema/fast_validator.py) accepts the rule
    set, run on it without its evidence when _evidence_ok vouches for that."""
    if type(rules) is dict and _evidence_ok(rules.get("evidence")):
        return is_valid(dict(rules, evidence={}))
    return is_valid(rules)


def schema_errors(rules: dict) -> list[str]:
    """Every schema error with its JSON Pointer (empty list when the rule set is valid).

    The generated validator answers the common case quickly; jsonschema lists every
    error when there is one."""
    if _fast_valid(rules):
        return []
    errs = sorted(_validator().iter_errors(rules), key=lambda e: list(map(str, e.absolute_path)))
    return ["/" + "/".join(map(str, e.absolute_path)) + f": {e.message}" for e in errs]


def _num(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _eq(a, b) -> bool:
    return abs(a - b) < EPS


def consistency(rules: dict) -> list[dict]:
    out: list[dict] = []

    def warn(code, message, pointer=None):
        w = {"code": code, "message": message}
        if pointer:
            w["pointer"] = pointer
        out.append(w)

    f = rules.get("funding") or {}
    t, i, g = f.get("total"), f.get("individual"), f.get("government")
    if _num(t) and _num(i) and _num(g) and not _eq(t, i + g):
        bounds = f.get("bounds") or {}
        if not bounds:  # 不低于 figures need not add up exactly
            warn("total_mismatch", f"total {t} != individual {i} + government {g}", "/funding/total")
    split = {k: v for k, v in (f.get("government_split") or {}).items() if _num(v)}
    if _num(g) and len(split) >= 2 and not _eq(g, sum(split.values())):
        warn("split_mismatch", f"government {g} != sum of its split {sum(split.values())}", "/funding/government_split")
    for n, c in enumerate(f.get("classes") or []):
        ct, ci, cg = c.get("total"), c.get("individual"), c.get("government")
        if _num(ct) and _num(ci) and _num(cg) and not _eq(ct, ci + cg):
            warn("class_mismatch", f"class {c.get('population')}: total {ct} != {ci} + {cg}", f"/funding/classes/{n}")
    for n, s in enumerate(rules.get("subsidies") or []):
        sub, per, pct = s.get("subsidy"), s.get("personal"), s.get("percent")
        if _num(sub) and _num(per) and _num(i) and not _eq(sub + per, i):
            warn("tier_mismatch", f"tier {s.get('label')}: subsidy {sub} + personal {per} != individual {i}",
                 f"/subsidies/{n}")
        if s.get("basis") == "percent" and _num(pct) and _num(sub) and _num(i) and not _eq(pct * i / 100, sub):
            warn("tier_percent_mismatch", f"tier {s.get('label')}: {pct}% of {i} != subsidy {sub}", f"/subsidies/{n}")
        if _num(sub) and _num(i) and sub > i + EPS:
            warn("tier_exceeds_individual", f"tier {s.get('label')}: subsidy {sub} exceeds the individual standard {i}",
                 f"/subsidies/{n}/subsidy")
    p = rules.get("periods") or {}
    enr, cov = p.get("enrollment") or {}, p.get("coverage") or {}
    if enr.get("start") and cov.get("start") and cov["start"] <= enr["start"]:
        warn("coverage_before_enrollment", f"coverage starts {cov['start']}, not after enrollment starts {enr['start']}",
             "/periods/coverage/start")
    for span, name in ((enr, "enrollment"), (cov, "coverage")):
        if span.get("start") and span.get("end") and span["end"] < span["start"]:
            warn("period_reversed", f"{name} ends {span['end']} before it starts {span['start']}", f"/periods/{name}")
    last: dict[str, tuple] = {}
    for n, ph in enumerate(rules.get("schedule") or []):
        if not ph.get("phase"):
            continue  # deadlines stand where the notice mentions them; only phases have an order
        for part in ("start", "end"):  # phases may overlap: compare starts with starts, ends with ends
            d = ph.get(part)
            if d and part in last and d < last[part][0]:
                warn("phases_out_of_order", f"phase {ph.get('phase')} {part}s {d}, before {last[part][1]} ({last[part][0]})",
                     f"/schedule/{n}/{part}")
            if d:
                last[part] = (d, ph.get("phase"))
        if ph.get("start") and ph.get("end") and ph["end"] < ph["start"]:
            warn("period_reversed", f"phase {ph.get('phase')} ends before it starts", f"/schedule/{n}")
    return out


def _drop_invalid(rules: dict) -> list[str]:
    """Remove what the schema refuses (an absurd figure: a 900% share, a year 1900…), so that the
    rule set stays valid; return one message per removal.  A value whose place allows null
    becomes null; otherwise the list item holding it goes."""
    dropped: list[str] = []
    for _ in range(20):  # each pass removes at least one value
        errors = list(_validator().iter_errors(rules))
        if not errors:
            break
        err = min(errors, key=lambda e: len(e.absolute_path))
        path = list(err.absolute_path)
        pointer = "/" + "/".join(map(str, path))
        dropped.append(f"{pointer}: {err.message} (value removed)")
        parent = rules
        for part in path[:-1]:
            parent = parent[part]
        key = path[-1] if path else None
        if key is None:
            break
        if isinstance(parent, dict) and _nullable(err):
            parent[key] = None
        else:  # the nearest enclosing list item goes
            for cut in range(len(path) - 1, -1, -1):
                node = rules
                for part in path[:cut]:
                    node = node[part]
                if isinstance(node, list):
                    del node[path[cut]]
                    _shift_evidence(rules, "/" + "/".join(map(str, path[:cut])), path[cut])
                    break
            else:
                parent.pop(key, None) if isinstance(parent, dict) else None
    return dropped


def _shift_evidence(rules: dict, list_pointer: str, removed: int) -> None:
    """Evidence of a removed list item goes; that of the items after it moves up one."""
    ev = rules.get("evidence")
    if not isinstance(ev, dict):
        return
    prefix = list_pointer + "/"
    moved = {}
    for key in list(ev):
        if not key.startswith(prefix):
            continue
        head, _, rest = key[len(prefix):].partition("/")
        if not head.isdigit():
            continue
        value = ev.pop(key)
        n = int(head)
        if n == removed:
            continue
        n = n - 1 if n > removed else n
        moved[prefix + str(n) + (("/" + rest) if rest else "")] = value
    ev.update(moved)
    rules["evidence"] = dict(sorted(ev.items()))


def _nullable(err) -> bool:
    t = err.schema.get("type") if isinstance(err.schema, dict) else None
    return t == "null" or (isinstance(t, list) and "null" in t) or (err.validator == "enum" and None in err.validator_value)


def check(rules: dict) -> dict:
    """Add schema and consistency failures to rules['warnings'] (deduplicated); return rules.

    A value the schema refuses is removed (with a warning) so that every rule set nrc
    writes is valid."""
    warnings = rules.setdefault("warnings", [])
    if not _fast_valid(rules):  # _drop_invalid asks jsonschema itself: no need to list the errors first
        for message in _drop_invalid(rules):
            warnings.append({"code": "schema", "message": message})
    for w in consistency(rules):
        if w not in warnings:
            warnings.append(w)
    return rules
