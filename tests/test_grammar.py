"""Grammar tests, one record per clause pattern, grouped by origin (seed wording / variants we wrote).

values:  grammar/common.lark through extractor.values (numerals, money, percents, dates, bounds)
lexer:   grammar/vocab/keywords.toml through extractor.lexicon
family grammars: funding, subsidy, period, policy — does the clause fit, and what does it mean.
"""
from __future__ import annotations

import datetime as dt

import pytest

from extractor.dates import YearContext, resolve
from extractor.lexicon import canonical_group, tokens
from extractor.parse import parse
from extractor.values import DatePart, cn_to_number, parse_value, scan

# ------------------------------------------------------------------ values
VALUES = [
    # (origin, text, kind, value, bound)
    ("seed", "1070元", "money", 1070, None),
    ("seed", "不低于640元", "money", 640, "min"),
    ("seed", "95%以上", "percent", 95, "min"),
    ("variant", "三百八十元", "money", 380, None),
    ("variant", "两千元", "money", 2000, None),
    ("variant", "一千零五十元", "money", 1050, None),
    ("variant", "1.5万元", "money", 15000, None),
    ("variant", "87.5元", "money", 87.5, None),
    ("variant", "400元/人·年", "money", 400, None),
    ("variant", "不超过每人每年700元", "money", 700, "max"),
    ("variant", "百分之九十", "percent", 90, None),
    ("variant", "百分之七十五点五", "percent", 75.5, None),
    ("variant", "20%以内", "percent", 20, "max"),
    ("variant", "3个月", "count", 3, None),
    ("variant", "不少于6个月", "count", 6, "min"),
    ("variant", "九十日", "count", 90, None),
]


@pytest.mark.parametrize("origin,text,kind,value,bound", VALUES, ids=[f"{v[0]}:{v[1]}" for v in VALUES])
def test_value_grammar(origin, text, kind, value, bound):
    v = parse_value(text, kind)
    assert v is not None and v.kind == kind and v.value == value and v.bound == bound


DATES = [
    ("seed", "2024年9月1日", DatePart(2024, 9, 1)),
    ("seed", "12月31日", DatePart(None, 12, 31)),
    ("seed", "2024年2月底", DatePart(2024, 2, None, month_end=True)),
    ("seed", "7月底", DatePart(None, 7, None, month_end=True)),
    ("seed", "2023年底", DatePart(2023, year_end=True)),
    ("variant", "二〇二四年九月一日", DatePart(2024, 9, 1)),
    ("variant", "十二月三十一日", DatePart(None, 12, 31)),
    ("variant", "二〇二〇年度", DatePart(2020)),
    ("variant", "8月下旬", DatePart(None, 8, None, xun="下旬")),
    ("variant", "9月上旬", DatePart(None, 9, None, xun="上旬")),
    ("variant", "10月15号", DatePart(None, 10, 15)),
]


@pytest.mark.parametrize("origin,text,part", DATES, ids=[f"{d[0]}:{d[1]}" for d in DATES])
def test_date_grammar(origin, text, part):
    v = parse_value(text, "date")
    assert v is not None and v.value == part


@pytest.mark.parametrize("text", ["13月1日", "2月30日x", "0月5日"])
def test_impossible_dates_are_not_dates(text):
    v = parse_value(text, "date")
    assert v is None or v.value.month in range(1, 13)


def test_chinese_numerals():
    assert [cn_to_number(x) for x in ("十", "十五", "三百八十", "两千零五", "二〇二四", "一万")] == [10, 15, 380, 2005, 2024, 10000]


def test_scan_finds_figures_with_offsets_and_skips_doc_numbers():
    text = "根据（皖医保发〔2024〕4号）规定，筹资标准为每人1070元，资助90%，联系电话：0551-63531019。"
    found = [(v.kind, v.text) for v in scan(text)]
    assert ("money", "1070元") in found and ("percent", "90%") in found and ("phone", "0551-63531019") in found
    assert not any(t in ("4号", "2024") for _, t in found)
    for v in scan(text):
        assert text[v.start:v.end] == v.text


