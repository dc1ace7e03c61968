"""Application layer: one module per command job (load -> build -> analyse -> render).

The CLI parses options and calls one function here; these modules read the org files, build
the graphs, run the analyses and hand the results to a writer from an output-format registry
(``formats.py``). Rendering code below
only draws what it is given.
"""
