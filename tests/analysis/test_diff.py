"""Reorganisation diff: boxes, duty transfers, overlaps/gaps resolved and introduced, metrics."""

from __future__ import annotations

from csdesign.analysis.diff import diff, pair_boxes
from csdesign.structures import build_file
from tests.helpers import graph_from


def reorg(examples_dir):
    return diff(build_file(str(examples_dir / "reorg-before.yaml")), build_file(str(examples_dir / "reorg-after.yaml")))


def test_example_boxes(examples_dir):
    d = reorg(examples_dir)
    rows = [(b.status, b.node, b.name, b.title, b.vacant, b.changes) for b in d.boxes]
    assert rows == [
        ("added", "yf012", None, "客户成功经理", True, ()),
        ("added", "yf010", "孙悦", "续约经理", False, ()),
        ("added", "yf011", None, "客户数据分析师", True, ()),
        ("removed", "yf008", "周婷", "客服专员", False, ()),
        ("moved", "yf002", "李强", "战略客户组组长", False, (
            ("unit", "客户成功组", "战略客户组"), ("title", "高级客户成功经理", "战略客户组组长"),
            ("role", "csm", "csm_lead"), ("level", "individual", "supervisor"))),
        ("moved", "yf003", "王丽", "客户成功经理", False, (
            ("manager", "张敏 · 客户服务部经理", "李强 · 战略客户组组长"), ("unit", "客户成功组", "战略客户组"))),
        ("moved", "yf004", "赵磊", "客户成功经理", False, (("unit", "客户成功组", "重要客户组"),)),
        ("changed", "yf001", "张敏", "客户成功部总监", False, (
            ("title", "客户服务部经理", "客户成功部总监"), ("role", "cs_manager", "cs_director"), ("level", "manager", "director"))),
    ]
    assert d.unchanged == 4
    assert d.changed


def test_example_duty_transfers(examples_dir):
    d = reorg(examples_dir)
    got = [(t.kind, t.duty, [r.role_id for r in t.gave_up], [r.role_id for r in t.took_on], [r.role_id for r in t.kept]) for t in d.transfers]
    assert got[:4] == [
        ("moved", "续约管理", ["csm"], ["renewal"], []),
        # 客户问题解决 (CSM lead) is the support lead's 问题解决: one duty, problem solving, now shared
        ("shared", "客户问题解决", [], ["csm_lead"], ["support_lead"]),
        ("narrowed", "客户入职培训", ["csm"], [], ["trainer"]),
        ("narrowed", "处理客户投诉", ["csm"], [], ["support"]),
    ]
    assert [t.duty for t in d.transfers if t.kind == "dropped"] == ["制定团队目标", "团队管理与辅导", "绩效评估"]
    assert [t.duty for t in d.transfers if t.kind == "new"] == [
        "制定客户成功战略", "人员与预算资源分配", "跨部门协调", "战略客户沟通与升级", "客户反馈汇总",
        "季度业务回顾", "增购机会跟进", "客户数据分析", "客户健康度模型维护",
    ]
    # an as-is role shows the title most of its people carry, not one person's own title
    assert d.transfers[0].gave_up[0].title == "客户成功经理"


def test_example_findings_and_metrics(examples_dir):
    d = reorg(examples_dir)
    assert [(o.duty, tuple(r.role_id for r in o.roles)) for o in d.overlaps_resolved] == [
        ("客户入职培训", ("csm", "trainer")), ("处理客户投诉", ("csm", "support")),
    ]
    assert [g.name for g in d.gaps_resolved] == ["客户数据分析"]
    # the CSM lead's 客户问题解决 and the support lead's 问题解决 are one duty for strategic customers
    assert [(o.duty, tuple(r.role_id for r in o.roles)) for o in d.overlaps_introduced] == [("客户问题解决", ("csm_lead", "support_lead"))]
    # the manager's duties lose their last owner; ordinary customers (普通客户) lose health monitoring
    assert [(g.name, g.source, g.scope) for g in d.gaps_introduced] == [
        ("制定团队目标", "owner-removed", ()), ("团队管理与辅导", "owner-removed", ()), ("绩效评估", "owner-removed", ()),
        ("客户健康度监控", "owner-removed", (("segment", ("普通客户",)),)),
    ]
    assert d.gaps_introduced[3].message() == (
        "nobody owns the duty '客户健康度监控' in segment: 普通客户 any more (still owned elsewhere by 客户成功经理 (csm)); "
        "the last owner there was removed: give it an owner there")
    assert [(m.name, m.before, m.after) for m in d.metrics] == [
        ("CS reports to", "Sales", "COO"), ("structure", "explicit", "explicit"), ("boxes", 9, 11), ("headcount", 9, 11),
        ("managers", 2, 3), ("individuals per manager", 3.5, 2.67), ("layers below the head", 2, 2), ("units", 2, 3),
    ]
    assert [(m.name, m.before, m.after) for m in d.bands if m.changed] == [("micro team (2–3)", 1, 2)]
    assert [(r.role_id, b, a) for r, b, a in d.role_headcount] == [
        ("cs_manager", 1, 0), ("support", 3, 2), ("cs_director", 0, 1), ("csm_lead", 0, 1), ("renewal", 0, 1), ("analyst", 0, 1),
    ]