# ------------------------------------------------------------------ year inference
@pytest.mark.parametrize("text,anchor,role,expected", [
    ("8月31日", dt.date(2024, 8, 31), "end", "2024-08-31"),
    ("12月25日", dt.date(2024, 8, 31), "end", "2024-12-25"),
    ("2月底", dt.date(2024, 8, 31), "end", "2025-02-28"),
    ("2月底", dt.date(2023, 9, 7), "end", "2024-02-29"),     # leap year
    ("12月上旬", dt.date(2024, 8, 1), "end", "2024-12-10"),
    ("12月上旬", dt.date(2024, 8, 1), "start", "2024-12-01"),
    ("9月", dt.date(2024, 8, 1), "end", "2024-09-30"),
])
def test_yearless_dates_take_the_year_from_the_anchor(text, anchor, role, expected):
    iso, inferred = resolve(parse_value(text, "date").value, YearContext(anchor), role)
    assert (iso, inferred) == (expected, True)


def test_collection_year_anchor_puts_autumn_in_that_year_and_winter_after():
    ctx = YearContext.from_year(2023)
    assert resolve(parse_value("9月1日", "date").value, ctx)[0] == "2023-09-01"
    assert resolve(parse_value("2月28日", "date").value, ctx, "end")[0] == "2024-02-28"


# ------------------------------------------------------------------ lexer
def test_particles_only_at_word_edges():
    types = [(t.type, t.text) for t in tokens("对低保对象给予340元定额资助")]
    assert types[0] == ("DUI", "对") and ("GROUP", "低保对象") in types


def test_single_character_levels_only_alone():
    toks = [(t.type, t.text) for t in tokens("由中央、省、县分别补助402元、201元、67元")]
    assert ("LEVEL", "省") in toks and ("LEVEL", "县") in toks
    assert ("LEVEL", "市") not in [(t.type, t.text) for t in tokens("对城市全额保障对象给予全额资助")]


@pytest.mark.parametrize("label,group", [
    ("监测人口", "防止返贫监测对象"), ("防止返贫监测帮扶对象", "防止返贫监测对象"), ("特困供养人员", "特困人员"),
    ("低保边缘家庭老年人", "低保边缘家庭成员"), ("农村一类低保对象", "低保对象"), ("某某新设群体", None),
])
def test_group_vocabulary(label, group):
    assert canonical_group(label) == group


# ------------------------------------------------------------------ family grammars
FITS = [
    # (family, origin, clause, fits)
    ("funding", "seed", "2024年居民医保筹资标准为每人1070元", True),
    ("funding", "seed", "其中个人缴费标准为每人400元", True),
    ("funding", "seed", "由中央、省、县分别补助402元、201元、67元", True),
    ("funding", "variant", "中央财政按60%的比例补助", True),
    ("funding", "variant", "个人缴费标准由上年度的每人每年380元提高到每人每年400元", True),
    ("funding", "variant", "共需资金78400元", False),
    ("subsidy", "seed", "对低保对象给予340元定额资助，个人缴纳60元", True),
    ("subsidy", "seed", "低保对象、低保边缘家庭老年人、计划生育特殊家庭父母资助90%，个人缴费40元", True),
    ("subsidy", "seed", "特困人员（含社会散居孤儿、事实无人抚养儿童，下同）全额资助，个人无需缴费", True),
    ("subsidy", "variant", "重点优抚对象、重度残疾人分别给予每人每年300元、200元定额资助", True),
    ("subsidy", "variant", "城市差额保障对象，农村三、四类低保对象和返贫致贫人口，资助标准为160元", True),
    ("subsidy", "variant", "脱贫人口和符合条件的监测对象784人，共需资金78400元", False),
    ("subsidy", "variant", "报销比例达到70%", False),
    ("period", "seed", "集中参保期为2024年9月1日至2024年12月31日", True),
    ("period", "seed", "待遇享受期自2024年1月1日至12月31日", True),
    ("period", "variant", "集中参保缴费期自2024年9月1日起至2024年12月底止", True),
    ("policy", "seed", "设置参保后固定待遇等待期3个月", True),
    ("policy", "seed", "每多缴纳1年可减少1个月变动待遇等待期", True),
]


