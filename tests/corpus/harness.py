"""Drive the real CLI entry point (``csdesign.cli.main``) the way a user does.

``run`` calls ``main()`` in this process with ``sys.argv`` set, capturing stdout/stderr and
the exit code: the same code path as ``python -m csdesign`` (including the catch-all that
turns bugs into exit 3), about 30× faster than a subprocess. ``run_process`` is the real
subprocess, for what needs one (another user, signals, the embedded engine's fd juggling).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FILES = Path(__file__).resolve().parent / "files"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def run(*args: str, cwd: str | Path | None = None) -> Result:
    """``csdesign ARGS`` in-process; never raises (a traceback would land in stderr)."""
    import importlib

    from csdesign.cli import main

    app_module = importlib.import_module("csdesign.cli.app")  # the module; `csdesign.cli.app` the attribute is the Typer app

    out, err = io.StringIO(), io.StringIO()
    saved_argv, saved_cwd = sys.argv, os.getcwd()
    saved_state = dict(app_module.STATE)
    sys.argv = ["csdesign", *args]
    code = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except BaseException:  # what main() let through: show it the way Python would
                import traceback

                traceback.print_exc(file=err)
                code = 99
    finally:
        sys.argv = saved_argv
        os.chdir(saved_cwd)
        app_module.STATE.clear()
        app_module.STATE.update(saved_state)
    return Result(code, out.getvalue(), err.getvalue())


def run_process(*args: str, cwd: str | Path | None = None, user: str | None = None, timeout: float = 60) -> Result:
    """``python -m csdesign ARGS`` in a subprocess, optionally as another (unprivileged) user."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), COLUMNS="100")
    env.pop("CSDESIGN_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "csdesign", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout, user=user,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def as_nobody_possible() -> bool:
    """Root can read anything: permission cases need to drop to ``nobody`` (and be root to do so)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    try:
        import pwd

        pwd.getpwnam("nobody")
    except (ImportError, KeyError):
        return False
    return True
