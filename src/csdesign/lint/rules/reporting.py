"""RL: reporting lines. Produced by the loader (RL001, RL002, RL003) and the graph builder (RL004, RL005, RL006)."""

from __future__ import annotations

from csdesign.lint.registry import produced

produced(
    "RL001", "reporting-cycle", "Roles report to each other in a loop.",
    """
    A reporting line must end at the CS head. In a loop (A reports to B, B reports to A)
    nobody in the loop has a manager outside it, so decisions and escalations go round in
    circles; seed 004 names this unclear responsibility as the first cause of buck-passing.
    Every loop is reported, naming its roles, also one that no role outside it reports into
    and one through the head, in whatever structure is drawn.

    Fix: make one role in the loop report to a role outside it (usually the CS head).
    """,
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
)

produced(
    "RL003", "self-report", "A role reports to itself.",
    """
    A role that reports to itself has no manager: the chain of command is broken at that role.

    Fix: point `reports_to` at the role's real manager, or remove it to report to the CS head.
    """,
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
)

produced(
    "RL005", "orphan-role", "Roles are not connected to the CS head.",
    """
    Every role must reach the CS head through its reporting line. Orphan roles are outside
    the department's chain of command: nobody sets their goals or evaluates them (seed 000:
    the team manager layer owns goal setting and performance evaluation).

    Fix: give the orphan roles a `reports_to` inside the org.
    """,
)

produced(
    "RL006", "several-tops", "More than one position in an as-is org has no manager.",
    """
    An explicit (as-is) org built from `positions:` has exactly one top position, the CS
    head, which reports to the executive named in `company.cs_reports_to`. Several positions
    without `reports_to` make several heads: the department has no single owner (seed 001:
    the CS department is led by one head, whichever executive it reports to).

    Fix: give every position but the CS head a `reports_to`.
    """,
)
