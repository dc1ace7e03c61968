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
import shutil
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


def run_process(*args: str, cwd: str | Path | None = None, unprivileged: bool = False, timeout: float = 60, stdout=None) -> Result:
    """``python -m csdesign ARGS`` in a subprocess.

    ``unprivileged``: file permissions must apply. Root ignores them, so as root the process
    runs without the capabilities that bypass them (``setpriv``, util-linux).
    ``stdout``: a file object or descriptor to give the process as its standard output
    (e.g. ``/dev/full``, a file opened for appending) instead of capturing it; ``Result.stdout``
    is then empty.
    """
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), COLUMNS="100")
    env.pop("CSDESIGN_DEBUG", None)
    prefix: list[str] = []
    if unprivileged and os.geteuid() == 0:
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "csdesign", *args],
        stdout=subprocess.PIPE if stdout is None else stdout, stderr=subprocess.PIPE,
        text=True, cwd=cwd, env=env, timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout or "", proc.stderr)


def permissions_apply() -> bool:
    """Whether permission cases can be tested here (not root, or root with setpriv)."""
    return os.name == "posix" and (os.geteuid() != 0 or shutil.which("setpriv") is not None)
