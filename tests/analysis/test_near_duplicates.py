"""Near-duplicate duty names at scale (issue 10 item 13): bounded clusters, near-linear candidates."""

from __future__ import annotations

from pathlib import Path

import csdesign.analysis.near_duplicates as nd
from tests.helpers import graph_from

ROOT = Path(__file__).resolve().parents[2]


def _generate():
    from tests.helpers import bench_generator

    return bench_generator()


def org_with(duties: list[str]) -> str:
    lines = ["company: {name: Acme}", "roles:", "  - {id: head, title: Head}"]
    lines += [f"  - {{id: r{i}, title: R{i}, reports_to: head, duties: ['{d}']}}" for i, d in enumerate(duties)]
    return "\n".join(lines) + "\n"


def test_numbered_duties_never_chain_into_one_finding():
    # issue 10: duties 100 to 4,999 came out as one finding over 100 KB long
    g = graph_from(org_with([f"Quarterly account review {i}" for i in range(100, 400)]))
    assert nd.find_near_duplicates(g) == []


def test_look_alikes_form_bounded_star_clusters():
    # a chain of names, each one letter from the next: no chaining across the whole chain
    names = ["Partner enablement kit " + "x" * k for k in range(1, 21)]
    found = nd.find_near_duplicates(graph_from(org_with(names)))
    assert found and all(len(f.names) <= nd.MAX_CLUSTER for f in found)
    sizes = [len(f.names) for f in found]
    assert sum(sizes) <= len(names)  # each name in at most one cluster
    centre = found[0].names[0]
    from rapidfuzz import fuzz

    for f in found:  # every member is similar to its cluster's first name, not just to a neighbour
        assert all(fuzz.ratio(nd._comparable(f.names[0]), nd._comparable(n)) >= nd.THRESHOLD for n in f.names)
    assert centre.startswith("Partner enablement kit")


def test_candidate_generation_is_linear(monkeypatch):
    # the number of pairs rapidfuzz scores, not time: at most MAX_CANDIDATES per name, so at
    # most linear in the names whatever they look like (all pairs would be n²/2)
    gen = _generate()
    scored = 0
    real = nd.itemgetter

    def counting(*ids):
        nonlocal scored
        scored += len(ids)
        return real(*ids)

    monkeypatch.setattr(nd, "itemgetter", counting)
    for n in (1000, 4000):
        scored = 0
        nd.similar_pairs([nd._comparable(x) for x in gen.duty_names(n)])
        assert scored <= n * nd.MAX_CANDIDATES
        assert scored < n * n / 2 / 20


def test_blocked_candidates_find_the_pairs_all_pairs_finds():
    gen = _generate()
    texts = [nd._comparable(x) for x in gen.duty_names(1500)]
    assert nd.similar_pairs(texts) == nd.exact_similar_pairs(texts)
