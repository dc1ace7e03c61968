"""The responsibility report: sections, then table, Markdown, JSON and CSV writers (formats.py)."""
