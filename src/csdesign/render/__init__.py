"""Outputs: terminal tree (rich), Graphviz DOT/SVG/PNG/PDF, and report formats."""
