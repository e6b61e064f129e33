"""RuleSet.finish writes the evidence map as Evidence.as_dict of each entry, in pointer order."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from extractor.facts import Evidence, RuleSet

EVIDENCE = st.builds(Evidence, st.integers(0, 500), st.text(max_size=6), st.booleans(), st.booleans(),
                     st.none() | st.text(max_size=4))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(alphabet="/ab01~", max_size=8), EVIDENCE, max_size=12))
def test_finish_writes_each_entry_as_its_as_dict_in_pointer_order(store):
    rs = RuleSet()
    rs._evidence.update(store)
    evidence = rs.finish()["evidence"]
    reference = {k: v.as_dict() for k, v in sorted(store.items())}  # as finish was first written
    assert list(evidence.items()) == list(reference.items())
