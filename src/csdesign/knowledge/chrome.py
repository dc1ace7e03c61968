"""The words charts put around the user's text ("chrome"), in English and Chinese.

Level names, box qualifiers, legend entries and page furniture. Every chart format (DOT,
HTML, terminal, Mermaid, decks) takes its wording from here, so a Chinese chart carries no
English chrome and the two languages never drift apart. Data only: no rendering.
"""

from __future__ import annotations

#: level -> (en, zh), as boxes, tables and decks name it. The Chinese names are the seeds'
#: (总监 / 经理 / 主管 / 专员); the English are capitalised as names beside a title ("×12 ·
#: Individual"). Not "Individual contributor", which is twice as wide (examples/
#: manufacturer.yaml would take five slides instead of one), nor "Specialist", which would
#: mislabel a Renewal Manager who manages nobody.
LEVELS: dict[str, tuple[str, str]] = {
    "director": ("Director", "总监"),
    "manager": ("Manager", "经理"),
    "supervisor": ("Supervisor", "主管"),
    "individual": ("Individual", "专员"),
}

#: key -> (en, zh); ``{n}`` / ``{names}`` / ``{page}`` are filled in by :func:`word`.
WORDS: dict[str, tuple[str, str]] = {
    "vacant": ("vacant", "空缺"),
    "team_of": ("team of {n}", "{n} 人团队"),
    "dotted_to": ("dotted line to {names}", "虚线汇报：{names}"),
    "boxes": ("{n} boxes", "{n} 个岗位框"),
    "structure": ("{name} structure", "{name}"),
    "search": ("Search titles and names", "搜索职位和姓名"),
    "zoom_in": ("Zoom in", "放大"),
    "zoom_out": ("Zoom out", "缩小"),
    "fit": ("Fit", "适应窗口"),
    "expand": ("Expand all", "全部展开"),
    "collapse": ("Collapse all", "全部收起"),
    "toggle": ("collapse or expand", "收起或展开"),
    "match": ("{n} match", "{n} 个匹配"),
    "matches": ("{n} matches", "{n} 个匹配"),
    "duties": ("Duties", "职责"),
    "kpis": ("KPIs", "考核指标"),
    "legend": ("Legend", "图例"),
    "solid": ("reporting line", "汇报关系"),
    "dotted": ("dotted line", "虚线汇报"),
    "dotted_lead": ("dotted line to {names}", "虚线汇报给{names}"),
    "external": ("outside CS", "客户成功部以外"),
}

#: unit axis -> (en, zh), as unit labels show it ("product: CRM" / "产品：CRM").
AXES: dict[str, tuple[str, str]] = {
    "product": ("product", "产品"),
    "region": ("region", "区域"),
    "segment": ("segment", "客户分层"),
    "process": ("stage", "服务阶段"),
    "function": ("function", "职能"),
    "unit": ("unit", "单元"),
}

LANGS = ("en", "zh")


def axis_label(axis: str | None, lang: str = "en") -> str:
    """A unit axis in ``lang``; unknown axes pass through."""
    pair = AXES.get(str(axis or ""))
    if pair is None:
        return str(axis or "")
    return pair[1] if lang == "zh" else pair[0]


def level_label(level: str | None, lang: str = "en") -> str:
    """A level as a chart shows it ("manager" / "经理"); unknown levels pass through."""
    if not level:
        return ""
    pair = LEVELS.get(str(level))
    if pair is None:
        return str(level)
    return pair[1] if lang == "zh" else pair[0]


def template(key: str, lang: str = "en") -> str:
    """One piece of chrome in ``lang`` with its ``{fields}`` still open (for page scripts)."""
    en, zh = WORDS[key]
    return zh if lang == "zh" else en


def word(key: str, lang: str = "en", **fields: object) -> str:
    """One piece of chrome in ``lang``, with its fields filled in (in Chinese, a name joins
    the words around it as findings do: 虚线汇报给数据组组长, 虚线汇报给 CS Lead)."""
    if lang == "zh":
        from csdesign.spacing import fill

        return fill(template(key, lang), **fields)
    return template(key, lang).format(**fields)
