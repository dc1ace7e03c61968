"""``-`` reads the org from standard input (render, report, lint, export), as ruff does;
``--stdin-filename`` names it in messages and findings."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import EXAMPLES, ROOT

BROKEN = "company: {name: X}\nroles:\n  - {id: h, title: Head, level: director}\n  - {id: a, title: A, reports_to: hh}\n"
MESSAGE = "4:35: Manager 'hh' is not defined; did you mean 'h'? (use the id of a role in `roles:`)\n"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "csdesign", *args], input=stdin, capture_output=True, text=True, encoding="utf-8", cwd=ROOT)


@pytest.mark.parametrize(("command", "extra"), [("render", ["-o", "x.mmd"]), ("report", []), ("export", [])])
def test_stdin_gives_the_same_output_as_the_file(command, extra, tmp_path):
    ex = EXAMPLES / "growth-saas.yaml"
    if extra:
        extra = ["-o", str(tmp_path / "from-file.mmd")]
    from_file = run(command, str(ex), *extra)
    if extra:
        extra = ["-o", str(tmp_path / "from-stdin.mmd")]
    from_stdin = run(command, "-", *extra, stdin=ex.read_text(encoding="utf-8"))
    assert from_file.returncode == from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout
    if extra:
        assert (tmp_path / "from-stdin.mmd").read_bytes() == (tmp_path / "from-file.mmd").read_bytes()


@pytest.mark.parametrize("command", ["render", "report", "export"])
def test_errors_name_stdin_or_the_stdin_filename(command):
    plain = run(command, "-", stdin=BROKEN)
    assert (plain.returncode, plain.stderr) == (2, "<stdin>:" + MESSAGE)
    named = run(command, "-", "--stdin-filename", "team/emea.yaml", stdin=BROKEN)
    assert (named.returncode, named.stderr) == (2, "team/emea.yaml:" + MESSAGE)


def test_lint_stdin_with_its_filename_in_text_and_sarif():
    text = run("lint", "-", "--stdin-filename", "team/emea.yaml", stdin=BROKEN)
    assert text.returncode == 1
    assert text.stdout.splitlines()[0] == "team/emea.yaml:4:35: RL002 [error] Manager 'hh' is not defined; did you mean 'h'? (unknown-manager)"
    assert text.stdout.splitlines()[-1] == "1 finding (1 error) in 1 file."
    sarif = run("lint", "-", "--stdin-filename", "team/emea.yaml", "-f", "sarif", stdin=BROKEN)
    assert '"uri": "team/emea.yaml"' in sarif.stdout
    # suppressions are read from the same (once-read) standard input
    suppressed = run("lint", "-", stdin=BROKEN.replace("reports_to: hh}", "reports_to: hh}  # csdesign: ignore[RL002]"))
    assert suppressed.stdout.startswith("<stdin>:4:35: RL002")  # blocking rules cannot be ignored ...
    assert "LN002" in suppressed.stdout  # ... and the comment was seen: it is reported as such


def test_stdin_filename_without_dash_is_a_usage_error():
    r = run("report", str(EXAMPLES / "startup.yaml"), "--stdin-filename", "x.yaml")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == "--stdin-filename names standard input, but no input is - (pass - as the org file, or leave out --stdin-filename)\n"


def test_stdin_encoding_errors_are_located():
    r = subprocess.run([sys.executable, "-m", "csdesign", "lint", "-"], input="company: {name: 云帆}\n".encode("gbk"), capture_output=True, cwd=ROOT)
    assert r.returncode == 1
    assert r.stdout.decode("utf-8").startswith("<stdin>:1:17: S001 [error] file is not valid UTF-8 (byte 0xd4)")
