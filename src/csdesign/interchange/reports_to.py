"""Where the CS department reports, read from the title of the manager an import cuts off.

``csdesign import --root X`` keeps X's reporting tree; X's own manager stays outside it and
becomes the box above the CS head (``company.cs_reports_to_title``). Which placement that is
(``cs_reports_to``: ceo, coo, sales, marketing, service, operations) is read from the
manager's title, else from their department: 销售副总裁 is sales, 首席运营官 is the COO,
总经理 is the CEO. A title naming two departments, or none, is not clear: the caller says
what it assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Executive titles that name the COO (checked first: 首席运营官 also contains 运营).
COO = re.compile(r"\bcoo\b|chief operating officer|首席运营官")
#: Departments, by the words their titles and names use.
DEPARTMENTS: dict[str, re.Pattern[str]] = {
    "sales": re.compile(r"销售|商务|\bsales\b|chief revenue officer|\bcro\b|\bcommercial\b"),
    "marketing": re.compile(r"市场|营销|品牌|\bmarketing\b|\bcmo\b|\bbrand\b"),
    "service": re.compile(r"客服|服务|售后|\bservices?\b|\bsupport\b"),
    "operations": re.compile(r"运营|\boperations\b|\bops\b"),
}
#: The CEO: these words anywhere, or one of the bare titles (a deputy or vice president is not the CEO).
CEO = re.compile(r"\bceo\b|chief executive|首席执行官|董事长|创始人|\bfounder\b")
CEO_TITLES = {"总经理", "总裁", "president", "managing director", "general manager", "owner", "老板"}
DEPUTY = re.compile(r"副|助理|\bvice\b|\bdeputy\b|\bassistant\b|\bvp\b")


@dataclass(frozen=True)
class Inferred:
    placement: str | None  # None: not clear
    source: str | None  # "title" or "department" (where it was read), None when not clear
    candidates: tuple[str, ...] = ()  # several departments named: the ones named, in order


def infer_placement(title: str | None, department: str | None = None) -> Inferred:
    """The placement a manager's title (else department) names, or why it is not clear."""
    for text, source in ((title, "title"), (department, "department")):
        if not text:
            continue
        low = " ".join(text.casefold().split())
        if COO.search(low):
            return Inferred("coo", source)
        found = sorted(((m.start(), name) for name, pattern in DEPARTMENTS.items() if (m := pattern.search(low))), key=lambda x: x[0])
        if len(found) == 1:
            return Inferred(found[0][1], source)
        if found:
            return Inferred(None, None, tuple(name for _, name in found))
        if source == "title" and ((CEO.search(low) and not DEPUTY.search(low)) or low in CEO_TITLES):
            return Inferred("ceo", source)
    return Inferred(None, None)
