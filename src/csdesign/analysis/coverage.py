"""CSM coverage per segment, three ways, and misallocation across segments (seed 004).

For each segment with ``accounts`` or ``arr`` the CSMs it needs are computed three ways, each
naming its source (capacity_settings.Settings.source):

* **by ARR**: ARR (converted into the benchmark's currency with ``company.fx``) ÷ ARR per CSM
  (Gainsight's guidepost: 1 per 2M USD);
* **by accounts**: accounts ÷ the midpoint of the coverage band (named strategic 5–15, named
  mid-market 20–75, pooled 150–400, digital 500–2,000 accounts per CSM), with the band's
  range; a named segment is strategic when one CSM at the ARR guidepost would hold fewer than
  20 of its accounts (or when it has no ARR), otherwise mid-market;
* **by hours**: accounts × touches per quarter × hours per touch ÷ productive hours per CSM
  per quarter (40 h × 13 weeks × 0.75 × (1 − 0.15) = 331.5 h).

The *modelled* CSMs of a segment are the people of the boxes that carry its accounts: roles
that declare a ``capacity:``, and individual contributors whose role limits itself to
segments (``only: {segments: [...]}``), in the boxes whose coverage includes the segment (a
market cut gives each unit its own); in an as-is org also individuals tagged with the
segment. Managers without a ``capacity:`` and the roles staffing a support channel never count. A
person serving several segments is split between them in proportion to accounts ÷ accounts
per person (the role's ``capacity:``, else the band midpoint). Vacancies do not count.

A segment is **under**-covered when it has fewer people than every available method asks
for (compared before rounding up, so 0.75 of a shared CSM covers a need of 0.45), and
**over**-covered when it has more than the largest (rounded) figure by more than
``over_slack`` (20%) and at least one person. Misallocation compares each segment's share of that capacity
with its share of ARR (resources follow customer value, seed 004): below 1/1.5 of its ARR
share is under-served, above 1.5× over-served, each only when the gap is at least 5
percentage points; digital segments are served one-to-many by design and left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Mapping

import networkx as nx

from csdesign.analysis.amounts import convert, money, num, pct
from csdesign.analysis.base import pick, q
from csdesign.analysis.capacity_settings import DEFAULT_SETTINGS, Settings
from csdesign.structures.contract import roles

METHODS = ("arr", "accounts", "hours")
BAND_NAMES = {
    "named-strategic": ("named strategic", "专属战略客户"),
    "named-mid-market": ("named mid-market", "专属中型客户"),
    "pooled": ("pooled", "共享池"),
    "digital": ("digital", "数字化"),
}


def _t(lang: str, pair: tuple[str, str]) -> str:
    return pick(lang, pair[0], pair[1])


@dataclass(frozen=True)
class Method:
    """One way of sizing a segment: the FTE it asks for, how, and from which source."""

    method: str  # arr | accounts | hours
    fte: float | None
    required: int | None
    basis: tuple[str, str]  # the arithmetic, en / zh
    source: tuple[str, str]
    low: int | None = None  # accounts method: CSMs at the band's high and low ends
    high: int | None = None

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "required": self.required, "fte": None if self.fte is None else round(self.fte, 2),
            "range": [self.low, self.high] if self.low is not None else None,
            "basis": _t(lang, self.basis), "source": _t(lang, self.source),
        }


@dataclass(frozen=True)
class SegmentCoverage:
    name: str
    accounts: int | None
    arr: float | None
    currency: str | None
    coverage: str | None
    band: str | None  # named-strategic | named-mid-market | pooled | digital
    band_range: tuple[float, float] | None
    methods: dict[str, Method]
    modelled: float
    nodes: tuple[str, ...]
    status: str  # ok | under | over | unsized
    capacity_share: float | None = None
    value_share: float | None = None
    account_share: float | None = None
    kind: str = field(default="coverage", init=False)

    @property
    def is_finding(self) -> bool:
        return self.status in ("under", "over")

    @property
    def figures(self) -> list[int]:
        return [m.required for m in self.methods.values() if m.required is not None]

    @property
    def ftes(self) -> list[float]:
        return [m.fte for m in self.methods.values() if m.fte is not None]

    @property
    def accounts_per_person(self) -> float | None:
        if self.accounts is None or self.modelled <= 0:
            return None
        return self.accounts / self.modelled

    @property
    def in_band(self) -> bool | None:
        """Accounts per modelled CSM inside the band (None without a band or accounts)."""
        if self.band_range is None or self.accounts is None:
            return None
        per = self.accounts_per_person
        return per is not None and self.band_range[0] - 1e-9 <= per <= self.band_range[1] + 1e-9

    def _needs(self, lang: str) -> str:
        parts = []
        for key in METHODS:
            m = self.methods.get(key)
            if m is None or m.required is None:
                continue
            if key == "accounts":
                lo, hi = self.band_range or (0, 0)
                parts.append(pick(lang, f"{m.required} by accounts ({m.low}–{m.high} at {num(lo)}–{num(hi)} accounts per CSM)",
                                  f"按客户数需 {m.required} 名（每人 {num(lo)}–{num(hi)} 个客户时为 {m.low}–{m.high} 名）"))
            elif key == "arr":
                parts.append(pick(lang, f"{m.required} by ARR", f"按 ARR 需 {m.required} 名"))
            else:
                parts.append(pick(lang, f"{m.required} by hours", f"按工时需 {m.required} 名"))
        text = join_parts(lang, parts)
        first = next(m.required for key in METHODS if (m := self.methods.get(key)) is not None and m.required is not None)
        return pick(lang, text.replace(" by ", " CSM by " if first == 1 else " CSMs by ", 1), text)

    def message(self, lang: str = "en") -> str:
        who = q(lang, self.name)
        has = num(self.modelled)
        if not self.figures:
            return pick(lang, f"segment {who}: not enough data to size it (add accounts, arr or coverage)",
                        f"客户分层{who}：数据不足，无法测算（请补充客户数、ARR 或覆盖模式）")
        band = ""
        if self.in_band is False and self.band_range is not None:
            lo, hi = self.band_range
            per = self.accounts_per_person
            band = pick(lang, f" ({num(per)} accounts per CSM, outside the {num(lo)}–{num(hi)} band)" if per is not None else " (nobody dedicated to it)",
                        f"（每人 {num(per)} 个客户，超出 {num(lo)}–{num(hi)} 区间）" if per is not None else "（没有专属人员）")
        base = pick(lang, f"segment {who} needs {self._needs(lang)}; the model has {has}{band}",
                    f"客户分层{who}{self._needs(lang)}；模型中有 {has} 名{band}")
        hi_n = max(self.figures)
        if self.status == "under":
            short = math.ceil(min(self.ftes) - self.modelled - 1e-9)
            return base + pick(lang, f": under-staffed by at least {short}; hire, or move people from over-covered segments",
                               f"：至少缺编 {short} 名；请招聘，或从覆盖过度的分层调配")
        if self.status == "over":
            extra = num(self.modelled - hi_n)
            return base + pick(lang, f": over-staffed by {extra} even against the highest figure; move people to under-covered segments",
                               f"：即使按最高测算也超编 {extra} 名；请调往覆盖不足的分层")
        return base

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "name": self.name,
            "accounts": self.accounts,
            "arr": self.arr,
            "coverage": self.coverage,
            "band": self.band,
            "band_range": list(self.band_range) if self.band_range else None,
            "required": {key: (self.methods[key].required if key in self.methods else None) for key in METHODS},
            "methods": {key: m.to_dict(lang) for key, m in self.methods.items()},
            "modelled": round(self.modelled, 2),
            "accounts_per_csm": None if self.accounts_per_person is None else round(self.accounts_per_person, 2),
            "in_band": self.in_band,
            "capacity_share": _r4(self.capacity_share),
            "value_share": _r4(self.value_share),
            "account_share": _r4(self.account_share),
            "status": self.status,
            "nodes": list(self.nodes),
            "message": self.message(lang),
        }


def _r4(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def join_parts(lang: str, parts: list[str]) -> str:
    return ("，" if lang == "zh" else ", ").join(parts)


@dataclass(frozen=True)
class Misallocation:
    """A segment whose share of CS capacity is far from its share of ARR."""

    segment: str
    direction: str  # under-served | over-served
    capacity_share: float
    value_share: float
    account_share: float | None
    counterpart: str | None  # the segment to move people from (under) or to (over)
    counterpart_shares: tuple[float, float] | None  # its (capacity, value) shares
    hire: bool  # moving people would leave the other side short too
    nodes: tuple[str, ...]
    kind: str = field(default="misallocation", init=False)

    def message(self, lang: str = "en") -> str:
        who = q(lang, self.segment)
        accounts = pick(lang, f", {pct(self.account_share)} of accounts", f"，客户数占 {pct(self.account_share)}") if self.account_share is not None else ""
        base = pick(lang, f"segment {who} has {pct(self.capacity_share)} of CS capacity but {pct(self.value_share)} of ARR{accounts}",
                    f"客户分层{who}占客户成功人力的 {pct(self.capacity_share)}，但占 ARR 的 {pct(self.value_share)}{accounts}")
        other = q(lang, self.counterpart) if self.counterpart else None
        shares = ""
        if self.counterpart_shares is not None:
            c, v = self.counterpart_shares
            shares = pick(lang, f" ({pct(c)} of capacity, {pct(v)} of ARR)", f"（人力 {pct(c)}，ARR {pct(v)}）")
        if self.direction == "under-served":
            move = pick(lang, f"move people to it from {other}{shares}", f"请从{other}{shares}调配人员") if other else pick(lang, "add people", "请增加人员")
            text = base + pick(lang, f": under-served for its value; {move}", f"：相对其价值投入不足；{move}")
            if self.hire:
                text += pick(lang, f", or hire: {other} is itself short of its required CSMs", f"，或直接招聘：{other}本身也低于所需人数")
            return text
        move = pick(lang, f"move people from it to {other}{shares}", f"请将人员调往{other}{shares}") if other else pick(lang, "reduce its share", "请降低其人力占比")
        text = base + pick(lang, f": over-served for its value; {move}", f"：相对其价值投入过多；{move}")
        if self.hire:
            text += pick(lang, f", but it is itself short of its required CSMs: hire for {other} rather than moving people away",
                         f"；但该分层本身也低于所需人数：请为{other}招聘，而不是调走人员")
        return text

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "segment": self.segment, "direction": self.direction,
            "capacity_share": _r4(self.capacity_share), "value_share": _r4(self.value_share), "account_share": _r4(self.account_share),
            "move_people": ("to" if self.direction == "under-served" else "from"), "counterpart": self.counterpart,
            "hire": self.hire, "nodes": list(self.nodes), "message": self.message(lang),
        }


def band_of(info: dict[str, Any], g: nx.DiGraph, s: Settings) -> tuple[str | None, tuple[str, str] | None]:
    """The coverage band of a segment and, for named segments, why strategic or mid-market."""
    cov = info.get("coverage")
    if cov is None:
        return None, None
    if cov != "named":
        return cov, None
    arr, accounts = info.get("arr"), info.get("accounts")
    if not arr or not accounts:
        return "named-strategic", ("named, no ARR per account to tell strategic from mid-market: strategic band", "专属服务，无 ARR 可区分战略/中型：按战略客户区间")
    per_account, _ = convert(arr / accounts, g.graph, s["arr_per_csm_currency"])
    if per_account is None:
        return "named-strategic", ("named, no exchange rate to compare its ARR per account: strategic band", "专属服务，缺少汇率无法比较单客户 ARR：按战略客户区间")
    fit = s["arr_per_csm"] / per_account
    cut = s["strategic_accounts_below"]
    if fit < cut:
        return "named-strategic", (f"named, {money(per_account, s['arr_per_csm_currency'])} ARR per account: one CSM at the ARR guidepost holds {num(fit)} (< {num(cut)}): strategic band",
                                   f"专属服务，单客户 ARR {money(per_account, s['arr_per_csm_currency'])}：按 ARR 参考值每人 {num(fit)} 个客户（< {num(cut)}）：战略客户区间")
    return "named-mid-market", (f"named, {money(per_account, s['arr_per_csm_currency'])} ARR per account: one CSM at the ARR guidepost holds {num(fit)} (>= {num(cut)}): mid-market band",
                                f"专属服务，单客户 ARR {money(per_account, s['arr_per_csm_currency'])}：按 ARR 参考值每人 {num(fit)} 个客户（≥ {num(cut)}）：中型客户区间")


def _ceil(x: float) -> int:
    return math.ceil(x - 1e-9)


def _arr_method(info: dict[str, Any], g: nx.DiGraph, s: Settings) -> Method | None:
    arr = info.get("arr")
    if arr is None:
        return None
    cur, per = s["arr_per_csm_currency"], s["arr_per_csm"]
    have = g.graph.get("currency")
    value, rate = convert(arr, g.graph, cur)
    src = (s.source("arr_per_csm", "en"), s.source("arr_per_csm", "zh"))
    if value is None:
        why = (f"company.currency is {have} and company.fx has no {cur} rate", f"company.currency 为 {have}，但 company.fx 没有 {cur} 汇率")
        return Method("arr", None, None, why, src)
    fte = value / per
    conv = (f"{money(arr, have)} = {money(value, cur)} at {num(rate, 4)} {have}/{cur}; " if rate else "",
            f"{money(arr, have)} 按 {num(rate, 4)} {have}/{cur} 折合 {money(value, cur)}；" if rate else "")
    basis = (f"{conv[0]}{money(value, cur)} ÷ {money(per, cur)} per CSM = {num(fte, 2)}",
             f"{conv[1]}{money(value, cur)} ÷ 每名 CSM {money(per, cur)} = {num(fte, 2)}")
    return Method("arr", fte, _ceil(fte), basis, src)


def _accounts_method(info: dict[str, Any], band: str | None, s: Settings) -> tuple[Method | None, tuple[float, float] | None]:
    accounts = info.get("accounts")
    own = info.get("accounts_per_csm")
    if own is not None:
        rng = (float(own[0]), float(own[1]))
        src = ("the segment's accounts_per_csm", "该分层的 accounts_per_csm")
    elif band is not None:
        rng = tuple(float(v) for v in s.band("accounts_per_csm", band))  # type: ignore[assignment]
        src = (s.source("accounts_per_csm", "en", band), s.source("accounts_per_csm", "zh", band))
    else:
        return None, None
    if accounts is None:
        return None, rng  # type: ignore[return-value]
    lo, hi = rng
    mid = (lo + hi) / 2
    fte = accounts / mid
    basis = (f"{num(accounts)} accounts ÷ {num(mid)} (midpoint of {num(lo)}–{num(hi)}) = {num(fte, 2)}",
             f"{num(accounts)} 个客户 ÷ {num(mid)}（{num(lo)}–{num(hi)} 的中值）= {num(fte, 2)}")
    return Method("accounts", fte, _ceil(fte), basis, src, _ceil(accounts / hi), _ceil(accounts / lo)), rng  # type: ignore[return-value]


def _hours_method(info: dict[str, Any], band: str | None, s: Settings) -> Method | None:
    accounts = info.get("accounts")
    if accounts is None:
        return None
    touches, hours = info.get("touches_per_quarter"), info.get("hours_per_touch")
    if (touches is None or hours is None) and band is None:
        return None
    from_file = touches is not None and hours is not None
    if touches is None:
        touches = s.band("touches_per_quarter", band)  # type: ignore[arg-type]
    if hours is None:
        hours = s.band("hours_per_touch", band)  # type: ignore[arg-type]
    productive = s.productive_hours
    fte = accounts * touches * hours / productive
    basis = (f"{num(accounts)} accounts × {num(touches, 2)} touches a quarter × {num(hours, 2)} h a touch ÷ {num(productive)} h per CSM a quarter = {num(fte, 2)}",
             f"{num(accounts)} 个客户 × {num(touches, 2)} 次触达 × {num(hours, 2)} 小时 ÷ 每名 CSM 每季度 {num(productive)} 小时 = {num(fte, 2)}")
    hours_src = (s.source("hours_per_week", "en"), s.source("hours_per_week", "zh"))
    if from_file:
        src = (f"the segment's touches_per_quarter and hours_per_touch; {hours_src[0]}", f"该分层的 touches_per_quarter 与 hours_per_touch；{hours_src[1]}")
    else:
        src = (f"{s.source('touches_per_quarter', 'en', band)}; {hours_src[0]}", f"{s.source('touches_per_quarter', 'zh', band)}；{hours_src[1]}")
    return Method("hours", fte, _ceil(fte), basis, src)


def csm_boxes(g: nx.DiGraph, segments: list[str], staffing: set[str], mids: dict[str, float | None], accounts: dict[str, int | None]):
    """(node, headcount, {segment: share of the person}) for each box counted as CSM capacity."""
    order = {name: i for i, name in enumerate(segments)}
    carriers = set(g.graph.get("account_roles") or ())
    explicit = g.graph.get("structure") == "explicit"
    for n, d in roles(g):
        share = box_segments(d, order, staffing, carriers, explicit, mids, accounts)
        if share:
            yield n, int(d.get("headcount") or 1), share


def box_segments(d: Mapping[str, Any], order: dict[str, int], staffing: set[str], carriers: set[str], explicit: bool,
                 mids: dict[str, float | None], accounts: dict[str, int | None]) -> dict[str, float]:
    """How one box's people split over the segments they are dedicated to (empty: not CSM capacity).

    A box counts when its role declares ``capacity:``, or when it is an individual contributor
    whose role limits itself to segments (``only: {segments}``) or, in an as-is org, who is
    tagged with a segment; support staff never."""
    rid = d.get("role_id") or ""
    if d.get("vacant") or rid in staffing:
        return {}
    cap = d.get("capacity") or {}
    cov = (d.get("coverage") or {}).get("segment")
    if not cap and (d.get("level") != "individual" or (rid not in carriers and not (explicit and cov is not None))):
        return {}
    served = [s for s in (cap if cov is None else cov) if s in order and (not cap or s in cap)]
    if not served:
        return {}
    per = {s: cap.get(s) or mids.get(s) for s in served}
    if all(per[s] and accounts.get(s) is not None for s in served):
        weights = {s: accounts[s] / per[s] for s in served}  # type: ignore[operator]
    elif all(accounts.get(s) is not None for s in served):
        weights = {s: float(accounts[s]) for s in served}  # type: ignore[arg-type]
    else:
        weights = {s: 1.0 for s in served}
    total = sum(weights.values())
    if total <= 0:
        return {s: 1.0 / len(served) for s in served}
    return {s: w / total for s, w in weights.items()}


def analyse_coverage(g: nx.DiGraph, settings: Settings | None = None, staffing: set[str] | None = None) -> tuple[list[SegmentCoverage], list[Misallocation]]:
    """Per-segment CSM requirements against the modelled CSMs, and misallocation findings."""
    s = settings or DEFAULT_SETTINGS
    infos = {name: info for name, info in (g.graph.get("segments") or {}).items() if info.get("accounts") is not None or info.get("arr") is not None}
    if not infos:
        return [], []
    names = list(infos)
    bands: dict[str, tuple[str | None, Any]] = {name: band_of(info, g, s) for name, info in infos.items()}
    methods: dict[str, dict[str, Method]] = {}
    ranges: dict[str, tuple[float, float] | None] = {}
    for name, info in infos.items():
        band = bands[name][0]
        found: dict[str, Method] = {}
        arr_m = _arr_method(info, g, s)
        acc_m, rng = _accounts_method(info, band, s)
        hrs_m = _hours_method(info, band, s)
        for m in (arr_m, acc_m, hrs_m):
            if m is not None:
                found[m.method] = m
        methods[name], ranges[name] = found, rng
    mids = {name: ((rng[0] + rng[1]) / 2 if rng else None) for name, rng in ranges.items()}
    accounts = {name: info.get("accounts") for name, info in infos.items()}
    modelled = dict.fromkeys(names, 0.0)
    nodes: dict[str, list[str]] = {name: [] for name in names}
    for n, people, share in csm_boxes(g, names, staffing or set(), mids, accounts):
        for seg, part in share.items():
            modelled[seg] += people * part
            nodes[seg].append(n)
    slack = s["over_slack"]
    rows: list[SegmentCoverage] = []
    for name, info in infos.items():
        figures = [m.required for m in methods[name].values() if m.required is not None]
        ftes = [m.fte for m in methods[name].values() if m.fte is not None]
        have = modelled[name]
        if not figures:
            status = "unsized"
        elif have < min(ftes) - 1e-9:
            status = "under"
        elif have > max(figures) * (1 + slack) + 1e-9 and have - max(figures) >= 1 - 1e-9:
            status = "over"
        else:
            status = "ok"
        rows.append(SegmentCoverage(name, info.get("accounts"), info.get("arr"), g.graph.get("currency"), info.get("coverage"), bands[name][0],
                                    ranges[name], methods[name], round(have, 6), tuple(nodes[name]), status))
    rows = _with_shares(rows)
    return rows, _misallocations(rows, s)


def _with_shares(rows: list[SegmentCoverage]) -> list[SegmentCoverage]:
    """Capacity, ARR and account shares over the segments people serve (digital left out)."""
    import dataclasses

    human = [r for r in rows if r.coverage != "digital"]
    cap = sum(r.modelled for r in human)
    arr = sum(r.arr or 0 for r in human)
    acc = sum(r.accounts or 0 for r in human)
    out = []
    for r in rows:
        if r.coverage == "digital":
            out.append(r)
            continue
        out.append(dataclasses.replace(
            r,
            capacity_share=(r.modelled / cap) if cap > 0 else None,
            value_share=((r.arr or 0) / arr) if arr > 0 and r.arr is not None else None,
            account_share=((r.accounts or 0) / acc) if acc > 0 and r.accounts is not None else None,
        ))
    return out


def _misallocations(rows: list[SegmentCoverage], s: Settings) -> list[Misallocation]:
    ratio, points = s["misallocation_ratio"], s["misallocation_min_points"]
    shared = [r for r in rows if r.capacity_share is not None and r.value_share is not None]
    if len(shared) < 2:
        return []
    flagged: list[tuple[SegmentCoverage, str]] = []
    for r in shared:
        c, v = r.capacity_share or 0.0, r.value_share or 0.0
        if v - c >= points - 1e-9 and (c == 0 or v / c >= ratio - 1e-9):
            flagged.append((r, "under-served"))
        elif c - v >= points - 1e-9 and (v == 0 or c / v >= ratio - 1e-9):
            flagged.append((r, "over-served"))
    out = []
    for r, direction in flagged:
        if direction == "under-served":
            others = [o for o in shared if o is not r and (o.capacity_share or 0) > (o.value_share or 0)]
            other = max(others, key=lambda o: (o.capacity_share or 0) - (o.value_share or 0), default=None)
            hire = other is not None and other.status == "under"
        else:
            others = [o for o in shared if o is not r and (o.value_share or 0) > (o.capacity_share or 0)]
            other = max(others, key=lambda o: (o.value_share or 0) - (o.capacity_share or 0), default=None)
            hire = r.status == "under"
        out.append(Misallocation(
            r.name, direction, r.capacity_share or 0.0, r.value_share or 0.0, r.account_share,
            other.name if other else None, ((other.capacity_share or 0.0), (other.value_share or 0.0)) if other else None,
            hire, r.nodes,
        ))
    return out
