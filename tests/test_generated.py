"""Generated files are reproducible: regenerating them gives what is committed; the generated
validator never accepts what jsonschema refuses."""
from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from extractor.schema.fast_validator import is_valid

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "extractor" / "schema" / "rules.schema.json").read_text("utf-8"))
SLOW = Draft202012Validator(SCHEMA)
RULE_SETS = [json.loads(p.read_text("utf-8")) for p in sorted((ROOT / "compiled_rules").glob("*.json"))]


def _make_validator():
    spec = importlib.util.spec_from_file_location("make_validator", ROOT / "tools" / "make_validator.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fast_validator_is_generated_from_the_schema():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "make_validator.py"), "--check"], cwd=ROOT)
    assert r.returncode == 0, "extractor/schema/fast_validator.py is stale: run tools/make_validator.py"


def test_fast_validator_agrees_with_jsonschema():
    base = RULE_SETS[3]
    mutations = [lambda r: None,
                 lambda r: r["funding"].__setitem__("total", "1070"),
                 lambda r: r["subsidies"][0].__setitem__("percent", 101),
                 lambda r: r["evidence"]["/funding/total"].pop("quote"),
                 lambda r: r["periods"].__setitem__("coverage", {"start": "2025-1-1", "end": None}),
                 lambda r: r.__setitem__("extra", 1),
                 lambda r: r["unexplained"].append({"line": 1, "quote": "x", "kind": "weight"}),
                 lambda r: r["region"].__setitem__("level", "town"),
                 lambda r: r["region"].__setitem__("code", "34122"),
                 lambda r: r.__setitem__("scheme_year", 1989),
                 lambda r: r.__setitem__("scheme_year", True),
                 lambda r: r["funding"].__setitem__("individual", -1),
                 lambda r: r["funding"]["bounds"].__setitem__("total", "least"),
                 lambda r: r["newborn"].__setitem__("window_days", 2.5),
                 lambda r: r["newborn"].__setitem__("window_days", True),   # a bool is no integer
                 lambda r: r["funding"].__setitem__("total", False),        # nor a number
                 lambda r: r["evidence"]["/funding/total"].__setitem__("line", True),
                 lambda r: r["contacts"].append({"org": 1}),
                 lambda r: r["contacts"].append([]),
                 lambda r: r.pop("warnings"),
                 lambda r: r["notice"].__setitem__("status", None),
                 lambda r: r["source"].__setitem__("sha256", "0" * 63),
                 lambda r: r["periods"].__setitem__("enrollment", None),
                 lambda r: r["periods"].__setitem__("enrollment", {"start": "2024-09-01\n"})]
    for mutate in mutations:
        rules = copy.deepcopy(base)
        mutate(rules)
        assert is_valid(rules) == SLOW.is_valid(rules)


def test_every_compiled_rule_set_is_valid_to_it():
    assert all(is_valid(r) for r in RULE_SETS)


ODD = st.sampled_from([None, True, False, 0, -1, 1, 1.0, 2.5, -0.5, 101, 1989, 2101, float("nan"), float("inf"),
                       "", "x", "min", "percent", "2024-09-01", "2024-9-1", "340000", "nrc.rules/1",
                       [], [1], ["x"], {}, {"line": 1, "quote": "x"}, {"extra": 1}])


@st.composite
def mutated(draw):
    """A compiled rule set with one value replaced, one key dropped or one key added, anywhere in it."""
    rules = copy.deepcopy(draw(st.sampled_from(RULE_SETS)))
    node = rules
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, (dict, list)) and child and draw(st.booleans()):
            node = child
            continue
        how = draw(st.sampled_from(["set", "drop", "add"] if isinstance(node, dict) else ["set"]))
        if how == "set":
            node[key] = draw(ODD)
        elif how == "drop":
            node.pop(key)
        else:
            node[draw(st.sampled_from(["extra", "line", "quote", "start", "total", "loc"]))] = draw(ODD)
        break
    return rules


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fast_validator_never_accepts_what_jsonschema_refuses(rules):
    if is_valid(rules):
        assert SLOW.is_valid(rules)


@pytest.mark.parametrize("schema", [
    {"type": "string", "maxLength": 3},
    {"type": "object", "properties": {"a": {"type": "string", "format": "date"}}},
    {"minimum": 0},                               # a bound on a value of no fixed type
    {"type": ["string", "number"], "pattern": "^x"},
    {"enum": [1, 2]},
    {"type": "object", "properties": {"a": {}}, "additionalProperties": {"type": "string"}},
    {"type": "array", "items": [{"type": "string"}]},
])
def test_the_generator_refuses_what_it_does_not_know(schema):
    with pytest.raises(ValueError):
        _make_validator()._Writer().check(schema, "data", 1)
