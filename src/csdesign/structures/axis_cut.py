"""The cut shared by product, market, geographic and process structures: one unit per axis value."""

from csdesign.errors import ModelError, Problem
from csdesign.model import Org
from csdesign.model.messages_zh import bilingual
from csdesign.model.schema import AXES
from csdesign.structures.common import Cut, only_admits


def axis_cut(org: Org, axis: str, structure: str) -> Cut:
    values = org.model.dimensions.values(axis)
    if not values:
        plural = AXES[axis]
        line, col = org.where(("dimensions", plural), key=True)  # the empty list, else `dimensions:`, else 1:1
        raise ModelError(
            f"no {plural}",
            problems=[
                Problem(
                    bilingual("a {structure} structure needs at least one value in dimensions.{plural}", structure=structure, plural=plural),
                    org.file, line, col, path=f"dimensions.{plural}",
                    hint=bilingual("list the {plural} under `dimensions:`, or choose another structure", plural=plural),
                    code="ST001",
                )
            ],
        )
    return Cut(axis=axis, units=values, admits=lambda role, value: only_admits(role, axis, value))
