"""What a cold `csdesign render` (no render cache) does not do: the work counters behind
docs/performance.md's cold-render paragraphs. No timings: each test checks that a piece of
work is skipped or done once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _render_in_subprocess(tmp_path: Path, *args: str, setup: str = "", after: str = "") -> subprocess.CompletedProcess:
    """Run ``csdesign render ARGS`` in a fresh interpreter after ``setup``; ``after`` runs once
    it is done, and the modules it imported are printed last on stderr."""
    code = (
        "import sys\n" + setup + "\nfrom csdesign.cli import main\n"
        f"sys.argv=['csdesign','render',*{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    print('exit', exc.code, file=sys.stderr)\n"
        + after + "\nprint(sorted(sys.modules), file=sys.stderr)\n"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")


def _modules(r: subprocess.CompletedProcess) -> list[str]:
    return eval(r.stderr.splitlines()[-1])  # noqa: S307 - our own repr of a list of names


NX_REST = ("networkx.algorithms", "networkx.generators", "networkx.readwrite", "networkx.drawing", "networkx.linalg")


def test_a_cold_render_imports_networkxs_classes_but_not_its_algorithms(tmp_path):
    # app/chart_job.py imports csdesign.structures (which runs structures/nxload.py) before
    # render/chart/dot.py imports networkx; both the one picture and the pages
    for page in ("none", "16:9"):
        r = _render_in_subprocess(tmp_path, str(EXAMPLES / "enterprise.yaml"), "--page", page, "--no-cache", "-o", "c.svg")
        assert r.returncode == 0 and "exit" not in r.stderr.splitlines()[-2:-1], r.stderr
        assert (tmp_path / "c.svg").read_bytes().startswith(b"<?xml")
        mods = _modules(r)
        assert "networkx.classes.digraph" in mods and "pygraphviz" in mods
        assert not [m for m in mods if m.startswith(NX_REST)], page


def test_the_structure_guide_is_read_with_libyamls_parser_and_reads_the_same(monkeypatch):
    # a Chinese chart's title names the structure from knowledge/structures.yaml
    import yaml
    from importlib import resources

    from csdesign.knowledge import guide

    for name in ("structures.yaml", "topics.yaml"):
        text = resources.files("csdesign.knowledge").joinpath(name).read_text(encoding="utf-8")
        assert guide._load(name) == yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - a safe loader

    def python_parser(self):  # noqa: ANN001, ANN202
        raise AssertionError("parsed with PyYAML's Python parser")

    monkeypatch.setattr(yaml.composer.Composer, "get_single_node", python_parser)
    monkeypatch.setattr(guide, "_data", guide._data.__wrapped__)
    monkeypatch.setattr(guide, "_topics", guide._topics.__wrapped__)
    assert guide.structure_name("matrix", "zh") and guide.topic_ids()


def test_a_chart_wraps_each_title_once(monkeypatch):
    # the boxes of a replicated role share its title: render/chart/chrome.py wraps it once
    from csdesign.app.chart_job import configure, prepare
    from csdesign.render.chart import chrome, dot

    wrapped: list[str] = []
    wrap = chrome._wrap
    monkeypatch.setattr(chrome, "_wrap", lambda text, width: wrapped.append(text) or wrap(text, width))
    chrome._wrapped.cache_clear()
    job = prepare(EXAMPLES / "enterprise.yaml")
    configure(job, page="none")
    source = dot.to_dot(job.graph, job.options)
    titles = [d["title"] for _, d in job.graph.nodes(data=True) if d.get("kind") == "role"]
    assert len(wrapped) == len(set(wrapped)) == len(set(titles)) + 1 < len(titles)  # + the executive's box
    chrome._wrapped.cache_clear()
    monkeypatch.setattr(chrome, "_wrap", wrap)
    assert dot.to_dot(job.graph, job.options) == source
    assert chrome.wrap("客户成功经理", 8) == wrap("客户成功经理", 8) == ["客户成功", "经理"]
    assert chrome.wrap("客户成功经理", 8) is not chrome.wrap("客户成功经理", 8)  # a list of its own: callers may extend it


def test_pages_are_measured_with_a_layout_alone_and_the_same_size(monkeypatch):
    # pagination measures each page variant (pages.best_layout): with the embedded engine it
    # lays the graph out and reads its bounding box instead of drawing an SVG to read its size
    from csdesign.app.chart_job import chart_file, configure, prepare
    from csdesign.render.chart import engines

    measured: list[tuple[str, str]] = []
    drawn: list[str] = []
    measure, embedded = engines.measure, engines._embedded
    monkeypatch.setattr(engines, "measure", lambda source, layout, chosen: measured.append((source, layout)) or measure(source, layout, chosen))
    monkeypatch.setattr(engines, "_embedded", lambda source, fmt, layout: drawn.append(source) or embedded(source, fmt, layout))
    for name, structure in (("enterprise.yaml", None), ("growth-saas.yaml", "matrix"), ("startup.yaml", "circular")):
        job = prepare(EXAMPLES / name, structure)
        configure(job, page="16:9")
        pages, used = chart_file(job, "svg", "embedded")
        assert used == "embedded" and len(drawn) == len(pages)  # one SVG per page, none to measure
        drawn.clear()
    assert len(measured) > 10
    for source, layout in measured:
        svg = embedded(source, "svg", layout)
        m = engines._SIZE.search(svg[:2000])
        assert m is not None and engines._embedded_size(source, layout) == (float(m.group(1)), float(m.group(2)))
    # a graph that sets its pad (or size, ratio ...) is measured from its SVG
    assert engines._embedded_size("digraph { pad=1; a }", "dot") is None
    assert engines.measure("digraph { pad=1; a }", "dot", "embedded") == (198.0, 180.0)
