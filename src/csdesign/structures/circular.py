"""Circular: the functional hierarchy laid out in rings around the leadership (twopi)."""

from csdesign.model import Org
from csdesign.structures import functional
from csdesign.structures.common import Cut


def cut(org: Org) -> Cut:
    base = functional.cut(org)
    base.layout = "twopi"
    return base
