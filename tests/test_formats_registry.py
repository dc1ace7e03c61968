"""The output-format registries (csdesign/formats.py): lookups, errors, laziness, docs."""

import subprocess
import sys
from pathlib import Path

import pytest

from csdesign.errors import OutputError
from csdesign.formats import FAMILIES, Format, FormatRegistry, family, formats_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_docs_formats_page_is_generated_from_the_registries():
    assert (ROOT / "docs" / "formats.md").read_text(encoding="utf-8") == formats_markdown()


def test_every_writer_reference_resolves():
    for name in FAMILIES:
        for f in family(name):
            assert callable(f.load()), f"{name}/{f.name}: {f.writer}"
            assert callable(f.load_terminal())


def test_registries_import_no_writer():
    """Importing every registry (as `csdesign --help` does) loads no writer module."""
    code = (
        "import sys\nfrom csdesign.formats import FAMILIES, family\n"
        "[family(n) for n in FAMILIES]\n"
        "refs = {f.writer.partition(':')[0] for n in FAMILIES for f in family(n)}\n"
        "print(sorted(m for m in refs if m in sys.modules))\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'networkx', 'rich', 'graphviz', 'yaml'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "[]\n[]\n"


def _registry() -> FormatRegistry:
    return FormatRegistry("demo", [Format("text", "m:f", "plain", (".txt",)), Format("json", "m:g", "keys", (".json", ".js"))], what="demo")


def test_choose_explicit_then_suffix_then_default():
    r = _registry()
    assert r.choose("JSON", "x.txt").name == "json"
    assert r.choose(None, Path("out.JS")).name == "json"
    assert r.choose(None, None, "text").name == "text"


def test_unknown_name_and_suffix_messages():
    r = _registry()
    with pytest.raises(OutputError) as info:
        r.get("jsn")
    assert info.value.render() == "--format: unknown format 'jsn'; did you mean 'json'? (use one of text, json)"
    with pytest.raises(OutputError) as info:
        r.for_path("a.doc")
    assert info.value.render() == "cannot tell the demo format of 'a.doc' (use a suffix (.txt, .json, .js) or --format text|json)"


def test_names_and_suffixes_are_unique():
    r = _registry()
    with pytest.raises(ValueError, match="already registered"):
        r.register(Format("text", "m:f", ""))
    with pytest.raises(ValueError, match="already selects 'json'"):
        r.register(Format("yaml", "m:f", "", (".js",)))
    with pytest.raises(ValueError, match="lower case"):
        r.register(Format("yaml", "m:f", "", ("yaml",)))


def test_help_and_metavar():
    r = _registry()
    assert r.help("Format: ") == "Format: text (plain), json (keys)."
    assert r.metavar() == "[text|json]"
