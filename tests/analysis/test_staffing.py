"""Capacity issue 15: Erlang maths, CSMs per segment three ways, misallocation, support, cost."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from csdesign.analysis import erlang, run_all
from csdesign.analysis.capacity import analyse
from csdesign.analysis.capacity_settings import DEFAULT_SETTINGS, resolve
from csdesign.analysis.cost import analyse_cost
from csdesign.config import Table
from csdesign.errors import InputError
from tests.helpers import ROOT, graph_from

# --- Erlang B / C ---------------------------------------------------------------------


def test_erlang_c_ten_erlangs_at_80_20():
    # 100 calls in 30 minutes with a 180 s AHT: 100 × 180 / 1800 = 10 Erlangs (the issue's
    # figures, recomputed here by hand from the formula):
    #   B(13) by the recursion, C(13) = 13·B / (13 − 10·(1 − B)) = 0.28527,
    #   SL(13) = 1 − 0.28527·exp(−3 × 20 / 180) = 0.7956;  C(14) = 0.17413,
    #   SL(14) = 1 − 0.17413·exp(−4 × 20 / 180) = 0.8884;  14 / (1 − 0.3) = 20 scheduled.
    a = erlang.traffic(100 * 2, 180)  # 100 per half hour = 200 per hour
    assert a == 10.0
    assert round(erlang.service_level(a, 13, 180, 20), 3) == 0.796
    assert round(erlang.service_level(a, 14, 180, 20), 3) == 0.888
    assert round(erlang.erlang_c(a, 14), 3) == 0.174
    st = erlang.agents_for(a, 180, 0.8, 20)
    assert (st.agents, st.for_service_level, round(st.service_level, 4), round(st.p_wait, 4)) == (14, 14, 0.8884, 0.1741)
    assert erlang.scheduled(st.agents, 0.3) == 20


@pytest.mark.parametrize("agents, erlangs", [(5, 1.36), (10, 4.46), (20, 12.03), (50, 37.90), (100, 84.06)])
def test_erlang_b_matches_the_published_one_percent_table(agents, erlangs):
    # Second published example: the Erlang B table at a 1% grade of service (blocking), as
    # printed in every traffic-engineering reference (e.g. the Erlang B tables of ITU-T's
    # Teletraffic Engineering Handbook): 5 trunks carry 1.36 E, 10 carry 4.46 E, 20 carry
    # 12.03 E, 50 carry 37.90 E, 100 carry 84.06 E. Erlang C is derived from this B.
    assert round(erlang.erlang_b(erlangs, agents), 3) == 0.010


def test_erlang_c_westbay_step_by_step_example():
    # Westbay Engineers' "The Erlang-C formula" walks through 360 calls per half hour, 4-minute
    # calls, 55 agents and a 15-second target: A = 360 × 240 / 1800 = 48 Erlangs, occupancy
    # 48 / 55 = 87.3%. The results below are this implementation's, checked against a direct
    # sum of the textbook formula in test_recursion_is_stable_at_thousands_of_agents.
    a = erlang.traffic(720, 240)
    assert a == 48.0
    assert round(a / 55, 3) == 0.873
    assert round(erlang.erlang_c(a, 55), 4) == 0.2387
    assert round(erlang.average_wait(a, 55, 240), 2) == 8.18
    assert round(erlang.service_level(a, 55, 240, 15), 4) == 0.8459


def _direct_b(a: float, n: int) -> float:
    """Erlang B from its definition, in log space (an independent check, not the recursion)."""
    terms = [k * math.log(a) - math.lgamma(k + 1) for k in range(n + 1)]
    top = max(terms)
    return math.exp(terms[-1] - top) / sum(math.exp(t - top) for t in terms)


@pytest.mark.parametrize("a, n", [(48.0, 55), (1000.0, 1000), (1000.0, 1050), (5000.0, 5100)])
def test_recursion_is_stable_at_thousands_of_agents(a, n):
    assert erlang.erlang_b(a, n) == pytest.approx(_direct_b(a, n), rel=1e-9)


def test_large_centres_size_in_linear_steps():
    st = erlang.agents_for(1000.0, 180, 0.8, 20, 0.9)
    assert (st.agents, st.for_service_level, st.for_occupancy, st.steps) == (1112, 1011, 1112, 1112)
    st = erlang.agents_for(2000.0, 300, 0.8, 20, 0.9)
    assert st.steps == st.agents == 2223


def test_zero_traffic_and_unstable_queues_are_reported_not_looped():
    assert erlang.agents_for(0.0, 180, 0.8, 20) == erlang.Staffing(0.0, 0, 0, 0, 1.0, 0.0, 0.0, 0)
    assert erlang.service_level(0.0, 0, 180, 20) == 1.0
    # traffic >= agents: no steady state
    assert erlang.erlang_c(10.0, 10) is None
    assert erlang.service_level(10.0, 9, 180, 20) is None
    assert erlang.average_wait(10.0, 10, 180) is None
    with pytest.raises(ValueError, match="must be between 0 and 1"):
        erlang.agents_for(10.0, 180, 1.0, 20)  # nobody answers every call in time


def test_occupancy_cap_adds_agents():
    # 400 calls / 30 min at 257 s: 57.1 Erlangs; 64 agents meet 80/20 but run at 89%
    # occupancy, so the 85% cap needs 68; with 30% shrinkage 98 scheduled.
    a = erlang.traffic(800, 257)
    st = erlang.agents_for(a, 257, 0.8, 20, 0.85)
    assert (st.for_service_level, st.for_occupancy, st.agents, erlang.scheduled(st.agents, 0.3)) == (64, 68, 68, 98)
    assert round(st.occupancy, 3) == 0.840


# --- CSMs per segment, three ways -------------------------------------------------------

SEGMENTS = """
company: {name: 云帆科技, currency: CNY, fx: {USD: 7.2}}
dimensions:
  segments:
    - {name: 战略客户, accounts: 40, arr: 120000000, coverage: named, touches_per_quarter: 6, hours_per_touch: 6}
    - {name: 重要客户, accounts: 300, arr: 90000000, coverage: named}
    - {name: 普通客户, accounts: 4000, arr: 36000000, coverage: pooled}
