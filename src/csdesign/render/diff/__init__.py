"""A reorganisation diff: table, Markdown and JSON writers, and its colours on a chart (formats.py)."""
