"""lexicon.token_search: the exact pre-test the families run before tokenizing a sentence.
A text it finds nothing in holds no token of its types, whatever their words' lengths (one-
character words and particles included), so a gate built on it never skips a sentence the
tokens would have let through."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from extractor import lexicon
from extractor.lexicon import token_search, tokens

_WORDS = {**lexicon._words(), **lexicon._whole(), **lexicon._particles()}
_VOCAB = sorted(_WORDS)
# vocabulary words, their pieces, figures, brackets and other text
PIECES = st.sampled_from(_VOCAB) | st.sampled_from([w[:-1] for w in _VOCAB if len(w) > 2]) | st.sampled_from(
    ["2024年9月1日", "400元", "90%", "（", "）", "，", "。", " ", "各", "工作", "的"])
TEXT = st.lists(PIECES, max_size=12).map("".join)
TYPES = sorted(set(_WORDS.values()) - {"SKIP"})
# the type sets the families' gates use, and every type of a one-character word or particle
GATES = [("FROM",), ("BEFORE", "PHASE"), ("FULL", "FIXED_AID", "EXTERNAL"),
         *[(t,) for t in sorted({t for w, t in _WORDS.items() if len(w) == 1 and t != "SKIP"})]]


@settings(max_examples=400, deadline=None)
@given(TEXT, st.sampled_from(GATES) | st.lists(st.sampled_from(TYPES), min_size=1, max_size=3).map(tuple))
def test_no_find_means_no_token(text, types):
    if token_search(*types)(text) is None:
        assert not {t.type for t in tokens(text)} & set(types), (text, types)


def test_it_finds_particles_and_one_character_words():
    parts = lexicon._particles()
    assert parts, "keywords.toml has particles"
    for word, typ in parts.items():
        if typ != "SKIP":
            assert token_search(typ)(word) is not None, word
