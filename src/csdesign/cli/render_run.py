"""The body of `csdesign render`, shared by the Typer command (cli/render_cmd.py) and the light
path (cli/entry.py), and the light path's parser for a plain ``render`` command line.

No Typer here. :func:`parse` accepts only what it can read exactly as the Typer command does
(the options below, each with a well-formed value); for anything else it returns None and
the Typer app runs, so help, usage errors and completion stay Typer's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from csdesign.cli.common import light_options, say, use_stdin_name

#: Options taking a value -> keyword of :func:`render_main`.
_VALUED = {"--output": "output", "-o": "output", "--format": "fmt", "-f": "fmt", "--structure": "structure", "-s": "structure",
           "--depth": "depth", "--focus": "focus", "--engine": "engine", "--highlight": "highlight", "--compare": "compare",
           "--page": "page", "--lang": "lang", "--label": "label", "--view": "view", "--dpi": "dpi", "--scale": "scale",
           "--stdin-filename": "stdin_filename"}
_FLAGS = {"--portrait": "portrait", "--no-cache": "no_cache"}
_ENGINES = ("auto", "system", "embedded")
_STRUCTURES = ("functional", "product", "market", "geographic", "process", "matrix", "circular", "flat")
_INT = re.compile(r"[0-9]{1,6}")
_FLOAT = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6})?")
#: Integer options and their ranges, as the Typer command declares them.
_RANGES: dict[str, tuple[float, float]] = {"depth": (1, 10**9), "dpi": (72, 1200), "scale": (0.75, 12.0)}


def parse(argv: list[str]) -> dict[str, Any] | None:
    """Keyword arguments of :func:`render_main` (plus ``verbose`` and ``debug``) for a plain
    ``[-v] [--debug] render ORG [OPTIONS]``; None for anything else."""
    read = light_options(argv, "render", _VALUED, _FLAGS)
    if read is None:
        return None
    out, paths, verbose, debug = read
    if len(paths) != 1:
        return None
    out["org"] = Path(paths[0])
    if "structure" in out:
        s = out["structure"]
        if not (s.isascii() and s.lower() in _STRUCTURES):
            return None
        out["structure"] = s.lower()
    if out.get("engine", "auto") not in _ENGINES:
        return None
    for key, pattern in (("depth", _INT), ("dpi", _INT), ("scale", _FLOAT)):
        if key in out:
            if not pattern.fullmatch(out[key]):
                return None
            number = float(out[key]) if key == "scale" else int(out[key])
            low, high = _RANGES[key]
            if not low <= number <= high:
                return None  # Typer's usage error gives the range
            out[key] = number
    for key in ("output", "compare"):
        if key in out:
            out[key] = Path(out[key])
    out["verbose"] = verbose
    out["debug"] = debug
    return out


def render_main(org: Path, output: Path | None = None, fmt: str | None = None, structure: str | None = None,
                depth: int | None = None, focus: str | None = None, engine: str = "auto", highlight: str | None = None,
                compare: Path | None = None, page: str = "16:9", portrait: bool = False, lang: str | None = None,
                label: str = "title,name,headcount,level", view: str = "chart", dpi: int | None = None,
                scale: float | None = None, stdin_filename: str | None = None, no_cache: bool = False) -> None:
    """Draw the chart: to the terminal, or into ``output`` (and NAME-2…), from the render cache when it holds it."""
    use_stdin_name(stdin_filename, org, compare)
    if output is None:
        from rich.console import Console

        from csdesign.app.chart_job import configure, prepare, terminal_view

        job = prepare(org, structure, focus=focus, depth=depth, highlight=highlight, compare=compare, lang=lang)
        configure(job, page=page, portrait=portrait, label=label, view=view, dpi=dpi, scale=scale)
        console = Console()
        for part in terminal_view(job):
            console.print(part)
        return
    from csdesign.app.render_cache import RenderCache, RenderKey, unwatch, watching
    from csdesign.errors import CsdesignError
    from csdesign.fileio import note_input, write_atomic
    from csdesign.lint.cache import file_digest
    from csdesign.render.chart.formats import format_for

    cache = RenderCache(not no_cache)
    try:
        kind: str | None = format_for(output, fmt)
    except CsdesignError:
        kind = None  # the full run below reports it, after any error in the org
    key = None if kind is None else cache.key(RenderKey(
        str(org), kind, structure, focus, depth, highlight, None if compare is None else str(compare), lang, page,
        portrait, label, view, dpi, scale, engine))
    hit = cache.get(key)
    if hit is not None:
        pages, used = hit
        note_input(org)  # as the loader does: no output of this run may overwrite its inputs
        if compare is not None:
            note_input(compare)
    else:
        from csdesign.app.chart_job import chart_file, configure, prepare

        before = [file_digest(p) for p in (org, compare) if p is not None] if key else []
        watch = watching()
        try:
            job = prepare(org, structure, focus=focus, depth=depth, highlight=highlight, compare=compare, lang=lang)
            configure(job, page=page, portrait=portrait, label=label, view=view, dpi=dpi, scale=scale)
            pages, used = chart_file(job, format_for(output, fmt), engine)
        finally:
            unwatch(watch)
        if key and not watch.written and before == [file_digest(p) for p in (org, compare) if p is not None]:
            cache.put(key, pages, used)  # inputs unchanged while drawn, and no warning to repeat
    if used:
        say(f"rendered with the {used} Graphviz engine")
    for path, data in zip(page_paths(output, len(pages)), pages):
        write_atomic(path, data)
        say(f"wrote {path}")


def page_paths(output: Path, count: int) -> list[Path]:
    """NAME.svg for page 1, then NAME-2.svg, NAME-3.svg, …"""
    return [output] + [output.with_name(f"{output.stem}-{k}{output.suffix}") for k in range(2, count + 1)]


__all__ = ["page_paths", "parse", "render_main"]
