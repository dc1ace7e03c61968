"""Flat: no middle layer; every role reports straight to the CS head, no units."""

from csdesign.model import Org
from csdesign.structures.common import Cut


def cut(org: Org) -> Cut:
    return Cut(axis=None, units=[], flat=True)
