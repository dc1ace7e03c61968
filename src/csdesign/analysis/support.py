"""Support staffing per channel: agents required against the modelled headcount that staffs it.

Real-time channels (phone, chat; ``contacts_per_hour`` at the peak hour) are sized with Erlang
C (analysis/erlang.py): the smallest on-shift team that answers ``service_level.answered`` of
contacts within ``within_seconds`` and keeps occupancy at or under ``max_occupancy``, then
divided by (1 − ``shrinkage``) for the people to schedule.

Async channels (email, tickets, social; ``contacts_per_day``) are sized by workload: contacts
arrive evenly over ``arrival_hours`` (24) and the team answers during ``open_hours`` (8), in
order. The on-shift team must (a) clear the day's work in the open hours,
contacts × AHT ÷ (open hours × occupancy), and (b) when ``first_reply_hours`` is set, answer
the backlog that built up while closed within that many business hours: the last of it is
answered backlog ÷ rate hours after opening. The larger of the two, ÷ (1 − shrinkage), is
scheduled. With the modelled team the same model gives the worst first reply and the share
of the day's contacts answered within target; a team that cannot clear a day's work is an
unstable backlog (it grows every day), reported, never iterated.

The people who staff a channel are the boxes of its ``roles:``, else the individual
contributors whose coverage is limited to channels including it (``only: {channels: [...]}``
or a channel cut). A box staffing several channels is split between them in proportion to
their requirements. Vacancies do not count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Mapping

import networkx as nx

from csdesign.analysis import erlang
from csdesign.analysis.amounts import num, pct
from csdesign.analysis.base import RoleRef, join, pick, q, role_refs
from csdesign.analysis.capacity_settings import DEFAULT_SETTINGS, Settings
from csdesign.spacing import zh
from csdesign.structures.contract import roles


@dataclass(frozen=True)
class ChannelStaffing:
    channel: str
    channel_kind: str  # realtime | async
    contacts: float  # per peak hour (realtime) or per day (async)
    aht_seconds: float
    traffic_erlangs: float | None  # realtime
    workload_hours: float | None  # async: contact hours a day
    on_shift_required: int  # agents handling contacts
    agents_required: int  # scheduled (after shrinkage)
    agents_for_service_level: int | None  # realtime: Erlang C alone; async: the first-reply rule alone
    agents_for_occupancy: int | None  # realtime: the occupancy cap alone; async: the day's workload alone
    agents_modelled: float
    on_shift_modelled: int
    service_level_target: dict[str, float] | None  # realtime {answered, within_seconds}; async {answered: None, within_hours}
    service_level_required: float | None  # achieved by the required team
    service_level_achieved: float | None  # achieved by the modelled team (None: unstable or no target)
    p_wait: float | None
    occupancy: float | None  # with the required team
    first_reply_hours_achieved: float | None  # async, modelled team
    shrinkage: float
    max_occupancy: float
    status: str  # ok | under | over | unstable | unstaffed
    roles: tuple[RoleRef, ...]
    nodes: tuple[str, ...]
    shared_with: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]
    steps: int = 0  # Erlang recursion steps (the work)
    kind: str = field(default="support", init=False)

    @property
    def is_finding(self) -> bool:
        return self.status in ("under", "over", "unstable", "unstaffed")

    def _target(self, lang: str) -> str:
        t = self.service_level_target or {}
        if self.channel_kind == "realtime":
            return pick(lang, f"{pct(t['answered'])} answered within {num(t['within_seconds'])} s", f"{num(t['within_seconds'])} 秒内接通 {pct(t['answered'])}")
        if "within_hours" in t:
            return pick(lang, f"first reply within {num(t['within_hours'])} business hours", f"{num(t['within_hours'])} 个工作小时内首次回复")
        return pick(lang, "the day's contacts answered the same day", "当天的咨询当天处理完")

    def message(self, lang: str = "en") -> str:
        who = q(lang, self.channel)
        if self.channel_kind == "realtime":
            load = pick(lang, f"{num(self.contacts)} contacts in the peak hour × {num(self.aht_seconds)} s = {num(self.traffic_erlangs or 0, 2)} Erlangs",
                        f"高峰小时 {num(self.contacts)} 次咨询 × {num(self.aht_seconds)} 秒 = {num(self.traffic_erlangs or 0, 2)} Erlang")
        else:
            load = pick(lang, f"{num(self.contacts)} contacts a day × {num(self.aht_seconds)} s = {num(self.workload_hours or 0)} h of work",
                        f"每天 {num(self.contacts)} 次咨询 × {num(self.aht_seconds)} 秒 = {num(self.workload_hours or 0)} 小时工作量")
        need = pick(lang, f"{load}; {self._target(lang)} needs {self.on_shift_required} on shift, {self.agents_required} scheduled at {pct(self.shrinkage)} shrinkage",
                    zh(f"{load}；要达到", self._target(lang), f"，需在岗 {self.on_shift_required} 人，按 {pct(self.shrinkage)} 损耗需排班 {self.agents_required} 人"))
        staff = join(lang, (r.label(lang) for r in self.roles))
        if self.status == "unstaffed":
            return pick(lang, f"channel {who}: {need}; no role staffs it: name its roles in support.channels[].roles or limit a role with only: {{channels: [...]}}",
                        f"渠道{who}：{need}；没有岗位负责该渠道：请在 support.channels[].roles 中指定岗位，或用 only: {{channels: [...]}} 限定岗位")
        shared = pick(lang, f" (shared with {join(lang, (q(lang, c) for c in self.shared_with))})", f"（与{join(lang, (q(lang, c) for c in self.shared_with))}共用）") if self.shared_with else ""
        has = pick(lang, f"{staff} has {num(self.agents_modelled)}{shared}", zh(staff, f"共 {num(self.agents_modelled)} 人", shared))
        head = pick(lang, f"channel {who}: {need}; {has}", f"渠道{who}：{need}；{has}")
        if self.status == "unstable":
            if self.channel_kind == "realtime":
                return head + pick(lang, f": {self.on_shift_modelled} on shift for {num(self.traffic_erlangs or 0, 2)} Erlangs is an unstable queue (it grows without bound); add at least {self.agents_required - math.floor(self.agents_modelled)}",
                                   f"：{self.on_shift_modelled} 人在岗应对 {num(self.traffic_erlangs or 0, 2)} Erlang，队列不稳定（会无限增长）；请至少增加 {self.agents_required - math.floor(self.agents_modelled)} 人")
            return head + pick(lang, ": it cannot answer a day's contacts in a day, so the backlog grows every day; add people",
                               "：每天处理不完当天的咨询，积压会逐日增长；请增加人员")
        achieved = ""
        if self.service_level_achieved is not None:
            achieved = pick(lang, f", reaching {pct(self.service_level_achieved)} within target", f"，目标内完成率 {pct(self.service_level_achieved)}")
        if self.first_reply_hours_achieved is not None:
            achieved += pick(lang, f" (worst first reply {num(self.first_reply_hours_achieved)} business hours)", f"（最长首次回复 {num(self.first_reply_hours_achieved)} 个工作小时）")
        if self.status == "under":
            return head + achieved + pick(lang, f": under-staffed by {num(self.agents_required - self.agents_modelled)}", f"：缺编 {num(self.agents_required - self.agents_modelled)} 人")
        if self.status == "over":
            return head + achieved + pick(lang, f": over-staffed by {num(self.agents_modelled - self.agents_required)}", f"：超编 {num(self.agents_modelled - self.agents_required)} 人")
        return head + achieved

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "channel": self.channel,
            "kind": self.channel_kind,
            "contacts": self.contacts,
            "aht_seconds": self.aht_seconds,
            "traffic_erlangs": None if self.traffic_erlangs is None else round(self.traffic_erlangs, 4),
            "workload_hours": None if self.workload_hours is None else round(self.workload_hours, 4),
            "agents_on_shift": self.on_shift_required,
            "agents_required": self.agents_required,
            "agents_for_service_level": self.agents_for_service_level,
            "agents_for_occupancy": self.agents_for_occupancy,
            "agents_modelled": round(self.agents_modelled, 2),
            "agents_on_shift_modelled": self.on_shift_modelled,
            "service_level_target": self.service_level_target,
            "service_level_required": _r4(self.service_level_required),
            "service_level_achieved": _r4(self.service_level_achieved),
            "p_wait": _r4(self.p_wait),
            "occupancy": _r4(self.occupancy),
            "first_reply_hours_achieved": None if self.first_reply_hours_achieved is None else round(self.first_reply_hours_achieved, 2),
            "shrinkage": self.shrinkage,
            "max_occupancy": self.max_occupancy,
            "status": self.status,
            "roles": [r.to_dict() for r in self.roles],
            "nodes": list(self.nodes),
            "shared_with": list(self.shared_with),
            "sources": [pick(lang, en, zh) for en, zh in self.sources],
            "message": self.message(lang),
        }


def _r4(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def staffing_boxes(g: nx.DiGraph) -> dict[str, list[str]]:
    """channel name -> role boxes that staff it (see the module docstring), in graph order."""
    channels = g.graph.get("support") or []
    if not channels:
        return {}
    named = {c["name"]: set(c.get("roles") or ()) for c in channels}
    out: dict[str, list[str]] = {c["name"]: [] for c in channels}
    for n, d in roles(g):
        for name in box_channels(d, named):
            out[name].append(n)
    return out


def box_channels(d: Mapping[str, Any], named: dict[str, set[str]]) -> list[str]:
    """The channels one box staffs."""
    if d.get("vacant"):
        return []
    rid = d.get("role_id") or ""
    cov = (d.get("coverage") or {}).get("channel")
    found = []
    for name, ids in named.items():
        if ids:
            if rid in ids and (cov is None or name in cov):
                found.append(name)
        elif cov is not None and name in cov and d.get("level") == "individual":
            found.append(name)
    return found


def staffing_roles(g: nx.DiGraph, boxes: dict[str, list[str]] | None = None) -> set[str]:
    """Role ids that staff any support channel (left out of CSM capacity)."""
    boxes = staffing_boxes(g) if boxes is None else boxes
    return {g.nodes[n].get("role_id") or n for nodes in boxes.values() for n in nodes}


def _realtime(c: dict[str, Any], s: Settings) -> dict[str, Any]:
    target = c.get("service_level") or s["service_level"]
    occ = c.get("max_occupancy") or s["max_occupancy"]
    a = erlang.traffic(c["contacts_per_hour"], c["aht_seconds"])
    st = erlang.agents_for(a, c["aht_seconds"], target["answered"], target["within_seconds"], occ)
    return {
        "traffic": a, "workload": None, "on_shift": st.agents, "for_sl": st.for_service_level, "for_occ": st.for_occupancy,
        "target": {"answered": target["answered"], "within_seconds": target["within_seconds"]},
        "sl_required": st.service_level, "p_wait": st.p_wait, "occupancy": st.occupancy, "steps": st.steps, "contacts": c["contacts_per_hour"],
    }


def _async_params(c: dict[str, Any], s: Settings) -> tuple[float, float, float, float, float | None]:
    open_h = c.get("open_hours") or s["open_hours"]
    arrive_h = max(c.get("arrival_hours") or s["arrival_hours"], open_h)
    occ = c.get("max_occupancy") or s["max_occupancy"]
    return open_h, arrive_h, occ, c["contacts_per_day"], c.get("first_reply_hours")


def _async(c: dict[str, Any], s: Settings) -> dict[str, Any]:
    open_h, arrive_h, occ, day, reply = _async_params(c, s)
    aht = c["aht_seconds"]
    per_agent = occ * 3600.0 / aht  # contacts one on-shift agent answers an hour
    backlog = day * (arrive_h - open_h) / arrive_h
    rate_day = day / open_h
    rate_reply = backlog / reply if reply else 0.0
    for_day = math.ceil(rate_day / per_agent - 1e-9) if day > 0 else 0
    for_reply = math.ceil(rate_reply / per_agent - 1e-9) if reply and backlog > 0 else (0 if reply else None)
    on_shift = max(for_day, for_reply or 0)
    target = {"within_hours": reply} if reply else None
    sl_req = async_level(c, s, on_shift)[0] if reply else None
    return {
        "traffic": None, "workload": day * aht / 3600.0, "on_shift": on_shift, "for_sl": for_reply, "for_occ": for_day,
        "target": target, "sl_required": sl_req, "p_wait": None, "occupancy": (day * aht / 3600.0) / (on_shift * open_h) if on_shift else None,
        "steps": 0, "contacts": day,
    }


def async_level(c: dict[str, Any], s: Settings, on_shift: int) -> tuple[float | None, float | None]:
    """(share answered within first_reply_hours, worst first reply in business hours) for an
    on-shift team; (None, None) when it cannot clear a day's contacts (unstable backlog)."""
    open_h, arrive_h, occ, day, reply = _async_params(c, s)
    if day <= 0:
        return (1.0 if reply else None), 0.0
    rate = on_shift * occ * 3600.0 / c["aht_seconds"]
    if rate * open_h < day - 1e-9:
        return None, None
    arrivals = day / arrive_h
    backlog = day * (arrive_h - open_h) / arrive_h
    worst = backlog / rate
    if not reply:
        return None, worst
    late = max(0.0, backlog - rate * reply) * rate / (rate - arrivals) if rate > arrivals else day
    return max(0.0, 1.0 - late / day), worst


