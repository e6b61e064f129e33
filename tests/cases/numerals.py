"""Chinese numerals and other number spellings: 三百八十元, 百分之九十, 二〇二四年九月一日,
九十日, full-width digits, thousands separators, 万元 figures.

Origin: variants we wrote; older county notices and news reports spell numbers out.
"""

CASES = [
    dict(
        id="hainan-individual-chinese-numeral",
        origin="variant",
        text="2023年度城乡居民医保个人缴费标准为每人每年三百八十元。",
        checks=[
            {"path": "funding.individual", "value": 380},
        ],
    ),
    dict(
        id="qinghai-total-yi-qian-yi-bai",
        origin="variant",
        text="2025年度居民医保筹资标准为每人每年一千一百元，其中个人缴费四百元，财政补助七百元。",
        checks=[
            {"path": "funding.total", "value": 1100},
            {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
        ],
    ),
    dict(
        id="guizhou-percent-chinese-numeral-tier",
        origin="variant",
        text="个人缴费标准为每人每年四百元。对低保对象按个人缴费标准的百分之九十给予资助。",
        checks=[
            {"tier": "低保对象", "basis": "percent", "percent": 90, "subsidy": 360, "personal": 40},
        ],
    ),
    dict(
        id="jilin-dates-chinese-numerals",
        origin="variant",
        text="集中参保缴费期为二〇二四年九月一日至二〇二四年十二月三十一日。",
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-09-01"},
            {"path": "periods.enrollment.end", "value": "2024-12-31"},
        ],
    ),
    dict(
        id="inner-mongolia-coverage-chinese-numerals",
        origin="variant",
        text="待遇享受期为二〇二五年一月一日至二〇二五年十二月三十一日。",
        checks=[
            {"path": "periods.coverage.start", "value": "2025-01-01"},
            {"path": "periods.coverage.end", "value": "2025-12-31"},
        ],
    ),
    dict(
        id="shanxi-newborn-jiushi-ri",
        origin="variant",
        text="新生儿自出生之日起九十日内参保缴费的，自出生之日起享受待遇。",
        checks=[
            {"path": "newborn.window_days", "value": 90},
        ],
    ),
    dict(
        id="hebei-newborn-yibaibashi-tian",
        origin="variant",
        text="新生儿出生后一百八十天内参保的，自出生之日起享受居民医保待遇。",
        checks=[
            {"path": "newborn.window_days", "value": 180},
        ],
    ),
    dict(
        id="jiangxi-target-percent-chinese",
        origin="variant",
        text="全市基本医疗保险参保率稳定在百分之九十五以上。",
        checks=[
            {"target": 95, "bound": "min"},
        ],
    ),
    dict(
        id="fujian-full-width-digits",
        origin="variant",
        text="个人缴费标准为每人每年４００元，财政补助标准为每人每年７００元。",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
        ],
    ),
    dict(
        id="guangdong-thousands-separator",
        origin="variant",
        text="2025年度居民医保筹资标准为每人每年1,100元，其中个人缴费400元。",
        checks=[
            {"path": "funding.total", "value": 1100},
            {"path": "funding.individual", "value": 400},
        ],
    ),
    dict(
        id="liaoning-er-bai-both-sides",
        origin="variant",
        text="个人缴费标准为每人每年四百元，防止返贫监测对象资助二百元，个人缴纳二百元。",
        checks=[
            {"tier": "防止返贫监测对象", "basis": "fixed", "subsidy": 200, "personal": 200},
        ],
    ),
    dict(
        id="heilongjiang-chinese-dates-february-end",
        origin="variant",
        text="外出务工人员可在二〇二五年二月底前补办参保缴费手续。",
        checks=[
            {"extension_end": "2025-02-28"},
        ],
    ),
    dict(
        id="jiangsu-wanyuan-per-person-cap-not-funding",
        origin="variant",
        text="居民医保个人缴费标准为每人每年400元；困难群众医疗救助年度限额为2万元。",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"no_tier_amount": 20000},
            {"unexplained_has": "2万"},
        ],
    ),
    dict(
        id="ningxia-percent-fullwidth-sign",
        origin="variant",
        text="个人缴费标准为每人每年400元。对低保对象资助８０％。",
        checks=[
            {"tier": "低保对象", "basis": "percent", "percent": 80, "subsidy": 320, "personal": 80},
        ],
    ),
]
