"""The notice and region families: 文号 shapes, titles, signature layouts, forwarding chains.

Records are grouped by origin, as in tests/cases:
  "seed":    the five notices of corpus/, values determined by reading each notice;
  "variant": short notices we wrote in the layouts of real ones (other provinces,
             a two-level 转发 chain, a draft, a letter headed by its issuers).
Only the notice and region families run here, so other families cannot break these tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from extractor.facts import RuleSet
from extractor.load import load
from extractor.normalize import fold, normalize
from extractor.segment import segment
from extractor.transform import notice, region

ROOT = Path(__file__).resolve().parent.parent


def run_text(text: str) -> dict:
    doc = segment(normalize(text.split("\n")))
    rs = RuleSet()
    notice.apply(doc, rs)
    region.apply(doc, rs)
    return rs.finish()


def run_file(name: str) -> dict:
    src = load(ROOT / "corpus" / name)
    doc = segment(normalize(src.lines, src.locs), hints=src.hints)
    rs = RuleSet()
    notice.apply(doc, rs)
    region.apply(doc, rs)
    return rs.finish()


# ---------------------------------------------------------------- 文号

DOC_NUMBERS = [
    ("合医保发〔2024〕15号", "合医保发〔2024〕15号"),
    ("五医保 [2024] 21 号", "五医保〔2024〕21号"),
    ("五医保［2024］21号", "五医保〔2024〕21号"),
    ("淮医保（2023）15号", "淮医保〔2023〕15号"),
    ("淮医保(2023)15号", "淮医保〔2023〕15号"),
    ("医保办函【2025】36号", "医保办函〔2025〕36号"),
    ("冀医保字〔2020〕49号", "冀医保字〔2020〕49号"),
    ("涪区医保发〔2024〕第9号", "涪区医保发〔2024〕9号"),
    ("皖医保发 〔 2024 〕 4 号", "皖医保发〔2024〕4号"),
    ("人力资源社会保障部国家医疗保障局令第41号", "人力资源社会保障部国家医疗保障局令第41号"),
]


@pytest.mark.parametrize("text,want", DOC_NUMBERS, ids=[w for _, w in DOC_NUMBERS])
def test_doc_number_shapes(text, want):
    assert notice.doc_number(text) == want


@pytest.mark.parametrize("text", ["2024年9月5日", "合医保发2024年15号", "〔2024〕15号", "合医保发〔24〕15号",
                                  "医保发〔2024〕号"])
def test_not_doc_numbers(text):
    assert notice.doc_number(text) is None


def test_doc_numbers_in_running_text():
    text = ("根据《国务院办公厅关于健全基本医疗保险参保长效机制的指导意见》（国办发〔2024〕38号）"
            "和皖医保发[2024]4号文件精神")
    assert [dn for _, _, dn in notice.find_doc_numbers(text)] == ["国办发〔2024〕38号", "皖医保发〔2024〕4号"]


# The matches of DOCNO_SCAN that find_doc_numbers reads must be those of DOCNO_SCAN.finditer,
# the reference: _docno_matches only starts each search later (at the CJK run before an anchor).
DOCNO_CASES = [
    "根据《指导意见》（国办发〔2024〕38号）和皖医保发[2024]4号文件精神",
    "国家医疗保障局令第 5 号",
    "某某令第一批某局令第5号",                      # a 令第 that is none, in the run of the one that is
    "某局令 第5号", "某局 令第5号", "局令第5号",
    "一二三四五六七八九十一二三四五六七八九十〔2024〕1号",  # a prefix longer than 16
    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二令第3号",
    "（2024）无号，见财社〔2023〕12号",             # an anchor that gives none before one that does
    "医保发 〔2024〕 15 号、医保发〔2024〕16号",
    "〔2024〕15号", "令第5号", "皖〔2024〕号", "合医保发〔24〕15号",
    "甲发〔2024〕1号乙发〔2024〕2号丙令第3号",
]


def _reference_matches(text):
    return [m.span() for m in notice.DOCNO_SCAN.finditer(text)]


@pytest.mark.parametrize("text", DOCNO_CASES)
def test_docno_matches_are_those_of_finditer(text):
    assert [m.span() for m in notice._docno_matches(text)] == _reference_matches(text)


_DOCNO_PIECES = st.sampled_from(["局", "医保发", "令", "第", "号", " ", "〔", "〕", "[", "]", "（", "）",
                                 "2024", "1999", "15", "3", "，", "《", "》", "a", "一二三四五六七八"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_DOCNO_PIECES, max_size=40).map("".join))
def test_docno_matches_random(text):
    assert [m.span() for m in notice._docno_matches(text)] == _reference_matches(text)


# ---------------------------------------------------------------- titles

TITLES = [
    ("关于转发《关于印发〈合肥市2024年城乡居民参加基本医疗保险工作方案〉的通知》的通知", "forward",
     "关于印发《合肥市2024年城乡居民参加基本医疗保险工作方案》的通知", False),
    ("关于印发《淮北市2023年城乡居民基本医疗保险参保缴费工作实施方案》的通知", "issue",
     "淮北市2023年城乡居民基本医疗保险参保缴费工作实施方案", False),
    ("关于做好2025年度城乡居民基本医疗保险参保缴费工作的通知", "letter", None, False),
    ("合肥市基本医保参保长效机制创新综合试点实施方案（征求意见稿）", "plan", None, True),
    ("贵阳市2025年度城乡居民医保参保缴费工作方案（讨论稿）", "plan", None, True),
    ("高阳县2024年度城乡居民基本医疗保险参保缴费工作方案", "plan", None, False),
]


@pytest.mark.parametrize("text,kind,inner,draft", TITLES, ids=[t[1] + "-" + t[0][:8] for t in TITLES])
def test_title_shapes(text, kind, inner, draft):
    t = notice.parse_title(text)
    assert (t.kind, t.inner, t.draft) == (kind, inner, draft)


@pytest.mark.parametrize("text", ["现将《X方案》印发给你们，请认真组织实施。", "一、筹资标准", "2024年9月5日",
                                  "哈尔滨市2025年度城乡居民医保集中缴费启动"])
def test_not_titles(text):
    assert notice.parse_title(text) is None


# ---------------------------------------------------------------- signature layouts

def _rows(*lines):
    lines = [fold(t) for t in lines]
    return [notice.Row(i, type("L", (), {"text": t})(), "orgs", orgs=notice.parse_orgs(t))
            for i, t in enumerate(lines)]


SIGNATURES = [
    ("two columns",
     ["合肥市医疗保障局           合肥市财政局", "国家税务总局合肥市税务局       合肥市教育局"],
     ["合肥市医疗保障局", "合肥市财政局", "国家税务总局合肥市税务局", "合肥市教育局"]),
    ("right column broken",
     ["合肥市瑶海区医疗保障局           国家税务总局合肥市", "瑶海区税务局"],
     ["合肥市瑶海区医疗保障局", "国家税务总局合肥市瑶海区税务局"]),
    ("left column broken",
     ["国家税务总局杭州市　　杭州市财政局", "税务局"],
     ["国家税务总局杭州市税务局", "杭州市财政局"]),
    ("tail broken",
     ["合肥市瑶海区卫生健康", "委员会"],
     ["合肥市瑶海区卫生健康委员会"]),
    ("one per line",
     ["淮北市医疗保障局", "淮北市财政局", "淮北市卫生健康委"],
     ["淮北市医疗保障局", "淮北市财政局", "淮北市卫生健康委"]),
    ("columns run together by conversion",
     ["五河县卫生健康委员会 五河县民政局五河县教育局 五河县财政局五河县残疾人联合会"],
     ["五河县卫生健康委员会", "五河县民政局", "五河县教育局", "五河县财政局", "五河县残疾人联合会"]),
    ("autonomous region",
     ["宁夏回族自治区医疗保障局　宁夏回族自治区财政厅　国家税务总局宁夏回族自治区税务局"],
     ["宁夏回族自治区医疗保障局", "宁夏回族自治区财政厅", "国家税务总局宁夏回族自治区税务局"]),
    ("government office",
     ["高阳县人民政府办公室"],
     ["高阳县人民政府办公室"]),
]


@pytest.mark.parametrize("lines,want", [s[1:] for s in SIGNATURES], ids=[s[0] for s in SIGNATURES])
def test_signature_layouts(lines, want):
    rows = _rows(*lines)
    assert all(r.orgs for r in rows), [r.line.text for r in rows if not r.orgs]
    assert [name for name, _, _ in notice._issuers(rows)] == want


@pytest.mark.parametrize("text", ["瑶海区", "县区名称", "市医保局医药管理和待遇保障处：  李晓雅  63531019",
                                  "各县（市）区医保局、财政局、税务局", "宜宾市医疗保障局文件"])
def test_not_signature_lines(text):
    assert notice.parse_orgs(text) is None


# ---------------------------------------------------------------- variants we wrote

TWO_LEVEL_CHAIN = """新化县医疗保障局
新化县财政局