def test_same_org_has_no_changes(examples_dir):
    g = build_file(str(examples_dir / "reorg-before.yaml"))
    d = diff(g, build_file(str(examples_dir / "reorg-before.yaml")))
    assert (d.boxes, d.transfers, d.unchanged, d.changed) == ([], [], 9, False)


PROPOSAL = """\
company: {name: X}
dimensions: {products: [A, B]}
structure: {type: %s}
duties: [续约管理]
roles:
  - {id: head, title: Head, level: director}
  - {id: csm, title: CSM, headcount: 2, duties: [续约管理]}
  - {id: ae, title: Account Exec, duties: [续约管理], only: {products: [B]}}
"""


def test_across_structures_pairs_by_role_when_one_to_one():
    before, after = graph_from(PROPOSAL % "functional"), graph_from(PROPOSAL % "product")
    # one csm box becomes one per product (not 1:1: added/removed); ae stays one box (paired, moved)
    assert pair_boxes(before, after) == {"head": "head", "ae@function:customer success": "ae@product:B"}
    d = diff(before, after)
    assert [(b.status, b.node) for b in d.boxes] == [
        ("added", "csm@product:A"), ("added", "csm@product:B"),
        ("removed", "csm@function:customer success"), ("moved", "ae@product:B"),
    ]
    assert [(r.role_id, b, a) for r, b, a in d.role_headcount] == [("csm", 2, 4)]
    assert d.metrics[1].before == "functional" and d.metrics[1].after == "product"


def test_unique_role_boxes_pair_across_structures():
    before = graph_from(PROPOSAL.replace("headcount: 2, ", "") % "functional")
    after = graph_from(PROPOSAL.replace("headcount: 2, ", "headcount: 3, ").replace("dimensions: {products: [A, B]}", "dimensions: {products: [A]}").replace(", only: {products: [B]}", "") % "product")
    pairs = pair_boxes(before, after)
    assert pairs == {"head": "head", "csm@function:customer success": "csm@product:A", "ae@function:customer success": "ae@product:A"}
    d = diff(before, after)
    assert [(b.status, b.before_node, b.node, b.changes) for b in d.boxes] == [
        ("moved", "csm@function:customer success", "csm@product:A", (("unit", "customer success", "A"), ("headcount", "1", "3"))),
        ("moved", "ae@function:customer success", "ae@product:A", (("unit", "customer success", "A"),)),
    ]


def run(*args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "csdesign", *args], capture_output=True, text=True, encoding="utf-8")


