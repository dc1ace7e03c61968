"""The lint result cache (csdesign.lint.cache, app/lint_job.py): hits give byte-identical
output, every input that can change a finding invalidates, broken entries are misses, a hit
imports no heavy module. Each test has its own cache directory (tests/conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from csdesign.lint import cache as lint_cache
from tests.lint.conftest import BASE
from tests.helpers import cold_and_warm_imports

BROKEN_MANAGER = BASE.replace("    reports_to: mgr\n", "    reports_to: mrg\n")


def run(args: list[str], cwd: Path, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    full = {**os.environ, "GITHUB_ACTIONS": "", **(env or {})}
    return subprocess.run([sys.executable, "-m", "csdesign", "-v", "lint", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env=full, input=stdin)


def counts(r: subprocess.CompletedProcess) -> tuple[int, int] | None:
    """(hits, misses) from the -v status line; None when the cache was not used."""
    for line in r.stderr.splitlines():
        if line.startswith("lint cache: "):
            words = line.split()
            return int(words[2]), int(words[4])
    return None


def entries(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.rglob("*.json"))


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "ok.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "org" / "broken.yaml").write_text(BROKEN_MANAGER, encoding="utf-8")
    return tmp_path


def _same_output(a: subprocess.CompletedProcess, b: subprocess.CompletedProcess) -> None:
    assert (a.returncode, a.stdout) == (b.returncode, b.stdout)
    assert [x for x in a.stderr.splitlines() if not x.startswith("lint cache")] == \
        [x for x in b.stderr.splitlines() if not x.startswith("lint cache")]


def test_second_run_hits_and_prints_the_same_bytes(repo, lint_cache_dir):
    first = run(["org"], repo)
    assert counts(first) == (0, 2) and first.returncode == 1
    second = run(["org"], repo)
    assert counts(second) == (2, 0)
    _same_output(first, second)
    uncached = run(["org", "--no-cache"], repo)
    assert counts(uncached) is None
    _same_output(first, uncached)
    for fmt in ("json", "sarif", "github"):
        assert run(["org", "-f", fmt], repo).stdout == run(["org", "-f", fmt, "--no-cache"], repo).stdout
    assert len(entries(lint_cache_dir)) == 3  # the configuration and one entry per file


def test_no_cache_neither_reads_nor_writes(repo, lint_cache_dir):
    assert counts(run(["org", "--no-cache"], repo)) is None
    assert entries(lint_cache_dir) == []


def test_a_changed_file_is_linted_again(repo):
    run(["org"], repo)
    (repo / "org" / "broken.yaml").write_text(BASE, encoding="utf-8")  # fixed
    r = run(["org"], repo)
    assert counts(r) == (1, 1)
    assert r.returncode == 0 and "RL002" not in r.stdout


def test_the_same_content_under_another_name_is_its_own_entry(repo):
    run(["org"], repo)
    (repo / "org" / "copy.yaml").write_text(BROKEN_MANAGER, encoding="utf-8")
    r = run(["org"], repo)
    assert counts(r) == (2, 1)
    assert "org/copy.yaml:17:17: RL002" in r.stdout


def test_a_changed_config_file_invalidates(repo):
    (repo / "csdesign.toml").write_text("[lint]\nignore = []\n", encoding="utf-8")
    run(["org"], repo)
    (repo / "csdesign.toml").write_text('[lint]\nseverity = { RS = "error" }\n', encoding="utf-8")
    r = run(["org"], repo)
    assert counts(r) == (0, 2)
    assert r.stdout == run(["org", "--no-cache"], repo).stdout


def test_a_new_config_file_nearer_the_working_directory_invalidates(repo):
    run(["org"], repo)
    (repo / "pyproject.toml").write_text('[tool.csdesign.lint]\nselect = ["RL"]\n', encoding="utf-8")
    r = run(["org"], repo)
    assert counts(r) == (0, 2)
    assert r.stdout == run(["org", "--no-cache"], repo).stdout


def test_command_line_selection_and_language_are_part_of_the_key(repo):
    run(["org"], repo)
    assert counts(run(["org", "--select", "RL"], repo)) == (0, 2)
    assert counts(run(["org", "--select", "RL"], repo)) == (2, 0)
    assert counts(run(["org", "--ignore", "RS"], repo)) == (0, 2)
    assert counts(run(["org", "--lang", "zh"], repo)) == (0, 2)
    # only the output changes with these: the findings are shared
    assert counts(run(["org", "--fail-on", "info", "-f", "json", "-q"], repo)) == (2, 0)


def test_a_changed_capacity_table_invalidates(repo):
    """The [capacity] table is read from the nearest config file (a file the result depends on)."""
    (repo / "csdesign.toml").write_text("[capacity]\nhours-per-week = 40\n", encoding="utf-8")
    run(["org"], repo)
    assert counts(run(["org"], repo)) == (2, 0)
    (repo / "csdesign.toml").write_text("[capacity]\nhours-per-week = 35\n", encoding="utf-8")
    assert counts(run(["org"], repo)) == (0, 2)


def test_a_bad_config_is_never_cached(repo):
    (repo / "csdesign.toml").write_text("[lint]\nselekt = []\n", encoding="utf-8")
    for _ in range(2):
        r = run(["org"], repo)
        assert r.returncode == 2 and "unknown key `selekt` in [lint]; did you mean `select`?" in r.stderr


def test_another_build_is_never_trusted(repo, monkeypatch):
    """The csdesign version (and the package's files) are in every key and in every entry."""
    from csdesign.app.lint_job import LintRequest, run_lint

    monkeypatch.chdir(repo)
    assert run_lint(LintRequest(["org"])).misses == 2
    assert run_lint(LintRequest(["org"])).hits == 2
    monkeypatch.setattr("csdesign.__version__", "99.0")
    monkeypatch.setattr(lint_cache, "_build", [])
    again = run_lint(LintRequest(["org"]))
    assert (again.hits, again.misses) == (0, 2)
    monkeypatch.setattr(lint_cache, "_build", [])


def test_a_changed_package_file_changes_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(lint_cache, "_build", [])
    before = lint_cache.build()
    rules = Path(lint_cache.__file__).parent / "rules" / "spans.py"
    info = rules.stat()
    try:
        os.utime(rules, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        monkeypatch.setattr(lint_cache, "_build", [])
        assert lint_cache.build() != before
    finally:
        os.utime(rules, ns=(info.st_atime_ns, info.st_mtime_ns))
        monkeypatch.setattr(lint_cache, "_build", [])
    assert lint_cache.build() == before


def test_corrupt_torn_and_foreign_entries_are_misses(repo, lint_cache_dir):
    first = run(["org"], repo)
    for path in entries(lint_cache_dir):
        path.write_bytes(path.read_bytes()[:40])  # a torn write (never made by csdesign itself)
    r = run(["org"], repo)
    assert counts(r) == (0, 2)
    _same_output(first, r)
    assert counts(run(["org"], repo)) == (2, 0)  # rewritten whole
    for path in entries(lint_cache_dir):
        entry = json.loads(path.read_bytes())
        entry["build"] = "another"
        path.write_text(json.dumps(entry), encoding="utf-8")
    assert counts(run(["org"], repo)) == (0, 2)
    for path in entries(lint_cache_dir):
        path.write_text("[]", encoding="utf-8")
    assert counts(run(["org"], repo)) == (0, 2)


def test_a_referenced_file_that_changed_is_a_miss(tmp_path):
    c = lint_cache.Cache(tmp_path / "c")
    other = tmp_path / "other.yaml"
    other.write_text("a: 1\n", encoding="utf-8")
    key = c.key("file", "x")
    c.put(key, ["value"], referenced={str(other): lint_cache.file_digest(other)})
    assert c.get(key) == ["value"]
    other.write_text("a: 2\n", encoding="utf-8")
    assert c.get(key) is None
    other.unlink()
    assert c.get(key) is None


def test_entries_are_written_whole_and_the_cache_stays_bounded(tmp_path):
    c = lint_cache.Cache(tmp_path / "c")
    keys = [c.key("n", i) for i in range(30)]
    for i, key in enumerate(keys):
        c.put(key, {"i": i})
        os.utime(c._path(key), ns=(i * 10**9, i * 10**9))  # oldest first
    assert not [p for p in (tmp_path / "c").rglob("*") if p.name.startswith(".tmp-")]
    assert c.prune(max_entries=20) == 14  # down to 80 % of the bound
    assert [c.get(k) for k in keys[:14]] == [None] * 14
    assert [c.get(k) for k in keys[14:]] == [{"i": i} for i in range(14, 30)]


def test_an_unwritable_cache_never_fails_lint(repo):
    blocker = repo / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    r = run(["org"], repo, env={"CSDESIGN_CACHE_DIR": str(blocker)})
    assert r.returncode == 1 and "RL002" in r.stdout and "Traceback" not in r.stderr


def test_standard_input_is_not_cached(repo, lint_cache_dir):
    r = run(["-", "--stdin-filename", "team.yaml"], repo, stdin=BROKEN_MANAGER)
    assert r.returncode == 1 and r.stdout.startswith("team.yaml:17:17: RL002")
    assert [p for p in entries(lint_cache_dir)] == []


def test_an_output_onto_a_cached_input_is_still_refused(repo):
    run(["org/ok.yaml"], repo)
    before = (repo / "org" / "ok.yaml").read_bytes()
    r = run(["org/ok.yaml", "-o", "org/ok.yaml"], repo)
    assert counts(r) == (1, 0)
    assert r.returncode == 2 and (repo / "org" / "ok.yaml").read_bytes() == before


def test_the_default_directory_is_the_user_cache_dir(monkeypatch):
    import platformdirs

    monkeypatch.delenv("CSDESIGN_CACHE_DIR")
    assert lint_cache.root() == Path(platformdirs.user_cache_dir("csdesign", appauthor=False)) / "lint" / "v1"


def test_a_hit_imports_no_schema_graph_rules_or_typer(repo):
    heavy = ("pydantic", "networkx", "yaml", "typer", "click", "rich", "csdesign.lint.rules", "csdesign.structures", "csdesign.analysis")
    (cold, cold_mods), (warm, warm_mods) = cold_and_warm_imports(repo, ["lint", "org"], heavy)
    assert "pydantic" in cold_mods  # the first run lints
    assert warm_mods == "[]"
    assert warm.stdout == cold.stdout


def test_the_light_parser_reads_only_what_it_reads_exactly_as_typer():
    from csdesign.cli.lint_run import parse

    assert parse(["-v", "lint", "a.yaml", "--format=json", "--select", "RL,SP", "--select", "KP", "-q", "--", "-x.yaml"]) == {
        "paths": [Path("a.yaml"), Path("-x.yaml")], "fmt": "json", "select": ["RL,SP", "KP"], "ignore": [], "quiet": True,
        "verbose": True, "debug": False}
    assert parse(["lint", "--fail-on", "WARNING", "-o", "out.txt", "-"])["fail_on"] == "warning"
    for argv in (["lint", "--help"], ["lint", "-h"], ["lint", "--explain", "RL002"], ["lint", "-fjson"], ["lint", "--frmat", "json"],
                 ["lint", "--format"], ["lint", "--config", "--quiet"], ["lint", "--fail-on", "fatal"], ["lint", "--lang="],
                 ["lint", "-q=1"], ["report", "x.yaml"], ["--version"], [], ["-v"], ["--debug", "rule"]):
        assert parse(argv) is None, argv


@pytest.mark.parametrize("args", [["org"], ["org", "-f", "json", "--select", "RL"], ["--fail-on=info", "-q", "org/ok.yaml"],
                                  ["org", "--ignore", "RS", "--lang", "zh", "-f", "github"], ["org", "--fail-on", "fatal"],
                                  ["org", "--frmat", "json"], ["nope.yaml"]])
def test_the_light_path_and_the_typer_app_agree(repo, args):
    script = "import sys\nfrom csdesign.cli.entry import main\nimport csdesign.cli.lint_run as r\n{}sys.argv = ['csdesign', *sys.argv[1:]]\nmain()\n"
    typer_only = script.format("r.parse = lambda argv: None\n")
    light = subprocess.run([sys.executable, "-c", script.format(""), "lint", "--no-cache", *args], cwd=repo, capture_output=True, text=True)
    full = subprocess.run([sys.executable, "-c", typer_only, "lint", "--no-cache", *args], cwd=repo, capture_output=True, text=True)
    assert (light.returncode, light.stdout, light.stderr) == (full.returncode, full.stdout, full.stderr)


@pytest.mark.skipif(not os.path.exists("/dev/zero") or not hasattr(os, "mkfifo"), reason="needs /dev/zero and FIFOs (POSIX)")
def test_devices_and_pipes_are_never_hashed(tmp_path):
    """Only regular files are cached: hashing /dev/zero would never end, opening a FIFO waits."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert lint_cache.file_digest("/dev/zero") is None
    assert lint_cache.file_digest(fifo) is None
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 2048)
    assert lint_cache.file_digest(big, limit=1024) is None
    assert lint_cache.file_digest(big) == __import__("hashlib").sha256(b"#" * 2048).hexdigest()
