"""Model -> networkx graph, one small module per structure, chosen through one registry."""

from __future__ import annotations

from typing import Callable

from csdesign.structures import nxload

nxload.load()  # before anything imports networkx: the graph classes now, the algorithms when used

# E402: these import networkx, so they come after nxload.load()
import networkx as nx  # noqa: E402

from csdesign.model import Org  # noqa: E402
from csdesign.model.schema import StructureType  # noqa: E402
from csdesign.structures import circular, explicit, flat, functional, geographic, market, matrix, process, product  # noqa: E402
from csdesign.structures.common import Cut, build_from_cut  # noqa: E402

#: structure name -> function returning its cut of the department.
REGISTRY: dict[StructureType, Callable[[Org], Cut]] = {
    StructureType.functional: functional.cut,
    StructureType.product: product.cut,
    StructureType.market: market.cut,
    StructureType.geographic: geographic.cut,
    StructureType.process: process.cut,
    StructureType.matrix: matrix.cut,
    StructureType.circular: circular.cut,
    StructureType.flat: flat.cut,
}

NAMES = [s.value for s in StructureType]


def build(org: Org, structure: str | StructureType | None = None) -> nx.DiGraph:
    """Build the org graph for ``structure`` (default: the file's ``structure.type``).

    An org with ``positions:`` (as-is) builds through structures/explicit.py unless a
    ``structure`` is asked for: then the proposal is generated from ``roles:`` as usual.
    """
    if structure is None and explicit.is_explicit(org):
        return explicit.build(org)
    kind = StructureType(structure) if structure is not None else org.model.structure.type
    if explicit.is_explicit(org) and not org.model.roles:
        explicit.fail_no_roles(org, kind.value)
    return build_from_cut(org, kind, REGISTRY[kind](org))


def build_file(path: str, structure: str | StructureType | None = None) -> nx.DiGraph:
    """Load, validate and build in one call (what most commands start with)."""
    from csdesign.model import load_org

    return build(load_org(path), structure)


__all__ = ["NAMES", "REGISTRY", "build", "build_file"]
