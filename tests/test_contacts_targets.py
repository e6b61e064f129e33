"""contacts[] and targets[]: the clause lexer and grammars, variants we wrote, and the seeds.

Records are grouped by origin ("seed notices": values read off the notices by
hand; "variants we wrote": other provinces, phone formats and layouts).  One
parametrized test runs each group; known gaps are xfail(strict=True).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor import api
from extractor.parse import parse
from extractor.transform import contacts as C
from extractor.transform import targets as T

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def contact(org=None, person=None, phone=None, role=None, title=None, area_code=None) -> dict:
    d = {"org": org, "person": person, "title": title, "phone": phone, "role": role}
    if area_code:
        d["area_code"] = area_code
    return d


def target(rate, population=None, bound=None, by=None) -> dict:
    return {"population": population, "rate": rate, "bound": bound, "by": by}


# ---------------------------------------------------------------- the lexer and grammars
LEX = [
    ("市医保局医药管理和待遇保障处：  李晓雅63531019", ["ORG", "COLON", "NAME", "PHONE"], "org_phones"),
    ("市医保基金征缴和权益管理中心：  孙  浩63535411", ["ORG", "COLON", "CHAR", "CHAR", "PHONE"], "org_phones"),
    ("组 长：徐立民 县委常委、县政府常务副县长", ["ROLE", "COLON", "NAME", "TITLE", "DUN", "TITLE"], "role_person"),
    ("副 组 长：陈 熙 县税务局局长", ["ROLE", "COLON", "CHAR", "CHAR", "TITLE"], "role_person"),
    ("马运侠 县医保局局长", ["NAME", "TITLE"], "person_title"),
    ("王莉莉县民政局局长", ["NAME", "TITLE"], "person_title"),
    ("副组长：古丽米拉·艾买提  市人民政府副秘书长", ["ROLE", "COLON", "NAME", "TITLE"], "role_person"),
    ("咨询电话：（0551）63531019、12393", ["LABEL", "COLON", "AREA", "PHONE", "DUN", "PHONE"], "label_phones"),
    ("可拨打医保服务热线12393咨询", ["TEXT", "LABEL", "PHONE", "NAME"], "label_phones"),
    ("联系电话：0951—4028018", ["LABEL", "COLON", "PHONE"], "label_phones"),
    ("手机：13912345678", ["LABEL", "COLON", "PHONE"], "label_phones"),
    ("5056606", ["PHONE"], "bare_phones"),
    ("欧家政、王猛兼办公室副主任", ["NAME", "DUN", "NAME", "CONCUR", "ROLE"], "concur"),
    ("办公室主任由房红云同志兼任", ["ROLE", "BY", "NAME", "HONOR", "CONCUR"], "concur_by"),
    ("协调小组办公室设在县税务局", ["ORG", "SET_IN", "ORG"], "office"),
]


@pytest.mark.parametrize("text,types,kind", LEX, ids=[x[0][:14] for x in LEX])
def test_contact_clause(text, types, kind):
    toks = C.lex(text)
    assert [t.type for t in toks] == types
    assert parse("contacts", toks) is not None
    fact = parse("contacts", toks, using=C._T)
    assert fact is not None and fact["kind"] == kind


def test_roster_line_cut_where_a_physical_line_starts():
    text = "副 组 长：陈 熙 县税务局局长马运侠 县医保局局长"
    toks = C.lex(text, frozenset({text.index("马")}))
    assert [t.text for t in toks][-2:] == ["马运侠", "县医保局局长"]


@pytest.mark.parametrize("text,population", [
    ("全市居民医保", None), ("全市户籍人口", "户籍人口"), ("常住人口（办理居住证人员）基本医保", "常住人口（办理居住证人员）"),
    ("各县（市、区）要确保居民医保", None), ("总体", None), ("60周岁以上老年人", "60周岁以上老年人"),
    ("全市基本医疗保险户籍人口", "户籍人口"),
])
def test_target_population(text, population):
    assert T.population(text, T.vocab()) == population


def test_other_rates_are_not_target_words():
    types = [t.type for t in T.lex("住院费用报销比例为70%")]
    assert "ENROLL_RATE" not in types and "JOIN" not in types
    assert [t.type for t in T.lex("完成省定参保95%目标任务")][-3:] == ["JOIN", "PERCENT", "GOAL"]
    assert "JOIN" not in [t.type for t in T.lex("引导参保缴费")]


def test_a_percent_token_is_a_figure():
    """targets.apply passes over a sentence with no percent among its figures: no targets word may
    be a PERCENT (or other figure) token of its own."""
    assert not {"PERCENT", "MONEY", "DATE", "COUNT"} & set(T.vocab().words.values())
    assert "PERCENT" not in [t.type for t in T.lex("参保率稳定在较高水平")]


# ---------------------------------------------------------------- variants we wrote
ROSTER_SICHUAN = (
    "成立剑阁县城乡居民医保征缴工作领导小组：\n"
    "组  长：李明华  县人民政府县长\n"
    "第一副组长：张  军  县人民政府副县长\n"
    "第二副组长：王  芳  县医疗保障局局长\n"
    "成  员：刘  强  县财政局局长\n"
    "        陈小红  县税务局副局长\n"
    "领导小组下设办公室，办公室主任由刘强同志兼任。\n"
)
GROUP = "剑阁县城乡居民医保征缴工作领导小组"

CONTACT_VARIANTS = [
    ("ningxia-em-dash-area-code", "联系人：马  林，联系电话：0951—4028018。",
     [contact(person="马林", role="联系人", phone="0951—4028018", area_code="0951")]),
    ("guangdong-office-hyphen", "市医保局待遇保障科：0668-6676909",
     [contact(org="市医保局待遇保障科", phone="0668-6676909", area_code="0668")]),
    ("anhui-bracketed-area-code", "咨询电话：(0551)63531019",
     [contact(phone="（0551）63531019", area_code="0551")]),
    ("hotline-12393-in-text", "参保群众如有疑问，请拨打医保服务热线12393。",
     [contact(phone="12393")]),
    ("hotline-12345-with-area-code", "咨询电话：0551-12345。",
     [contact(phone="0551-12345", area_code="0551")]),
    ("jiangxi-mobile", "联系人：周  敏，手机：13912345678。",
     [contact(person="周敏", role="联系人", phone="13912345678")]),
    ("hubei-desk-and-mobile", "联系人：陈静，电话：027-85678900，手机：13807150000。",
     [contact(person="陈静", role="联系人", phone="027-85678900", area_code="027"),
      contact(person="陈静", role="联系人", phone="13807150000")]),
    ("guizhou-two-offices", "咨询电话：县医保中心0851-86812345，县税务局0851-86854321。",
     [contact(org="县医保中心", phone="0851-86812345", area_code="0851"),
      contact(org="县税务局", phone="0851-86854321", area_code="0851")]),
    ("jiangsu-office-person-then-phone", "市医保局待遇保障处：陈  静，0516-83731234。",
     [contact(org="市医保局待遇保障处", person="陈静", phone="0516-83731234", area_code="0516")]),
    ("sichuan-roster-second-deputy", ROSTER_SICHUAN,
     [contact(org=GROUP, person="李明华", role="组长", title="县人民政府县长"),
      contact(org=GROUP, person="张军", role="第一副组长", title="县人民政府副县长"),
      contact(org=GROUP, person="王芳", role="第二副组长", title="县医疗保障局局长"),
      contact(org=GROUP, person="刘强", role="成员", title="县财政局局长"),
      contact(org=GROUP, person="陈小红", role="成员", title="县税务局副局长"),
      contact(org=GROUP + "办公室", person="刘强", role="办公室主任")]),
    ("roster-name-without-space", "组  长：王莉莉县民政局局长\n",
     [contact(person="王莉莉", role="组长", title="县民政局局长")]),
    ("office-without-group", "领导小组办公室设在县医保局，王建兼任办公室主任，联系电话：0813-5201234。",
     [contact(org="领导小组办公室", person="王建", role="办公室主任"),
      contact(org="领导小组办公室", phone="0813-5201234", area_code="0813")]),
    ("tabbed-district-table", "各区参保咨询电话：\n\t区\t医保\t税务\n\t金牛区\t87654321\t87654322\n\t武侯区\t85551234\t85554321\n",
     [contact(org="金牛区医保", phone="87654321"), contact(org="金牛区税务", phone="87654322"),
      contact(org="武侯区医保", phone="85551234"), contact(org="武侯区税务", phone="85554321")]),
    ("flat-district-table", "各区参保咨询电话：\n\t区\n\t医保\n\t税务\n\n\t金牛区\n\t87654321\n\t87654322\n",
     [contact(org="金牛区医保", phone="87654321"), contact(org="金牛区税务", phone="87654322")]),
    ("table-with-person-column", "联系方式：\n\t单位\t联系人\t联系电话\n\t市医保局\t张  华\t0871-63187654\n",
     [contact(org="市医保局", person="张华", phone="0871-63187654", area_code="0871")]),
    ("no-contact-in-a-phone-free-sentence", "同时，基本医疗保险总体参保率纳入村“两委”班子及成员考核。", []),
]


@pytest.mark.parametrize("name,text,want", CONTACT_VARIANTS, ids=[x[0] for x in CONTACT_VARIANTS])
def test_contact_variant(name, text, want):
    assert api.extract_text(text)["contacts"] == want


TARGET_VARIANTS = [
    ("deadline-then-two", "到2026年底，全省基本医保参保率稳定在95%以上，脱贫人口参保率稳定在99%以上。",
     [target(95, None, "min", "2026-12-31"), target(99, "脱贫人口", "min", "2026-12-31")]),
    ("figure-in-next-clause", "各区县参保率不低于上年度水平，且不低于97%。", [target(97, None, "min")]),
    ("goal-form", "全市集中征缴期结束完成市定参保96%目标任务。", [target(96)]),
    ("age-in-population", "60周岁以上老年人参保率达到98%以上。", [target(98, "60周岁以上老年人", "min")]),
    ("chinese-percent", "农村低收入人口参保率保持在百分之九十九以上。", [target(99, "农村低收入人口", "min")]),
    ("bare-year-deadline", "力争到2025年，常住人口参保率达到98%。", [target(98, "常住人口", None, "2025-12-31")]),
    ("numbered-list", "1.户籍人口参保率稳定在97%以上。\n2.学生儿童参保率达到99%以上。",
     [target(97, "户籍人口", "min"), target(99, "学生儿童", "min")]),
    ("reimbursement-and-cap-are-not-targets",
     "住院费用报销比例为70%，累计提高总额不超过原封顶线的20%。", []),
    ("past-figure-is-not-a-target", "据了解，去年全市基本医保参保率达到96.5%。", []),
    ("rate-word-before-populations", "参保率目标：户籍人口不低于97%，常住人口不低于95%。",
     [target(97, "户籍人口", "min"), target(95, "常住人口", "min")]),
]


@pytest.mark.parametrize("name,text,want", [x if hasattr(x, "marks") else pytest.param(*x, id=x[0])
                                            for x in TARGET_VARIANTS])
def test_target_variant(name, text, want):
    assert api.extract_text(text)["targets"] == want


def test_evidence_of_a_bare_year_deadline_is_derived():
    rules = api.extract_text("力争到2025年，常住人口参保率达到98%。")
    assert rules["evidence"]["/targets/0/by"].get("derived") is True


# ---------------------------------------------------------------- seed notices (read by hand)
YAOHAI_TABLE = [("瑶海区", "64490236", "65973599"), ("庐阳区", "65699667", "65900114"),
                ("蜀山区", "65125930", "63336269"), ("包河区", "63358701", "63357942"),
                ("高新区", "65393193", "65306908"), ("经开区", "65505631", "63869767"),
                ("新站区", "64225061", "62653089"), ("长丰县", "66661686", "66660362"),
                ("肥东县", "67713028", "67703880"), ("肥西县", "68200217", "68850240"),
                ("庐江县", "82556668", "87381613"), ("巢湖市", "82280553", "82612366")]
YAOHAI = [
    contact(org="市医保局医药管理和待遇保障处", person="李晓雅", phone="63531019"),
    contact(org="市医保基金征缴和权益管理中心", person="孙浩", phone="63535411"),
    contact(org="市税务局社会保险费和非税收入科", person="万巍", phone="63532732"),
] + [c for d, m, t in YAOHAI_TABLE for c in (contact(org=d + "医保部门", phone=m), contact(org=d + "税务部门", phone=t))]

WUHE_GROUP = "五河县城乡居民基本医疗保险征缴工作协调小组"
WUHE = [contact(org=WUHE_GROUP, person=p, role=r, title=t) for p, r, t in [
    ("徐立民", "组长", "县委常委、县政府常务副县长"), ("陈晓宏", "第一副组长", "县政府副县长"),
    ("陈熙", "副组长", "县税务局局长"), ("马运侠", "副组长", "县医保局局长"),
    ("赵大永", "成员", "县教育局副局长"), ("张彦", "成员", "县公安局副局长"), ("王莉莉", "成员", "县民政局局长"),
    ("孙璞", "成员", "县财政局副局长"), ("梁开欣", "成员", "县农业农村局副局长"), ("丁健", "成员", "县卫健委副主任"),
    ("张建设", "成员", "县退役军人事务局副局长"), ("欧家政", "成员", "县医保局副局长"),
    ("欧家昌", "成员", "县残联副理事长"), ("王猛", "成员", "县税务局副局长")]] + [
    contact(org=WUHE_GROUP + "办公室", person="陈熙", role="办公室主任"),
    contact(org=WUHE_GROUP + "办公室", person="欧家政", role="办公室副主任"),
    contact(org=WUHE_GROUP + "办公室", person="王猛", role="办公室副主任"),
    contact(org=WUHE_GROUP + "办公室", phone="5056951"),
    contact(org=WUHE_GROUP + "办公室", phone="5056606"),
]

GAOYANG_GROUP = "高阳县2024年度城乡居民基本医疗保险参保缴费工作领导小组"
GAOYANG = [contact(org=GAOYANG_GROUP, person=p, role=r, title=t) for p, r, t in [
    ("齐志国", "组长", "县政府代县长"), ("徐润宽", "副组长", "县委常委、常务副县长"),
    ("杨进忠", "副组长", "县政府副县长"), ("房红云", "成员", "县医保局局长"), ("魏双振", "成员", "县财政局局长"),
    ("王毅", "成员", "县税务局局长"), ("魏英伟", "成员", "县教体局局长"), ("李增民", "成员", "县民政局局长"),
    ("牛辉", "成员", "县乡村振兴局局长"), ("王金伟", "成员", "县公安局政治处主任"), ("王丹", "成员", "县统计局局长"),
    ("王海燕", "成员", "县残联理事长"), ("王胜利", "成员", "县退役军人事务局局长"),
    ("张尚武", "成员", "县融媒体中心主任"), ("胡春光", "成员", "锦华街道办事处主任"), ("闫帅轩", "成员", "庞口镇镇长"),
    ("冉冬梅", "成员", "西演镇镇长"), ("石瑶", "成员", "邢南镇镇长"), ("赵浩", "成员", "晋庄镇镇长"),
    ("陈思", "成员", "小王果庄镇镇长"), ("伏振宇", "成员", "蒲口镇镇长"), ("段润良", "成员", "庞佐镇镇长")]] + [
    contact(org=GAOYANG_GROUP + "办公室", person="房红云", role="办公室主任"),
]

SEEDS = {
    "anhui-hefei-yaohai_2024": (YAOHAI, [target(95, None, "min")]),
    "anhui-hefei_2025-draft": ([], [target(96, "户籍人口", "min", "2025-12-31"),
                                    target(97, "常住人口（办理居住证人员）", "min", "2025-12-31"),
                                    target(99, "重点人群", "min", "2025-12-31")]),
    "anhui-huaibei_2023": ([], []),
    "anhui-wuhe_2024": (WUHE, []),
    "hebei-gaoyang_2024": (GAOYANG, [
        target(95, None, "min"),
        target(100, "享受省规定参保资助的脱贫人口、特困人员、低保对象、易返贫致贫人口、乡村振兴部门认定的返贫致贫人口和低保边缘家庭成员"),
        target(95)]),
}


@pytest.fixture(scope="module")
def seeds():
    return {name: api.extract(CORPUS / f"{name}.txt") for name in SEEDS}


# The area code of a local number comes from the region (read: 合肥 0551, 蚌埠 for 五河县 0552, 保定 for 高阳县 0312).
SEED_AREA = {"anhui-hefei-yaohai_2024": "0551", "anhui-wuhe_2024": "0552", "hebei-gaoyang_2024": "0312"}


@pytest.mark.parametrize("name", list(SEEDS))
def test_seed_contacts(seeds, name):
    got = seeds[name]["contacts"]
    for c in got:
        if c["phone"]:
            assert c.get("area_code") == SEED_AREA.get(name), c
    assert [{k: v for k, v in c.items() if k != "area_code"} for c in got] == SEEDS[name][0]


@pytest.mark.parametrize("name", list(SEEDS))
def test_seed_targets(seeds, name):
    assert seeds[name]["targets"] == SEEDS[name][1]


def test_seed_evidence_quotes_the_original_line(seeds):
    ev = seeds["anhui-hefei-yaohai_2024"]["evidence"]["/contacts/1/phone"]
    assert ev["line"] == 97 and "孙  浩" in ev["quote"]
    ev = seeds["anhui-wuhe_2024"]["evidence"]["/contacts/2/person"]
    assert ev["line"] == 295 and "陈 熙" in ev["quote"]
    ev = seeds["anhui-hefei-yaohai_2024"]["evidence"]["/contacts/3/phone"]
    assert ev["line"] == 105
