"""The shared pieces of every user-facing error message."""

from __future__ import annotations

from csdesign.errors import did_you_mean


def test_did_you_mean_names_the_closest_option():
    assert did_you_mean("matirx", ("functional", "matrix", "flat")) == "; did you mean 'matrix'?"
    assert did_you_mean("selct", ["select", "ignore"], quote="`") == "; did you mean `select`?"


def test_did_you_mean_is_empty_when_nothing_is_close():
    assert did_you_mean("zzz", ["matrix", "flat"]) == ""
    assert did_you_mean("fla", ["flat"], cutoff=0.9) == ""
