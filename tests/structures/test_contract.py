"""Every built graph carries exactly the attributes the typed contract declares."""

from pathlib import Path

import pytest

from csdesign.errors import CsdesignError
from csdesign.model import load_org
from csdesign.structures import NAMES, build
from csdesign.structures.contract import EdgeAttrs, ExternalAttrs, GraphAttrs, RoleAttrs

EXAMPLES = sorted((Path(__file__).resolve().parent.parent.parent / "examples").glob("*.yaml"))
ROLE_KEYS = set(RoleAttrs.__required_keys__)


def _graphs():
    for path in EXAMPLES:
        org = load_org(str(path))
        yield path.name, None, build(org)
        if org.model.roles:
            for name in NAMES:
                try:
                    yield path.name, name, build(org, name)
                except CsdesignError:  # e.g. a product cut of a file without products
                    continue


@pytest.mark.parametrize(("example", "structure", "g"), list(_graphs()), ids=lambda v: v if isinstance(v, str) else "")
def test_graph_node_and_edge_attributes_are_the_contract(example, structure, g):
    assert set(g.graph) == set(GraphAttrs.__annotations__)
    assert g.graph["employees"] is None or isinstance(g.graph["employees"], int)
    for n, d in g.nodes(data=True):
        expected = set(ExternalAttrs.__required_keys__) if d["kind"] == "external" else ROLE_KEYS
        assert set(d) == expected, n
    for u, v, d in g.edges(data=True):
        assert set(d) == set(EdgeAttrs.__required_keys__) and d["kind"] in ("solid", "dotted"), (u, v)
