"""Market: one unit per customer segment / tier (strategic, key, standard...)."""

from csdesign.model import Org
from csdesign.structures.axis_cut import axis_cut
from csdesign.structures.common import Cut


def cut(org: Org) -> Cut:
    return axis_cut(org, "segment", "market")