roles:
  - {id: head, title: 客户成功总监, level: director}
  - {id: sam, title: 战略客户经理, reports_to: head, headcount: 9, only: {segments: [战略客户]}}
  - {id: kam, title: 重要客户经理, reports_to: head, headcount: 7, only: {segments: [重要客户]}}
  - {id: pool, title: 客户成功专员, reports_to: head, headcount: 15, capacity: {普通客户: 275}}
"""


def test_required_csms_three_ways_with_fx():
    rows = {s.name: s for s in analyse(graph_from(SEGMENTS)).segments}
    got = {name: ({k: m.required for k, m in s.methods.items()}, s.band, s.modelled, s.status) for name, s in rows.items()}
    assert got == {
        # 120,000,000 CNY / 7.2 = 16,666,667 USD / 2M = 8.33 -> 9; 40 / 10 = 4; 40 × 6 × 6 / 331.5 = 4.34 -> 5
        "战略客户": ({"arr": 9, "accounts": 4, "hours": 5}, "named-strategic", 9.0, "ok"),
        # 90,000,000 / 7.2 = 12.5M USD -> 6.25 -> 7; 41,667 USD per account: one CSM holds 48 (>= 20):
        # mid-market, 300 / 47.5 = 6.32 -> 7; 300 × 3 × 2.5 / 331.5 = 6.79 -> 7
        "重要客户": ({"arr": 7, "accounts": 7, "hours": 7}, "named-mid-market", 7.0, "ok"),
        # 36,000,000 / 7.2 = 5M USD -> 2.5 -> 3; 4000 / 275 = 14.55 -> 15; 4000 × 1 × 1.2 / 331.5 = 14.48 -> 15
        "普通客户": ({"arr": 3, "accounts": 15, "hours": 15}, "pooled", 15.0, "ok"),
    }
    s = rows["战略客户"]
    assert (s.methods["accounts"].low, s.methods["accounts"].high) == (3, 8)
    assert s.methods["arr"].basis[0] == "120,000,000 CNY = 16,666,667 USD at 7.2 CNY/USD; 16,666,667 USD ÷ 2,000,000 USD per CSM = 8.33"
    assert s.methods["arr"].source[0] == "Gainsight's guidepost of about 1 CSM per $2M ARR at scale"
    assert s.methods["hours"].basis[0] == "40 accounts × 6 touches a quarter × 6 h a touch ÷ 331.5 h per CSM a quarter = 4.34"
    assert s.methods["hours"].source[0].startswith("the segment's touches_per_quarter and hours_per_touch; csdesign's default CSM week: 40 h × 13 weeks")
    assert DEFAULT_SETTINGS.productive_hours == 331.5
    # 9 strategic account managers hold 4.4 accounts each: below the 5-15 band
    assert (s.in_band, rows["重要客户"].in_band, rows["普通客户"].in_band) == (False, True, True)


def test_under_staffed_segment_message_names_all_three_figures():
    text = SEGMENTS.replace("headcount: 9, only", "headcount: 1, only")
    seg = analyse(graph_from(text)).segments[0]
    assert seg.status == "under"
    assert seg.message() == (
        "segment '战略客户' needs 9 CSMs by ARR, 4 by accounts (3–8 at 5–15 accounts per CSM), 5 by hours; "
        "the model has 1 (40 accounts per CSM, outside the 5–15 band): under-staffed by at least 3; "
        "hire, or move people from over-covered segments"
    )
    assert seg.message("zh") == (
        "客户分层「战略客户」按 ARR 需 9 名，按客户数需 4 名（每人 5–15 个客户时为 3–8 名），按工时需 5 名；"
        "模型中有 1 名（每人 40 个客户，超出 5–15 区间）：至少缺编 3 名；请招聘，或从覆盖过度的分层调配"
    )


def test_defaults_overridden_in_config_and_file_name_their_source():
    table = Table("pyproject.toml", "tool.csdesign.capacity", {"arr-per-csm": 1500000, "accounts-per-csm": {"named-strategic": [8, 12]}})
    text = SEGMENTS.replace("roles:", "capacity: {hours_per_week: 45}\nroles:")
    g = graph_from(text)
    s = resolve(g.graph["capacity_settings"], table, "org.yaml")
    seg = analyse(g, s).segments[0]
    assert {k: m.required for k, m in seg.methods.items()} == {"arr": 12, "accounts": 4, "hours": 4}
    assert seg.methods["arr"].source[0] == "set in pyproject.toml [tool.csdesign.capacity] arr-per-csm"
    assert seg.methods["accounts"].source[0] == "set in pyproject.toml [tool.csdesign.capacity] accounts-per-csm"
    assert (seg.methods["accounts"].low, seg.methods["accounts"].high) == (4, 5)
    assert s.productive_hours == 372.9375  # 45 × 13 × 0.75 × 0.85
    assert "set in org.yaml capacity.hours_per_week" in seg.methods["hours"].source[0]


@pytest.mark.parametrize(
    "table, message",
    [
        ({"arr-per-cms": 1}, "unknown key `arr-per-cms` in [capacity]; did you mean `arr-per-csm`?"),
        ({"utilisation": 2}, "[capacity] utilisation: Input should be less than or equal to 1 (got 2)"),
        ({"accounts-per-csm": {"named": [5, 15]}}, "[capacity] accounts-per-csm.named: Input should be 'named-strategic', 'named-mid-market', 'pooled' or 'digital' (got 'named')"),
    ],
)
def test_bad_capacity_table_is_a_config_error(table, message):
    with pytest.raises(InputError) as exc:
        resolve(None, Table("csdesign.toml", "capacity", table))
    assert exc.value.message == message


def test_fx_missing_makes_the_arr_method_unavailable():
    seg = analyse(graph_from(SEGMENTS.replace(", fx: {USD: 7.2}", ""))).segments[0]
    assert seg.methods["arr"].required is None
    assert seg.methods["arr"].basis[0] == "company.currency is CNY and company.fx has no USD rate"
    assert seg.band == "named-strategic"  # no rate to compare: the strategic band, and it says so


# --- misallocation (the probe) ------------------------------------------------

PROBE = """
company: {name: Probe, currency: USD}
dimensions:
  segments:
    - {name: 战略客户, accounts: 40, arr: 12000000, coverage: named}
    - {name: 普通客户, accounts: 4000, arr: 8000000, coverage: pooled}
