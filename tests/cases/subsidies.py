"""Subsidy tiers for needy groups: full / percent / fixed / external, several groups per clause,
derived amounts, payers, 就高 rule, group synonyms.

Origin: variants we wrote, after the wording of notices from Guangdong, Sichuan, Yunnan, Gansu,
Henan, Jiangsu and Heilongjiang.  Where the text gives the individual contribution and a tier
states only one of subsidy/personal (or a percent), the other is derived (spec: subsidy +
personal = individual; percent x individual = subsidy).
"""

CASES = [
    dict(
        id="guangdong-full-groups-and-fixed-dibao",
        origin="variant",
        text="对特困人员、孤儿、事实无人抚养儿童参加居民医保的个人缴费部分给予全额资助；"
             "对低保对象给予每人每年360元定额资助，个人缴纳40元。",
        checks=[
            {"tier": "特困人员", "basis": "full"},
            {"tier": "孤儿", "basis": "full"},
            {"tier": "事实无人抚养儿童", "basis": "full"},
            {"tier": "低保对象", "basis": "fixed", "subsidy": 360, "personal": 40},
            {"count": "subsidies", "value": 4},
        ],
    ),
    dict(
        id="sichuan-tekun-han-xiatong-one-label",
        origin="variant",
        text="特困人员（含孤儿、事实无人抚养儿童，下同）参加城乡居民医保的个人缴费部分，由医疗救助基金给予全额资助。",
        checks=[
            {"tier": "特困人员", "label": "特困人员", "basis": "full", "payer": "医疗救助基金"},
        ],
    ),
    dict(
        id="henan-percent-two-groups-derived",
        origin="variant",
        text="2025年度居民个人缴费标准为每人每年400元。对低保对象、重度残疾人给予90%资助，个人缴纳40元。",
        checks=[
            {"tier": "低保对象", "basis": "percent", "percent": 90, "subsidy": 360, "personal": 40},
            {"tier": "重度残疾人", "basis": "percent", "percent": 90, "subsidy": 360, "personal": 40},
            {"evidence": "/subsidies/0/subsidy", "derived": True},
            {"count": "subsidies", "value": 2},
        ],
    ),
    dict(
        id="yunnan-percent-only-both-derived",
        origin="variant",
        text="2023年度个人缴费标准为每人每年380元。对防止返贫监测对象参保个人缴费部分给予50%资助。",
        checks=[
            {"tier": "防止返贫监测对象", "basis": "percent", "percent": 50, "subsidy": 190, "personal": 190},
            {"evidence": "/subsidies/0/personal", "derived": True},
        ],
    ),
    dict(
        id="jiangsu-fixed-personal-derived",
        origin="variant",
        text="2025年度个人缴费标准为每人每年400元，对低保边缘家庭成员每人资助200元。",
        checks=[
            {"tier": "低保边缘家庭成员", "basis": "fixed", "subsidy": 200, "personal": 200, "percent": None},
            {"evidence": "/subsidies/0/personal", "derived": True},
        ],
    ),
    dict(
        id="hunan-external-two-groups",
        origin="variant",
        text="重点优抚对象、重度残疾人的个人缴费资助按省有关规定执行。",
        checks=[
            {"tier": "重点优抚对象", "basis": "external", "subsidy": None, "personal": None},
            {"tier": "重度残疾人", "basis": "external", "subsidy": None, "personal": None},
            {"count": "subsidies", "value": 2},
        ],
    ),
    dict(
        id="gansu-dibao-classes-one-two-three-four",
        origin="variant",
        text="农村一、二类低保对象资助标准为每人每年230元；农村三、四类低保对象资助标准为每人每年170元。",
        checks=[
            {"tier": "一类低保对象", "basis": "fixed", "subsidy": 230},
            {"tier": "二类低保对象", "basis": "fixed", "subsidy": 230},
            {"tier": "三类低保对象", "basis": "fixed", "subsidy": 170},
            {"tier": "四类低保对象", "basis": "fixed", "subsidy": 170},
            {"no_tier": "一"},
            {"no_tier": "三"},
            {"count": "subsidies", "value": 4},
        ],
    ),
    dict(
        id="hebei-jiugao-bujiudi",
        origin="variant",
        text="对低保对象给予每人300元定额资助，对防止返贫监测对象给予每人200元定额资助。"
             "同时符合多种资助条件的，按照就高不就低的原则予以资助，不得重复享受。",
        checks=[
            {"path": "subsidy_rule", "value": "highest"},
            {"tier": "低保对象", "basis": "fixed", "subsidy": 300},
            {"tier": "防止返贫监测对象", "basis": "fixed", "subsidy": 200},
        ],
    ),
    dict(
        id="guizhou-highest-standard-wording",
        origin="variant",
        text="特困人员给予全额资助，低保对象给予定额资助。具有多重身份的困难群众按最高标准享受一项资助，不重复资助。",
        checks=[
            {"path": "subsidy_rule", "value": "highest"},
            {"tier": "特困人员", "basis": "full"},
        ],
    ),
    dict(
        id="yunnan-no-highest-rule-stated",
        origin="variant",
        text="对脱贫人口每人给予100元定额资助。",
        checks=[
            {"tier": "脱贫人口", "basis": "fixed", "subsidy": 100},
            {"path": "subsidy_rule", "value": None},
        ],
    ),
    dict(
        id="jiangxi-half-yuan-percent-tier",
        origin="variant",
        text="2022年度个人缴费标准为每人每年350元。对防止返贫监测对象按25%给予资助，资助87.5元，个人缴纳262.5元。",
        checks=[
            {"tier": "防止返贫监测对象", "basis": "percent", "percent": 25, "subsidy": 87.5, "personal": 262.5},
        ],
    ),
    dict(
        id="jiangsu-dibao-edge-fixed-both-stated",
        origin="variant",
        text="低保边缘家庭成员每人资助120元，个人缴纳280元。",
        checks=[
            {"tier": "低保边缘家庭成员", "basis": "fixed", "subsidy": 120, "personal": 280},
        ],
    ),
    dict(
        id="anhui-payer-township-full-subsidy",
        origin="variant",
        text="计划生育特殊家庭成员参加居民医保的个人缴费部分，由乡镇人民政府给予全额补贴。",
        checks=[
            {"tier": "计划生育特殊家庭成员", "basis": "full", "payer": "乡镇人民政府"},
        ],
    ),
    dict(
        id="henan-monitoring-synonym-group",
        origin="variant",
        text="监测人口给予200元定额资助，个人缴纳200元。",
        checks=[
            {"tier": "监测人口", "label": "监测人口", "group": "防止返贫监测对象", "basis": "fixed",
             "subsidy": 200, "personal": 200},
        ],
    ),
    dict(
        id="heilongjiang-tekun-gongyang-full-daijiao",
        origin="variant",
        text="2025年度个人缴费标准为每人每年400元，农村特困供养人员参保个人缴费部分由财政全额代缴，个人无需缴费。",
        checks=[
            {"tier": "特困供养人员", "basis": "full", "subsidy": 400, "personal": 0},
        ],
    ),
    dict(
        id="shaanxi-youfu-han-xiatong-fixed",
        origin="variant",
        text="重点优抚对象（含在乡老复员军人、带病回乡退伍军人，下同）每人资助300元，个人缴纳100元。",
        checks=[
            {"tier": "重点优抚对象", "label": "重点优抚对象", "basis": "fixed", "subsidy": 300, "personal": 100},
        ],
    ),
    dict(
        id="guangxi-percent-called-dinge",
        origin="variant",
        text="2025年度个人缴费标准为每人每年400元。对低保对象给予个人缴费标准90%的定额资助。",
        checks=[
            {"tier": "低保对象", "basis": "percent", "percent": 90, "subsidy": 360, "personal": 40},
        ],
    ),
    dict(
        id="hebei-full-no-payment-derived",
        origin="variant",
        text="个人缴费标准为每人每年400元。对特困人员参保给予全额资助，个人无需缴费。",
        checks=[
            {"tier": "特困人员", "basis": "full", "subsidy": 400, "personal": 0},
        ],
    ),
    dict(
        id="hebei-seventy-percent-three-groups",
        origin="variant",
        text="2023年度个人缴费标准为每人每年380元。对脱贫不稳定人口、边缘易致贫人口、突发严重困难人口给予70%定额资助。",
        checks=[
            {"tier": "脱贫不稳定人口", "basis": "percent", "percent": 70, "subsidy": 266, "personal": 114},
            {"tier": "边缘易致贫人口", "basis": "percent", "percent": 70, "subsidy": 266, "personal": 114},
            {"tier": "突发严重困难人口", "basis": "percent", "percent": 70, "subsidy": 266, "personal": 114},
            {"count": "subsidies", "value": 3},
        ],
    ),
    dict(
        id="xinjiang-orphans-fixed-and-tekun-full",
        origin="variant",
        text="对孤儿、事实无人抚养儿童每人资助400元，个人不缴费；对低保对象每人资助320元，个人缴纳80元。",
        checks=[
            {"tier": "孤儿", "subsidy": 400, "personal": 0},
            {"tier": "事实无人抚养儿童", "subsidy": 400, "personal": 0},
            {"tier": "低保对象", "basis": "fixed", "subsidy": 320, "personal": 80},
        ],
    ),
    dict(
        id="chongqing-veterans-and-disabled-fixed",
        origin="variant",
        text="重点优抚对象、重度残疾人分别给予每人每年300元、200元定额资助。",
        checks=[
            {"tier": "重点优抚对象", "basis": "fixed", "subsidy": 300},
            {"tier": "重度残疾人", "basis": "fixed", "subsidy": 200},
        ],
    ),
    dict(
        id="sichuan-tekun-gongyang-synonym",
        origin="variant",
        text="特困供养人员参保个人缴费部分由医疗救助资金全额资助。",
        checks=[
            {"tier": "特困供养人员", "group": "特困人员", "basis": "full"},
        ],
    ),
]