新医保发〔2024〕11号

关于转发《关于转发〈关于印发湖南省2025年度城乡居民基本医疗保险参保缴费工作方案的通知〉的通知》的通知

各乡镇人民政府：
现将《关于转发〈关于印发湖南省2025年度城乡居民基本医疗保险参保缴费工作方案的通知〉的通知》（娄医保发〔2024〕20号）转发给你们，请遵照执行。

新化县医疗保障局　　　　新化县财政局
2024年9月10日

关于转发《关于印发〈湖南省2025年度城乡居民基本医疗保险参保缴费工作方案〉的通知》的通知

各县市区医疗保障局：
现将《关于印发〈湖南省2025年度城乡居民基本医疗保险参保缴费工作方案〉的通知》（湘医保发〔2024〕30号）转发给你们，请结合实际抓好落实。

娄底市医疗保障局
2024年9月2日

关于印发《湖南省2025年度城乡居民基本医疗保险参保缴费工作方案》的通知
湘医保发〔2024〕30号

各市州医疗保障局、财政局，国家税务总局各市州税务局：
现将《湖南省2025年度城乡居民基本医疗保险参保缴费工作方案》印发给你们，请认真贯彻执行。

湖南省医疗保障局　　湖南省财政厅
国家税务总局湖南省税务局
2024年8月26日