roles:
  - {id: head, title: 客户成功总监, level: director}
  - {id: sam, title: 战略客户经理, reports_to: head, only: {segments: [战略客户]}}
  - {id: csm, title: 客户成功经理, reports_to: head, headcount: 2, only: {segments: [普通客户]}}
"""


def test_probe_misallocation_and_under_coverage():
    cap = analyse(graph_from(PROBE))
    seg = {s.name: s for s in cap.segments}
    assert [(s.name, s.modelled, {k: m.required for k, m in s.methods.items()}, s.status) for s in cap.segments] == [
        ("战略客户", 1.0, {"arr": 6, "accounts": 4, "hours": 4}, "under"),
        ("普通客户", 2.0, {"arr": 4, "accounts": 15, "hours": 15}, "under"),
    ]
    assert (round(seg["战略客户"].capacity_share, 4), seg["战略客户"].value_share, round(seg["战略客户"].account_share, 4)) == (0.3333, 0.6, 0.0099)
    assert [(m.segment, m.direction, m.counterpart, m.hire) for m in cap.misallocations] == [
        ("战略客户", "under-served", "普通客户", True),
        ("普通客户", "over-served", "战略客户", True),
    ]
    assert cap.misallocations[0].message() == (
        "segment '战略客户' has 33.3% of CS capacity but 60% of ARR, 1% of accounts: under-served for its value; "
        "move people to it from '普通客户' (66.7% of capacity, 40% of ARR), or hire: '普通客户' is itself short of its required CSMs"
    )
    assert cap.misallocations[1].message("zh") == (
        "客户分层「普通客户」占客户成功人力的 66.7%，但占 ARR 的 40%，客户数占 99%：相对其价值投入过多；"
        "请将人员调往「战略客户」（人力 33.3%，ARR 60%）；但该分层本身也低于所需人数：请为「战略客户」招聘，而不是调走人员"
    )


def test_balanced_shares_are_not_misallocated():
    balanced = PROBE.replace("arr: 12000000", "arr: 4000000")  # 33% of ARR, 33% of capacity
    assert analyse(graph_from(balanced)).misallocations == []


# --- support channels -----------------------------------------------------------------

SUPPORT = """
company: {name: 帆}
dimensions: {channels: [phone, email]}
roles:
  - {id: head, title: 客服总监, level: director}
  - {id: agent, title: 热线坐席, reports_to: head, headcount: 20, only: {channels: [phone]}}
  - {id: mail, title: 邮件客服, reports_to: head, headcount: 28}
