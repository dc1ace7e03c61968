"""What a cold `csdesign lint` (no result cache) does not do: the work counters behind
docs/performance.md's cold-lint rows. No timings: each test checks that a piece of start-up
work is skipped or done once."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from csdesign.knowledge import vocabulary
from tests.lint.conftest import BASE

KNOWLEDGE = resources.files("csdesign.knowledge")


def _lint_in_subprocess(tmp_path: Path, setup: str, text: str = BASE) -> subprocess.CompletedProcess:
    """Run ``csdesign lint --no-cache org.yaml`` in a fresh interpreter after ``setup``; the
    modules it imported are printed last on stderr."""
    (tmp_path / "org.yaml").write_text(text, encoding="utf-8")
    code = (
        "import sys\n" + setup + "\nfrom csdesign.cli import main\nsys.argv=['csdesign','lint','--no-cache','org.yaml']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    print('exit', exc.code, file=sys.stderr)\n"
        "print(sorted(sys.modules), file=sys.stderr)\n"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")


def _modules(r: subprocess.CompletedProcess) -> list[str]:
    return eval(r.stderr.splitlines()[-1])  # noqa: S307 - our own repr of a list of names


def test_vocabulary_json_is_made_from_vocabulary_yaml():
    raw = KNOWLEDGE.joinpath("vocabulary.yaml").read_bytes()
    assert KNOWLEDGE.joinpath("vocabulary.json").read_text(encoding="utf-8") == vocabulary.compiled_json(raw), (
        "knowledge/vocabulary.json is stale: regenerate it as docs/contributing.md says")


def test_the_compiled_vocabulary_is_the_yamls_parse_and_a_stale_one_is_ignored():
    raw = KNOWLEDGE.joinpath("vocabulary.yaml").read_bytes()
    compiled = KNOWLEDGE.joinpath("vocabulary.json").read_bytes()
    assert vocabulary.parsed(raw, compiled) == vocabulary.parsed(raw, None) == vocabulary._parse(raw.decode("utf-8"))
    edited = raw.replace(b"concepts:", b"concepts:\n  - {id: extra_duty, en: extra duty, zh: \xe9\xa2\x9d\xe5\xa4\x96}", 1)
    assert any(c["id"] == "extra_duty" for c in vocabulary.parsed(edited, compiled)["concepts"])
    assert vocabulary.parsed(raw, b"{not json") == vocabulary.parsed(raw, None)
    stale = json.dumps({"source_sha256": "0" * 64, "data": {"concepts": []}}).encode()
    assert vocabulary.parsed(raw, stale)["concepts"]


def test_a_cold_lint_reads_the_compiled_vocabulary_and_not_unicodes_confusables(tmp_path):
    # PyYAML's reading of vocabulary.yaml is the slow path; the org's ids are all ASCII, so
    # S006 (look-alike ids) needs neither the confusables table nor the script data.
    setup = ("from csdesign.knowledge import vocabulary\n"
             "def _parse(text):\n    raise AssertionError('vocabulary.yaml parsed by PyYAML')\n"
             "vocabulary._parse = _parse")
    r = _lint_in_subprocess(tmp_path, setup)
    assert "exit 0" in r.stderr and "AssertionError" not in r.stderr, r.stderr
    mods = _modules(r)
    assert "csdesign.lint.rules.schema" in mods and "csdesign.analysis.matching" in mods
    assert not [m for m in mods if m.startswith(("confusable_homoglyphs.", "urllib.request"))]


def test_a_non_ascii_id_still_gets_the_lookalike_check(tmp_path):
    twin = BASE + "  - id: \u0441sm\n    title: 客户成功经理二\n    reports_to: mgr\n    duties: [续费管理]\n    kpis: [NPS]\n"
    r = _lint_in_subprocess(tmp_path, "", twin)  # Cyrillic с: looks like 'csm'
    assert "S006" in r.stdout and "confusable_homoglyphs.utils" in _modules(r)


def test_the_shipped_vocabularys_matchers_share_one_segmenter(monkeypatch):
    from csdesign.analysis import matching

    made = []
    init = matching.Words.__init__

    def counted(self, vocab):
        made.append(vocab)
        init(self, vocab)

    monkeypatch.setattr(matching.Words, "__init__", counted)
    monkeypatch.setattr(matching, "_BUILTIN", {})
    monkeypatch.setattr(matching, "_BUILTIN_WORDS", [])
    for kinds in (matching.DUTY_KINDS, matching.KPI_KINDS, matching.ROLE_KINDS):
        matching.builtin_matcher(kinds)
    assert len(made) == 1


def test_a_cold_lint_of_a_valid_file_imports_networkxs_classes_but_not_its_algorithms(tmp_path):
    mods = _modules(_lint_in_subprocess(tmp_path, ""))
    assert "networkx.classes.digraph" in mods
    assert not [m for m in mods if m.startswith(("networkx.algorithms", "networkx.generators", "networkx.readwrite",
                                                 "networkx.drawing", "networkx.linalg"))]


CAPACITY_MODEL = ("csdesign.analysis.capacity", "csdesign.analysis.coverage", "csdesign.analysis.support",
                  "csdesign.analysis.cost", "csdesign.analysis.erlang")


def test_a_file_without_capacity_data_does_not_import_the_capacity_model(tmp_path):
    """No accounts, ARR, support channels, costs or role capacity: the CP rules find nothing
    without importing the model (4 % of a cold lint's instructions)."""
    mods = _modules(_lint_in_subprocess(tmp_path, ""))
    assert "csdesign.lint.rules.capacity" in mods
    assert [m for m in CAPACITY_MODEL if m in mods] == []


@pytest.mark.parametrize("extra, code", [
    ("costs:\n  levels: {director: 2000000}\n", None),  # costed: the cost analysis runs (no ARR: no finding)
    ("support:\n  channels:\n    - {name: phone, contacts_per_hour: 40, aht_seconds: 300, roles: [csm]}\n", "CP00"),
])
def test_any_capacity_input_runs_the_model(tmp_path, extra, code):
    org = BASE.replace("roles:\n", "dimensions:\n  channels: [phone]\nroles:\n", 1) if "support" in extra else BASE
    r = _lint_in_subprocess(tmp_path, "", org + extra)
    mods = _modules(r)
    assert "csdesign.analysis.cost" in mods or "csdesign.analysis.support" in mods, r.stderr[-500:]
    if code:
        assert code in r.stdout, r.stdout


def _python(code: str, cwd: Path) -> str:
    r = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_networkxs_algorithms_load_on_first_use(tmp_path):
    out = _python(
        "import sys\nimport csdesign.structures\nimport networkx as nx\n"
        "print('algorithms' in dir(nx), 'networkx.algorithms' in sys.modules)\n"
        "g = nx.DiGraph([(1, 2), (2, 3)])\n"
        "print(sorted(nx.descendants(g, 1)), 'networkx.algorithms' in sys.modules)\n"
        "from networkx import topological_sort\nprint(list(topological_sort(g)), nx.is_directed_acyclic_graph(g))\n"
        "try:\n    nx.no_such_function\nexcept AttributeError as exc:\n    print(exc)\n"
        "import importlib.metadata\nprint(nx.__version__ == importlib.metadata.version('networkx'))\n",
        tmp_path,
    )
    assert out.splitlines() == ["False False", "[2, 3] True", "[1, 2, 3] True",
                                "module 'networkx' has no attribute 'no_such_function'", "True"]


def test_an_unknown_networkx_layout_is_imported_as_usual(tmp_path):
    from csdesign.structures import nxload

    out = _python(  # a copy of the module, loaded before anything imports networkx
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('nxload_copy', {nxload.__file__!r})\n"
        "copy = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(copy)\n"
        "copy.REST = '\\nnot a line of networkx\\n'\ncopy.load()\n"
        "print('networkx.algorithms' in sys.modules)\nimport networkx as nx\n"
        "print(sorted(nx.descendants(nx.DiGraph([(1, 2)]), 1)))\n",
        tmp_path,
    )
    assert out.splitlines() == ["True", "[2]"]


def test_matching_tokens_json_is_made_by_this_code():
    from csdesign.analysis import matching

    text = resources.files("csdesign.analysis").joinpath("matching_tokens.json").read_text(encoding="utf-8")
    assert text == matching.tokens_json(), (
        "analysis/matching_tokens.json is stale: regenerate it as docs/contributing.md says")


def test_the_shipped_vocabularys_words_are_read_not_segmented(monkeypatch):
    from csdesign.analysis import matching

    segmented = []
    segment = matching.Words._segment
    monkeypatch.setattr(matching.Words, "_segment", lambda self, run: segmented.append(run) or segment(self, run))
    monkeypatch.setattr(matching, "_BUILTIN", {})
    monkeypatch.setattr(matching, "_BUILTIN_WORDS", [])
    for kinds in (matching.DUTY_KINDS, matching.KPI_KINDS, matching.ROLE_KINDS):
        matching.builtin_matcher(kinds)
    assert segmented == []
    assert matching.builtin_matcher().key("投诉处理") == matching.builtin_matcher().key("处理客户投诉")  # still matches
    # a table made by other code (or for another vocabulary) is not used
    monkeypatch.setattr(matching, "tokens_digest", lambda: "0" * 64)
    assert matching._stored_tokens() == {}


def test_the_schemas_models_are_built_without_parsing_signatures_or_annotation_strings(tmp_path):
    # default_factory=list (or dict, or a model class) made pydantic read the factory's
    # signature, a builtin's by tokenising its text signature; string annotations (``from
    # __future__ import annotations``) made it compile and evaluate each one.
    out = _python(
        "import inspect, pydantic\ncalls = []\nparse = inspect._signature_fromstr\n"
        "inspect._signature_fromstr = lambda *a, **k: calls.append(a) or parse(*a, **k)\n"
        "from pydantic import BaseModel\nfrom csdesign.model import schema\n"
        "models = [m for m in vars(schema).values() if isinstance(m, type) and issubclass(m, BaseModel) and m.__module__ == schema.__name__]\n"
        "print(len(models), len(calls), [m.__name__ for m in models if any(isinstance(a, str) for a in m.__annotations__.values())])\n",
        tmp_path,
    )
    assert out.split(" ", 1)[1] == "0 []\n" and int(out.split()[0]) >= 18, out


_GROUPS = ("import importlib.metadata as md\ngroups = []\nscan = md.entry_points\n"
           "md.entry_points = lambda **kw: groups.append(kw.get('group')) or scan(**kw)\n")


_SEEN = ("import atexit, os\natexit.register(lambda: print('groups', groups, 'env', repr(os.environ.get('PYDANTIC_DISABLE_PLUGINS')),"
         " file=sys.stderr))")


def test_the_command_line_does_not_look_for_pydantic_plugins_unless_asked(tmp_path, monkeypatch):
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    r = _lint_in_subprocess(tmp_path, _GROUPS + _SEEN)
    seen = r.stderr.split("groups", 1)[1]
    assert "exit 0" in r.stderr and "'pydantic'" not in seen and seen.rstrip().endswith("env '__all__'"), r.stderr
    # set by the user (empty: plugins on): left alone. How pydantic then looks for plugins
    # differs between releases (entry_points(group=...) in newer ones, distributions() in 2.11),
    # so what is checked is the setting it sees.
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")
    r = _lint_in_subprocess(tmp_path, _GROUPS + _SEEN)
    assert "exit 0" in r.stderr and r.stderr.split("groups", 1)[1].rstrip().endswith("env ''"), r.stderr


def test_a_cache_hit_imports_neither_the_runner_the_registry_the_config_loader_nor_suppressions(tmp_path, monkeypatch):
    from tests.helpers import cold_and_warm_imports

    (tmp_path / "org.yaml").write_text(BASE, encoding="utf-8")
    skipped = ("csdesign.lint.runner", "csdesign.lint.registry", "csdesign.lint.config", "csdesign.lint.suppress")
    for fail_on in ("info", "error"):  # --fail-on is ranked without the registry too
        monkeypatch.setenv("CSDESIGN_CACHE_DIR", str(tmp_path / f"cache-{fail_on}"))
        (cold, cold_mods), (warm, warm_mods) = cold_and_warm_imports(tmp_path, ["lint", "--fail-on", fail_on, "org.yaml"], skipped)
        loaded = set(eval(warm_mods)) & set(skipped)  # noqa: S307 - our own repr of a list of names
        assert "csdesign.lint.runner" in cold_mods and not loaded, loaded
        assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)


def test_the_build_digest_makes_no_path_per_file(monkeypatch):
    # every cached run, hits included, hashes the package's file list: plain strings there
    from csdesign.lint import cache

    made = []
    path = cache.Path
    monkeypatch.setattr(cache, "Path", lambda *a: made.append(a) or path(*a))
    monkeypatch.setattr(cache, "_build", [])
    assert len(cache.build()) == 64 and len(made) == 1
