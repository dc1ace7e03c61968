"""Matrix: solid lines cut by the primary axis, dotted lines from secondary-axis leads.

Default primary is product (falling back to region, then function) and default secondary is
function: a ``scope: lead`` role with ``function: X`` gets a dotted line to every unit member
of function X (seed 000's horizontal data-analysis / training / product-support groups). With
an axis as secondary (e.g. region), each lead is replicated per value and coordinates the top
of every primary unit.
"""

from csdesign.model import Org
from csdesign.structures import functional
from csdesign.structures.axis_cut import axis_cut
from csdesign.structures.common import Cut


def cut(org: Org) -> Cut:
    s = org.model.structure
    dims = org.model.dimensions
    primary = s.primary or ("product" if dims.products else "region" if dims.regions else "function")
    secondary = s.secondary or "function"
    base = functional.cut(org) if primary == "function" else axis_cut(org, primary, "matrix")
    base.secondary = secondary if secondary != primary else None
    return base