湖南省2025年度城乡居民基本医疗保险参保缴费工作方案

根据《国务院办公厅关于健全基本医疗保险参保长效机制的指导意见》（国办发〔2024〕38号），制定本方案。
一、筹资标准
2025年度居民医保个人缴费标准为每人每年400元。
"""

DRAFT_NO_ISSUERS = """贵阳市2025年度城乡居民医保参保缴费工作方案
（讨论稿）

为做好我市2025年度城乡居民基本医疗保险参保缴费工作，根据《贵州省医疗保障局关于做好2025年度城乡居民医保参保工作的通知》要求，制定本方案。
一、缴费标准
个人缴费标准为每人每年400元。
"""

ISSUE_LETTER_NO_PLAN_TITLE = """关于印发《石家庄市2025年度城乡居民基本医疗保险参保缴费工作方案》的通知
石医保〔2024〕 8 号

各县（市、区）医疗保障局：
现将《石家庄市2025年度城乡居民基本医疗保险参保缴费工作方案》印发给你们，请认真贯彻执行。

石家庄市医疗保障局
石家庄市财政局
国家税务总局石家庄市
税务局
二〇二四年八月二十日

一、筹资标准
按照冀医保字[2024]30号文件规定执行。
"""

HEADED_BY_ISSUERS = """长沙市医疗保障局
长沙市财政局
文件

长医保发（2024）20号

关于做好2025年度城乡居民基本医疗保险参保缴费工作的通知

各区县（市）医疗保障局、财政局：
为做好2025年度城乡居民基本医疗保险参保缴费工作，现就有关事项通知如下。
一、缴费标准
个人缴费标准为每人每年400元，执行《长沙市城乡居民基本医疗保险实施办法》。
"""

NEWS_PAGE = """首页 > 新闻中心

南宁市2025年度城乡居民医保集中参保启动