def test_cli_markdown_json_and_exit_code(examples_dir):
    before, after = str(examples_dir / "reorg-before.yaml"), str(examples_dir / "reorg-after.yaml")
    md = run("diff", before, after, "--format", "markdown")
    assert md.returncode == 0, md.stderr
    lines = md.stdout.splitlines()
    assert lines[0] == "## Reorganisation: 云帆科技 (explicit) → 云帆科技 (explicit)"
    assert lines[2].endswith("reorg-after.yaml: **3 added, 1 removed, 3 moved, 1 changed, 4 unchanged**")
    assert "| CS reports to | Sales | COO | changed |" in lines
    assert "| → moved | 王丽 · 客户成功经理 (yf003) | manager: 张敏 · 客户服务部经理 → 李强 · 战略客户组组长; unit: 客户成功组 → 战略客户组 |" in lines
    assert "| + added | 客户成功经理 (yf012, vacant) |  |" in lines
    assert "| 续约管理 | moved | from 客户成功经理 (csm) to 续约经理 (renewal) |" in lines
    assert "| role | before | after | change |" in lines and "| 客服专员 (support) | 3 | 2 | -1 |" in lines
    assert "- ✅ Resolved gap: no role owns the duty '客户数据分析'; give it one owner and write it into that role's job description" in lines
    again = run("diff", before, after, "--format", "markdown")
    assert again.stdout == md.stdout  # deterministic
    js = run("diff", before, after, "--format", "json", "--exit-code")
    assert js.returncode == 1
    import json

    data = json.loads(js.stdout)
    assert data["version"] == 1
    assert data["summary"] == {"added": 3, "removed": 1, "moved": 3, "changed": 1, "unchanged": 4}
    assert data["duties"][0] == {"kind": "moved", "duty": "续约管理", "from": [{"id": "csm", "title": "客户成功经理"}], "to": [{"id": "renewal", "title": "续约经理"}], "kept": []}
    same = run("diff", before, before, "--exit-code", "-f", "json")
    assert same.returncode == 0
    bad = run("diff", before, after, "--lang", "fr")
    assert (bad.returncode, bad.stderr) == (2, "unknown language 'fr' (use en or zh)\n")


def test_markdown_escapes_user_text(write_yaml):
    before = write_yaml("company: {name: 'A|B'}\npositions:\n  - {id: a, title: Head}\n", "before.yaml")
    after = write_yaml("company: {name: 'A|B'}\npositions:\n  - {id: a, title: Head}\n  - {id: b, title: '<b>*x*</b> | [y](z)', reports_to: a}\n", "after.yaml")
    md = run("diff", str(before), str(after), "-f", "markdown").stdout
    assert "| + added | \\<b\\>\\*x\\*\\</b\\> \\| \\[y\\](z) (b) |  |" in md
    assert md.startswith("## Reorganisation: A\\|B (explicit) → A\\|B (explicit)\n")


def test_render_compare_colours_changes(examples_dir, tmp_path):
    out = tmp_path / "reorg.dot"
    res = run("render", str(examples_dir / "reorg-after.yaml"), "--compare", str(examples_dir / "reorg-before.yaml"), "-o", str(out), "--page", "none", "--lang", "en")
    assert res.returncode == 0, res.stderr
    dot = out.read_text(encoding="utf-8")
    # client-facing: no file path in the title, no internal id in the legend
    assert "<B>云帆科技 · as-is org · changes</B>" in dot and "reorg-before" not in dot
    assert '<FONT COLOR="#c62828"><B>■</B></FONT> removed: 周婷 · 客服专员 (1)' in dot and "yf008" not in dot
    assert '<FONT COLOR="#2e7d32"><B>■</B></FONT> added (3)' in dot
    assert '<FONT COLOR="#8e24aa"><B>■</B></FONT> moved (3)' in dot
    assert dot.count('COLOR="#2e7d32"') == 4  # three added boxes and their legend entry
    zh = run("render", str(examples_dir / "reorg-after.yaml"), "--compare", str(examples_dir / "reorg-before.yaml"), "-o", str(tmp_path / "zh.dot"), "--page", "none")  # zh: the org's language
    assert zh.returncode == 0, zh.stderr
    text = (tmp_path / "zh.dot").read_text(encoding="utf-8")
    assert "<B>云帆科技 · 现状组织 · 变更</B>" in text and "移除：周婷 · 客服专员（1）" in text and "新增（3）" in text
    html = run("render", str(examples_dir / "reorg-after.yaml"), "--compare", str(examples_dir / "reorg-before.yaml"), "-o", str(tmp_path / "x.html"))
    assert html.returncode == 2
    assert html.stderr == "--compare colours Graphviz charts; it cannot mark changes in .html (write .svg, .png, .pdf or .dot, or use `csdesign diff`)\n"


