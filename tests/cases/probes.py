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
]
