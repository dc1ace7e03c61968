"""Words for comparing duty names, and the default duties of each leadership level (seed 000).

Plain Python data (no file to load): the words drive ``analysis/names.py`` (near-duplicate
duty names, matching a catalogue entry to the duties roles declare) and ``analysis/gaps.py``
(which level defaults nobody owns).
"""

from __future__ import annotations

from dataclasses import dataclass

#: English words that carry no meaning of their own in a duty name ("Renewal management").
FILLER_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "all", "our",
     "management", "manage", "managing", "handling", "handle", "work", "tasks", "task"}
)

#: Chinese filler words, removed wherever they occur in a CJK run ("续费管理" -> "续费").
FILLER_CJK = ("管理", "工作", "相关", "负责", "事务")

#: Synonym groups: every spelling on the right compares as the word on the left.
#: Kept to unambiguous CS vocabulary so that unrelated duties are not merged.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "renewal": ("renewal", "renewals", "renew", "续费", "续约"),
    "followup": ("followup", "follow-up", "回访"),
    "onboarding": ("onboarding", "onboard", "入职引导", "客户上线"),
    "churn": ("churn", "attrition", "流失"),
    "complaint": ("complaint", "complaints", "投诉"),
    "training": ("training", "enablement", "培训"),
    "ticket": ("ticket", "tickets", "工单"),
    "upsell": ("upsell", "upselling", "expansion", "增购"),
    "customer": ("customer", "client", "客户"),
}


@dataclass(frozen=True)
class LevelDuty:
    """A default duty of one leadership level, with the words that show someone owns it."""

    level: str
    id: str
    en: str
    zh: str
    #: each entry is a set of stemmed English words that must all occur in a duty name
    words: tuple[frozenset[str], ...]
    #: Chinese phrases: the duty name contains one of them
    phrases: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def _w(*groups: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(g.split()) for g in groups)


#: Seed 000's table: 部门总监 / 团队经理 / 一线主管 and what each layer is there to do.
LEVEL_DUTIES: tuple[LevelDuty, ...] = (
    LevelDuty("director", "strategy", "strategy", "制定战略", _w("strategy", "strategic"), ("战略",)),
    LevelDuty("director", "resource_allocation", "resource allocation", "资源调配",
              _w("resource", "alloc", "budget", "headcount"), ("资源", "预算", "编制")),
    LevelDuty("director", "coordination", "cross-department coordination", "跨部门协调",
              _w("coordin", "cross department", "cross functional", "liaison"), ("跨部门", "协调")),
    LevelDuty("manager", "goals", "goal setting", "目标设定", _w("goal", "target", "okr", "objective"), ("目标",)),
    LevelDuty("manager", "team", "team management", "团队管理",
              _w("team", "coach", "hire", "hiring", "people", "staff", "pod"), ("团队", "辅导", "招聘")),
    LevelDuty("manager", "performance", "performance evaluation", "绩效评估",
              _w("evalu", "perform", "apprais", "review"), ("绩效", "考核", "评估")),
    LevelDuty("supervisor", "communication", "customer communication", "客户沟通",
              _w("customer communic", "communic", "escal", "call", "contact", "relationship"), ("沟通", "对接", "联系")),
    LevelDuty("supervisor", "problems", "problem solving", "问题解决",
              _w("problem", "solv", "resolv", "resolution", "triag", "issue", "ticket"), ("问题", "解决", "处理")),
    LevelDuty("supervisor", "feedback", "data feedback", "数据反馈",
              _w("feedback", "feed", "report", "data", "trend", "insight"), ("反馈", "数据", "报告")),
)

#: Levels whose default duties are expected when a role of that level exists.
LEVELS_WITH_DEFAULTS = ("director", "manager", "supervisor")
