"""The workbench without a browser: views, last good chart on a broken file, limits, ports."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from csdesign.errors import InputError, OutputError
from csdesign.serve.run import bind, is_loopback
from csdesign.serve.workbench import Workbench
from tests.helpers import EXAMPLES, ROOT


@pytest.fixture
def org(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    shutil.copy(EXAMPLES / "ecommerce-matrix.yaml", path)
    return path


def touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # a new mtime even on coarse clocks


def test_view_has_chart_with_node_ids_findings_with_locations(org):
    wb = Workbench.open(str(org))
    v = wb.view()
    assert v["title"] == "云购电商 · matrix" and v["error"] is None and v["boxes"] == 22
    assert 'data-node="data_lead"' in v["chart"]
    first = v["findings"][0]
    assert first["kind"] == "overlaps" and first["where"] == f"{org}:106:9" and first["severity"] == "warning"
    assert first["nodes"][:2] == ["frontline_sup@product:服饰美妆", "support_eng@product:服饰美妆"]
    # RS001 reports the same overlap: merged, not listed twice; RS007 (issue 14): the support
    # lead's 对接产品研发团队 is the director's cross-department coordination, delegated
    assert [f["kind"] for f in v["findings"]] == ["overlaps", "lint"] and v["findings"][1]["label"] == "RS007 duty-delegated"


def test_grid_view_and_structure_switch(org):
    wb = Workbench.open(str(org))
    grid = wb.view(view="grid")["chart"]
    assert grid.startswith('<table class="grid">') and grid.count("<th scope=\"col\"") == 3
    geo = wb.view(structure="geographic", lang="zh")
    assert geo["structure"] == "geographic" and geo["title"] == "云购电商 · 地域型"
    assert geo["structure_labels"]["matrix"] == "矩阵型"
    assert "此结构" not in geo["chart"]
    empty = wb.view(structure="functional", view="grid")["chart"]
    assert empty == '<p class="empty">This structure has no dotted lines, so the matrix grid is empty.</p>'


def test_broken_file_keeps_last_good_chart_and_recovers(org):
    wb = Workbench.open(str(org))
    good = wb.view()["chart"]
    text = org.read_text(encoding="utf-8")
    touch(org, text.replace("roles:", "roles: [", 1))
    assert wb.refresh() is True and wb.version == 2
    v = wb.view()
    assert re.fullmatch(rf"{re.escape(str(org))}:\d+:\d+: YAML syntax error: .*", v["error"].splitlines()[0])
    assert v["chart"] == good
    touch(org, text)
    assert wb.refresh() is True
    assert wb.view()["error"] is None
    assert wb.refresh() is False  # nothing changed since


def test_file_past_the_input_limit_shows_the_limit_error(org):
    from csdesign.model.yamlsource import MAX_BYTES

    wb = Workbench.open(str(org))
    with org.open("a", encoding="utf-8") as f:
        f.write("#" * (MAX_BYTES + 10) + "\n")
    wb.refresh()
    v = wb.view()
    assert "MiB" in v["error"] and v["chart"] is not None


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        Workbench.open(str(tmp_path / "nope.yaml"))


def test_port_in_use_suggests_another():
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(OutputError) as err:
            bind("127.0.0.1", port)
        assert err.value.message == f"port {port} is already in use on 127.0.0.1"
        assert f"--port {port + 1}" in err.value.hint
    finally:
        taken.close()


def test_loopback_detection():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def _serve(*args: str, cwd: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "csdesign", "serve", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)


def test_open_to_the_network_warns_and_ctrl_c_exits_130(org):
    proc = _serve(str(org), "--host", "0.0.0.0", "--port", "0")
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert re.fullmatch(r"csdesign serve: http://0\.0\.0\.0:\d+/ \(Ctrl-C to stop\)\n", line)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 130
        err = proc.stderr.read()  # type: ignore[union-attr]
        assert err.startswith("warning: listening on 0.0.0.0: anyone who can reach this machine")
        assert "Traceback" not in err
    finally:
        if proc.poll() is None:
            proc.kill()


def test_cli_port_in_use_exit_2(org):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        proc = _serve(str(org), "--port", str(port))
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 2
        assert err.strip() == f"port {port} is already in use on 127.0.0.1 (choose another with --port, e.g. --port {port + 1}, or --port 0 for any free port)"
    finally:
        taken.close()