@pytest.mark.parametrize("family,origin,clause,fits", FITS, ids=[f"{f[0]}:{f[1]}:{f[2][:14]}" for f in FITS])
def test_family_grammar_fits(family, origin, clause, fits):
    from extractor.transform.periods import as_years
    toks = tokens(clause)
    if family == "period":
        toks = as_years(toks)
    assert (parse(family, toks) is not None) is fits


def test_pipe_table_in_plain_text_is_a_table():
    from extractor.normalize import normalize
    from extractor.segment import segment
    doc = segment(normalize(["联系方式：", "| 区县 | 医保部门 | 税务部门 |", "|---|---|---|",
                             "| 瑶海区 | 64490236 | 65973599 |"]))
    assert [[c.text for c in r] for t in doc.tables for r in t.rows] == [
        ["区县", "医保部门", "税务部门"], ["瑶海区", "64490236", "65973599"]]


@pytest.mark.parametrize("text,periods", [
    ("2025年度集中参保缴费期自2024年9月15日开始，至2024年12月31日结束。",
     {"enrollment": {"start": "2024-09-15", "end": "2024-12-31"}}),
    ("居民医保费征收时间为2024年9月1日起至2024年12月31日止，逾期不再办理。",
     {"enrollment": {"start": "2024-09-01", "end": "2024-12-31"}}),
    ("集中征缴期：2024年9月1日至12月31日。待遇享受时间：2025年1月1日—2025年12月31日。",
     {"enrollment": {"start": "2024-09-01", "end": "2024-12-31"}, "coverage": {"start": "2025-01-01", "end": "2025-12-31"}}),
    ("在集中缴费期内完成参保缴费的，自2025年1月1日起享受待遇。", {"coverage": {"start": "2025-01-01", "end": None}}),
])
def test_period_wordings(text, periods):
    from extractor import api
    got = api.extract_text(text)["periods"]
    for key, span in periods.items():
        assert got[key] == span


def test_ratio_figure():
    v = parse_value("8：1：0.5：0.5", "ratio")
    assert v is not None and v.value == (8, 1, 0.5, 0.5)


def _seed_sentences():
    from pathlib import Path

    from extractor.load import load
    from extractor.normalize import normalize
    from extractor.segment import segment
    root = Path(__file__).resolve().parent.parent / "corpus"
    for p in sorted(root.glob("*.txt")):
        src = load(p)
        yield from segment(normalize(src.lines, src.locs)).sentences


@pytest.mark.parametrize("family", ["subsidy", "funding", "period", "policy"])
def test_fitting_prefixes_agrees_with_parsing_each_prefix(family):
    from extractor.parse import fitting_prefixes
    checked = fitted = 0
    for sent in _seed_sentences():
        toks = sent.tokens
        cuts = [i for i, t in enumerate(toks) if t.type in ("COMMA", "COLON")] + [len(toks)]
        cuts = [c for c in cuts if c]
        if not cuts:
            continue
        got = fitting_prefixes(family, toks, cuts)
        want = [c for c in cuts if parse(family, toks[:c]) is not None]
        assert got == want, sent.text
        checked += len(cuts)
        fitted += len(want)
    assert checked > 200 and fitted > 0


@pytest.mark.parametrize("family", ["subsidy", "funding", "period", "policy"])
def test_follow_sets_hold_for_every_prefix_that_fits(family):
    # follows()/opens() let callers rule runs out unparsed: they must hold on every run that fits
    from extractor.parse import follows, opens, read_as
    after, first = follows(family), opens(family)
    fitted = 0
    for sent in _seed_sentences():
        toks = sent.tokens
        for a in [0] + [i + 1 for i, t in enumerate(toks) if t.type in ("COMMA", "COLON")]:
            for b in range(a + 1, len(toks) + 1):
                if parse(family, toks[a:b]) is None:
                    continue
                fitted += 1
                read = []
                for t in toks[a:b]:
                    r = read_as(family, t.type)
                    if not (r != t.type and read and r == read[-1] == "TEXT"):
                        read.append(r)
                assert read[0] in first
                assert all(y in after[x] for x, y in zip(read, read[1:])), sent.text
                assert "$END" in after[read[-1]]
    assert fitted > 0
