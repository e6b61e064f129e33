"""Work schedule phases (时间安排, 实施步骤), enrollment-rate targets.

Origin: variants we wrote.  Phase dates without a year take it from the plan (a 2025年度 plan
collects in 2024); 上旬 = days 1-10, 中旬 = 11-20, 下旬 = 21 to month end.
"""

CASES = [
    dict(
        id="jiangsu-yearless-phases-2025-plan",
        origin="variant",
        text="为做好2025年度城乡居民医保参保缴费工作，集中缴费期为2024年9月1日至12月25日。\n"
             "（一）准备阶段（8月31日前）。制定工作方案，开展业务培训。\n"
             "（二）集中缴费阶段（9月1日至12月25日）。全面开展参保登记和缴费工作。\n"
             "（三）扫尾阶段（12月26日至12月31日）。对未参保人员逐户核查。",
        checks=[
            {"phase": "准备阶段", "end": "2024-08-31"},
            {"phase": "集中缴费阶段", "start": "2024-09-01", "end": "2024-12-25"},
            {"phase": "扫尾阶段", "start": "2024-12-26", "end": "2024-12-31"},
            {"count": "schedule", "value": 3},
        ],
    ),
    dict(
        id="shandong-xun-phases",
        origin="variant",
        text="2024年居民医保参保工作分三个阶段进行：\n"
             "（一）宣传发动阶段（2024年8月下旬）。\n"
             "（二）集中征缴阶段（2024年9月上旬至12月中旬）。\n"
             "（三）总结阶段（2024年12月下旬）。",
        checks=[
            {"phase": "宣传发动阶段", "start": "2024-08-21", "end": "2024-08-31"},
            {"phase": "集中征缴阶段", "start": "2024-09-01", "end": "2024-12-20"},
            {"phase": "总结阶段", "start": "2024-12-21", "end": "2024-12-31"},
        ],
    ),
    dict(
        id="hunan-deadline-mid-october",
        origin="variant",
        text="2024年10月中旬前，各乡镇完成资助参保对象身份标识工作。",
        checks=[
            {"phase": "资助参保对象身份标识", "end": "2024-10-20"},
        ],
    ),
    dict(
        id="guangxi-phase-em-dash-range",
        origin="variant",
        text="2025年度居民医保参保工作安排如下：\n（一）动员部署阶段（2024年8月15日—8月31日）。\n"
             "（二）集中参保阶段（2024年9月1日—12月31日）。",
        checks=[
            {"phase": "动员部署阶段", "start": "2024-08-15", "end": "2024-08-31"},
            {"phase": "集中参保阶段", "start": "2024-09-01", "end": "2024-12-31"},
        ],
    ),
    dict(
        id="hebei-target-rate-min",
        origin="variant",
        text="全县居民医保参保率稳定在95%以上，脱贫人口、低保对象、特困人员参保率达到100%。",
        checks=[
            {"target": 95, "bound": "min"},
            {"target": 100},
            {"count": "targets", "value": 2},
        ],
    ),
    dict(
        id="zhejiang-target-by-year-end",
        origin="variant",
        text="力争到2025年底，全市户籍人口基本医保参保率达到98%以上。",
        checks=[
            {"target": 98, "bound": "min", "by": "2025-12-31"},
        ],
    ),
    dict(
        id="heilongjiang-target-bu-di-yu",
        origin="variant",
        text="各县（市）区参保率不低于上年度水平，且不低于96%。",
        checks=[
            {"target": 96, "bound": "min"},
        ],
    ),
]
