"""The review of one rule set as plain data: each fact with the quote it came from.

    from extractor import api, review
    r = review.build(api.extract("corpus/anhui-wuhe_2024.txt"))
    for fact in r.facts: ...            # pointer, value, line, quote, derived, year_inferred

Used by `nrc ingest` and `nrc show`; rendering lives in extractor.cli.render.
Nothing here prints.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# Parts of a rule set that are not facts of the notice (shown elsewhere in the review).
NOT_FACTS = ("format", "source", "evidence", "warnings", "unexplained")

# Facts a reviewer expects in every enrollment notice; listed as "not found" when absent.
EXPECTED = ("/region/name", "/scheme_year", "/funding/total", "/funding/individual", "/funding/government",
            "/subsidies", "/periods/enrollment", "/periods/coverage", "/newborn/window_days")


@dataclass(frozen=True)
class Fact:
    pointer: str
    value: object
    line: int | None = None
    quote: str | None = None
    derived: bool = False
    year_inferred: bool = False
    evidence_pointer: str | None = None  # the pointer the evidence is keyed by (itself or an ancestor)


@dataclass
class Review:
    source: dict
    notice: dict
    region: dict
    scheme_year: object
    facts: list[Fact]
    warnings: list[dict]
    unexplained: list[dict]
    missing: list[str] = field(default_factory=list)

    @property
    def unexplained_money(self) -> list[dict]:
        return [u for u in self.unexplained if u.get("kind") == "money"]

    @property
    def strict_failures(self) -> int:
        """What `--strict` refuses: warnings plus money figures no fact accounts for."""
        return len(self.warnings) + len(self.unexplained_money)


def escape(part: str) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(resources.files("extractor.schema").joinpath("rules.schema.json").read_text("utf-8"))


def ordered(node, schema: dict | None = None):
    """`node` with dict keys in the order of the schema (the order of the spec), unknown keys last, sorted."""
    schema = _schema() if schema is None else schema
    if "$ref" in schema:
        schema = _schema()["$defs"].get(schema["$ref"].rsplit("/", 1)[-1], {})
    if isinstance(node, dict):
        props = schema.get("properties") or {}
        keys = [k for k in props if k in node] + sorted(k for k in node if k not in props)
        return {k: ordered(node[k], props.get(k) or {}) for k in keys}
    if isinstance(node, list):
        return [ordered(x, schema.get("items") or {}) for x in node]
    return node


def _empty(value) -> bool:
    return value is None or value == [] or value == {}


def leaves(node, pointer: str = ""):
    """(pointer, value) of every non-empty leaf; a list of scalars is one leaf."""
    if isinstance(node, dict):
        for key in node:
            yield from leaves(node[key], f"{pointer}/{escape(key)}")
    elif isinstance(node, list) and any(isinstance(x, (dict, list)) for x in node):
        for n, item in enumerate(node):
            yield from leaves(item, f"{pointer}/{n}")
    elif not _empty(node):
        yield pointer, node


def evidence_of(evidence: dict, pointer: str) -> tuple[str, dict] | None:
    """The evidence of `pointer`, or of its nearest ancestor that has some."""
    p = pointer
    while p:
        if p in evidence:
            return p, evidence[p]
        p = p.rsplit("/", 1)[0]
    return None


def facts(rules: dict) -> list[Fact]:
    """Every stated fact of a rule set, in rule set order, with its evidence."""
    evidence = rules.get("evidence") or {}
    rules = ordered(rules)
    out: list[Fact] = []
    for key in rules:
        if key in NOT_FACTS:
            continue
        for pointer, value in leaves(rules[key], f"/{escape(key)}"):
            if pointer == "/notice/status" and value == "final":
                continue  # the default; only a draft is worth a line
            found = evidence_of(evidence, pointer)
            ev_ptr, ev = found if found else (None, {})
            out.append(Fact(pointer, value, ev.get("line"), ev.get("quote"),
                            derived=bool(ev.get("derived")),
                            year_inferred=bool(ev.get("year_inferred")) and isinstance(value, str) and bool(DATE.match(value)),
                            evidence_pointer=ev_ptr))
    return out


def build(rules: dict) -> Review:
    def get(pointer):
        node = rules
        for part in pointer.strip("/").split("/"):
            node = node.get(part) if isinstance(node, dict) else None
        return node

    return Review(
        source=dict(rules.get("source") or {}),
        notice=dict(rules.get("notice") or {}),
        region=dict(rules.get("region") or {}),
        scheme_year=rules.get("scheme_year"),
        facts=facts(rules),
        warnings=list(rules.get("warnings") or []),
        unexplained=sorted(rules.get("unexplained") or [], key=lambda u: (u.get("line") or 0, u.get("quote") or "")),
        missing=[p for p in EXPECTED if _empty(get(p))],
    )
