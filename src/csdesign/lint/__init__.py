"""`csdesign lint`: rules over org files, with config, suppressions and CI output formats.

Data flow: paths -> (config, suppressions) -> runner (loader problems, graph rules over the
analyses) -> sorted findings -> one reporter. Nothing here prints; the CLI does.
"""
