"""Process: one unit per journey stage (onboarding, adoption, renewal, support...)."""

from csdesign.model import Org
from csdesign.structures.axis_cut import axis_cut
from csdesign.structures.common import Cut


def cut(org: Org) -> Cut:
    return axis_cut(org, "process", "process")
