"""networkx's graph classes at once, its algorithms when first used.

``import networkx`` runs networkx's ``__init__``, which imports every algorithm, generator,
reader and drawing module: on a cold ``csdesign lint`` that was more than loading, building
and checking a 50-role org, and linting a valid file needs only ``nx.DiGraph``. :func:`load`
runs the head of that ``__init__`` (exceptions, utils, the graph classes and ``convert``, the
part the classes use) as the ``networkx`` module, and the rest of it the first time anything
asks the module for a name it does not have yet: ``nx.descendants(...)``,
``from networkx import topological_sort`` and ``import networkx.algorithms`` work as always.
Both parts are networkx's own code, run in order, once. When the head cannot be told apart
(a networkx whose ``__init__`` is laid out otherwise, or no source), or networkx is already
imported, it is the ordinary import. tests/test_cold_start.py covers both ways.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

#: The first line of networkx's ``__init__`` that the graph classes do not need (3.2 to 3.6).
REST = "\nfrom networkx import convert_matrix\n"
_LOCK = threading.RLock()


def load() -> None:
    """Make ``import networkx`` give the graph classes now and everything else on first use."""
    with _LOCK:
        if "networkx" in sys.modules:
            return
        import importlib.util

        spec = importlib.util.find_spec("networkx")
        get_source = getattr(spec.loader, "get_source", None) if spec is not None else None
        try:
            source = get_source("networkx") if get_source is not None else None
        except (ImportError, OSError):
            source = None
        if spec is None or not isinstance(source, str) or source.count(REST) != 1:
            import networkx  # noqa: F401 - the ordinary import
            return
        head, rest = source.split(REST)
        module = importlib.util.module_from_spec(spec)
        sys.modules["networkx"] = module
        try:
            exec(compile(head, spec.origin or "networkx", "exec"), module.__dict__)  # noqa: S102 - networkx's own code
        except BaseException:
            del sys.modules["networkx"]
            raise
        # the rest keeps its line numbers in tracebacks
        tail = compile("\n" * (head.count("\n") + 1) + REST.lstrip("\n") + rest, spec.origin or "networkx", "exec")

        def finish(name: str) -> Any:
            with _LOCK:
                if module.__dict__.get("__getattr__") is finish:
                    del module.__dict__["__getattr__"]
                    exec(tail, module.__dict__)  # noqa: S102 - the rest of networkx's __init__
            return getattr(module, name)

        module.__dict__["__getattr__"] = finish
