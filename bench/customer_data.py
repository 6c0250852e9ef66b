"""Realistic customer data for the customer benchmark, generated from a fixed seed.

Chinese company names are built from city + brand + industry + legal-form lists, English
company names from word lists, people from surname/given-name lists; phones are written
the many ways people write them (+86, dashes, spaces, landlines with area codes). About one
contact per customer. Everything is yielded in batches so memory stays flat at any size."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

CITIES = {
    "北京": "北京", "上海": "上海", "天津": "天津", "重庆": "重庆", "广州": "广东", "深圳": "广东",
    "东莞": "广东", "佛山": "广东", "珠海": "广东", "中山": "广东", "惠州": "广东", "汕头": "广东",
    "杭州": "浙江", "宁波": "浙江", "温州": "浙江", "绍兴": "浙江", "嘉兴": "浙江", "金华": "浙江",
    "台州": "浙江", "义乌": "浙江", "南京": "江苏", "苏州": "江苏", "无锡": "江苏", "常州": "江苏",
    "南通": "江苏", "扬州": "江苏", "徐州": "江苏", "昆山": "江苏", "成都": "四川", "绵阳": "四川",
    "武汉": "湖北", "宜昌": "湖北", "长沙": "湖南", "株洲": "湖南", "郑州": "河南", "洛阳": "河南",
    "济南": "山东", "青岛": "山东", "烟台": "山东", "潍坊": "山东", "合肥": "安徽", "芜湖": "安徽",
    "福州": "福建", "厦门": "福建", "泉州": "福建", "西安": "陕西", "沈阳": "辽宁", "大连": "辽宁",
    "哈尔滨": "黑龙江", "长春": "吉林", "石家庄": "河北", "保定": "河北", "太原": "山西",
    "南昌": "江西", "南宁": "广西", "昆明": "云南", "贵阳": "贵州", "兰州": "甘肃", "海口": "海南",
}
BRAND_CHARS = ("华鑫达盛宏隆泰恒创新金源丰瑞祥正远博联通信安宇辰星光明科汇德鼎海天中嘉美凯威"
               "锦峰腾飞万合和兴润福康永佳东南北方圣亿利昌富宝晶益诚顺捷力群智优卓越恒运")
INDUSTRIES = (
    "电子科技", "机械设备", "贸易", "建筑工程", "信息技术", "网络科技", "生物医药", "化工",
    "食品", "服装", "物流", "环保科技", "新能源", "汽车配件", "家具", "五金", "包装材料",
    "塑胶制品", "精密模具", "光电", "半导体", "医疗器械", "教育咨询", "文化传媒", "广告",
    "餐饮管理", "房地产开发", "物业管理", "农业发展", "进出口", "纺织", "印刷", "智能装备",
    "软件", "通信设备", "仪器仪表", "电气", "照明", "钢铁", "建材", "实业", "投资管理",
)
CN_SUFFIXES = (("有限公司", 60), ("股份有限公司", 10), ("集团有限公司", 5), ("有限责任公司", 10),
               ("厂", 5), ("商行", 4), ("工作室", 2), ("有限公司{city}分公司", 4))
EN_WORDS1 = ("Golden", "Pacific", "Silver", "Bright", "Eastern", "Grand", "Union", "Prime",
             "Star", "Ocean", "Summit", "Global", "Dragon", "Phoenix", "Sun", "Jade", "Harmony",
             "Evergreen", "Horizon", "Pioneer", "Apex", "Vertex", "Nova", "Orient", "Lotus",
             "Crystal", "Royal", "Blue", "Red", "Green", "North", "South", "Unity", "Zenith")
EN_WORDS2 = ("Bridge", "River", "Stone", "Peak", "Wave", "Field", "Gate", "Tree", "Light",
             "Sky", "Harbor", "Crown", "Way", "Point", "Bay", "Hill", "Leaf", "Rock", "Link")
EN_INDUSTRIES = ("Electronics", "Trading", "Machinery", "Technology", "Logistics", "Chemicals",
                 "Textiles", "Foods", "Medical", "Software", "Packaging", "Materials",
                 "Industries", "Solutions", "Systems", "Engineering", "Imports", "Optics")
EN_SUFFIXES = ("Co., Ltd.", "Ltd", "Inc.", "Limited", "GmbH", "Corp.", "LLC", "Pte. Ltd.")
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
            "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
            "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳")
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
         "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "晓东",
         "丹", "萍", "鹏", "辉", "玲", "华", "红", "斌", "宇", "浩", "凯", "佳怡", "子轩", "梓涵",
         "俊杰", "欣怡", "文博", "思远", "雨婷", "晨", "琳", "博文", "国庆", "建国", "立新")
EN_FIRST = ("James", "Mary", "John", "Linda", "David", "Susan", "Michael", "Karen", "Robert",
            "Lisa", "Kevin", "Jason", "Amy", "Grace", "Peter", "Tony", "Jack", "Lucy", "Emma",
            "Oliver", "Sophia", "Daniel", "Helen", "Frank", "Vincent", "Cindy", "Eric", "Ivy")
EN_LAST = ("Smith", "Chen", "Wang", "Lee", "Brown", "Wong", "Johnson", "Taylor", "Miller",
           "Davis", "Wilson", "Zhang", "Liu", "Anderson", "Thomas", "Moore", "Martin", "Clark",
           "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker")
TITLES = ("总经理", "采购经理", "采购", "财务", "销售总监", "老板", "技术主管", "行政", "Purchasing Manager",
          "CEO", "Buyer", None, None)
SOURCES = ("展会", "网站", "转介绍", "电话营销", "老客户", "Alibaba", "地推", None)
LEVELS = (("A", 10), ("B", 25), ("C", 35), ("D", 10), (None, 20))
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                   "152", "155", "156", "157", "158", "159", "166", "170", "176", "177", "178",
                   "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "199")
AREA_CODES = ("010", "021", "022", "023", "020", "0755", "0769", "0757", "0571", "0574", "025",
              "0512", "028", "027", "0731", "0371", "0531", "0532", "0551", "0591", "0592", "029")
EMAIL_DOMAINS = ("163.com", "qq.com", "126.com", "sina.com", "gmail.com", "outlook.com")
NOTES = ("电话沟通报价，客户考虑中", "上门拜访，介绍新产品", "微信发送样品图片", "客户要求下周再联系",
         "Sent quotation by email", "会议讨论年度框架协议", "确认交期和付款方式", "客户反馈质量问题，已记录")
ACTIVITY_KINDS = ("call", "visit", "wechat", "email", "meeting")

NOW = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.timezone.utc)


def _weighted(rnd: random.Random, pairs):
    total = sum(w for _, w in pairs)
    x = rnd.uniform(0, total)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def person_name(rnd: random.Random) -> str:
    if rnd.random() < 0.85:
        s = SURNAMES[rnd.randrange(len(SURNAMES))]
        if rnd.random() < 0.01:
            s = "欧阳"
        return s + rnd.choice(GIVEN)
    return f"{rnd.choice(EN_FIRST)} {rnd.choice(EN_LAST)}"


def mobile(rnd: random.Random) -> str:
    return rnd.choice(MOBILE_PREFIXES) + f"{rnd.randrange(10**8):08d}"


def phone_text(rnd: random.Random) -> str:
    """A phone number written the way people write it."""
    if rnd.random() < 0.8:
        m = mobile(rnd)
        style = rnd.randrange(5)
        if style == 0:
            return m
        if style == 1:
            return f"{m[:3]}-{m[3:7]}-{m[7:]}"
        if style == 2:
            return f"{m[:3]} {m[3:7]} {m[7:]}"
        if style == 3:
            return f"+86 {m[:3]} {m[3:7]} {m[7:]}"
        return f"+86-{m}"
    area = rnd.choice(AREA_CODES)
    local = f"{rnd.randrange(2, 10)}{rnd.randrange(10**7):07d}"
    if len(area) == 4:
        local = local[:7] if rnd.random() < 0.3 else local
    style = rnd.randrange(3)
    if style == 0:
        return f"{area}-{local[:4]} {local[4:]}"
    if style == 1:
        return f"({area}) {local}"
    return f"{area}-{local}"


@dataclass
class GenCustomer:
    id: int
    code: str
    name: str
    kind: str
    level: str | None
    industry: str | None
    source: str | None
    region: str | None
    address: str | None
    phone: str | None
    email: str | None
    owner_id: int | None
    claimed_at: dt.datetime | None
    last_follow_up_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    contacts: list[tuple[str, str | None, str | None, bool]] = field(default_factory=list)
    # (name, title, phone, is_primary)


def customer_code(i: int) -> str:
    return f"C-{i:07d}"


def make_customer(rnd: random.Random, i: int, owner_ids: list[int]) -> GenCustomer:
    cities = list(CITIES)
    city = rnd.choice(cities)
    region = CITIES[city] if rnd.random() < 0.9 else None
    r = rnd.random()
    industry = None
    if r < 0.72:                                   # Chinese company
        kind = "company"
        brand = rnd.choice(BRAND_CHARS) + rnd.choice(BRAND_CHARS)
        if rnd.random() < 0.15:
            brand += rnd.choice(BRAND_CHARS)
        industry = rnd.choice(INDUSTRIES)
        suffix = _weighted(rnd, CN_SUFFIXES).format(city=rnd.choice(cities))
        prefix = city + ("市" if rnd.random() < 0.5 else "")
        name = f"{prefix}{brand}{industry}{suffix}" if rnd.random() < 0.85 \
            else f"{brand}{industry}({city}){suffix}"
    elif r < 0.87:                                 # English company
        kind = "company"
        industry = rnd.choice(EN_INDUSTRIES)
        name = f"{rnd.choice(EN_WORDS1)} {rnd.choice(EN_WORDS2)} {industry} {rnd.choice(EN_SUFFIXES)}"
    else:                                          # a person
        kind = "person"
        name = person_name(rnd)
    created = NOW - dt.timedelta(seconds=rnd.randrange(5 * 365 * 86400))
    updated = created + dt.timedelta(seconds=rnd.randrange(int((NOW - created).total_seconds()) + 1))
    owner = None if rnd.random() < 0.3 else rnd.choice(owner_ids)
    last = None
    if rnd.random() < 0.6:
        last = NOW - dt.timedelta(seconds=rnd.randrange(400 * 86400))
    c = GenCustomer(
        id=i, code=customer_code(i), name=name, kind=kind, level=_weighted(rnd, LEVELS),
        industry=industry, source=rnd.choice(SOURCES), region=region,
        address=f"{city}市{rnd.choice('东西南北中')}区{rnd.randrange(1, 999)}号" if rnd.random() < 0.7 else None,
        phone=phone_text(rnd) if rnd.random() < 0.9 else None,
        email=(f"{rnd.choice('abcdefghjkmnpqrstwxyz')}{rnd.randrange(10**5)}@{rnd.choice(EMAIL_DOMAINS)}"
               if rnd.random() < 0.3 else None),
        owner_id=owner, claimed_at=(updated if owner else None), last_follow_up_at=last,
        created_at=created, updated_at=updated)
    n_contacts = _weighted(rnd, ((0, 25), (1, 50), (2, 20), (3, 5)))
    for k in range(n_contacts):
        c.contacts.append((person_name(rnd), rnd.choice(TITLES),
                           mobile(rnd) if rnd.random() < 0.8 else None, k == 0))
    return c
