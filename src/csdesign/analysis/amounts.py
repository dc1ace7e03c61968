"""Numbers as the capacity and cost findings write them, and benchmark currency conversion."""

from __future__ import annotations

from typing import Any, Mapping


def num(x: float, digits: int = 1) -> str:
    """12 -> "12", 12.34 -> "12.3", 1234567 -> "1,234,567"."""
    r = round(float(x), digits)
    if r == int(r):
        return f"{int(r):,}"
    return f"{r:,.{digits}f}".rstrip("0").rstrip(".")


def money(x: float, currency: str | None) -> str:
    """120000000 CNY -> "120,000,000 CNY" (no unit when the file names no currency)."""
    text = f"{round(float(x)):,}"
    return f"{text} {currency}" if currency else text


def pct(x: float) -> str:
    """0.3333 -> "33%", 0.085 -> "8.5%"."""
    p = round(x * 100, 1)
    return f"{int(p)}%" if p == int(p) else f"{p}%"


def convert(amount: float, graph: Mapping[str, Any], to: str) -> tuple[float | None, float | None]:
    """``amount`` in the file's currency expressed in ``to``: (value, rate used), or (None, None)
    when the file's currency differs and ``company.fx`` has no rate for ``to``.

    A file without ``company.currency`` is taken to be in the benchmark's currency."""
    have = graph.get("currency")
    if have is None or have == to:
        return amount, None
    rate = (graph.get("fx") or {}).get(to)
    if rate is None:
        return None, None
    return amount / rate, rate
