"""Tables of standards, subsidy tiers and phones, in the two shapes a text notice carries them:
flattened one cell per line with a TAB indent and a blank line between rows (as Word-to-text
leaves them, like the phone table of corpus/anhui-hefei-yaohai_2024.txt), and one row per line
with TAB-separated cells (the form nrc's loaders give docx/pdf/html tables).

Origin: variants we wrote.
"""


def flat(rows):
    """Rows of cells -> flattened text: every cell on its own TAB-indented line, rows apart."""
    return "\n\n".join("\n".join("\t" + c for c in row) for row in rows)


def tabbed(rows):
    """Rows of cells -> one line per row, cells joined by TAB, the line starting with TAB."""
    return "\n".join("\t" + "\t".join(row) for row in rows)


CASES = [
    dict(
        id="yunnan-flat-standard-table-three-populations",
        origin="variant",
        text="2025年度居民医保筹资标准如下（单位：元/人·年）：\n"
             + flat([["参保人员类别", "筹资标准", "财政补助", "个人缴费"],
                     ["学生儿童", "1050", "700", "350"],
                     ["老年居民", "1100", "700", "400"],
                     ["其他居民", "1100", "700", "400"]]),
        checks=[
            {"class": "学生儿童", "total": 1050, "government": 700, "individual": 350},
            {"class": "老年居民", "total": 1100, "government": 700, "individual": 400},
            {"path": "funding.total", "value": 1100},
            {"path": "funding.government", "value": 700},
            {"path": "funding.individual", "value": 400},
        ],
    ),
    dict(
        id="sichuan-tabbed-standard-table-college",
        origin="variant",
        text="城乡居民医保2025年度缴费标准表\n"
             + tabbed([["类别", "个人缴费（元）", "财政补助（元）", "合计（元）"],
                       ["中小学生及学龄前儿童", "350", "700", "1050"],
                       ["大学生", "350", "700", "1050"],
                       ["其他参保人员", "400", "700", "1100"]]),
        checks=[
            {"class": "中小学生", "individual": 350, "government": 700, "total": 1050},
            {"class": "大学生", "individual": 350, "government": 700, "total": 1050},
            {"path": "funding.individual", "value": 400},
            {"path": "funding.total", "value": 1100},
        ],
    ),
    dict(
        id="henan-flat-table-no-general-row",
        origin="variant",
        text="2024年度筹资标准（元/人）\n"
             + flat([["人群", "个人缴费", "财政补助"],
                     ["学生", "380", "670"],
                     ["老年居民", "400", "670"]]),
        checks=[
            {"class": "学生", "individual": 380, "government": 670},
            {"class": "老年居民", "individual": 400, "government": 670},
            {"path": "funding.individual", "value": None},
        ],
    ),
    dict(
        id="guangdong-tabbed-subsidy-table",
        origin="variant",
        text="2025年度困难群众参保资助标准（元/人）\n"
             + tabbed([["资助对象", "资助方式", "资助金额", "个人缴费"],
                       ["特困人员", "全额资助", "400", "0"],
                       ["低保对象", "定额资助", "360", "40"],
                       ["防止返贫监测对象", "定额资助", "200", "200"]]),
        checks=[
            {"tier": "特困人员", "basis": "full", "subsidy": 400, "personal": 0},
            {"tier": "低保对象", "basis": "fixed", "subsidy": 360, "personal": 40},
            {"tier": "防止返贫监测对象", "basis": "fixed", "subsidy": 200, "personal": 200},
            {"count": "subsidies", "value": 3},
        ],
    ),
    dict(
        id="xinjiang-flat-subsidy-table-percent-column",
        origin="variant",
        text="个人缴费标准为每人每年400元，资助标准见下表：\n"
             + flat([["资助对象", "资助比例"],
                     ["低保对象", "90%"],
                     ["返贫致贫人口", "80%"]]),
        checks=[
            {"tier": "低保对象", "basis": "percent", "percent": 90, "subsidy": 360, "personal": 40},
            {"tier": "返贫致贫人口", "basis": "percent", "percent": 80, "subsidy": 320, "personal": 80},
        ],
    ),
    dict(
        id="yunnan-flat-district-phone-table",
        origin="variant",
        text="各县（市）区联系电话：\n"
             + flat([["县（市）区", "医保部门", "税务部门"],
                     ["五华区", "65123456", "65234567"],
                     ["盘龙区", "65345678", "65456789"]]),
        checks=[
            {"phone": "65123456", "org": "五华区"},
            {"phone": "65234567", "org": "五华区"},
            {"phone": "65234567", "org": "税务"},
            {"phone": "65456789", "org": "盘龙区"},
            {"count": "contacts", "value": 4},
            {"count": "subsidies", "value": 0},
            {"path": "funding.total", "value": None},
        ],
    ),
    dict(
        id="ningxia-tabbed-phone-table-area-code",
        origin="variant",
        text="参保咨询电话\n"
             + tabbed([["县区", "医保局", "税务局"],
                       ["兴庆区", "0951-6012345", "0951-6054321"],
                       ["金凤区", "0951-5012345", "0951-5054321"]]),
        checks=[
            {"phone": "6012345", "org": "兴庆区"},
            {"phone": "5054321", "org": "金凤区"},
            {"count": "contacts", "value": 4},
        ],
    ),
    dict(
        id="heilongjiang-flat-table-half-yuan-split",
        origin="variant",
        text="2024年度财政补助分担情况（元/人）\n"
             + flat([["财政补助合计", "中央", "省级", "市级", "县级"],
                     ["670", "469", "134", "33.5", "33.5"]]),
        checks=[
            {"path": "funding.government", "value": 670},
            {"path": "funding.government_split.central", "value": 469},
            {"path": "funding.government_split.provincial", "value": 134},
            {"path": "funding.government_split.prefecture", "value": 33.5},
            {"path": "funding.government_split.county", "value": 33.5},
        ],
    ),
]
