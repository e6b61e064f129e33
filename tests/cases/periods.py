"""Enrollment and coverage periods, late-enrollment extensions, newborn windows, waiting periods.

Origin: variants we wrote.  Range separators 至 / — / - / ~; 月底 (2024 is a leap year);
dates whose year comes from context (spec: year_inferred).
"""

CASES = [
    dict(
        id="jiangsu-enrollment-and-coverage-full-dates",
        origin="variant",
        text="2025年度城乡居民医保集中参保缴费期为2024年9月1日至2024年12月31日，"
             "待遇享受期为2025年1月1日至2025年12月31日。",
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-09-01"},
            {"path": "periods.enrollment.end", "value": "2024-12-31"},
            {"path": "periods.coverage.start", "value": "2025-01-01"},
            {"path": "periods.coverage.end", "value": "2025-12-31"},
            {"path": "scheme_year", "value": 2025},
        ],
    ),
    dict(
        id="guangdong-range-em-dash",
        origin="variant",
        text="集中征缴期：2024年10月1日—2024年12月31日。",
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-10-01"},
            {"path": "periods.enrollment.end", "value": "2024-12-31"},
        ],
    ),
    dict(
        id="henan-range-hyphen-end-without-year",
        origin="variant",
        text="2025年度居民医保集中缴费时间为2024年9月1日-12月20日。",
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-09-01"},
            {"path": "periods.enrollment.end", "value": "2024-12-20"},
        ],
    ),
    dict(
        id="sichuan-range-tilde-across-new-year",
        origin="variant",
        text="2025年度集中参保缴费期为2024年9月15日~2025年2月28日。",
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-09-15"},
            {"path": "periods.enrollment.end", "value": "2025-02-28"},
        ],
    ),
    dict(
        id="yunnan-month-end-december",
        origin="variant",
        text="集中参保缴费期自2024年9月1日起至2024年12月底止。",
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-09-01"},
            {"path": "periods.enrollment.end", "value": "2024-12-31"},
        ],
    ),
    dict(
        id="anhui-extension-february-end-leap-year",
        origin="variant",
        text="2024年度集中参保期为2023年9月1日至2023年12月31日。考虑到外出务工人员春节返乡的实际，"
             "该群体参保缴费时间可延长至2024年2月底。",
        checks=[
            {"path": "periods.enrollment.end", "value": "2023-12-31"},
            {"extension_end": "2024-02-29", "group": "外出务工人员"},
        ],
    ),
    dict(
        id="hubei-extension-february-end-common-year",
        origin="variant",
        text="因外出务工等原因未能在集中参保期内缴费的，可于2025年2月底前补缴，自缴费次日起享受待遇。",
        checks=[
            {"extension_end": "2025-02-28"},
        ],
    ),
    dict(
        id="shanxi-extension-march-31",
        origin="variant",
        text="集中参保期结束后，返乡务工人员可于2025年3月31日前办理参保缴费。",
        checks=[
            {"extension_end": "2025-03-31"},
        ],
    ),
    dict(
        id="zhejiang-newborn-90-days",
        origin="variant",
        text="新生儿在出生后90日内办理参保缴费手续的，自出生之日起享受居民医保待遇。",
        checks=[
            {"path": "newborn.window_days", "value": 90},
        ],
    ),
    dict(
        id="hebei-newborn-180-days",
        origin="variant",
        text="新生儿出生180天内由监护人办理参保登记并完成缴费的，出生之日起发生的医疗费用可按规定报销。",
        checks=[
            {"path": "newborn.window_days", "value": 180},
        ],
    ),
    dict(
        id="fujian-newborn-days-not-a-deadline",
        origin="variant",
        text="超过90日参保的新生儿，自缴费次日起享受待遇。",
        checks=[
            {"path": "periods.enrollment", "value": None},
            {"path": "periods.extensions", "value": None},
        ],
    ),
    dict(
        id="liaoning-yearless-periods-inferred",
        origin="variant",
        text="2025年度居民医保集中缴费期为9月1日至12月31日，待遇享受期为2025年1月1日至12月31日。",
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-09-01"},
            {"path": "periods.enrollment.end", "value": "2024-12-31"},
            {"path": "periods.coverage.start", "value": "2025-01-01"},
            {"path": "periods.coverage.end", "value": "2025-12-31"},
            {"evidence": "/periods/enrollment/start", "year_inferred": True},
        ],
    ),
    dict(
        id="tianjin-coverage-from-only",
        origin="variant",
        text="在集中缴费期内完成参保缴费的，自2025年1月1日起享受待遇。",
        checks=[
            {"path": "periods.coverage.start", "value": "2025-01-01"},
        ],
    ),
    dict(
        id="anhui-waiting-periods-2025",
        origin="variant",
        text="自2025年1月1日起，对未在集中参保期内参保的人员，设置参保后固定待遇等待期3个月；"
             "未连续参保的，每多断保1年，增加变动待遇等待期1个月。参保人员每多缴纳1年可减少1个月变动待遇等待期，"
             "修复后固定待遇等待期和变动待遇等待期之和原则上不少于6个月。",
        checks=[
            {"path": "waiting_periods.fixed_months", "value": 3},
            {"path": "waiting_periods.per_lapsed_year_months", "value": 1},
            {"path": "waiting_periods.repair_months_per_year", "value": 1},
            {"path": "waiting_periods.min_months_after_repair", "value": 6},
            {"path": "waiting_periods.from", "value": "2025-01-01"},
        ],
    ),
]