support:
  channels:
    - {name: phone, contacts_per_hour: 200, aht_seconds: 180, service_level: {answered: 0.8, within_seconds: 20}, shrinkage: 0.3, max_occupancy: 0.85}
    - {name: email, contacts_per_day: 800, aht_seconds: 420, first_reply_hours: 4, roles: [mail]}
"""


def test_channels_sized_against_the_roles_that_staff_them():
    phone, email = analyse(graph_from(SUPPORT)).support
    assert (phone.traffic_erlangs, phone.on_shift_required, phone.agents_required, phone.agents_modelled, phone.on_shift_modelled) == (10.0, 14, 20, 20.0, 14)
    assert (round(phone.service_level_achieved, 3), phone.status, [r.role_id for r in phone.roles]) == (0.888, "ok", ["agent"])
    # email: 800 a day over 24 h, answered in 8 open hours; the 533 that arrive while closed must
    # be answered within 4 h: 133.3 an hour at 0.85 × 3600 / 420 = 7.29 per agent = 19 on shift, 28 scheduled
    assert (email.workload_hours, email.agents_for_occupancy, email.agents_for_service_level, email.on_shift_required, email.agents_required) == (
        pytest.approx(93.3333, abs=1e-4), 14, 19, 19, 28)
    assert (email.agents_modelled, email.on_shift_modelled, email.status, round(email.first_reply_hours_achieved, 2)) == (28.0, 19, "ok", 3.85)
    assert email.service_level_achieved == 1.0


def test_unstable_and_unstaffed_channels():
    short = SUPPORT.replace("headcount: 20, only", "headcount: 12, only").replace("headcount: 28", "headcount: 9")
    phone, email = analyse(graph_from(short)).support
    assert (phone.on_shift_modelled, phone.status, phone.service_level_achieved) == (8, "unstable", None)
    assert phone.message() == (
        "channel 'phone': 200 contacts in the peak hour × 180 s = 10 Erlangs; 80% answered within 20 s needs 14 on shift, 20 scheduled "
        "at 30% shrinkage; 热线坐席 (agent) has 12: 8 on shift for 10 Erlangs is an unstable queue (it grows without bound); add at least 8"
    )
    assert (email.status, email.first_reply_hours_achieved) == ("unstable", None)  # 6 on shift cannot clear a day
    nobody = analyse(graph_from(SUPPORT.replace(", only: {channels: [phone]}", ""))).support[0]
    assert (nobody.status, nobody.agents_modelled) == ("unstaffed", 0.0)


def test_people_shared_by_two_channels_are_pooled_once():
    shared = SUPPORT.replace("roles: [mail]", "roles: [mail, agent]").replace(", only: {channels: [phone]}", "").replace(
        "contacts_per_hour: 200", "contacts_per_hour: 200, roles: [agent]")
    phone, email = analyse(graph_from(shared)).support
    assert (phone.shared_with, email.shared_with) == (("email",), ("phone",))
    # 48 people: 20 × 20/48 + ... split by requirement (20 and 28): 20 and 28 again
    assert (phone.agents_modelled, email.agents_modelled, phone.on_shift_modelled + email.on_shift_modelled) == (pytest.approx(8.3333, abs=1e-4), pytest.approx(39.6667, abs=1e-4), 33)


# --- cost ------------------------------------------------------------------------------


def test_cost_per_structure_of_the_growth_example():
    from csdesign.analysis.compare import compare
    from csdesign.model import load_org

    c = compare(load_org(str(ROOT / "examples" / "growth-saas.yaml")))
    assert {m.structure: (m.headcount, m.cost) for m in c.rows} == {
        "functional": (16, 2195000.0), "product": (38, 4905000.0), "market": (35, 4530000.0), "geographic": (38, 4905000.0),
        "process": (25, 3485000.0), "matrix": (40, 5265000.0), "circular": (16, 2195000.0), "flat": (16, 2195000.0),
    }


def test_cost_report_levels_share_and_band():
    g = graph_from(PROBE + "costs: {levels: {director: 300000, individual: 150000}, roles: {sam: 200000}}\n")
    cost = analyse_cost(g)
    assert (cost.total, cost.by_level, cost.people, cost.people_costed) == (800000.0, {"director": 300000.0, "individual": 500000.0}, 4, 4)
    assert (cost.share_of_arr, cost.status, cost.band) == (0.04, "below", (0.056667, 0.1275))
    assert cost.message() == (
        "fully loaded cost 800,000 USD a year for 4 people; 4% of ARR (20,000,000 USD) against a median of about 8.5%, "
        "below the 5.7%–12.8% band: check that segments and channels are not under-staffed"
    )
    none = analyse_cost(graph_from(PROBE))
    assert (none.total, none.status) == (None, "unknown")


def test_report_only_cost_json(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(PROBE + "costs: {levels: {director: 300000, individual: 150000}}\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "csdesign", "report", str(path), "--only", "cost", "-f", "json"], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    import json

    data = json.loads(res.stdout)
    assert (data["analyses"], data["capacity"], data["cost"]["total"], data["cost"]["by_level"], data["cost"]["share_of_arr"]) == (
        ["cost"], None, 750000.0, {"director": 300000.0, "individual": 450000.0}, 0.0375)


def test_capacity_table_in_pyproject_reaches_the_report(tmp_path):
    path = tmp_path / "org.yaml"
    path.write_text(PROBE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.csdesign.capacity]\narr-per-csm = 1000000\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "csdesign", "report", str(path), "--only", "capacity", "-f", "json"], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    import json

    seg = json.loads(res.stdout)["capacity"]["segments"][0]
    assert seg["required"] == {"arr": 12, "accounts": 4, "hours": 4}
    assert seg["methods"]["arr"]["source"] == "set in pyproject.toml [tool.csdesign.capacity] arr-per-csm"
    (tmp_path / "pyproject.toml").write_text("[tool.csdesign.capacity]\narr_per_csm = -1\n", encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "csdesign", "report", str(path), "--only", "capacity"], capture_output=True, text=True, cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.startswith("pyproject.toml: [tool.csdesign.capacity] arr-per-csm: Input should be greater than 0 (got -1)")


def test_report_json_of_the_examples_validates():
    import json

    import jsonschema

    from csdesign.render.report.json_format import report_json
    from csdesign.structures import build_file

    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    for name in ("enterprise.yaml", "growth-saas.yaml"):
        for lang in ("en", "zh"):
            data = json.loads(report_json(run_all(build_file(str(ROOT / "examples" / name))), lang))
            jsonschema.validate(data, schema)
    data = json.loads(report_json(run_all(build_file(str(ROOT / "examples" / "enterprise.yaml"))), "en"))
    assert {k: data["capacity"]["segments"][0][k] for k in ("name", "accounts", "arr", "required", "modelled", "capacity_share", "value_share")} == {
        "name": "Strategic", "accounts": 60, "arr": 84000000.0, "required": {"arr": 6, "accounts": 6, "hours": 11}, "modelled": 12.0,
        "capacity_share": 0.5, "value_share": 0.5793,
    }
    assert {k: data["capacity"]["support"][0][k] for k in ("channel", "agents_required", "agents_modelled", "service_level_achieved")} == {
        "channel": "phone", "agents_required": 6, "agents_modelled": 9.0, "service_level_achieved": 0.9862,
    }
    assert {k: data["cost"][k] for k in ("total", "by_level", "share_of_arr")} == {
        "total": 45490000.0, "by_level": {"director": 3600000.0, "manager": 4550000.0, "supervisor": 5460000.0, "individual": 31880000.0}, "share_of_arr": 0.2486,
    }


def test_diff_shows_the_cost_delta(tmp_path):
    from csdesign.analysis.diff import diff
    from csdesign.structures import build_file

    before = ROOT / "examples" / "enterprise.yaml"
    after = tmp_path / "after.yaml"
    after.write_text(before.read_text(encoding="utf-8").replace("    headcount: 12\n    only:\n      segments: [Important]", "    headcount: 6\n    only:\n      segments: [Important]"), encoding="utf-8")
    d = diff(build_file(str(before)), build_file(str(after)))
    metrics = {m.name: (m.before, m.after) for m in d.metrics}
    # 6 fewer key account managers at 400,000 CNY: -2,400,000
    assert metrics["fully loaded cost"] == (45490000, 43090000)
    assert metrics["cost, % of ARR"] == (24.9, 23.5)
    from csdesign.render.diff.text import change

    cost = next(m for m in d.metrics if m.name == "fully loaded cost")
    assert change(cost) == "-2,400,000"


def test_capacity_sections_in_markdown():
    from csdesign.render.report.markdown import report_markdown

    md = report_markdown(run_all(graph_from(PROBE), "capacity"), "en")
    assert "| Segment | Accounts | ARR (USD) | By ARR | By accounts | By hours | Modelled | Capacity share | ARR share | Status |" in md
    assert "| 战略客户 | 40 | 12,000,000 | 6 | 4 (3–8) | 4 | 1 | 33.3% | 60% | under-staffed |" in md
    zh = report_markdown(run_all(graph_from(PROBE), "capacity"), "zh")
    assert "## 客户成功服务容量：各客户分层所需 CSM" in zh
    assert "| 客户分层 | 客户数 | ARR（USD） | 按 ARR | 按客户数 | 按工时 | 模型人数 | 人力占比 | ARR 占比 | 状态 |" in zh
