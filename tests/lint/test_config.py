"""Configuration: discovery, select/ignore/severity/options, and every mistake is exit 2."""

from __future__ import annotations

import pytest

from csdesign.errors import InputError
from csdesign.lint.config import LintConfig, find_config, load_config, parse_table
from csdesign.lint.registry import REGISTRY
from tests.lint.conftest import BASE

SUPPORT = "  - {id: support, title: S, reports_to: mgr, duties: [续费管理]}\n"


def test_defaults_enable_every_rule():
    cfg = LintConfig()
    assert all(cfg.enabled(r) for r in REGISTRY.values())
    assert cfg.fail_on == "error"


def test_most_specific_selector_wins():
    cfg = parse_table({"select": ["RS"], "ignore": ["ALL", "RS004"]}, "x.toml")
    on = {c for c, r in REGISTRY.items() if cfg.enabled(r) and not r.blocking}
    assert on == {"RS001", "RS002", "RS003", "RS005", "RS006", "RS007", "RS008", "RS009", "RS010"}


def test_blocking_rules_stay_on_and_errors():
    cfg = parse_table({"select": ["RS"], "severity": {"RL": "info"}}, "x.toml")
    assert cfg.enabled(REGISTRY["RL002"]) and cfg.severity_of(REGISTRY["RL002"]) == "error"


def test_ignore_and_severity_override(lint):
    assert lint(BASE + SUPPORT, {"severity": {"RS001": "error"}}, full=True)[0].severity == "error"
    assert lint(BASE + SUPPORT, {"ignore": ["duty-overlap"]}) == []


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"selct": ["RS"]}, "unknown key `selct` in [lint]; did you mean `select`?"),
        ({"select": "RS"}, "[lint] select must be a list of strings"),
        ({"ignore": ["RS01"]}, "ignore: unknown rule code or prefix 'RS01'; did you mean `RS010`?"),
        ({"fail-on": "fatal"}, "[lint] fail-on: 'fatal' is not one of error, warning, info"),
        ({"severity": {"RS001": "high"}}, "[lint.severity] RS001: 'high' is not one of error, warning, info"),
        ({"ignore": ["S001"]}, "S001 (yaml-syntax) cannot be ignored or re-levelled (ignore): a file csdesign cannot load or build never passes"),
        ({"options": {"span-band": [2, 12]}}, "option `span-band` must be [low, high] with 4 <= low <= high, e.g. [8, 12] (got [2, 12])"),
        ({"options": {"max-layer": 3}}, "unknown rule option `max-layer`; did you mean `max-layers`?"),
        ({"options": {"capacity-defaults": {"csm": {"SMB": 0}}}}, "option `capacity-defaults` entry 'csm' must be a table of segment = accounts per person (whole numbers of at least 1) (got {'csm': {'SMB': 0}})"),
    ],
)
def test_config_mistakes_are_user_errors(table, message):
    with pytest.raises(InputError) as exc:
        parse_table(table, "csdesign.toml")
    assert exc.value.problems[0].message == message
    assert exc.value.exit_code == 2


def test_discovery_nearest_wins_and_csdesign_toml_beats_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.csdesign.lint]\nfail-on = "info"\n', encoding="utf-8")
    sub = tmp_path / "org" / "emea"
    sub.mkdir(parents=True)
    (tmp_path / "org" / "pyproject.toml").write_text('[tool.other]\nx = 1\n', encoding="utf-8")  # no csdesign table: skipped
    assert find_config(sub) == tmp_path / "pyproject.toml"
    assert load_config(start=sub).fail_on == "info"
    (tmp_path / "org" / "csdesign.toml").write_text('[lint]\nfail-on = "warning"\n', encoding="utf-8")
    assert find_config(sub) == tmp_path / "org" / "csdesign.toml"
    (tmp_path / "org" / "emea" / "pyproject.toml").write_text('[tool.csdesign.lint]\nignore = ["RS"]\n', encoding="utf-8")
    cfg = load_config(start=sub)
    assert (cfg.fail_on, cfg.ignore) == ("error", ["RS"])


def test_toml_syntax_error_is_located(tmp_path):
    path = tmp_path / "csdesign.toml"
    path.write_text('[lint]\nselect = ["RS"]\nfail-on = error\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_config(path)
    p = exc.value.problems[0]
    assert (p.file, p.line, p.column, p.message) == (str(path), 3, 11, "TOML syntax error: Invalid value")


def test_missing_config_file(tmp_path):
    with pytest.raises(InputError) as exc:
        load_config(tmp_path / "nope.toml")
    assert exc.value.message == f"{tmp_path / 'nope.toml'}: config file not found"


def test_rule_codes_are_known_in_a_fresh_interpreter():
    """The rule registry is complete however lint.config is reached (no rule module imported first)."""
    import subprocess
    import sys

    code = "from csdesign.lint import config\nprint(config.check_selector('RS001', '--select', 'cli'), config.check_selector('duty-overlap', '--select', 'cli'))\n"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (r.returncode, r.stdout) == (0, "RS001 RS001\n"), r.stderr
