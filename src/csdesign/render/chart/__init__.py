"""Org charts: DOT/Graphviz, Mermaid, node-link JSON, HTML and the terminal tree (formats.py)."""
