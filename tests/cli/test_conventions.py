"""Command-line conventions: --version, shell completion, NO_COLOR (https://no-color.org)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from csdesign import __version__
from tests.helpers import ROOT


SCRIPT = Path(sys.executable).with_name("csdesign")  # the console script: completion keys on its name


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})})


pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="needs the installed console script: pip install -e .")


def test_version():
    r = run("--version")
    assert (r.returncode, r.stdout, r.stderr) == (0, f"csdesign {__version__}\n", "")


def _in_bash(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the console script from bash, as a user does: Typer's --show-completion and
    --install-completion take no shell argument but detect the shell they run under (the
    parent process), so a run from a detached process (no shell above it) has none."""
    import shlex

    line = " ".join(shlex.quote(a) for a in (str(SCRIPT), *args))
    return subprocess.run(["bash", "-c", f"{line}; exit $?"], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})})


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash (completion is detected from the shell it runs under)")
def test_show_and_install_completion(tmp_path):
    shown = _in_bash("--show-completion", env={"SHELL": "/bin/bash"})
    assert shown.returncode == 0, shown.stderr
    assert "complete -o default -F _csdesign_completion csdesign" in shown.stdout
    assert "_CSDESIGN_COMPLETE=complete_bash" in shown.stdout
    done = _in_bash("--install-completion", env={"HOME": str(tmp_path), "SHELL": "/bin/bash"})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".bash_completions" / "csdesign.sh").read_text(encoding="utf-8").strip() == shown.stdout.strip()
    assert "csdesign.sh" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_completion_completes_commands_and_options():
    def complete(words: str, cword: int) -> list[str]:
        r = run(env={"_CSDESIGN_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)})
        assert r.returncode == 0, r.stderr
        return r.stdout.split()

    assert sorted(complete("csdesign re", 1)) == ["recommend", "render", "report"]
    assert complete("csdesign lint --qu", 2) == ["--quiet"]
    assert complete("csdesign report --stdin", 2) == ["--stdin-filename"]


#: SGR parameters that set a colour (foreground, background, 256/true colour).
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def in_a_terminal(args: list[str], env: dict) -> str:
    """Output of csdesign run with stdout and stderr on a pseudo-terminal (so rich would colour)."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "csdesign", *args], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env, cwd=ROOT)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=120)
    os.close(master)
    return out.decode("utf-8", "replace")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminal test needs Linux")
@pytest.mark.parametrize("args", [["report", "examples/startup.yaml"], ["render", "examples/startup.yaml"], ["--help"], ["render"]])
def test_no_color_turns_off_colour_in_a_terminal(args):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE")}
    env.update(TERM="xterm-256color", COLUMNS="100")
    assert COLOUR.search(in_a_terminal(args, env))  # the control: colour without NO_COLOR
    plain = in_a_terminal(args, {**env, "NO_COLOR": "1"})
    assert not COLOUR.search(plain), plain[:500]
    assert plain.strip()