def test_as_is_against_its_own_proposal(examples_dir):
    path = str(examples_dir / "reorg-after.yaml")
    d = diff(build_file(path), build_file(path, "functional"))
    moved = {b.before_node: b.changes for b in d.boxes if b.status == "moved"}
    # people are not compared with a proposal's empty boxes: only the unit changes
    assert moved["yf010"] == (("unit", "—", "renewals"),)
    assert moved["yf005"] == (("unit", "客服组", "support"),)
    assert [(b.status, b.before_node, b.node, b.changes) for b in d.boxes if b.status == "changed"] == []
    assert (d.count("added"), d.count("removed"), d.count("moved"), d.unchanged) == (2, 5, 5, 1)
    assert [(m.name, m.before, m.after) for m in d.metrics if m.changed] == [
        ("structure", "explicit", "functional"), ("boxes", 11, 8), ("headcount", 11, 8), ("individuals per manager", 2.67, 1.67), ("units", 3, 5),
    ]


def test_cli_markdown_in_chinese(examples_dir):
    md = run("diff", str(examples_dir / "reorg-before.yaml"), str(examples_dir / "reorg-after.yaml"), "-f", "markdown", "--lang", "zh")
    assert md.returncode == 0, md.stderr
    lines = md.stdout.splitlines()
    assert lines[0] == "## 组织调整：云帆科技（现状组织） → 云帆科技（现状组织）"
    assert lines[2].endswith("reorg-after.yaml：**新增 3，移除 1，调动 3，变更 1，未变 4**")
    assert "| 客户成功部汇报对象 | Sales | COO | 有变化 |" in lines
    assert "| → 调动 | 王丽 · 客户成功经理（yf003） | 上级：张敏 · 客户服务部经理 → 李强 · 战略客户组组长；单元：客户成功组 → 战略客户组 |" in lines
    assert "| 续约管理 | 转移 | 从 客户成功经理（csm） 转给 续约经理（renewal） |" in lines
    assert "| 处理客户投诉 | 收窄 | 客户成功经理（csm） 不再负责；由 客服专员（support） 负责 |" in lines
    assert any(line.startswith("- ✅ 已解决缺口：") for line in lines)
    assert "| 结构 | 现状组织 | 现状组织 |  |" in lines  # the structure by its Chinese name, not `explicit`
    assert "| 微型团队（2–3） | 1 | 2 | +1 |" in lines


RATIO = """\
company: {name: R, employees: 300, kind: internet}
structure: {type: functional}
roles:
  - {id: head, title: 总监, level: director, scope: head}
  - {id: m1, title: 经理甲, level: manager, reports_to: head}
  - {id: m2, title: 经理乙, level: manager, reports_to: head}
  - {id: a, title: 专员甲, reports_to: m1, headcount: %d}
  - {id: b, title: 专员乙, reports_to: m2, headcount: 39}
"""


def test_ratio_change_is_computed_from_the_exact_ratios_not_the_rounded_ones():
    from csdesign.render.diff.text import change

    d = diff(graph_from(RATIO % 38), graph_from(RATIO % 46))
    ratio = next(m for m in d.metrics if m.name == "individuals per manager")
    # 77 / 3 = 25.666.. -> 85 / 3 = 28.333..: +2.67 (28.33 - 25.67 would say +2.66)
    assert (ratio.before, ratio.after, change(ratio)) == (25.67, 28.33, "+2.67")


def test_chinese_diff_names_the_structure_in_chinese(examples_dir):
    from csdesign.analysis.diff import diff
    from csdesign.render.diff.markdown import to_markdown
    from csdesign.structures import build_file

    d = diff(build_file(str(examples_dir / "reorg-before.yaml")), build_file(str(examples_dir / "reorg-after.yaml"), "functional"))
    assert to_markdown(d, "zh").splitlines()[0] == "## 组织调整：云帆科技（现状组织） → 云帆科技（职能型）"
    assert to_markdown(d, "en").splitlines()[0] == "## Reorganisation: 云帆科技 (explicit) → 云帆科技 (functional)"


# --- issue 18: every headcount table reconciles to the total ---------------------------------

def _reconciles(before, after) -> None:
    from csdesign.analysis.diff import role_headcount
    from csdesign.analysis.spans import analyse_spans

    rows = role_headcount(before, after)
    total = analyse_spans(after).headcount - analyse_spans(before).headcount
    assert sum(a - b for _, b, a in rows) == total
    assert all(b != a for _, b, a in rows)


