"""The render cache (csdesign.app.render_cache, cli/render_run.py): a hit writes the same bytes
and messages as drawing again, every input that can change a chart invalidates, broken
entries are misses, concurrent writers never leave a torn entry, a hit imports no heavy
module. Work is counted (charts drawn), never timed. Each test has its own cache directory
(tests/conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from csdesign.app import render_cache
from csdesign.lint import cache as lint_cache
from tests.structures.test_builders import ORG
from tests.helpers import cold_and_warm_imports

BEFORE = ORG.replace("数据分析组长", "数据组长")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    (tmp_path / "before.yaml").write_text(BEFORE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def drawn(monkeypatch):
    """How many charts were drawn (chart_file calls) by render() in this process."""
    from csdesign.app import chart_job

    calls = []
    real = chart_job.chart_file

    def counting(*args, **kw):
        calls.append(args[1])
        return real(*args, **kw)

    monkeypatch.setattr(chart_job, "chart_file", counting)
    return calls


def render(*args: str, verbose: bool = True) -> tuple[int, str]:
    """Run the command line in process (the light path, as the console script does)."""
    import io
    from contextlib import redirect_stderr

    from csdesign.cli.entry import main

    err = io.StringIO()
    argv = sys.argv
    sys.argv = ["csdesign", *(["-v"] if verbose else []), "render", *args]
    code = 0
    try:
        with redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.argv = argv
    return code, err.getvalue()


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "render").rglob("*.bin"))


def test_a_second_render_is_read_back_byte_for_byte(repo, drawn, lint_cache_dir):
    first = render("org.yaml", "-o", "a.svg")
    second = render("org.yaml", "-o", "b.svg")
    assert len(drawn) == 1
    assert first == (0, "rendered with the embedded Graphviz engine\nwrote a.svg\n")
    assert second == (0, "rendered with the embedded Graphviz engine\nwrote b.svg\n")
    assert (repo / "a.svg").read_bytes() == (repo / "b.svg").read_bytes()
    assert render("org.yaml", "-o", "c.svg", "--no-cache")[0] == 0
    assert (repo / "c.svg").read_bytes() == (repo / "a.svg").read_bytes()
    assert len(drawn) == 2 and len(entries(lint_cache_dir)) == 1


def test_every_page_is_read_back(repo, drawn, tmp_path):
    from tests.helpers import EXAMPLES

    big = EXAMPLES / "enterprise.yaml"
    assert render(str(big), "-o", "p.svg", "--page", "a4", verbose=False)[0] == 0
    pages = sorted(p.name for p in repo.glob("p*.svg"))
    for p in pages:
        (repo / p).rename(repo / ("old-" + p))
    assert render(str(big), "-o", "p.svg", "--page", "a4", verbose=False)[0] == 0
    assert len(drawn) == 1
    assert sorted(p.name for p in repo.glob("p*.svg")) == pages
    for p in pages:
        assert (repo / p).read_bytes() == (repo / ("old-" + p)).read_bytes()


def test_no_cache_neither_reads_nor_writes(repo, drawn, lint_cache_dir):
    render("org.yaml", "-o", "a.svg", "--no-cache")
    render("org.yaml", "-o", "a.svg", "--no-cache")
    assert len(drawn) == 2 and entries(lint_cache_dir) == []


def test_a_changed_org_file_is_drawn_again(repo, drawn):
    render("org.yaml", "-o", "a.svg")
    (repo / "org.yaml").write_text(ORG.replace("数据分析组长", "数据分析主管"), encoding="utf-8")
    render("org.yaml", "-o", "b.svg")
    assert len(drawn) == 2
    assert "数据分析主管" in (repo / "b.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", [["-s", "product"], ["--depth", "2"], ["--focus", "data_lead"], ["--highlight", "all"],
                                    ["--lang", "zh"], ["--page", "none"], ["--portrait"], ["--label", "title"],
                                    ["--engine", "system"], ["-f", "dot"], ["--compare", "before.yaml"]])
def test_every_option_is_part_of_the_key(repo, drawn, option):
    render("org.yaml", "-o", "a.svg")
    render("org.yaml", "-o", "b.svg", *option)
    assert len(drawn) == 2
    render("org.yaml", "-o", "c.svg", *option)
    assert len(drawn) == 2  # and that run is then read back


def test_png_resolution_is_part_of_the_key(repo, drawn):
    render("org.yaml", "-o", "a.png")
    render("org.yaml", "-o", "b.png", "--dpi", "100")
    render("org.yaml", "-o", "c.png", "--scale", "1.5")
    render("org.yaml", "-o", "d.png", "--scale", "1.5")
    assert len(drawn) == 3
    assert (repo / "c.png").read_bytes() == (repo / "d.png").read_bytes() != (repo / "a.png").read_bytes()


def test_a_changed_compare_file_is_drawn_again(repo, drawn):
    render("org.yaml", "-o", "a.svg", "--compare", "before.yaml")
    (repo / "before.yaml").write_text(ORG, encoding="utf-8")  # now nothing changed
    render("org.yaml", "-o", "b.svg", "--compare", "before.yaml")
    assert len(drawn) == 2
    assert (repo / "a.svg").read_bytes() != (repo / "b.svg").read_bytes()


def test_a_changed_capacity_table_invalidates_highlighted_charts(repo, drawn):
    render("org.yaml", "-o", "a.svg", "--highlight", "all")
    (repo / "csdesign.toml").write_text("[capacity]\narr-per-csm = 1500000\n", encoding="utf-8")
    render("org.yaml", "-o", "b.svg", "--highlight", "all")
    assert len(drawn) == 2
    render("org.yaml", "-o", "c.svg")
    render("org.yaml", "-o", "d.svg")  # without --highlight the table is not an input
    assert len(drawn) == 3


def test_the_working_directory_is_part_of_the_key(repo, drawn, monkeypatch):
    render("org.yaml", "-o", "a.svg")
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    render("../org.yaml", "-o", "a.svg")
    assert len(drawn) == 2


def test_another_build_is_never_trusted(repo, drawn, monkeypatch):
    render("org.yaml", "-o", "a.svg")
    monkeypatch.setattr("csdesign.__version__", "99.0")
    monkeypatch.setattr(lint_cache, "_build", [])
    render("org.yaml", "-o", "b.svg")
    assert len(drawn) == 2
    monkeypatch.setattr(lint_cache, "_build", [])


def test_another_graphviz_or_font_set_is_never_trusted(repo, drawn, monkeypatch):
    render("org.yaml", "-o", "a.svg")
    real = render_cache.environment
    monkeypatch.setattr(render_cache, "environment", lambda: {**real(), "fonts": ["a font was installed"]})
    render("org.yaml", "-o", "b.svg")
    assert len(drawn) == 2
    monkeypatch.setenv("FONTCONFIG_FILE", "/nowhere/fonts.conf")
    assert real() != render_cache.environment()


def test_the_environment_names_graphviz_and_the_fonts(tmp_path, monkeypatch):
    fonts = tmp_path / ".fonts"
    fonts.mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    before = render_cache.environment()
    assert before["embedded"] is not None  # pygraphviz is installed in the test venvs
    (fonts / "NewFont.ttf").write_bytes(b"\0" * 10)
    assert render_cache.environment() != before


def test_a_warning_is_never_hidden_by_a_hit(repo, drawn, monkeypatch):
    from csdesign.render.chart import engines

    monkeypatch.setattr(engines, "cjk_font_available", lambda: False)
    first = render("org.yaml", "-o", "a.png", verbose=False)
    second = render("org.yaml", "-o", "b.png", verbose=False)
    assert "no CJK font found" in first[1] and first == second
    assert len(drawn) == 2


def test_corrupt_torn_and_foreign_entries_are_misses(repo, drawn, lint_cache_dir):
    render("org.yaml", "-o", "a.svg")
    [entry] = entries(lint_cache_dir)
    whole = entry.read_bytes()
    for broken in (whole[:-10], whole[:30], b"", whole.replace(b'"build": "', b'"build": "x', 1), b"not an entry\n" + whole):
        entry.write_bytes(broken)
        assert render("org.yaml", "-o", "b.svg") == (0, "rendered with the embedded Graphviz engine\nwrote b.svg\n")
        assert (repo / "b.svg").read_bytes() == (repo / "a.svg").read_bytes()
        assert entry.read_bytes() == whole  # rewritten whole
    assert len(drawn) == 6


def test_concurrent_writers_leave_whole_entries(tmp_path, monkeypatch):
    """Many threads write and read the same keys at once: every read is a whole entry or a miss."""
    monkeypatch.setenv("CSDESIGN_CACHE_DIR", str(tmp_path / "c"))
    cache = render_cache.RenderCache()
    keys = [f"{i:02x}" * 32 for i in range(4)]
    pages = {k: [k.encode() * 5000, b"page two " + k.encode()] for k in keys}
    seen: list[object] = []

    def work() -> None:
        for _ in range(20):
            for k in keys:
                cache.put(k, pages[k], "embedded")
                got = cache.get(k)
                seen.append(got)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 6 * 20 * 4
    assert all(got in [(pages[k], "embedded") for k in keys] for got in seen)
    assert not [p for p in (tmp_path / "c").rglob(".tmp-*")]


def test_concurrent_processes_draw_the_same_bytes(repo, lint_cache_dir):
    env = {**os.environ}
    procs = [subprocess.Popen([sys.executable, "-m", "csdesign", "render", "org.yaml", "-o", f"p{i}.svg"], cwd=repo, env=env,
                              stderr=subprocess.PIPE) for i in range(4)]
    assert [p.wait() for p in procs] == [0] * 4
    assert len({(repo / f"p{i}.svg").read_bytes() for i in range(4)}) == 1
    assert len(entries(lint_cache_dir)) == 1
    assert not [p for p in lint_cache_dir.rglob(".tmp-*")]


def test_the_cache_stays_bounded(tmp_path, monkeypatch):
    monkeypatch.setenv("CSDESIGN_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(render_cache, "MAX_ENTRIES", 10)
    cache = render_cache.RenderCache()
    for i in range(25):
        cache.put(f"{i:064x}", [b"x"], None)
        os.utime(cache._path(f"{i:064x}"), ns=(i * 10**9, i * 10**9))
    assert len(entries(tmp_path / "c")) <= 10
    assert cache.get(f"{24:064x}") == ([b"x"], None)


def test_an_unwritable_cache_never_fails_a_render(repo, drawn, monkeypatch):
    blocker = repo / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("CSDESIGN_CACHE_DIR", str(blocker))
    assert render("org.yaml", "-o", "a.svg")[0] == 0
    assert render("org.yaml", "-o", "b.svg")[0] == 0
    assert len(drawn) == 2


def test_standard_input_and_the_terminal_are_not_cached(repo, drawn, lint_cache_dir):
    r = subprocess.run([sys.executable, "-m", "csdesign", "render", "-", "-o", "a.svg"], cwd=repo, input=ORG.encode(),
                       capture_output=True)
    assert r.returncode == 0 and (repo / "a.svg").exists()
    assert subprocess.run([sys.executable, "-m", "csdesign", "render", "org.yaml"], cwd=repo, capture_output=True).returncode == 0
    assert entries(lint_cache_dir) == []


def test_an_output_onto_a_cached_input_is_still_refused(repo, drawn):
    render("org.yaml", "-o", "a.svg", "-f", "dot")
    before = (repo / "org.yaml").read_bytes()
    code, err = render("org.yaml", "-o", "org.yaml", "-f", "dot")
    assert len(drawn) == 1  # read back, and still not written over the input
    assert code == 2 and "org.yaml" in err and (repo / "org.yaml").read_bytes() == before
    render("org.yaml", "-o", "b.svg", "--compare", "before.yaml", "-f", "dot")
    keep = (repo / "before.yaml").read_bytes()
    assert render("org.yaml", "-o", "before.yaml", "--compare", "before.yaml", "-f", "dot")[0] == 2
    assert (repo / "before.yaml").read_bytes() == keep


def test_errors_are_never_cached(repo, drawn):
    for _ in range(2):
        assert render("org.yaml", "-o", "a.svg", "--focus", "data_led")[0] == 2
        assert render("org.yaml", "-o", "a.xyz")[0] == 2
    (repo / "org.yaml").write_text("roles: [\n", encoding="utf-8")
    assert render("org.yaml", "-o", "a.svg")[0] == 2


def test_a_hit_imports_no_schema_graph_yaml_graphviz_or_typer(repo):
    heavy = ("pydantic", "networkx", "yaml", "typer", "click", "rich", "pygraphviz", "csdesign.structures", "csdesign.analysis",
             "csdesign.model.schema", "csdesign.render.chart.dot")
    (cold, cold_mods), (warm, warm_mods) = cold_and_warm_imports(repo, ["render", "org.yaml", "-o", "a.svg"], heavy)
    assert "pydantic" in cold_mods  # the first run draws
    assert warm_mods == "[]"


def test_the_light_parser_reads_only_what_it_reads_exactly_as_typer():
    from csdesign.cli.render_run import parse

    assert parse(["-v", "render", "a.yaml", "-o", "x.svg", "--depth=2", "-s", "Matrix", "--dpi", "100", "--scale", "1.5",
                  "--portrait", "--no-cache", "--compare", "b.yaml"]) == {
        "org": Path("a.yaml"), "output": Path("x.svg"), "depth": 2, "structure": "matrix", "dpi": 100, "scale": 1.5,
        "portrait": True, "no_cache": True, "compare": Path("b.yaml"), "verbose": True, "debug": False}
    assert parse(["render", "--", "-odd.yaml"]) == {"org": Path("-odd.yaml"), "verbose": False, "debug": False}
    for argv in (["render", "--help"], ["render", "a.yaml", "-h"], ["render"], ["render", "a.yaml", "b.yaml"],
                 ["render", "a.yaml", "-ox.svg"], ["render", "a.yaml", "--depth", "0"], ["render", "a.yaml", "--depth", "two"],
                 ["render", "a.yaml", "--dpi", "50"], ["render", "a.yaml", "--scale", "20"], ["render", "a.yaml", "--engine", "Dot"],
                 ["render", "a.yaml", "-s", "spiral"], ["render", "a.yaml", "--output"],
                 ["render", "a.yaml", "--portrait=yes"], ["render", "a.yaml", "--focus", "--depth"], ["render", "a.yaml", "--lang="],
                 ["lint", "a.yaml"], ["--version"], [], ["-v"]):
        assert parse(argv) is None, argv


@pytest.mark.parametrize("args", [["org.yaml", "-o", "x.svg"], ["org.yaml"], ["org.yaml", "-o", "x.dot", "-s", "PRODUCT", "--depth", "2"],
                                  ["org.yaml", "-o", "x.svg", "--focus", "nobody"], ["org.yaml", "-o", "x.bad"], ["nope.yaml", "-o", "x.svg"],
                                  ["org.yaml", "-o", "x.png", "--dpi", "100", "--scale", "2"], ["org.yaml", "--label", "size"],
                                  ["org.yaml", "-o", "x.json", "--highlight", "all"], ["org.yaml", "-o", "x.dot", "--compare", "before.yaml"],
                                  ["org.yaml", "-o", "y.svg", "--depth", "1", "-o", "x.svg", "--depth=2"]])
def test_the_light_path_and_the_typer_app_agree(repo, args):
    script = ("import sys\nfrom csdesign.cli.entry import main\nimport csdesign.cli.render_run as r\n{}"
              "sys.argv = ['csdesign', *sys.argv[1:]]\nmain()\n")
    typer_only = script.format("r.parse = lambda argv: None\n")
    results = []
    for code in (script.format(""), typer_only):
        for path in repo.glob("x.*"):
            path.unlink()
        proc = subprocess.run([sys.executable, "-c", code, "-v", "render", *args], cwd=repo, capture_output=True, text=True)
        results.append((proc.returncode, proc.stdout, proc.stderr, sorted((p.name, p.read_bytes()) for p in repo.glob("x.*"))))
    assert results[0] == results[1]


def test_entries_are_json_headed_and_name_their_build(repo, lint_cache_dir):
    render("org.yaml", "-o", "a.svg")
    [entry] = entries(lint_cache_dir)
    magic, header, _ = entry.read_bytes().split(b"\n", 2)
    assert magic == b"csdesign-render"
    head = json.loads(header)
    assert head["build"] == lint_cache.build() and head["used"] == "embedded" and head["key"] == entry.stem
    assert entry.parent.parent == render_cache.directory() == lint_cache_dir / "render" / "v1"
