"""Run Graphviz: in process through pygraphviz (its wheels bundle Graphviz 14 with cairo and
pango), or the system ``dot``/``twopi`` as a subprocess.

``auto`` prefers the bundled engine: one Graphviz version everywhere gives byte-identical
output across machines. Where pygraphviz has no wheel (and no system Graphviz to build
against), ``auto`` falls back to the system Graphviz. The bundled fontconfig can warn about
newer system config files on stderr; those lines are captured while Graphviz runs so the
user sees only csdesign's own messages.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from typing import Any, Callable, TypeVar

from csdesign.errors import OutputError

T = TypeVar("T")
ENGINES = ("auto", "system", "embedded")
INSTALL_HINT = "pip install 'pygraphviz>=2.0' (its wheels bundle Graphviz), or install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; Windows: winget install graphviz)"


def system_available(layout: str = "dot") -> bool:
    return shutil.which(layout) is not None


def embedded_available() -> bool:
    try:
        import pygraphviz  # noqa: F401
    except ImportError:
        return False
    return True


def choose(engine: str, layout: str, fmt: str) -> str:
    """The engine that will run: ``embedded`` (pygraphviz) or ``system`` (auto prefers the embedded one)."""
    if engine not in ENGINES:
        raise OutputError(f"unknown engine '{engine}'", hint="use auto, system or embedded")
    if engine == "embedded" or (engine == "auto" and embedded_available()):
        if not embedded_available():
            raise OutputError("the embedded Graphviz (pygraphviz) is not installed", hint=INSTALL_HINT + ", or use --engine system")
        return "embedded"
    if engine == "auto" and not system_available(layout):
        raise OutputError("no Graphviz available: neither pygraphviz nor the system Graphviz is installed", hint=INSTALL_HINT)
    return "system"


def render(source: str, fmt: str, layout: str, chosen: str) -> bytes:
    """Render DOT ``source`` to ``fmt`` with the engine :func:`choose` picked."""
    return _system(source, fmt, layout) if chosen == "system" else _embedded(source, fmt, layout)


_SIZE = re.compile(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


#: Graph attributes that make the SVG's size more than the layout's bounding box plus the pad.
_SIZE_ATTRS = ("pad", "size", "ratio", "dpi", "resolution", "margin", "rotate", "landscape", "orientation", "viewport", "page")
#: Graphviz's default pad around the drawing (points), on each side.
_PAD = 4


def measure(source: str, layout: str, chosen: str) -> tuple[float, float]:
    """Width and height (points) of the SVG Graphviz makes of ``source``.

    With the embedded engine and none of :data:`_SIZE_ATTRS` set, Graphviz only lays the graph
    out: the SVG's ``width``/``height`` are the layout's bounding box (``bb``, whole points) plus
    the 4 pt pad on each side, so drawing the SVG only to read its first line is skipped
    (tests/render/test_render_cold.py compares both on every page the examples measure)."""
    if chosen == "embedded":
        size = _embedded_size(source, layout)
        if size is not None:
            return size
    svg = render(source, "svg", layout, chosen)
    m = _SIZE.search(svg[:2000])
    if not m:
        raise OutputError("Graphviz returned an SVG without a size")
    return float(m.group(1)), float(m.group(2))


def _system(source: str, fmt: str, layout: str) -> bytes:
    exe = shutil.which(layout)
    if exe is None:
        raise OutputError(f"system Graphviz `{layout}` not found", hint=INSTALL_HINT + ", or use --engine embedded")
    try:
        proc = subprocess.run([exe, f"-T{fmt}"], input=source.encode("utf-8"), capture_output=True, check=False)
    except OSError as exc:
        raise OutputError(f"cannot run {exe}: {exc.strerror}") from None
    if proc.returncode != 0 or not proc.stdout:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OutputError(f"Graphviz failed: {err[-1] if err else 'exit ' + str(proc.returncode)}")
    return proc.stdout


def _embedded(source: str, fmt: str, layout: str) -> bytes:
    out = _in_process(lambda graph: graph.draw(format=fmt, prog=layout), source)
    if not out:
        raise OutputError("Graphviz returned nothing")
    return out


def _embedded_size(source: str, layout: str) -> tuple[float, float] | None:
    """The SVG's size from a layout alone (see :func:`measure`), or None where the graph sets
    an attribute that changes it."""
    from pygraphviz import graphviz as gv

    def lay_out(graph: Any) -> tuple[float, float] | None:
        if any(graph.graph_attr.get(name) for name in _SIZE_ATTRS):
            return None
        gvc = gv.gvContextWithBuiltins()
        try:
            if gv.gvLayout(gvc, graph.handle, layout.encode("utf-8")):
                raise ValueError("Graphviz raised a layout error.")
            bb = graph.graph_attr.get("bb") or ""
            gv.gvFreeLayout(gvc, graph.handle)
        finally:
            gv.gvFreeContext(gvc)
        x0, y0, x1, y1 = (float(v) for v in bb.replace(",", " ").split())
        return x1 - x0 + 2 * _PAD, y1 - y0 + 2 * _PAD

    return _in_process(lay_out, source)


def _in_process(run: Callable[[Any], T], source: str) -> T:
    """``run(graph)`` on pygraphviz's graph of ``source``, with Graphviz's and fontconfig's
    messages on stderr discarded; a failure is an OutputError with Graphviz's last line."""
    import warnings

    import pygraphviz

    sys.stderr.flush()
    saved = os.dup(2)
    sink = os.open(os.devnull, os.O_WRONLY)
    with warnings.catch_warnings(record=True):
        os.dup2(sink, 2)
        try:
            return run(pygraphviz.AGraph(string=source))
        except Exception as exc:  # pygraphviz raises ValueError/IOError with Graphviz's message
            first = str(exc).strip().splitlines()
            raise OutputError(f"Graphviz failed: {first[-1] if first else type(exc).__name__}") from exc
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(sink)


def cjk_font_available() -> bool | None:
    """Whether fontconfig knows a font covering Chinese (None when that cannot be asked)."""
    exe = shutil.which("fc-list")
    if exe is not None:
        try:
            proc = subprocess.run([exe, ":lang=zh", "family"], capture_output=True, check=False, timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return bool(proc.stdout.strip())
    return _fontconfig_has_zh()


def _fontconfig_has_zh() -> bool | None:
    import ctypes
    import ctypes.util
    import glob

    candidates = []
    try:
        import pygraphviz

        libs = os.path.join(os.path.dirname(os.path.dirname(pygraphviz.__file__)), "pygraphviz.libs")
        candidates += sorted(glob.glob(os.path.join(libs, "libfontconfig*.so*")))
    except ImportError:
        pass
    found = ctypes.util.find_library("fontconfig")
    if found:
        candidates.append(found)
    for path in candidates:
        try:
            fc = ctypes.CDLL(path)
        except OSError:
            continue
        fc.FcNameParse.restype = ctypes.c_void_p
        fc.FcObjectSetBuild.restype = ctypes.c_void_p
        fc.FcFontList.restype = ctypes.POINTER(ctypes.c_int)
        fc.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        pattern = fc.FcNameParse(b":lang=zh")
        objects = fc.FcObjectSetBuild(b"family", None)
        fonts = fc.FcFontList(None, pattern, objects)
        return bool(fonts and fonts[0] > 0)
    return None


FONT_HINT = "install a CJK font (Debian/Ubuntu: apt-get install fonts-noto-cjk; macOS and Windows ship one), or write .svg, which the viewer draws with its own fonts"
