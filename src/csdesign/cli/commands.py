"""Imports every command module so that each registers itself on the app."""

from csdesign.cli import diff_cmd, export_cmd, import_cmd, lint_cmd, render_cmd, schema_cmd  # noqa: F401
from csdesign.cli import compare_cmd, explain_cmd, init_cmd, recommend_cmd  # noqa: F401  (issue 5: compare, recommend, explain, init)
from csdesign.cli import report_cmd  # noqa: F401  (issue 3)
from csdesign.cli import serve_cmd  # noqa: F401  (issue 17)
from csdesign.cli import deck_cmd  # noqa: F401  (issue 13)
from csdesign.cli import jd_cmd  # noqa: F401  (issue 15)
