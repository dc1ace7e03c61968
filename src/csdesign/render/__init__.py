"""Outputs: drawing and writing only (the app/ layer loads, builds and analyses).

One subpackage per family, each with a ``formats.py`` registry of its output formats:

- ``chart/``   org charts: terminal tree, DOT and Graphviz SVG/PNG/PDF, Mermaid, JSON, HTML
- ``report/``  the responsibility report: table, Markdown, JSON, CSV (RACI matrix)
- ``diff/``    a reorganisation: table, Markdown, JSON, and its colours on a chart
- ``compare/`` every structure side by side, the recommendation, and the --out-dir index

Shared at the bottom: ``text.py`` (escaping and measuring user strings), ``output.py``
(atomic file writes) and ``advice.py`` (`csdesign explain`). The registry machinery itself is
``csdesign/formats.py``.
"""