发布时间：2024-09-02
记者从市医保局获悉，我市城乡居民医保集中参保缴费工作已于9月1日启动。
"""


def test_two_level_forwarding_chain():
    r = run_text(TWO_LEVEL_CHAIN)
    n = r["notice"]
    assert n["title"] == "湖南省2025年度城乡居民基本医疗保险参保缴费工作方案"
    assert n["doc_number"] == "湘医保发〔2024〕30号"
    assert n["issued_on"] == "2024-08-26"
    assert n["issuers"] == ["湖南省医疗保障局", "湖南省财政厅", "国家税务总局湖南省税务局"]
    assert [(f["issuers"], f["issued_on"], f["doc_number"]) for f in n["forwarded_by"]] == [
        (["新化县医疗保障局", "新化县财政局"], "2024-09-10", "新医保发〔2024〕11号"),
        (["娄底市医疗保障局"], "2024-09-02", None),
    ]
    # the city's letter is cited with its 文号 by the county's, and is part of the chain
    assert n["references"] == [{"doc_number": "国办发〔2024〕38号",
                                "title": "国务院办公厅关于健全基本医疗保险参保长效机制的指导意见"}]
    assert r["region"] == {"name": "湖南省", "level": "province", "province": "湖南省", "code": "430000"}


def test_draft_without_issuers():
    r = run_text(DRAFT_NO_ISSUERS)
    n = r["notice"]
    assert n["title"] == "贵阳市2025年度城乡居民医保参保缴费工作方案（讨论稿）"
    assert n["status"] == "draft"
    assert (n["doc_number"], n["issued_on"], n["issuers"], n["forwarded_by"]) == (None, None, [], [])
    # a title without 文号 is a reference when it names a kind of document
    assert n["references"] == [{"doc_number": None, "title": "贵州省医疗保障局关于做好2025年度城乡居民医保参保工作的通知"}]
    assert r["region"] == {"name": "贵阳市", "level": "city", "province": "贵州省", "code": "520100"}


def test_issue_letter_without_plan_title_line():
    r = run_text(ISSUE_LETTER_NO_PLAN_TITLE)
    n = r["notice"]
    assert n["title"] == "石家庄市2025年度城乡居民基本医疗保险参保缴费工作方案"
    assert n["doc_number"] == "石医保〔2024〕8号"
    assert n["issued_on"] == "2024-08-20"
    assert n["issuers"] == ["石家庄市医疗保障局", "石家庄市财政局", "国家税务总局石家庄市税务局"]
    assert n["references"] == [{"doc_number": "冀医保字〔2024〕30号", "title": None}]
    assert r["region"]["province"] == "河北省" and r["region"]["code"] == "130100"


def test_letter_headed_by_its_issuers():
    r = run_text(HEADED_BY_ISSUERS)
    n = r["notice"]
    assert n["title"] == "关于做好2025年度城乡居民基本医疗保险参保缴费工作的通知"
    assert n["doc_number"] == "长医保发〔2024〕20号"
    assert n["issued_on"] is None
    assert n["issuers"] == ["长沙市医疗保障局", "长沙市财政局"]
    assert n["references"] == [{"doc_number": None, "title": "长沙市城乡居民基本医疗保险实施办法"}]
    # no region in the title: the first issuer's
    assert r["region"] == {"name": "长沙市", "level": "city", "province": "湖南省", "code": "430100"}


def test_news_page_headline():
    r = run_text(NEWS_PAGE)
    assert r["notice"]["title"] == "南宁市2025年度城乡居民医保集中参保启动"
    assert r["region"]["province"] == "广西壮族自治区"


def test_evidence_and_used_figures():
    doc = segment(normalize(ISSUE_LETTER_NO_PLAN_TITLE.split("\n")))
    rs = RuleSet()
    notice.apply(doc, rs)
    assert rs.evidence_for("/notice/issued_on").quote == "二〇二四年八月二十日"
    assert rs.evidence_for("/notice/issuers/2").line == 9
    assert rs.evidence_for("/notice/doc_number").line == 2
    assert rs.used, "the date of issue is a figure accounted for"


# ---------------------------------------------------------------- the five seeds (values read by hand)

SEEDS = {
    "anhui-hefei-yaohai_2024.txt": dict(
        title="合肥市2024年城乡居民参加基本医疗保险工作方案",
        doc_number="合医保发〔2024〕15号",
        issued_on="2024-08-31",
        issuers=["合肥市医疗保障局", "合肥市财政局", "国家税务总局合肥市税务局", "合肥市教育局",
                 "合肥市民政局", "合肥市农业农村局"],
        status="final",
        forwarded_by=[{
            "issuers": ["合肥市瑶海区医疗保障局", "国家税务总局合肥市瑶海区税务局", "合肥市瑶海区教育体育局",
                        "合肥市瑶海区财政局", "合肥市瑶海区乡村振兴局", "合肥市瑶海区民政局",
                        "合肥市瑶海区卫生健康委员会"],
            "issued_on": "2024-09-05", "doc_number": None,
            "title": "关于转发《关于印发〈合肥市2024年城乡居民参加基本医疗保险工作方案〉的通知》的通知"}],
        references=[
            ("国办发〔2024〕38号", "关于健全基本医疗保险参保长效机制的指导意见"),
            ("医保发〔2024〕19号", "国家医保局财政部国家税务总局关于做好2024年城乡居民基本医疗保障工作的通知"),
            ("合医保发〔2024〕14号", "关于做好2024年大学生参加城乡居民基本医疗保险工作的通知"),
        ],
        region={"name": "合肥市", "level": "city", "province": "安徽省", "code": "340100"},
    ),
    "anhui-wuhe_2024.txt": dict(
        title="五河县2024年（2025年度）城乡居民参加基本医疗保险工作方案",
        doc_number="五医保〔2024〕21号",
        issued_on="2024-09-14",
        issuers=["五河县医疗保障局", "五河县税务局", "五河县卫生健康委员会", "五河县民政局", "五河县教育局",
                 "五河县财政局", "五河县农业农村局", "五河县退役军人事务局", "五河县残疾人联合会"],
        status="final",
        forwarded_by=[],
        references=[
            ("国办发〔2024〕38号", "国务院办公厅关于健全基本医疗保险参保长效机制的指导意见"),
            ("皖医保发〔2024〕4号", "安徽省医疗保障局安徽省财政厅国家税务总局安徽省税务局关于做好2024年城乡居民基本医疗保障工作的通知"),
            ("蚌医保发〔2024〕21号", "关于印发〈蚌埠市2024年城乡居民参加基本医疗保险工作方案〉的通知"),
            ("蚌税函〔2019〕115号", "关于做好社会保险费退费有关工作的通知"),
        ],
        region={"name": "五河县", "level": "county", "province": "安徽省", "code": "340322"},
    ),
    "hebei-gaoyang_2024.txt": dict(
        title="高阳县2024年度城乡居民基本医疗保险参保缴费工作方案",
        doc_number=None,
        issued_on=None,
        issuers=[],
        status="final",
        forwarded_by=[],
        references=[
            (None, "保定市2024年度城乡居民基本医疗保险参保缴费工作方案"),
            ("国发〔2016〕44号", "国务院关于实施支持农业转移人口市民化若干财政政策的通知"),
            ("人力资源社会保障部国家医疗保障局令第41号", "香港澳门台湾居民在内地（大陆）参加社会保险暂行办法"),
            (None, "在中国境内就业的外国人参加社会保险暂行办法"),
            ("冀医保字〔2020〕49号", "关于全面推进基本医疗保险全民参保计划的实施意见"),
        ],
        region={"name": "高阳县", "level": "county", "province": "河北省", "code": "130628"},
    ),
    "anhui-huaibei_2023.txt": dict(
        title="淮北市2023年城乡居民基本医疗保险参保缴费工作实施方案",
        doc_number="淮医保〔2023〕15号",
        issued_on="2023-09-07",
        # as signed (the head of the letter writes 淮北市卫生健康委员会)
        issuers=["淮北市医疗保障局", "淮北市财政局", "国家税务总局淮北市税务局", "淮北市教育局", "淮北市民政局",
                 "淮北市乡村振兴局", "淮北市卫生健康委", "淮北市退役军人事务局"],
        status="final",
        forwarded_by=[],
        references=[
            ("皖医保发〔2023〕4号", "安徽省医疗保障局安徽省财政厅安徽省教育厅安徽省民政厅安徽省乡村振兴局"
                                 "国家税务总局安徽省税务局关于做好2023年城乡居民基本医疗保障工作的通知"),
        ],
        region={"name": "淮北市", "level": "city", "province": "安徽省", "code": "340600"},
    ),
    "anhui-hefei_2025-draft.txt": dict(
        title="合肥市基本医保参保长效机制创新综合试点实施方案（征求意见稿）",
        doc_number=None,
        issued_on=None,
        issuers=[],
        status="draft",
        forwarded_by=[],
        references=[
            ("国办发〔2024〕38号", "国务院办公厅关于健全基本医疗保险参保长效机制的指导意见"),
            ("医保办函〔2025〕36号", "国家医疗保障局办公室关于开展基本医疗保险参保长效机制创新综合试点工作的通知"),
        ],
        region={"name": "合肥市", "level": "city", "province": "安徽省", "code": "340100"},
    ),
}
FIELDS = ("title", "doc_number", "issued_on", "issuers", "status", "forwarded_by", "references", "region")


@pytest.fixture(scope="module")
def seeds():
    return {name: run_file(name) for name in SEEDS}


@pytest.mark.parametrize("name,field", [(n, f) for n in SEEDS for f in FIELDS],
                         ids=[f"{n.split('_')[0]}-{f}" for n in SEEDS for f in FIELDS])
def test_seed(seeds, name, field):
    got = seeds[name]
    want = SEEDS[name][field]
    if field == "region":
        assert got["region"] == want
    elif field == "references":
        assert [(r["doc_number"], r["title"]) for r in got["notice"]["references"]] == want
    else:
        assert got["notice"][field] == want


def test_seed_evidence(seeds):
    ev = seeds["anhui-hefei-yaohai_2024.txt"]["evidence"]
    assert ev["/notice/issued_on"]["line"] == 40
    assert ev["/notice/title"]["line"] == 44
    assert ev["/notice/doc_number"]["line"] == 6          # the forwarding letter's citation
    assert ev["/notice/issuers/1"]["line"] == 31
    assert ev["/notice/forwarded_by/0/issued_on"]["line"] == 20
    assert ev["/region/code"].get("derived") is True


def test_title_broken_across_lines_is_joined():
    from extractor.normalize import Line
    lines = [Line("合肥市2024年城乡居民参加基本医疗", 44), Line("保险工作方案", 45), Line("根据有关规定，制定本方案。", 47)]
    title, span = notice._title_at(lines, 0)
    assert (title.text, title.kind, span) == ("合肥市2024年城乡居民参加基本医疗保险工作方案", "plan", 2)
    lines = [Line("湛江市2025年度城乡居民基本医疗保险参保缴费工作方案", 1), Line("（征求意见稿）", 2)]
    title, span = notice._title_at(lines, 0)
    assert (title.draft, span) == (True, 2)


def test_hints_fill_the_title_but_a_page_date_is_not_an_issue_date():
    doc = segment(normalize(["为做好参保工作，现就有关事项通知如下。"]), hints={"title": "某 通知", "issued_on": "2024-09-01"})
    rs = RuleSet()
    notice.apply(doc, rs)
    assert (rs.get("/notice/title"), rs.get("/notice/issued_on")) == ("某通知", None)


def test_issuers_on_the_title_line_are_not_the_title():
    from extractor import api
    text = ("常德市医疗保障局 常德市财政局 国家税务总局常德市税务局\n"
            "关于做好2025年度城乡居民医保参保缴费工作的通知\n\n"
            "2025年度居民医保个人缴费标准为每人每年400元。\n\n"
            "常德市医疗保障局    常德市财政局\n国家税务总局常德市税务局\n2024年8月28日\n")
    rules = api.extract_text(text)
    assert rules["notice"]["title"] == "关于做好2025年度城乡居民医保参保缴费工作的通知"
    assert rules["notice"]["issuers"] == ["常德市医疗保障局", "常德市财政局", "国家税务总局常德市税务局"]


def test_issuer_tokens_do_not_depend_on_lines_read_before():
    # 鼓楼区 is one region within 南京市 and several alone: the region memo must not carry the
    # answer for one context over to the other (it did, keyed by the name only)
    def types(text):
        return [t.type for t in notice.org_tokens(text)]
    bare, placed = "鼓楼区医疗保障局", "南京市鼓楼区医疗保障局"
    first_bare, first_placed = types(bare), types(placed)
    assert types(bare) == first_bare and types(placed) == first_placed
    assert first_placed[:2] == ["REGION", "REGION"]
    assert first_bare[0] != "REGION"   # an ambiguous name alone is no region of its own
