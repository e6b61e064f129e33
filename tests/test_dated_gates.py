"""periods, schedule and policies skip a dated sentence without tokenizing it when its text holds none of
the words they need (periods.PERIOD_WORDS, schedule.ITEM_WORDS; the body of a schedule phase heading
is read only when it holds a PHASE word).  These gates must be exact: a
text they pass over holds no token of those terminals, and a notice's rule set is the same with
the gates as without them."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings, strategies as st

from extractor import api, lexicon
from extractor.lexicon import keywords, load_vocab, tokens, word_table
from extractor.parse import read_as
from extractor.transform import periods, policies, schedule

SET = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PARTICLES = word_table(load_vocab("keywords.toml").get("particles", {}), "keywords.toml")
_VOCAB = sorted(set(keywords()) | set(_PARTICLES) | set(lexicon._words()))
# vocabulary words, their pieces (a gate must not find a word that is only part of another),
# dates, brackets, punctuation and other text
PIECES = st.sampled_from(_VOCAB) | st.sampled_from([w[:-1] for w in _VOCAB if len(w) > 2]) | st.sampled_from(
    ["2024年9月1日", "12月31日", "9月底", "2025年", "2024年度", "至", "起", "前", "日", "月", "（", "）", "，", "。",
     "；", "：", "、", " ", "各", "工作", "完成", "阶段", "参保", "缴费", "90天", "内", "新生儿", "出生", "每月1日至25日"])
TEXT = st.lists(PIECES, max_size=14).map("".join)
# clauses the period grammar reads: words of its terminals around a date or a range
_PERIOD_WORD = st.sampled_from(sorted(w for w, t in {**keywords(), **_PARTICLES}.items() if read_as("period", t) == t))
_DATE = st.sampled_from(["2024年9月1日", "9月1日至12月31日", "2025年2月28日", "12月底", "2024年1月1日—12月31日"])
CLAUSE = st.tuples(st.lists(_PERIOD_WORD, max_size=2), _DATE, st.lists(_PERIOD_WORD, max_size=2)).map(
    lambda c: "".join(c[0]) + c[1] + "".join(c[2]))
SENTENCE = st.lists(CLAUSE | TEXT, min_size=1, max_size=3).map("，".join)


def _types(text: str) -> set[str]:
    return {t.type for t in tokens(text)}


@SET
@given(TEXT)
@example("2024年9月1日")
@example("待遇享受期为2025年1月1日至2025年12月31日")
def test_periods_gate_finds_every_period_word(text):
    if not periods._names_period()(text):
        assert not _types(text) & set(periods.PERIOD_WORDS)


@SET
@given(TEXT)
@example("8月31日前")           # 前 is a particle: a one-character word at the edge of a run
@example("准备阶段（9月10日前）")
def test_schedule_gate_finds_every_item_word(text):
    if not schedule._names_item()(text):
        assert not _types(text) & set(schedule.ITEM_WORDS)


@SET
@given(TEXT)
@example("排查阶段为12月1日至12月31日")
def test_schedule_body_gate_finds_every_phase_word(text):
    if not schedule._names_phase_word()(text):
        assert "PHASE" not in _types(text)


HEADINGS = st.sampled_from(["一、集中缴费期", "二、待遇享受期", "三、时间安排", "（一）准备阶段（8月31日前）",
                            "（二）参保阶段", "四、工作要求", "五、延长缴费"])
NOTICE = st.lists(st.one_of(HEADINGS, SENTENCE), min_size=1, max_size=10)


def _open_gates(monkeypatch):
    monkeypatch.setattr(periods, "_names_period", lambda: lambda text: True)
    monkeypatch.setattr(schedule, "_names_item", lambda: lambda text: True)
    monkeypatch.setattr(schedule, "_names_phase_word", lambda: lambda text: True)
    monkeypatch.setattr(policies, "token_search", lambda *types: lambda text: True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(NOTICE)
@example(["一、集中缴费期", "2024年9月1日", "12月31日"])
@example(["三、时间安排", "（一）准备阶段", "8月31日前，完成宣传"])
@example(["三、时间安排", "（一）准备阶段。2024年8月31日前，完成宣传，排查阶段为2024年12月1日至12月31日"])
@example(["三、时间安排", "（一）准备阶段（2024年8月31日前）。2024年9月1日前，完成宣传。每月1日至25日办理"])
@example(["该群体的筹资时间可延长到2024年2月底"])
@example(["该群体在2025年2月28日前，可补办参保缴费"])
@example(["自2025年1月1日起享受"])
@example(["自2025年1月1日起，未连续参保的，设置3个月待遇等待期"])
@example(["从2025年起", "设置待遇等待期3个月"])
@example(["2025年1月1日至2025年12月31日享受待遇"])
@example(["集中参保缴费工作已于2024年9月1日正式启动"])
@example(["待遇享受期为2025年1月1日至2025年12月31日"])
def test_rule_sets_equal_with_and_without_the_gates(monkeypatch, lines):
    text = "\n".join(["关于做好城乡居民参保工作的通知"] + lines)  # the first line is the title
    gated = api.extract_text(text)
    with monkeypatch.context() as m:
        _open_gates(m)
        assert api.extract_text(text) == gated
