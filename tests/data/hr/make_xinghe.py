"""Writes xinghe-hr.csv: 星河科技's people export as Excel on Chinese Windows saves it (GB18030).

A 1,400-person company shaped like issue 18's client: Chinese headers, managers given by id
for most rows and by name for some (HR systems export whichever the manager field holds),
dotted-line managers (some to people outside customer success), an open position, empty
levels for executives, and a name with a character outside GBK (䶮), so the file needs GB18030.
The customer-success department (X0100 王芳, 客户成功部) reports to X0001 周明, 销售副总裁.

Run it from the repository root to regenerate the fixture; the output is deterministic:
    python tests/data/hr/make_xinghe.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HEADER = ["工号", "姓名", "部门", "职位", "职级", "直属上级", "虚线上级", "区域", "邮箱", "入职日期", "手机"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英",
         "建华", "文", "华", "红", "建国", "志强", "海燕", "晓东", "雪", "琳", "宇航", "思远", "子涵", "欣怡", "浩然", "梓萱", "俊杰", "雨桐"]
REGIONS = ["华东", "华南", "华北", "西南"]
#: Managers some rows give by name: each name is one person's.
BY_NAME = {"陈启航", "周明", "李强", "孙悦", "吴昊", "郑思远"}


class People:
    def __init__(self) -> None:
        self.rows: list[dict[str, str]] = []
        self.n = 0
        self.ids: dict[str, int] = {}

    def name(self) -> str:
        """Deterministic, realistic names: some repeat across a company this size (never the
        names the file uses to point at a manager: those must name one person)."""
        while True:
            self.n += 1
            i = self.n * 7919
            name = SURNAMES[(i // 7) % len(SURNAMES)] + GIVEN[i % len(GIVEN)]
            if name not in BY_NAME:
                return name

    def next_id(self, prefix: str) -> str:
        self.ids[prefix] = self.ids.get(prefix, 0) + 1
        return f"{prefix}{1000 + self.ids[prefix]}"

    def add(self, pid: str, name: str | None, dept: str, title: str, level: str, manager: str, *, dotted: str = "", region: str = "") -> str:
        name = self.name() if name is None else name
        self.rows.append({"工号": pid, "姓名": name, "部门": dept, "职位": title, "职级": level, "直属上级": manager, "虚线上级": dotted,
                          "区域": region, "邮箱": f"{pid.lower()}@xinghe.example.cn" if name else "",
                          "入职日期": f"20{10 + len(self.rows) % 14:02d}-{1 + len(self.rows) % 12:02d}-{1 + len(self.rows) % 28:02d}",
                          "手机": f"138{len(self.rows):08d}" if name else ""})
        return pid


def build() -> list[dict[str, str]]:
    p = People()
    p.add("C0001", "陈启航", "总裁办", "首席执行官", "", "")
    p.add("C0002", "林晓", "总裁办", "总裁助理", "专员", "C0001")
    # sales: the VP, four regions; the CS department sits here today
    p.add("X0001", "周明", "销售中心", "销售副总裁", "", "陈启航")  # manager by name
    for r, region in enumerate(REGIONS):
        head = p.add(f"X{1010 + r}", None, f"{region}销售大区", f"{region}大区经理", "总监", "X0001", region=region)
        for _ in range(5):
            mgr = p.add(p.next_id("S"), None, f"{region}销售大区", "销售经理", "经理", head, region=region)
            for _ in range(7):
                p.add(p.next_id("S"), None, f"{region}销售大区", "客户代表", "专员", mgr, region=region)
    # customer success: 客户成功部 with four teams, a data-analysis group and trainers
    p.add("X0100", "王芳", "客户成功部", "客户成功部总监", "总监", "周明")  # manager by name
    p.add("X0110", "李强", "战略客户组", "战略客户组经理", "经理", "X0100")
    for k, region in enumerate(["华东", "华东", "华南", "华北"]):
        p.add(f"X011{k + 1}", None, "战略客户组", "客户成功经理", "专员", "X0110", dotted=f"X{1010 + REGIONS.index(region)}", region=region)
    p.add("X0115", "", "战略客户组", "客户成功经理", "专员", "X0110", region="西南")  # open position: no name
    p.add("X0116", "赵䶮", "战略客户组", "客户数据分析师", "专员", "李强", dotted="X0140")  # 䶮 is GB18030-only
    p.add("X0120", "孙悦", "重要客户组", "重要客户组经理", "经理", "X0100")
    for k in range(6):
        p.add(f"X012{k + 1}", None, "重要客户组", "客户成功经理", "专员", "孙悦", dotted="X1010" if k == 0 else "", region=REGIONS[k % 4])
    p.add("X0127", "钱多多", "重要客户组", "客户数据分析师", "专员", "X0120", dotted="郑思远")  # dotted manager by name
    p.add("X0130", "吴昊", "客服中心", "客服中心经理", "经理", "X0100")
    for s, team in enumerate(["客服一组", "客服二组"]):
        sup = p.add(f"X013{s + 1}", None, team, "客服主管", "主管", "吴昊")
        for k in range(7):
            p.add(f"X03{s}{k}", None, team, "客服专员", "专员", sup)
    p.add("X0140", "郑思远", "数据分析组", "数据分析组组长", "组长", "X0100")
    for k in range(2):
        p.add(f"X014{k + 1}", None, "数据分析组", "客户数据分析师", "专员", "郑思远")
    for k in range(2):
        p.add(f"X015{k + 1}", None, "客户成功部", "客户培训专员", "专员", "X0100")
    # operations, marketing, R&D, finance, HR: the rest of the company
    p.add("O0001", "许晨", "运营中心", "首席运营官", "", "C0001")
    p.add("M0001", "高原", "市场部", "市场副总裁", "", "C0001")
    p.add("R0001", "罗毅", "研发中心", "首席技术官", "", "C0001")
    p.add("F0001", "何静怡", "财务部", "财务总监", "总监", "C0001")
    p.add("H0001", "唐宁", "人力资源部", "人力资源总监", "总监", "C0001")
    depts = [("O", "运营中心", "O0001", ["供应链", "交付运营", "IT运维"]), ("M", "市场部", "M0001", ["品牌", "增长", "市场活动"]),
             ("R", "研发中心", "R0001", ["平台研发", "产品研发", "数据平台", "测试", "产品设计"]), ("F", "财务部", "F0001", ["会计", "资金"]),
             ("H", "人力资源部", "H0001", ["招聘", "薪酬福利"])]
    sizes = {"O": (6, 12), "M": (4, 10), "R": (9, 14), "F": (3, 8), "H": (3, 7)}
    for prefix, dept, vp, groups in depts:
        teams, members = sizes[prefix]
        for group in groups:
            lead = p.add(p.next_id(prefix), None, f"{dept}/{group}", f"{group}总监", "总监", vp)
            for _ in range(teams):
                mgr = p.add(p.next_id(prefix), None, f"{dept}/{group}", f"{group}经理", "经理", lead)
                for _ in range(members):
                    p.add(p.next_id(prefix), None, f"{dept}/{group}", f"{group}专员", "专员", mgr)
    rows = p.rows
    people = sum(1 for r in rows if r["姓名"])
    engineers = next(r for r in rows if r["职位"] == "平台研发经理")
    while people < 1400:  # R&D engineers up to the client's size: 1,400 people
        p.add(p.next_id("R"), None, engineers["部门"], "平台研发专员", "专员", engineers["工号"])
        people += 1
    return rows


def write(path: Path) -> None:
    out = io.StringIO(newline="")
    w = csv.DictWriter(out, HEADER, lineterminator="\r\n")
    w.writeheader()
    w.writerows(build())
    path.write_bytes(out.getvalue().encode("gb18030"))


if __name__ == "__main__":
    write(Path(__file__).with_name("xinghe-hr.csv"))
