"""Control characters in file names and user strings never reach a text output raw (issue 10,
item 11).

A file name or title with a newline must not start a line of its own (GitHub Actions runs a
line beginning ``::error`` as a command); an ESC must not colour or clear the terminal; a
bidi override must not reorder the line. File names are shown with escapes (``\\n``,
``\\x1b``); user text in one-line labels is flattened (controls dropped, newlines -> spaces).
Checked over every text-ish output: lint text/github, terminal trees and tables, Markdown,
error messages and status lines. (JSON, SARIF and CSV carry the text as data, escaped by their
own rules; SVG/HTML/DOT/Mermaid by theirs, see tests/render.)
"""

from __future__ import annotations

import re

import pytest

from tests.corpus.harness import run

#: What an attacker would put in a string: colour, CR/LF + a workflow command, bidi override,
#: bell, NEL, line separator, tab.
EVIL = "\x1b[31m\r\n::error file=x::pwned\u202e\x07\x85\u2028\t"
EVIL_YAML = r"\e[31m\r\n::error file=x::pwned\u202e\x07\x85\u2028\t"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: A file name an attacker can commit to a repository.
EVIL_NAME = "org\n::error file=a::x\x1b[2J.yaml"
SHOWN_NAME = "org\\n::error file=a::x\\x1b[2J.yaml"


def _org(inj: str) -> str:
    return f'''company: {{name: "Acme{inj}", employees: 300}}
dimensions:
  products: ["Pay{inj}", "Chat"]
  regions: ["EMEA{inj}"]
  processes: ["Onboard{inj}", "Renew"]
  segments:
    - {{name: "Ent{inj}", accounts: 40}}
structure: {{type: product}}
roles:
  - {{id: head, title: "Head{inj}", level: director, scope: head, duties: ["Strategy{inj}", "Own renewals"], kpis: ["NRR{inj}"]}}
  - {{id: mgr, title: "Manager{inj}", level: manager, reports_to: head, duties: ["Own renewals", "Run kickoff{inj}"], kpis: ["NRR{inj}"]}}
  - {{id: csm, title: "CSM{inj}", reports_to: mgr, headcount: 3, duties: ["Run kickoff{inj}", "Run kick-off{inj}"]}}
'''


@pytest.fixture
def hostile(tmp_path):
    (tmp_path / EVIL_NAME).write_text(_org(EVIL_YAML), encoding="utf-8")
    (tmp_path / "before.yaml").write_text(_org(EVIL_YAML).replace("Run kick-off", "Kick off"), encoding="utf-8")
    return tmp_path


TEXT_COMMANDS = {
    "render": ["render", "{org}"],
    "render matrix": ["render", "{org}", "-s", "matrix"],
    "render compare": ["render", "{org}", "--compare", "before.yaml"],
    "render highlight": ["render", "{org}", "--highlight", "all"],
    "report table": ["report", "{org}", "-f", "table"],
    "report markdown": ["report", "{org}", "-f", "markdown"],
    "lint text": ["lint", "{org}"],
    "lint dir": ["lint", "."],
    "diff table": ["diff", "before.yaml", "{org}"],
    "diff markdown": ["diff", "before.yaml", "{org}", "-f", "markdown"],
    "diff text file": ["diff", "before.yaml", "{org}", "-f", "table", "-o", "/dev/stdout"],
    "compare table": ["compare", "{org}"],
    "compare markdown": ["compare", "{org}", "-f", "markdown"],
    "recommend table": ["recommend", "{org}"],
    "recommend markdown": ["recommend", "{org}", "-f", "markdown"],
    "status lines": ["-v", "render", "{org}", "-o", "{org}.svg"],
    "missing file": ["render", "{org}.missing"],
    "missing output dir": ["render", "{org}", "-o", "no\n::error::dir/a.svg"],
    "unknown focus": ["render", "{org}", "--focus", "nope\n::error::x"],
}


@pytest.mark.parametrize("name", sorted(TEXT_COMMANDS))
def test_no_raw_control_character_in_text_output(hostile, name):
    args = [a.replace("{org}", EVIL_NAME) for a in TEXT_COMMANDS[name]]
    res = run(*args, cwd=hostile)
    assert res.code in (0, 1, 2), res.stderr
    assert "internal error" not in res.stderr
    for stream, text in (("stdout", res.stdout), ("stderr", res.stderr)):
        for line in text.split("\n"):
            assert not RAW.search(line), f"{stream}: raw control character in {line!r}"
            assert not line.lstrip().startswith("::"), f"{stream}: a line GitHub would run: {line!r}"


def test_lint_text_escapes_the_file_name(hostile):
    res = run("lint", EVIL_NAME, "--select", "RS006", cwd=hostile)
    first = res.stdout.splitlines()[0]
    # issue 14: the layer finding names the layer's roles; the hostile title is escaped like the rest
    assert first == (f"{SHOWN_NAME}:10:5: RS006 [info] no director-level role owns 'cross-department coordination', a default duty "
                     "of the director layer; write it into the job description of Head[31m ::error file=x::pwned (head) (missing-level-duty)")


def test_lint_github_encodes_the_file_name_and_escapes_the_rest(hostile):
    res = run("lint", EVIL_NAME, "-f", "github", "--select", "CP003", cwd=hostile)
    lines = res.stdout.splitlines()
    assert lines == [  # workflow commands only on stdout; the summary goes to stderr
        "::notice title=csdesign (CP003),file=org%0A%3A%3Aerror file=a%3A%3Ax\\x1b[2J.yaml,line=7,col=7::"
        # (the loader strips the trailing NEL, line separator and tab as whitespace)
        "segment 'Ent\\x1b[31m%0D%0A::error file=x::pwned\\u202e\\x07' has 40 accounts but no role declares a "
        "capacity for it; size the team that serves it (unplanned-segment)"
    ]
    assert res.stderr.splitlines()[-1] == "1 finding (1 info) in 1 file."


def test_error_messages_escape_paths(hostile):
    res = run("render", EVIL_NAME + ".missing", cwd=hostile)
    assert (res.code, res.lines) == (2, [f"{SHOWN_NAME}.missing: file not found (check the path)"])
