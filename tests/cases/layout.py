"""Layout damage from Word/PDF conversion: spaces inside numbers and dates, numbers and words
broken across lines, page footers inside a sentence, ideographic spaces, half-width brackets.

Origin: variants we wrote, imitating what pdfplumber / pypdfium2 / Word-to-text leave behind
(corpus/anhui-wuhe_2024.txt and corpus/anhui-huaibei_2023.txt show the real damage).
"""

CASES = [
    dict(
        id="pdf-spaces-around-amounts",
        origin="variant",
        text="其中个人缴费标准为每人每年 400 元，各级财政补助标准为每人每年 700 元。",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
        ],
    ),
    dict(
        id="pdf-spaced-dates-in-range",
        origin="variant",
        text="集中参保缴费期为 2024 年 9 月 1 日至 2024 年 12 月 31 日。",
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-09-01"},
            {"path": "periods.enrollment.end", "value": "2024-12-31"},
        ],
    ),
    dict(
        id="pdf-day-broken-across-blank-line",
        origin="variant",
        text="集中参保期为2024 年 9 月 1 日至2024 年 12月 3\n\n1日，待遇享受期为 2025年 1月 1 日至 2025年 12月 3\n\n1日。",
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-09-01"},
            {"path": "periods.enrollment.end", "value": "2024-12-31"},
            {"path": "periods.coverage.start", "value": "2025-01-01"},
            {"path": "periods.coverage.end", "value": "2025-12-31"},
        ],
    ),
    dict(
        id="word-amount-broken-across-lines",
        origin="variant",
        text="2025年度居民医保筹资标准为每人每年11\n00元，其中个人缴费标准为每人每年400元。",
        checks=[
            {"path": "funding.total", "value": 1100},
            {"path": "funding.individual", "value": 400},
        ],
    ),
    dict(
        id="word-group-label-broken-across-lines",
        origin="variant",
        text="对低保边缘家庭成\n员给予每人200元定额资助，个人缴纳200元。",
        checks=[
            {"tier": "低保边缘家庭成员", "label": "低保边缘家庭成员", "subsidy": 200, "personal": 200},
        ],
    ),
    dict(
        id="pdf-page-footer-inside-sentence",
        origin="variant",
        text="2025年度居民医保个人缴费标准为每人每年400元，各级财政\n\n— 2 —\n\n补助标准为每人每年700元。",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
            {"no_tier_amount": 2},
        ],
    ),
    dict(
        id="pdf-amount-with-inner-space",
        origin="variant",
        text="2025年度居民医保筹资标准为每人每年1 100元。",
        checks=[
            {"path": "funding.total", "value": 1100},
        ],
    ),
    dict(
        id="html-half-width-brackets-han-xiatong",
        origin="variant",
        text="特困人员(含孤儿、事实无人抚养儿童,下同)参保个人缴费部分给予全额资助;低保对象每人资助350元,个人缴纳50元。",
        checks=[
            {"tier": "特困人员", "label": "特困人员", "basis": "full"},
            {"tier": "低保对象", "basis": "fixed", "subsidy": 350, "personal": 50},
        ],
    ),
    dict(
        id="pdfium-crlf-and-spaces",
        origin="variant",
        text="2025 年度个人缴费标准为每人每年 400 元。\r\n对低保对象给予 360 元定额资助，个人缴纳 40 元。\r\n",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"tier": "低保对象", "basis": "fixed", "subsidy": 360, "personal": 40},
        ],
    ),
    dict(
        id="word-percent-broken-after-digits",
        origin="variant",
        text="个人缴费标准为每人每年400元。对返贫致贫人口给予8\n0%定额资助。",
        checks=[
            {"tier": "返贫致贫人口", "basis": "percent", "percent": 80, "subsidy": 320, "personal": 80},
        ],
    ),
]