def analyse_support(g: nx.DiGraph, settings: Settings | None = None, boxes: dict[str, list[str]] | None = None) -> list[ChannelStaffing]:
    """One row per declared channel, in declaration order (``boxes``: staffing_boxes, if known)."""
    s = settings or DEFAULT_SETTINGS
    channels = g.graph.get("support") or []
    if not channels:
        return []
    boxes = staffing_boxes(g) if boxes is None else boxes
    sized = {c["name"]: (_realtime(c, s) if c["kind"] == "realtime" else _async(c, s)) for c in channels}
    shrink = {c["name"]: (c.get("shrinkage") if c.get("shrinkage") is not None else s["shrinkage"]) for c in channels}
    required = {name: erlang.scheduled(r["on_shift"], shrink[name]) for name, r in sized.items()}
    # people per channel: a box staffing several channels is split by their requirements
    modelled: dict[str, float] = dict.fromkeys(sized, 0.0)
    per_box: dict[str, list[str]] = {}
    for name, nodes in boxes.items():
        for n in nodes:
            per_box.setdefault(n, []).append(name)
    shared: dict[str, set[str]] = {name: set() for name in sized}
    for n, names in per_box.items():
        people = int(g.nodes[n].get("headcount") or 1)
        total = sum(required[x] for x in names)
        for x in names:
            modelled[x] += people * (required[x] / total if total else 1.0 / len(names))
            shared[x].update(y for y in names if y != x)
    slack = s["over_slack"]
    out = []
    order = [c["name"] for c in channels]
    on_shift = _on_shift(order, modelled, shrink, shared)
    for c in channels:
        name, r = c["name"], sized[c["name"]]
        have = round(modelled[name], 6)
        on = on_shift[name]
        occ = c.get("max_occupancy") or s["max_occupancy"]
        worst = None
        if c["kind"] == "realtime":
            achieved = erlang.service_level(r["traffic"], on, c["aht_seconds"], r["target"]["within_seconds"]) if boxes[name] else None
            unstable = bool(boxes[name]) and r["traffic"] > 0 and achieved is None
            sources = (_src(s, "erlang"), (s.source("service_level", "en"), s.source("service_level", "zh")))
        else:
            achieved, worst = async_level(c, s, on) if boxes[name] else (None, None)
            unstable = bool(boxes[name]) and c["contacts_per_day"] > 0 and worst is None
            sources = (_src(s, "workload"), (s.source("open_hours", "en"), s.source("open_hours", "zh"))) + ((_src(s, "first_reply"),) if c.get("first_reply_hours") else ())
        need = required[name]
        if not boxes[name]:
            status = "unstaffed" if need > 0 else "ok"
        elif unstable:
            status = "unstable"
        elif have < need - 1e-9:
            status = "under"
        elif have > need * (1 + slack) + 1e-9 and have - need >= 1 - 1e-9:
            status = "over"
        else:
            status = "ok"
        out.append(ChannelStaffing(
            name, c["kind"], r["contacts"], c["aht_seconds"], r["traffic"], r["workload"], r["on_shift"], need, r["for_sl"], r["for_occ"],
            have, on, r["target"], r["sl_required"], achieved, r["p_wait"], r["occupancy"], worst, shrink[name], occ, status,
            role_refs(g, boxes[name]), tuple(boxes[name]), tuple(x for x in order if x in shared[name]), sources, r["steps"],
        ))
    return out


def _on_shift(order: list[str], modelled: dict[str, float], shrink: dict[str, float], shared: dict[str, set[str]]) -> dict[str, int]:
    """Whole agents on shift per channel. Channels sharing people pool them: the group's on-shift
    total is rounded down once and handed out by largest remainder (declaration order on ties)."""
    out: dict[str, int] = {}
    done: set[str] = set()
    for name in order:
        if name in done:
            continue
        group, stack = [], [name]
        while stack:  # channels linked through shared boxes
            x = stack.pop()
            if x in done:
                continue
            done.add(x)
            group.append(x)
            stack.extend(shared[x])
        group.sort(key=order.index)
        exact = {x: modelled[x] * (1.0 - shrink[x]) for x in group}
        total = math.floor(sum(exact.values()) + 1e-9)
        base = {x: math.floor(exact[x] + 1e-9) for x in group}
        rest = sorted(group, key=lambda x: (-(exact[x] - base[x]), order.index(x)))
        for x in rest[: max(0, total - sum(base.values()))]:
            base[x] += 1
        out.update(base)
    return out


def _src(s: Settings, key: str) -> tuple[str, str]:
    from csdesign.knowledge.benchmarks import SOURCES

    return SOURCES[key]
