"""Erlang B and C without factorials: the queueing maths behind real-time support staffing.

Erlang B comes from its recursion, B(0) = 1 and B(n) = A·B(n-1) / (n + A·B(n-1)), which
only ever multiplies and divides numbers between 0 and A + n, so it neither overflows (A^n,
n!) nor loses precision at thousands of agents. Erlang C follows from B:
C(n) = n·B / (n - A·(1 - B)) for n > A, the probability that a contact waits. The service
level, the share answered within ``t`` seconds, is 1 - C·exp(-(n - A)·t / AHT).

With n <= A agents the queue is unstable (it grows without bound): :func:`service_level`
says so with ``None`` instead of a number, and :func:`agents_for` starts above A, so no
loop ever waits for a queue to settle. Every function is O(n) in the number of agents and
independent of the org's size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Traffic above this (a million simultaneous conversations) is not sized: the O(n) recursion
#: would take seconds and no contact centre runs at that scale.
MAX_ERLANGS = 1_000_000.0


def traffic(contacts_per_hour: float, aht_seconds: float) -> float:
    """Offered load in Erlangs: arrivals per second × handling time."""
    return contacts_per_hour * aht_seconds / 3600.0


def erlang_b(erlangs: float, agents: int) -> float:
    """Blocking probability with ``agents`` servers and no queue (the recursion, O(agents))."""
    b = 1.0
    for n in range(1, agents + 1):
        b = erlangs * b / (n + erlangs * b)
    return b


def _c_from_b(erlangs: float, agents: int, b: float) -> float:
    return agents * b / (agents - erlangs * (1.0 - b))


def erlang_c(erlangs: float, agents: int) -> float | None:
    """Probability that a contact waits; None when ``agents <= erlangs`` (unstable queue)."""
    if erlangs <= 0:
        return 0.0
    if agents <= erlangs:
        return None
    return _c_from_b(erlangs, agents, erlang_b(erlangs, agents))


def service_level(erlangs: float, agents: int, aht_seconds: float, within_seconds: float) -> float | None:
    """Share of contacts answered within ``within_seconds``; None for an unstable queue."""
    if erlangs <= 0:
        return 1.0
    c = erlang_c(erlangs, agents)
    if c is None:
        return None
    return _level(erlangs, agents, c, aht_seconds, within_seconds)


def average_wait(erlangs: float, agents: int, aht_seconds: float) -> float | None:
    """Average speed of answer in seconds, C × AHT ÷ (agents − erlangs); None when unstable."""
    c = erlang_c(erlangs, agents)
    if c is None:
        return None
    return c * aht_seconds / (agents - erlangs) if erlangs > 0 else 0.0


def _level(erlangs: float, agents: int, c: float, aht_seconds: float, within_seconds: float) -> float:
    return max(0.0, 1.0 - c * math.exp(-(agents - erlangs) * within_seconds / aht_seconds))


@dataclass(frozen=True)
class Staffing:
    """The smallest on-shift team for a target, and what it achieves."""

    erlangs: float
    agents: int  # on shift (handling contacts), target and occupancy cap both met
    for_service_level: int  # agents the service level alone needs
    for_occupancy: int  # agents the occupancy cap alone needs
    service_level: float  # achieved by ``agents``
    p_wait: float  # probability of waiting with ``agents``
    occupancy: float  # erlangs / agents
    steps: int  # recursion steps taken (the work, for tests and benchmarks)


def agents_for(erlangs: float, aht_seconds: float, answered: float, within_seconds: float, max_occupancy: float = 1.0) -> Staffing:
    """Smallest number of agents whose service level reaches ``answered`` within ``within_seconds``
    and whose occupancy (erlangs / agents) stays at or under ``max_occupancy``.

    One pass of the Erlang B recursion: each step adds one agent and tests the target, so the
    answer for 1,000 Erlangs costs about 1,000 steps. ``answered`` must be below 1 (no finite
    team answers every contact in time), ``erlangs`` at most :data:`MAX_ERLANGS`.
    """
    if not 0 < answered < 1:
        raise ValueError(f"service level target {answered} must be between 0 and 1 (exclusive)")
    if not 0 < max_occupancy <= 1:
        raise ValueError(f"occupancy cap {max_occupancy} must be in (0, 1]")
    if erlangs > MAX_ERLANGS:
        raise ValueError(f"{erlangs:g} Erlangs is beyond what csdesign sizes ({MAX_ERLANGS:g})")
    if erlangs <= 0:
        return Staffing(0.0, 0, 0, 0, 1.0, 0.0, 0.0, 0)
    for_occupancy = math.ceil(erlangs / max_occupancy - 1e-9)
    b = 1.0
    n = 0
    for_sl = None
    while True:
        n += 1
        b = erlangs * b / (n + erlangs * b)
        if n <= erlangs:
            continue
        c = _c_from_b(erlangs, n, b)
        level = _level(erlangs, n, c, aht_seconds, within_seconds)
        if for_sl is None and level >= answered:
            for_sl = n
        if for_sl is not None and n >= for_occupancy:
            return Staffing(erlangs, n, for_sl, for_occupancy, level, c, erlangs / n, n)


def scheduled(on_shift: float, shrinkage: float) -> int:
    """People to schedule so that ``on_shift`` are handling contacts after ``shrinkage``."""
    if on_shift <= 0:
        return 0
    return math.ceil(on_shift / (1.0 - shrinkage) - 1e-9)


def on_shift(people: float, shrinkage: float) -> int:
    """Whole agents handling contacts out of ``people`` scheduled (rounded down)."""
    return math.floor(people * (1.0 - shrinkage) + 1e-9)
