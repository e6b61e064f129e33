"""The rule set under construction: facts, their evidence, warnings.

Transformers never build dicts by hand for evidence: they call `put` (one
value at a JSON Pointer) or `append` (one item of a list), each with the
Evidence of the sentence the value came from.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import FORMAT


@dataclass
class Evidence:
    line: int
    quote: str
    derived: bool = False
    year_inferred: bool = False
    loc: str | None = None

    def as_dict(self) -> dict:
        d: dict = {"line": self.line, "quote": self.quote}
        if self.derived:
            d["derived"] = True
        if self.year_inferred:
            d["year_inferred"] = True
        if self.loc:
            d["loc"] = self.loc
        return d

    def but(self, **changes) -> "Evidence":
        data = {**self.__dict__, **changes}
        return Evidence(**data)


def skeleton() -> dict:
    return {
        "format": FORMAT,
        "source": {},
        "notice": {"title": None, "doc_number": None, "issued_on": None, "issuers": [],
                   "status": "final", "references": [], "forwarded_by": []},
        "region": {"name": None, "level": None, "province": None, "code": None},
        "scheme_year": None,
        "funding": {"total": None, "individual": None, "government": None,
                    "government_split": {}, "bounds": {}, "classes": []},
        "subsidies": [],
        "subsidy_rule": None,
        "periods": {"enrollment": None, "coverage": None, "extensions": []},
        "newborn": {"window_days": None},
        "waiting_periods": None,
        "incentives": [],
        "schedule": [],
        "targets": [],
        "contacts": [],
        "evidence": {},
        "warnings": [],
        "unexplained": [],
    }


def _escape(part: str) -> str:
    if "~" not in part and "/" not in part:
        return part
    return part.replace("~", "~0").replace("/", "~1")


class RuleSet:
    def __init__(self) -> None:
        self.data = skeleton()
        self._evidence: dict[str, Evidence] = {}
        self.used: set[tuple[int, int]] = set()   # (id of a normalized Line, offset) of figures facts used

    # ------------------------------------------------------------ access
    def get(self, pointer: str):
        node = self.data
        for part in pointer.strip("/").split("/"):
            if isinstance(node, list):
                node = node[int(part)]
            elif isinstance(node, dict):
                node = node.get(part)
            if node is None:
                return None
        return node

    def has(self, pointer: str) -> bool:
        return self.get(pointer) is not None

    # ------------------------------------------------------------ writing
    def put(self, pointer: str, value, ev: Evidence | None) -> None:
        parts = pointer.strip("/").split("/")
        node = self.data
        for part in parts[:-1]:
            if isinstance(node, list):
                node = node[int(part)]
                continue
            if node.get(part) is None:
                node[part] = {}
            node = node[part]
        node[parts[-1]] = value
        if ev is not None:
            self._evidence[pointer] = ev

    def append(self, pointer: str, item: dict, evs: dict[str, Evidence] | Evidence | None) -> int:
        """Append item to the list at pointer; evs maps item keys (or '' for the item) to evidence."""
        lst = self.get(pointer)
        if lst is None:
            self.put(pointer, [], None)
            lst = self.get(pointer)
        lst.append(item)
        idx = len(lst) - 1
        if isinstance(evs, Evidence):
            evs = {"": evs}
        if evs:
            base, store = f"{pointer}/{idx}", self._evidence
            for key, ev in evs.items():
                store[base + "/" + _escape(key) if key else base] = ev
        return idx

    def evidence_for(self, pointer: str) -> Evidence | None:
        return self._evidence.get(pointer)

    def warn(self, code: str, message: str, pointer: str | None = None) -> None:
        w = {"code": code, "message": message}
        if pointer:
            w["pointer"] = pointer
        if w not in self.data["warnings"]:
            self.data["warnings"].append(w)

    def finish(self) -> dict:
        store = self._evidence
        evidence = self.data["evidence"] = {}
        # The pointers sorted alone (strings compare in C far faster than (pointer, Evidence) pairs);
        # the dict of evidence with no flag and no loc, most of it, built here without a method call.
        for pointer in sorted(store):
            ev = store[pointer]
            evidence[pointer] = ev.as_dict() if ev.derived or ev.year_inferred or ev.loc \
                else {"line": ev.line, "quote": ev.quote}
        return self.data