def test_headcount_by_role_reconciles_on_every_example_pair(examples_dir):
    """Shared roles were left out (support agents 12 -> 10), so the rows summed to -11 for a -7 change."""
    from csdesign.model import load_org
    from csdesign.structures import NAMES, build

    files = sorted(examples_dir.glob("*.yaml"))
    graphs = {}
    for f in files:
        org = load_org(str(f))
        graphs[(f.name, None)] = build(org)
        for name in NAMES:
            try:
                graphs[(f.name, name)] = build(org, name)
            except Exception:  # a structure the file cannot build (no regions...)
                continue
    assert len(graphs) >= 50
    keys = list(graphs)
    for a in keys:  # as written vs every structure of the same file, and every file vs every file as written
        for b in keys:
            if (a[0] == b[0] and a[1] is None) or (a[1] is None and b[1] is None):
                _reconciles(graphs[a], graphs[b])


def test_shared_roles_and_the_total_row_are_in_the_table():
    before = graph_from(PROPOSAL.replace("  - {id: csm,", "  - {id: agent, title: Support Agent, headcount: 12, scope: shared}\n  - {id: csm,") % "functional")
    after = graph_from(PROPOSAL.replace("  - {id: csm,", "  - {id: agent, title: Support Agent, headcount: 10, scope: shared}\n  - {id: csm,") % "product")
    d = diff(before, after)
    assert [(r.label(), b, a) for r, b, a in d.role_headcount] == [("Support Agent (agent)", 12, 10), ("CSM (csm)", 2, 4)]
    from csdesign.render.diff.text import headcount_rows

    assert headcount_rows(d) == [("Support Agent (agent)", "12", "10", "-2"), ("CSM (csm)", "2", "4", "+2"), ("total", "16", "16", "+0")]
    assert headcount_rows(d, "zh")[-1] == ("合计", "16", "16", "+0")


AS_IS_NO_ROLES = """\
company: {name: X, cs_reports_to: sales, cs_reports_to_title: 销售副总裁}
positions:
  - {id: p1, name: 王芳, title: 客户成功部总监}
  - {id: p2, name: 李雷, title: 客户成功经理, reports_to: p1}
  - {id: p3, name: 韩梅, title: 客户成功经理, reports_to: p1}
  - {id: p4, name: 赵四, title: 客服专员, reports_to: p1}
  - {id: p5, title: 客服专员, reports_to: p1, vacant: true}
  - {id: p6, name: 钱五, title: 数据分析师, reports_to: p1}
"""
PROPOSAL_ZH = """\
company: {name: X, cs_reports_to: coo}
roles:
  - {id: head, title: 客户成功部总监, level: director}
  - {id: csm, title: 客户成功经理, headcount: 3}
  - {id: agent, title: 客服专员, headcount: 1, scope: shared}
"""


def test_positions_without_roles_count_by_title_and_meet_the_proposals_roles():
    d = diff(graph_from(AS_IS_NO_ROLES), graph_from(PROPOSAL_ZH))
    assert [(r.label(), b, a) for r, b, a in d.role_headcount] == [
        ("客户成功经理 (csm)", 2, 3), ("客服专员 (agent)", 2, 1), ("数据分析师", 1, 0),
    ]
    assert d.headcount == (6, 5) and d.to_dict()["role_headcount"][2] == {"role": {"id": None, "title": "数据分析师"}, "before": 1, "after": 0}
    assert (d.metrics[0].before, d.metrics[0].after) == ("销售副总裁", "COO")


from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.test_fuzz import _dump, _structures, orgs  # noqa: E402


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orgs(), orgs())
def test_headcount_by_role_reconciles_on_generated_pairs(one, two):
    from csdesign.errors import CsdesignError
    from csdesign.model import load_org_text
    from csdesign.structures import build

    built = []
    for data in (one, two):
        try:
            org = load_org_text(_dump(data), "fuzz.yaml")
            built += [build(org, s) for s in _structures(data)[:3]]
        except CsdesignError:
            continue
    for a in built:
        for b in built:
            _reconciles(a, b)
