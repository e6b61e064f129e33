"""Numbers that must NOT become facts: head counts, fund totals, reimbursement rates,
大病保险 thresholds and caps, benefit limits, phone numbers, previous-year figures.

Origin: variants we wrote, after township fund notices (Gansu) and benefit paragraphs that
sit next to the enrollment rules in real notices.  Money amounts and percents no fact
accounts for belong in `unexplained`.
"""

CASES = [
    dict(
        id="gansu-headcount-and-fund-total",
        origin="variant",
        text="脱贫人口和监测对象资助标准为每人120元。全乡脱贫人口和监测对象共计512人，共需资金61440元。",
        checks=[
            {"tier": "脱贫人口", "basis": "fixed", "subsidy": 120},
            {"tier": "监测对象", "basis": "fixed", "subsidy": 120},
            {"no_tier_amount": 61440},
            {"no_tier_amount": 512},
            {"unexplained_has": "61440"},
            {"count": "subsidies", "value": 2},
        ],
    ),
    dict(
        id="gansu-dibao-headcount-fund-total-78400",
        origin="variant",
        text="农村一、二类低保对象资助标准为每人200元，共计392人，共需资金78400元。",
        checks=[
            {"tier": "一类低保对象", "subsidy": 200},
            {"tier": "二类低保对象", "subsidy": 200},
            {"no_tier_amount": 78400},
            {"no_tier_amount": 392},
            {"unexplained_has": "78400"},
        ],
    ),
    dict(
        id="shandong-reimbursement-rate-not-target",
        origin="variant",
        text="参保居民在一级定点医疗机构住院的，政策范围内住院费用报销比例为85%。",
        checks=[
            {"count": "targets", "value": 0},
            {"count": "subsidies", "value": 0},
            {"path": "funding.total", "value": None},
            {"unexplained_has": "85%"},
        ],
    ),
    dict(
        id="hunan-critical-illness-threshold-wanyuan",
        origin="variant",
        text="大病保险起付线为1.5万元，起付线以上部分报销比例为60%，年度最高支付限额为40万元。",
        checks=[
            {"path": "funding.total", "value": None},
            {"path": "funding.individual", "value": None},
            {"path": "funding.government", "value": None},
            {"count": "subsidies", "value": 0},
            {"count": "targets", "value": 0},
            {"unexplained_has": "1.5万"},
        ],
    ),
    dict(
        id="guangdong-outpatient-cap-not-individual",
        origin="variant",
        text="普通门诊统筹年度最高支付限额为800元，个人缴费标准为每人每年400元。",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"path": "funding.total", "value": None},
            {"unexplained_has": "800"},
        ],
    ),
    dict(
        id="sichuan-insured-population-count",
        origin="variant",
        text="2024年全市城乡居民医保参保人数达到385.6万人，参保率为96.2%。",
        checks=[
            {"path": "funding.individual", "value": None},
            {"path": "funding.total", "value": None},
            {"count": "subsidies", "value": 0},
        ],
    ),
    dict(
        id="jiangsu-fund-total-wanyuan-not-tier",
        origin="variant",
        text="对低保对象每人资助360元。全市共安排医疗救助资助参保资金2350万元。",
        checks=[
            {"tier": "低保对象", "basis": "fixed", "subsidy": 360},
            {"no_tier_amount": 23500000},
            {"unexplained_has": "2350万"},
            {"count": "subsidies", "value": 1},
        ],
    ),
    dict(
        id="henan-age-and-rate-in-target",
        origin="variant",
        text="60周岁以上老年人参保率达到98%以上。",
        checks=[
            {"target": 98, "bound": "min"},
            {"path": "funding.individual", "value": None},
            {"count": "subsidies", "value": 0},
        ],
    ),
    dict(
        id="hubei-phone-not-money",
        origin="variant",
        text="联系人：陈静，电话：027-85678900，手机：13807150000。",
        checks=[
            {"person": "陈静", "phone": "85678900"},
            {"count": "subsidies", "value": 0},
            {"path": "funding.total", "value": None},
            {"path": "funding.individual", "value": None},
        ],
    ),
    dict(
        id="ningxia-incentive-amounts-not-funding",
        origin="variant",
        text="自2025年起，对连续参加居民医保满4年的参保人员，之后每连续参保1年，适当提高大病保险最高支付限额，"
             "每次提高不低于1000元，累计提高总额不超过大病保险原封顶线的20%。",
        checks=[
            {"path": "funding.total", "value": None},
            {"path": "funding.individual", "value": None},
            {"count": "subsidies", "value": 0},
            {"count": "targets", "value": 0},
            {"path": "incentives.0.after_years", "value": 4},
            {"path": "incentives.0.raise_min", "value": 1000},
            {"path": "incentives.0.cap_ratio", "value": 20},
        ],
    ),
    dict(
        id="gansu-doc-number-digits-not-amounts",
        origin="variant",
        text="根据《甘肃省医疗保障局关于做好2024年城乡居民基本医疗保障工作的通知》（甘医保发〔2024〕128号）要求，"
             "个人缴费标准为每人每年400元。",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"reference": "甘医保发〔2024〕128号"},
            {"count": "subsidies", "value": 0},
            {"path": "funding.total", "value": None},
        ],
    ),
]
