"""Variants written while probing generality: wordings the seeds do not use (read by hand)."""

CASES = [
    dict(
        id="hubei-percent-of-standard-after-comma",
        origin="variant",
        text=("2025年度城乡居民医保个人缴费标准为每人每年400元。\n"
              "对特困人员参保给予全额资助；对低保对象、返贫致贫人口，按照个人缴费标准的70%给予资助；"
              "对防止返贫监测对象，按照个人缴费标准的50%给予资助。\n"
              "重度残疾人参保所需个人缴费由残联全额代缴。\n"
              "城乡低保边缘家庭中的重病患者个人缴费部分给予每人一百五十元补助。\n"
              "集中征收期为2024年10月8日至2024年12月20日，2025年1月1日起享受待遇。"),
        checks=[
            {"path": "funding.individual", "value": 400},
            {"tier": "特困人员", "basis": "full", "subsidy": 400, "personal": 0},
            {"tier": "低保对象", "basis": "percent", "percent": 70, "subsidy": 280, "personal": 120},
            {"tier": "返贫致贫人口", "basis": "percent", "percent": 70, "subsidy": 280, "personal": 120},
            {"tier": "防止返贫监测对象", "basis": "percent", "percent": 50, "subsidy": 200, "personal": 200},
            {"tier": "重度残疾人", "basis": "full", "payer": "残联"},
            {"tier": "城乡低保边缘家庭中的重病患者", "group": "低保边缘家庭成员", "basis": "fixed", "subsidy": 150, "personal": 250},
            {"evidence": "/subsidies/5/personal", "derived": True},
            {"path": "periods.enrollment.start", "value": "2024-10-08"},
            {"path": "periods.enrollment.end", "value": "2024-12-20"},
            {"path": "periods.coverage.start", "value": "2025-01-01"},
        ],
    ),
    dict(
        id="henan-group-in-heading-aid-in-body",
        origin="variant",
        text=("三、困难群众参保资助\n"
              "（一）特困人员。个人缴费部分由医疗救助资金给予全额资助。\n"
              "（二）低保对象。按照每人每年300元的标准给予定额资助，其余部分由个人缴纳。\n"
              "（三）防止返贫监测对象。给予个人缴费标准50%的资助。\n"
              "各类资助对象身份重叠的，按照“就高不就低”原则给予资助，不得重复资助。\n"
              "2025年度居民个人缴费标准为每人每年400元。"),
        checks=[
            {"tier": "特困人员", "basis": "full", "subsidy": 400, "personal": 0, "payer": "医疗救助资金"},
            {"tier": "低保对象", "basis": "fixed", "subsidy": 300, "personal": 100},
            {"tier": "防止返贫监测对象", "basis": "percent", "percent": 50, "subsidy": 200, "personal": 200},
            {"count": "subsidies", "value": 3},
            {"path": "subsidy_rule", "value": "highest"},
        ],
    ),
    dict(
        id="jiangxi-colon-heading-before-tiers",
        origin="variant",
        text="资助标准：低保对象每人资助300元；特困人员全额资助。个人缴费标准为每人每年400元。",
        checks=[
            {"tier": "低保对象", "basis": "fixed", "subsidy": 300, "personal": 100},
            {"tier": "特困人员", "basis": "full", "subsidy": 400, "personal": 0},
        ],
    ),
    dict(
        id="fujian-fund-total-in-yi-yuan-is-unexplained",
        origin="variant",
        text="全市共需筹集居民医保基金12.5亿元，个人缴费标准为每人每年400元。",
        checks=[
            {"path": "funding.individual", "value": 400},
            {"path": "funding.total", "value": None},
            {"unexplained_has": "12.5亿元"},
        ],
    ),
    dict(
        id="guizhou-tier-wordings",
        origin="variant",
        text=("2025年度居民个人缴费标准为每人每年400元。"
              "对纳入监测范围的农村低收入人口，按照个人缴费标准的50%给予定额资助，即每人每年200元。"
              "城乡低保对象个人缴费标准的70%由医疗救助资金资助，剩余30%由个人承担。"
              "特困供养人员、孤儿由县级财政全额代缴个人缴费部分。"
              "对重度残疾人给予每人每年定额资助260元。"),
        checks=[
            {"tier": "纳入监测范围的农村低收入人口", "group": "防止返贫监测对象", "basis": "percent", "percent": 50,
             "subsidy": 200, "personal": 200},
            {"evidence": "/subsidies/0/subsidy", "derived": None},
            {"tier": "城乡低保对象", "group": "低保对象", "basis": "percent", "percent": 70, "subsidy": 280, "personal": 120},
            {"tier": "特困供养人员", "basis": "full", "subsidy": 400, "personal": 0, "payer": "县级财政"},
            {"tier": "孤儿", "basis": "full", "payer": "县级财政"},
            {"tier": "重度残疾人", "basis": "fixed", "subsidy": 260, "personal": 140},
            {"count": "unexplained", "value": 0},
        ],
    ),
    dict(
        id="funding-standard-raised-with-you",
        origin="variant",
        text="2025年度居民医保个人缴费标准由380元调整为400元。",
        checks=[{"path": "funding.individual", "value": 400}, {"unexplained_has": "380元"}],
    ),
    dict(
        id="funding-population-does-not-carry-into-next-standard",
        origin="variant",
        text="城乡居民医保个人缴费：成年人每人400元，学生儿童每人350元；财政补助每人700元。",
        checks=[{"class": "成年人", "individual": 400}, {"class": "学生儿童", "individual": 350, "government": None},
                {"path": "funding.government", "value": 700}],
    ),
    dict(
        id="funding-grades-with-per-unit",
        origin="variant",
        text="个人缴费标准按照一档400元/人·年、二档700元/人·年执行。",
        checks=[{"class": "一档", "individual": 400}, {"class": "二档", "individual": 700}],
    ),
    dict(
        id="funding-split-in-brackets-after-total",
        origin="variant",
        text="居民医保人均筹资标准达到1090元（个人缴费380元，财政补助710元）。",
        checks=[{"path": "funding.total", "value": 1090}, {"path": "funding.individual", "value": 380},
                {"path": "funding.government", "value": 710}],
    ),
    dict(
        id="shandong-periods-named-by-their-headings",
        origin="variant",
        text=("一、集中缴费期\n2024年9月1日至2025年2月28日。\n"
              "二、待遇享受\n在集中缴费期内缴费的，2025年1月1日至12月31日享受待遇。"),
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-09-01"},
            {"path": "periods.enrollment.end", "value": "2025-02-28"},
            {"path": "periods.coverage.start", "value": "2025-01-01"},
            {"path": "periods.coverage.end", "value": "2025-12-31"},
        ],
    ),
    dict(
        id="gansu-standards-table-and-labelled-extension",
        origin="variant",
        text=("2025年度城乡居民医保筹资标准如下：\n\t参保人员类别\n\t筹资标准（元/人·年）\n\t财政补助（元/人·年）\n"
              "\t个人缴费（元/人·年）\n\n\t学生儿童\n\t1050\n\t700\n\t350\n\n\t老年居民\n\t1100\n\t700\n\t400\n\n"
              "\t其他居民\n\t1100\n\t700\n\t400\n"
              "2025年度集中缴费期为2024年9月1日至2024年12月31日。\n"
              "延长缴费期：农村外出务工人员等群体可延长至2025年2月底。"),
        checks=[
            {"class": "学生儿童", "total": 1050, "government": 700, "individual": 350},
            {"class": "老年居民", "total": 1100, "individual": 400},
            {"path": "funding.total", "value": 1100}, {"path": "funding.individual", "value": 400},
            {"path": "funding.government", "value": 700},
            {"extension_end": "2025-02-28", "group": "农村外出务工人员"},
        ],
    ),
    dict(
        id="zhejiang-news-work-starts-and-ends",
        origin="variant",
        text=("宁波市启动2025年度城乡居民医保参保缴费\n"
              "记者从市医保局获悉，2025年度我市城乡居民基本医疗保险集中参保缴费工作于9月1日启动，12月31日结束。"
              "今年个人缴费标准为每人每年440元。"),
        checks=[
            {"path": "periods.enrollment.start", "value": "2024-09-01"},
            {"path": "periods.enrollment.end", "value": "2024-12-31"},
            {"evidence": "/periods/enrollment/start", "year_inferred": True},
            {"path": "funding.individual", "value": 440},
            {"path": "region.name", "value": "宁波市"},
            {"path": "scheme_year", "value": 2025},
        ],
    ),
    dict(
        id="hebei-dated-phase-headings-and-target-deadline",
        origin="variant",
        text=("工作目标：到2024年12月31日，全县基本医疗保险参保率达到96%以上，其中城乡居民医保参保率稳定在95%以上。\n"
              "工作步骤：\n"
              "（一）动员部署（2024年9月1日—9月10日）：召开动员会议。\n"
              "（二）集中征缴（2024年9月11日—12月25日）：全面开展征缴。\n"
              "（三）总结验收（12月26日—12月31日）：开展考核验收。"),
        checks=[
            {"target": 96, "by": "2024-12-31"}, {"target": 95, "by": "2024-12-31"},
            {"phase": "动员部署", "start": "2024-09-01", "end": "2024-09-10"},
            {"phase": "集中征缴", "start": "2024-09-11", "end": "2024-12-25"},
            {"phase": "总结验收", "start": "2024-12-26", "end": "2024-12-31"},
            {"count": "unexplained", "value": 0},
        ],
    ),
    dict(
        id="shaanxi-share-of-standard-and-list-after-colon",
        origin="variant",
        text=("2025年度居民个人缴费标准为每人每年400元。低保对象资助标准为个人缴费标准的90%。"
              "农村低收入人口（低保对象、特困人员、防止返贫监测对象）参保个人缴费给予分类资助："
              "特困人员全额资助，低收入家庭重病患者资助300元，监测对象资助200元。"),
        checks=[
            {"tier": "低保对象", "basis": "percent", "percent": 90, "subsidy": 360, "personal": 40},
            {"tier": "特困人员", "basis": "full", "subsidy": 400, "personal": 0},
            {"tier": "监测对象", "group": "防止返贫监测对象", "basis": "fixed", "subsidy": 200, "personal": 200},
            {"count": "unexplained", "value": 0},
        ],
    ),
    # ---- known gaps: strict, so that a fix is noticed
    dict(
        id="ratio-split",
        origin="variant",
        text="财政补助标准为每人每年700元，由中央、省、市、县按8:1:0.5:0.5的比例分担。",
        checks=[
            {"path": "funding.government", "value": 700},
            {"path": "funding.government_split.central", "value": 560},
            {"path": "funding.government_split.county", "value": 35},
        ],
    ),
    dict(
        id="full-subsidy-of-a-named-grade",
        origin="variant",
        text="个人缴费标准为一档每人每年400元、二档每人每年775元。特困人员按一档个人缴费标准给予全额资助。",
        checks=[{"tier": "特困人员", "basis": "full", "subsidy": 400, "personal": 0},
                {"evidence": "/subsidies/0/subsidy", "derived": True}],
    ),
    dict(
        id="split-table-by-level-rows",
        origin="variant",
        text="财政补助标准为每人每年700元，分担比例如下：\n\t级次\n\t承担比例\n\n\t中央\n\t80%\n\n\t省级\n\t10%\n",
        checks=[
            {"path": "funding.government_split.central", "value": 560},
            {"path": "funding.government_split.provincial", "value": 70},
        ],
    ),
    dict(
        id="contact-person-after-org-with-space",
        origin="variant",
        text="联系人：县医保局 王明，电话：0316-5212345。",
        checks=[{"person": "王明", "org": "县医保局", "phone": "0316-5212345"}],
    ),
    dict(
        id="contact-org-before-label",
        origin="variant",
        text="县医保局联系人：王明，联系电话：5212345。",
        checks=[{"person": "王明", "org": "县医保局", "phone": "5212345"}],
    ),
]
