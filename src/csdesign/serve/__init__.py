"""`csdesign serve`: a live workbench in the browser (chart, findings, diff) that follows the
YAML as it is edited. Application layer: it uses model, structures, analysis, lint and render,
and nothing below imports it."""
