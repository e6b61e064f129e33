"""Generated files are reproducible: regenerating them gives what is committed."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_fast_validator_is_generated_from_the_schema():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "make_validator.py"), "--check"], cwd=ROOT)
    assert r.returncode == 0, "extractor/schema/fast_validator.py is stale: run tools/make_validator.py"


def test_fast_validator_agrees_with_jsonschema():
    import json
    from fastjsonschema import JsonSchemaException
    from jsonschema import Draft202012Validator

    from extractor.schema.fast_validator import validate
    schema = json.loads((ROOT / "extractor" / "schema" / "rules.schema.json").read_text("utf-8"))
    slow = Draft202012Validator(schema)
    base = json.loads((ROOT / "compiled_rules" / "anhui-wuhe_2024.json").read_text("utf-8"))
    mutations = [lambda r: None,
                 lambda r: r["funding"].__setitem__("total", "1070"),
                 lambda r: r["subsidies"][0].__setitem__("percent", 101),
                 lambda r: r["evidence"]["/funding/total"].pop("quote"),
                 lambda r: r["periods"].__setitem__("coverage", {"start": "2025-1-1", "end": None}),
                 lambda r: r.__setitem__("extra", 1),
                 lambda r: r["unexplained"].append({"line": 1, "quote": "x", "kind": "weight"})]
    for mutate in mutations:
        rules = json.loads(json.dumps(base))
        mutate(rules)
        try:
            validate(rules)
            fast_ok = True
        except JsonSchemaException:
            fast_ok = False
        assert fast_ok == slow.is_valid(rules)
