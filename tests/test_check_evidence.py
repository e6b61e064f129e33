"""The fast acceptance of the evidence map in extractor.check: it may only accept what the
schema accepts (jsonschema stays the judge), and a bad entry is refused as before."""
import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from extractor.check import _evidence_ok, _evidence_spec, check, schema_errors

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "extractor" / "schema" / "rules.schema.json").read_text("utf-8"))
SLOW = Draft202012Validator(SCHEMA)
BASE = json.loads((ROOT / "compiled_rules" / "anhui-wuhe_2024.json").read_text("utf-8"))
FIRST = next(iter(BASE["evidence"]))  # "/contacts/0"
SMALL = {k: [] if isinstance(v, list) else v for k, v in BASE.items()}  # valid, and quick for jsonschema

VALID_ENTRY = st.fixed_dictionaries(
    {"line": st.integers(min_value=1, max_value=10 ** 6), "quote": st.text(max_size=8)},
    optional={"derived": st.booleans(), "year_inferred": st.booleans(), "loc": st.text(max_size=4)})
ODD_VALUE = st.sampled_from([True, False, 0, -1, 1, 1.0, 2.5, 0.0, float("nan"), float("inf"), None, "", "1",
                             "true", [], {}, [1], {"line": 1}])
ODD_KEY = st.sampled_from(["line", "quote", "derived", "year_inferred", "loc", "Line", "lines", "extra", "", 1])


@st.composite
def near_miss(draw):
    """A valid entry with one thing changed: a value of a wrong type or range, a key dropped or added."""
    entry = dict(draw(VALID_ENTRY))
    how = draw(st.sampled_from(["set", "drop", "add"]))
    if how == "drop":
        entry.pop(draw(st.sampled_from(sorted(entry))))
    else:
        entry[draw(ODD_KEY) if how == "add" else draw(st.sampled_from(sorted(entry)))] = draw(ODD_VALUE)
    return entry


ENTRY = (VALID_ENTRY | near_miss() | st.dictionaries(ODD_KEY, ODD_VALUE, max_size=6)
         | st.sampled_from([None, "x", 1, [], [("line", 1), ("quote", "x")]]))
POINTER = st.text(max_size=6)
# Mostly valid maps with one odd entry among them: only there can a lax fast check go wrong.
EVIDENCE = (st.builds(lambda good, key, odd: {**good, key: odd}, st.dictionaries(POINTER, VALID_ENTRY, max_size=4),
                      POINTER, near_miss() | ENTRY)
            | st.dictionaries(POINTER, ENTRY, max_size=4))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EVIDENCE)
@example({"a": {"line": 0, "quote": ""}})
@example({"a": {"line": True, "quote": ""}})
@example({"a": {"line": 2.5, "quote": ""}})
@example({"a": {"line": 1}})
@example({"a": {"line": 1, "quote": "", "extra": 1}})
@example({"a": {"line": 1, "quote": "", "loc": None}})
@example({"a": {"line": 1, "quote": "", "derived": 1}})
def test_fast_acceptance_never_accepts_what_jsonschema_refuses(ev):
    rules = dict(SMALL, evidence=ev)
    valid = SLOW.is_valid(rules)
    if _evidence_ok(ev):
        assert valid
    assert (schema_errors(rules) == []) == valid  # the verdict stays jsonschema's either way


def test_fast_acceptance_is_used_on_real_evidence():
    assert SLOW.is_valid(dict(SMALL, evidence={}))
    assert _evidence_ok(BASE["evidence"])
    assert not _evidence_ok(dict(BASE["evidence"], x={"line": 0, "quote": ""}))
    assert not _evidence_ok([])


def test_a_float_line_goes_to_the_full_validator_which_accepts_it():
    rules = copy.deepcopy(BASE)
    rules["evidence"][FIRST]["line"] = 1.0  # an integer to JSON Schema, not to the fast check
    assert not _evidence_ok(rules["evidence"])
    assert schema_errors(rules) == []


@pytest.mark.parametrize("key, value, message", [
    ("line", 0, "/line: 0 is less than the minimum of 1"),
    ("line", True, "/line: True is not of type 'integer'"),
    ("line", 1.5, "/line: 1.5 is not of type 'integer'"),
    ("quote", None, "/quote: None is not of type 'string'"),
    ("extra", 1, ": Additional properties are not allowed ('extra' was unexpected)"),
])
def test_a_bad_evidence_entry_is_refused_as_before(key, value, message):
    rules = copy.deepcopy(BASE)
    rules["evidence"][FIRST][key] = value
    pointer = "/evidence/" + FIRST
    assert schema_errors(rules) == [pointer + message]
    removed = [pointer + message + " (value removed)"]
    if key != "extra":  # the value goes first, then the entry that now lacks it
        removed.append(f"{pointer}: '{key}' is a required property (value removed)")
    checked = check(rules)
    assert [w["message"] for w in checked["warnings"] if w["code"] == "schema"] == removed
    assert FIRST not in checked["evidence"] and SLOW.is_valid(checked)


def _evidence_schema(change):
    schema = copy.deepcopy(SCHEMA)
    change(schema, schema["properties"]["evidence"], schema["properties"]["evidence"]["additionalProperties"])
    return schema


def test_the_spec_is_read_from_the_schema():
    spec = _evidence_spec(SCHEMA)
    assert {name: (types, minimum, required) for name, types, minimum, required in spec} == {
        "line": ({int}, 1, True), "quote": ({str}, None, True), "derived": ({bool}, None, False),
        "year_inferred": ({bool}, None, False), "loc": ({str}, None, False)}


@pytest.mark.parametrize("change", [
    lambda root, ev, entry: entry["properties"]["quote"].__setitem__("maxLength", 5),
    lambda root, ev, entry: entry["properties"]["quote"].__setitem__("pattern", "^x"),
    lambda root, ev, entry: entry["properties"]["loc"].__setitem__("minimum", 1),
    lambda root, ev, entry: entry["properties"]["line"].__setitem__("type", "number"),
    lambda root, ev, entry: entry["properties"]["line"].__setitem__("minimum", 1.5),
    lambda root, ev, entry: entry["properties"].__setitem__("line", {"$ref": "#/$defs/text"}),
    lambda root, ev, entry: entry.__setitem__("additionalProperties", True),
    lambda root, ev, entry: entry.__setitem__("minProperties", 3),
    lambda root, ev, entry: entry.__setitem__("required", ["line", "quote", "page"]),
    lambda root, ev, entry: ev.__setitem__("propertyNames", {"pattern": "^/"}),
    lambda root, ev, entry: ev.__setitem__("maxProperties", 10),
    lambda root, ev, entry: root.__setitem__("allOf", [{"properties": {"evidence": {"maxProperties": 1}}}]),
    lambda root, ev, entry: root["properties"].pop("evidence"),
])
def test_the_fast_path_is_refused_when_the_schema_says_more_than_it_reads(change):
    assert _evidence_spec(_evidence_schema(change)) is None
