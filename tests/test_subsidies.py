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



def _labels_reference(text: str) -> list[str]:
    """labels() as it was before its pre-tests (trailer and ordinals searched in every label)."""
    if "（" in text:
        text = S._BRACKETED.sub("", text)
    pieces, seps = S._SPLIT.split(text), S._SPLIT.findall(text)
    merged: list[str] = []
    for i, p in enumerate(pieces):
        if merged and S._ORDINAL_END.search(merged[-1]) and S._ORDINAL_START.match(p):
            merged[-1] = merged[-1] + seps[i - 1] + p
        else:
            merged.append(p)
    expanded = []
    for lab in (p for p in merged if len(p) <= S.MAX_LABEL):
        m = S._ORDINALS.search(lab)
        if m:
            expanded += [lab[:m.start()] + n + lab[m.end(1):] for n in m.group(1).split("、")]
        else:
            expanded.append(lab)
    out = []
    for m in expanded:
        m = S._leader().sub("", S.clean(m) or "")
        cut = S._cut_before().search(m)
        if cut:
            m = m[:cut.start()]
        m = S._trailer().sub("", m)
        if m and len(m) >= 2:
            out.append(m)
    return out


LABEL_TEXTS = [
    "低保对象",
    "农村一、二类低保对象和返贫致贫人口",
    "城市差额保障对象，农村三、四类低保对象",
    "特困人员、低保对象等四类人员",
    "低保对象、孤儿等",
    "重点优抚对象、重度残疾人等困难群体",
    "一类、二类、三类人员",
    "1、2类对象及3类人员",
    "其他符合条件的低保边缘家庭成员",
    "对特困人员（含孤儿、事实无人抚养儿童）参加居民医保",
    "五类人员以及计划生育特殊家庭成员或防止返贫监测对象",
    "等",
    "类",
    "二类",
]


@pytest.mark.parametrize("text", LABEL_TEXTS)
def test_labels_pre_tests_change_nothing(text):
    assert S.labels(text) == _labels_reference(text)
