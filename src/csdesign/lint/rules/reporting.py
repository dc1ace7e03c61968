"""RL: reporting lines. Produced by the loader (RL001, RL002, RL003) and the graph builder (RL004, RL005, RL006)."""

from __future__ import annotations

from csdesign.lint.registry import produced

produced(
    "RL001", "reporting-cycle", "Roles report to each other in a loop.",
    """
    A reporting line must end at the CS head. In a loop (A reports to B, B reports to A)
    nobody in the loop has a manager outside it, so decisions and escalations go round in
    circles; «004» names this unclear responsibility as the first cause of buck-passing.
    Every loop is reported, naming its roles, also one that no role outside it reports into
    and one through the head, in whatever structure is drawn.

    Fix: make one role in the loop report to a role outside it (usually the CS head).
    """,
    zh=(
        "岗位之间的汇报关系形成了循环。",
        """
        汇报线必须最终归于客户成功部门负责人。一旦形成循环（A 向 B 汇报，B 又向 A 汇报），
        循环中的每个人在循环之外都没有上级，决策和升级问题只会原地打转；«004»把这种职责不清列为互相推诿的首要原因。
        每个循环都会被报告并列出其中的岗位，包括循环外没有任何岗位向其汇报的循环和经过负责人的循环，无论绘制的是哪种结构。

        修改建议：让循环中的一个岗位向循环之外的岗位汇报（通常是客户成功部门负责人）。
        """,
    ),
)

produced(
    "RL002", "unknown-manager", "`reports_to` names a role that is not defined.",
    """
    Every `reports_to` (and `dotted_to`) must be the id of a role or position in the same
    file. An unknown manager is nearly always a typo or a role that was renamed or removed;
    the role would otherwise be silently attached to the CS head.

    Fix: use the id of an existing role (the message suggests the closest one), or add the
    missing manager role.
    """,
    zh=(
        "`reports_to` 指向了一个未定义的岗位。",
        """
        每个 `reports_to`（以及 `dotted_to`）都必须是同一文件中某个岗位或职位的 id。找不到的上级几乎总是笔误，
        或是岗位已被改名或删除；否则该岗位会被悄悄挂到客户成功部门负责人名下。

        修改建议：改用现有岗位的 id（提示中会给出最接近的一个），或补上缺失的上级岗位。
        """,
    ),
)

produced(
    "RL003", "self-report", "A role reports to itself.",
    """
    A role that reports to itself has no manager: the chain of command is broken at that role.

    Fix: point `reports_to` at the role's real manager, or remove it to report to the CS head.
    """,
    zh=(
        "岗位向自己汇报。",
        """
        向自己汇报的岗位实际上没有上级：指挥链在这个岗位处断开了。

        修改建议：把 `reports_to` 指向该岗位真正的上级，或删除它，使其向客户成功部门负责人汇报。
        """,
    ),
)

produced(
    "RL004", "shared-reports-to-unit", "A single (shared) role reports to a role that is replicated per unit.",
    """
    Roles with `scope: unit` are copied into every unit of the structure (one per product,
    region, segment ...). A shared role, of which there is one instance, cannot report to
    "the" team manager when there are several of them: its manager would be ambiguous.

    Fix: point it at the CS head or another shared role, or make it `scope: unit` too so
    each unit gets its own copy.
    """,
    zh=(
        "单一的（共享）岗位向按单元复制的岗位汇报。",
        """
        `scope: unit` 的岗位会被复制到结构中的每个单元（每个产品、区域、客户分层……各一个）。
        共享岗位只有一个实例，当团队经理有好几位时，它无法向“那一位”团队经理汇报：上级是谁说不清。

        修改建议：让它向客户成功部门负责人或另一个共享岗位汇报，或者也改为 `scope: unit`，让每个单元各有一份。
        """,
    ),
)

produced(
    "RL005", "orphan-role", "Roles are not connected to the CS head.",
    """
    Every role must reach the CS head through its reporting line. Orphan roles are outside
    the department's chain of command: nobody sets their goals or evaluates them («000»:
    the team manager layer owns goal setting and performance evaluation).

    Fix: give the orphan roles a `reports_to` inside the org.
    """,
    zh=(
        "有岗位没有连到客户成功部门负责人。",
        """
        每个岗位都必须沿汇报线连到客户成功部门负责人。孤立的岗位游离于部门的指挥链之外：
        没有人为他们设定目标或评估绩效（«000»：团队经理这一层负责目标设定和绩效评估）。

        修改建议：为这些孤立岗位设置组织内的 `reports_to`。
        """,
    ),
)

produced(
    "RL006", "several-tops", "More than one position in an as-is org has no manager.",
    """
    An explicit (as-is) org built from `positions:` has exactly one top position, the CS
    head, which reports to the executive named in `company.cs_reports_to`. Several positions
    without `reports_to` make several heads: the department has no single owner («001»:
    the CS department is led by one head, whichever executive it reports to).

    Fix: give every position but the CS head a `reports_to`.
    """,
    zh=(
        "现状组织中不止一个职位没有上级。",
        """
        由 `positions:` 描述的现状组织只有一个最高职位，即客户成功部门负责人，由他向 `company.cs_reports_to`
        指定的高管汇报。多个职位都没有 `reports_to`，就等于有多位负责人：部门没有唯一的负责人
        （«001»：无论向哪位高管汇报，客户管理部都由一位负责人领导）。

        修改建议：除客户成功部门负责人外，为每个职位设置 `reports_to`。
        """,
    ),
)
