"""subsidies: the pre-tests that rule a sentence out before it is tokenized and parsed."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.lexicon import tokens
from extractor.load import load
from extractor.normalize import normalize
from extractor.parse import token_parser
from extractor.segment import Sentence, segment
from extractor.transform import subsidies as S

ROOT = Path(__file__).resolve().parent.parent


def _sentences():
    for d in ("corpus", "tests/notices"):
        for p in sorted((ROOT / d).glob("*.txt")):
            src = load(p)
            yield from segment(normalize(src.lines, src.locs)).sentences


def _statement_terminals() -> set[str]:
    return {t.upper() for t in S._FIGURES} | set(S._BASES)


def _passes(sent) -> bool:
    """The pre-test subsidies.apply puts every sentence to before tokenizing it."""
    with_figure, without = S._gates()
    return (without if sent.kinds.isdisjoint(S._FIGURES) else with_figure)(sent.text) is not None


def test_stated_terminals_are_the_figures_and_bases():
    assert S._STATED == _statement_terminals()


def test_every_statement_reads_a_figure_or_a_basis_word():
    # the gate is exact only while every alternative of the aid rule reads one of these
    # terminals and every statement (either start rule) has an aid
    rules = token_parser("subsidy").rules
    need = _statement_terminals()
    aids = [r for r in rules if r.origin.name == "aid"]
    assert aids
    for r in aids:
        assert need & {s.name for s in r.expansion}, r
    for r in rules:
        if r.origin.name in ("start", "headless"):
            assert "aid" in {s.name for s in r.expansion}, r


TEXTS = [
    "对低保对象给予340元定额资助，个人缴纳60元",
    "特困人员（含社会散居孤儿、事实无人抚养儿童，下同）全额资助，个人无需缴费",
    "对低保边缘家庭给予20%定额资助",
    "重点优抚对象、重度残疾人个人参保费用按有关文件规定执行",
    "为保证定额资助对象应保尽保，各县区应开展参保动员",
    "落实困难人员资助参保工作",
    "对特困人员给予资助（每人每年380元）",  # a figure inside brackets is no MONEY token
    "资助标准：低保对象每人资助300元",
    "低保对象资助比例资助",
    "符合多种资助身份的，按就高原则享受",  # the subsidy rule, no figure
    "同时符合多种身份的，只享受一种最高资助",
    "对低保对象给予资助，资助对象按有关规定执行",
    "资助资金由财政承担",  # an aid word, no figure, no basis word
    "个人缴费的70%由医疗救助资金资助",
]


@pytest.mark.parametrize("text", TEXTS)
def test_gate_holds_on_varied_wordings(text):
    sent = Sentence(text, None, 0, ())
    types = {t.type for t in tokens(text, sent.values)}
    if types & S._AID_TYPES and types & _statement_terminals() or "HIGHEST" in types:
        assert _passes(sent)


def test_gate_never_skips_a_sentence_with_a_statement():
    passed = skipped = 0
    for sent in _sentences():
        toks = sent.tokens
        types = {t.type for t in toks}
        if _passes(sent) and not (types.isdisjoint(S._AID_TYPES) or types.isdisjoint(S._STATED)):
            passed += 1
            continue
        skipped += 1
        # a sentence the text-level test skips names no HIGHEST word...
        if not _passes(sent):
            assert "HIGHEST" not in types, sent.text
        # ...and no run of a skipped sentence, from either start rule, is a statement
        assert not list(S._statements(toks)), sent.text
        assert not list(S._statements(toks, "headless")), sent.text
    assert passed > 20 and skipped > 100

