"""Contacts: persons, offices and phone numbers (with or without area codes, spaced names).

Origin: variants we wrote.
"""

CASES = [
    dict(
        id="yunnan-contact-person-with-area-code",
        origin="variant",
        text="联系人：周明远，联系电话：0871-63125678。",
        checks=[
            {"phone": "0871-63125678", "person": "周明远"},
            {"path": "funding.total", "value": None},
        ],
    ),
    dict(
        id="xinjiang-office-person-phone-line",
        origin="variant",
        text="市医保局待遇保障科：刘  芳  0990-6234567",
        checks=[
            {"phone": "6234567", "person": "刘芳", "org": "待遇保障科"},
        ],
    ),
    dict(
        id="guizhou-two-phones-one-office",
        origin="variant",
        text="咨询电话：县医保中心0851-86812345，县税务局0851-86854321。",
        checks=[
            {"phone": "86812345", "org": "医保中心"},
            {"phone": "86854321", "org": "税务局"},
        ],
    ),
    dict(
        id="henan-hotline-12393",
        origin="variant",
        text="参保群众如有疑问，可拨打医保服务热线12393咨询。",
        checks=[
            {"phone": "12393"},
            {"path": "funding.total", "value": None},
            {"count": "subsidies", "value": 0},
        ],
    ),
    dict(
        id="jiangsu-contact-names-with-ideographic-space",
        origin="variant",
        text="联系人：何\u3000平，联系电话：025-83456789；王\u3000磊，联系电话：025-83456790。",
        checks=[
            {"person": "何平", "phone": "83456789"},
            {"person": "王磊", "phone": "83456790"},
        ],
    ),
]
