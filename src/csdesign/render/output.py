"""Atomic file writes: a failed or interrupted render never leaves a half-written file.

The writer lives in :mod:`csdesign.fileio` (below every layer, so loaders can record their
inputs there); this name stays for the render code and older imports."""

from __future__ import annotations

from csdesign.fileio import write_atomic

__all__ = ["write_atomic"]
