"""`csdesign compare` and `csdesign recommend`: build every structure from one company file,
measure them side by side (and rank them), write the result in one format; `--out-dir` charts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from csdesign.render.compare.formats import COMPARE_FORMATS, RECOMMEND_FORMATS

if TYPE_CHECKING:
    from csdesign.analysis.compare import Comparison


def parse_structures(value: str) -> list[str] | None:
    """``all`` or a comma-separated list of structure names (did-you-mean on typos)."""
    from csdesign.errors import CsdesignError, did_you_mean
    from csdesign.structures import NAMES

    if value.strip().lower() == "all":
        return None
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    for name in names:
        if name not in NAMES:
            raise CsdesignError(f"--structures: unknown structure '{name}'" + did_you_mean(name, NAMES, 0.5), hint="use all or names from: " + ", ".join(NAMES))
    if not names:
        raise CsdesignError("--structures is empty", hint="use all or a comma-separated list")
    return list(dict.fromkeys(names))


def compare(org: str | Path, structures: str = "all", fmt: str = "table") -> tuple[Any, Comparison]:
    """The comparison document (text, or a rich renderable for the table) and the comparison."""
    from csdesign.analysis.compare import compare as run_compare
    from csdesign.model import load_org

    from csdesign.config import find_table

    kind = COMPARE_FORMATS.get(fmt)
    c = run_compare(load_org(str(org)), parse_structures(structures), capacity_table=find_table("capacity"))
    return kind.load()(c), c


def recommend(org: str | Path, fmt: str = "table", *, weights: Path | None = None, lang: str = "en", top: int | None = None, explain: bool = False) -> Any:
    """The ranking document (text, or a rich renderable for the table)."""
    from csdesign.analysis.compare import compare as run_compare
    from csdesign.analysis.recommend import load_weights
    from csdesign.analysis.recommend import recommend as run_recommend
    from csdesign.knowledge.guide import check_lang
    from csdesign.model import load_org

    kind = RECOMMEND_FORMATS.get(fmt)
    check_lang(lang)
    w = load_weights(weights) if weights is not None else None
    rec = run_recommend(run_compare(load_org(str(org))), w, lang)
    if top:
        rec.ranking = rec.ranking[:top]
    return kind.load()(rec, explain)


def write_out_dir(c: Comparison, out_dir: Path, engine: str = "auto", step: Callable[[str], None] | None = None) -> list[Path]:
    """Render every buildable structure to ``<structure>.svg`` and write both indexes."""
    from csdesign.errors import OutputError
    from csdesign.render.compare.index import index_html, index_markdown
    from csdesign.render.chart.graphviz import chart_bytes
    from csdesign.fileio import check_output, write_atomic

    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: exists and is not a directory", hint="choose another --out-dir")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create directory: {exc.strerror}") from None
    charts = [m for m in c.rows if m.ok and m.graph is not None]
    for path in [out_dir / f"{m.structure}.svg" for m in charts] + [out_dir / "index.md", out_dir / "index.html"]:
        check_output(path)  # all or nothing: no half-written directory because the last name is refused
    written = []
    for m in c.rows:
        if m.ok and m.graph is not None:
            data, _ = chart_bytes(m.graph, "svg", engine)
            path = out_dir / f"{m.structure}.svg"
            write_atomic(path, data)
            written.append(path)
        if step:
            step(m.structure)
    for name, text in (("index.md", index_markdown(c)), ("index.html", index_html(c))):
        write_atomic(out_dir / name, text)
        written.append(out_dir / name)
    return written
