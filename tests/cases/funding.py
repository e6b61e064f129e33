"""Funding standards: total / individual / government, splits between levels, bounds, classes.

Origin: variants we wrote, in the wording of 2022-2025 notices from several provinces.
"""

CASES = [
    dict(
        id="henan-xinxiang-total-individual-government",
        origin="variant",
        text="2025年度新乡市城乡居民基本医疗保险筹资标准为每人每年1100元，其中个人缴费每人每年400元，"
             "各级财政补助每人每年700元。",
        checks=[
            {"path": "funding.total", "value": 1100},
            {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
            {"path": "scheme_year", "value": 2025},
        ],
    ),
    dict(
        id="heilongjiang-total-derived-from-parts",
        origin="variant",
        text="2025年度居民医保个人缴费标准为每人每年400元，财政补助标准为每人每年700元。",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
            {"path": "funding.total", "value": 1100},
            {"evidence": "/funding/total", "derived": True},
        ],
    ),
    dict(
        id="sichuan-government-derived-from-total",
        origin="variant",
        text="我市2025年度城乡居民医保筹资标准为每人每年1100元，其中个人缴纳400元，其余部分由各级财政补助。",
        checks=[
            {"path": "funding.total", "value": 1100},
            {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
            {"evidence": "/funding/government", "derived": True},
        ],
    ),
    dict(
        id="jiangsu-split-four-levels-yuan",
        origin="variant",
        text="各级财政补助标准为每人每年700元，其中中央财政补助420元，省级财政补助140元，"
             "市级财政补助70元，县级财政补助70元。",
        checks=[
            {"path": "funding.government", "value": 700},
            {"path": "funding.government_split.central", "value": 420},
            {"path": "funding.government_split.provincial", "value": 140},
            {"path": "funding.government_split.prefecture", "value": 70},
            {"path": "funding.government_split.county", "value": 70},
        ],
    ),
    dict(
        id="henan-split-fenbie-yuan",
        origin="variant",
        text="城乡居民医保人均财政补助标准为700元，由中央、省、市、县（区）分别负担476元、112元、56元、56元。",
        checks=[
            {"path": "funding.government", "value": 700},
            {"path": "funding.government_split.central", "value": 476},
            {"path": "funding.government_split.provincial", "value": 112},
            {"path": "funding.government_split.prefecture", "value": 56},
            {"path": "funding.government_split.county", "value": 56},
        ],
    ),
    dict(
        id="anhui-split-central-provincial-county-half-yuan",
        origin="variant",
        text="2024年度各级财政补助标准为每人670元，由中央、省、县分别补助469元、167.5元、33.5元。",
        checks=[
            {"path": "funding.government", "value": 670},
            {"path": "funding.government_split.central", "value": 469},
            {"path": "funding.government_split.provincial", "value": 167.5},
            {"path": "funding.government_split.county", "value": 33.5},
            {"path": "funding.government_split.prefecture", "value": None},
        ],
    ),
    dict(
        id="gansu-split-percentages-derived",
        origin="variant",
        text="人均财政补助标准为每人每年670元，其中中央财政补助80%，省级财政补助10%，市、县两级财政各补助5%。",
        checks=[
            {"path": "funding.government", "value": 670},
            {"path": "funding.government_split.central", "value": 536},
            {"path": "funding.government_split.provincial", "value": 67},
            {"path": "funding.government_split.prefecture", "value": 33.5},
            {"path": "funding.government_split.county", "value": 33.5},
            {"evidence": "/funding/government_split/central", "derived": True},
        ],
    ),
    dict(
        id="ningxia-split-percentages-central-autonomous-region",
        origin="variant",
        text="居民医保财政补助标准为每人每年700元。中央财政按60%的比例补助，自治区财政按30%的比例补助，"
             "市县财政负担10%。",
        checks=[
            {"path": "funding.government", "value": 700},
            {"path": "funding.government_split.central", "value": 420},
            {"path": "funding.government_split.provincial", "value": 210},
            {"evidence": "/funding/government_split/provincial", "derived": True},
        ],
    ),
    dict(
        id="sichuan-government-bound-min",
        origin="variant",
        text="2025年度城乡居民医保个人缴费标准为每人每年400元，人均财政补助标准不低于每人每年700元。",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
            {"path": "funding.bounds.government", "value": "min"},
            {"path": "funding.bounds.individual", "value": None},
        ],
    ),
    dict(
        id="yunnan-government-bound-yishang",
        origin="variant",
        text="居民医保人均财政补助标准达到670元以上，个人缴费标准为每人每年400元。",
        checks=[
            {"path": "funding.government", "value": 670},
            {"path": "funding.bounds.government", "value": "min"},
            {"path": "funding.individual", "value": 400},
        ],
    ),
    dict(
        id="guangdong-student-and-general-sentence-classes",
        origin="variant",
        text="2025年度我市城乡居民医保个人缴费标准为：学生、儿童每人每年350元，其他城乡居民每人每年400元。"
             "各级财政补助标准统一为每人每年700元。",
        checks=[
            {"class": "学生", "individual": 350},
            {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
        ],
    ),
    dict(
        id="shaanxi-college-students-class",
        origin="variant",
        text="在校大学生参加居民医保的个人缴费标准为每人每年350元，其他参保居民个人缴费标准为每人每年400元。",
        checks=[
            {"class": "大学生", "individual": 350},
            {"path": "funding.individual", "value": 400},
        ],
    ),
    dict(
        id="shandong-two-adult-grades",
        origin="variant",
        text="成年居民个人缴费实行两档标准，一档每人每年400元，二档每人每年600元；少年儿童每人每年380元。",
        checks=[
            {"individual_any": 400},
            {"individual_any": 600},
            {"class": "少年儿童", "individual": 380},
        ],
    ),
    dict(
        id="hubei-previous-year-figure-is-not-current",
        origin="variant",
        text="2025年度个人缴费标准由上年度的每人每年380元提高到每人每年400元，财政补助标准提高到每人每年700元。",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
            {"path": "scheme_year", "value": 2025},
        ],
    ),
    dict(
        id="jilin-increase-amount-is-not-standard",
        origin="variant",
        text="居民医保人均财政补助标准较上年提高30元，达到每人每年700元；个人缴费标准保持每人每年400元不变。",
        checks=[
            {"path": "funding.government", "value": 700},
            {"path": "funding.individual", "value": 400},
        ],
    ),
]
