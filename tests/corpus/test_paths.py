"""Broken paths and environments: too big, a directory, unreadable, unwritable, changing files."""

from __future__ import annotations

import os

import pytest

from tests.corpus.harness import FILES, permissions_apply, run, run_process

MINIMAL = (FILES / "minimal.yaml").read_text(encoding="utf-8")
needs_permissions = pytest.mark.skipif(not permissions_apply(), reason="file permissions cannot be enforced here")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:  # 50 MB of a plausible file: comments are cheap to write
        line = b"# " + b"x" * 1021 + b"\n"
        fh.write(line * (50 * 1024))
    res = run("render", str(big))
    assert res.code == 2
    assert res.lines == [f"{big}: file is 50.0 MiB, larger than the 20 MiB limit (split the org into smaller files)"]


def test_a_directory_is_not_an_org_file(tmp_path):
    res = run("render", str(tmp_path))
    assert res.code == 2
    assert res.lines == [f"{tmp_path}: is a directory, not a YAML file (pass the org file inside it)"]


def test_missing_file(tmp_path):
    res = run("render", str(tmp_path / "nope.yaml"))
    assert res.code == 2
    assert res.lines == [f"{tmp_path / 'nope.yaml'}: file not found (check the path)"]


@needs_permissions
def test_unreadable_file(tmp_path):
    os.chmod(tmp_path, 0o755)
    org = tmp_path / "org.yaml"
    org.write_text(MINIMAL, encoding="utf-8")
    org.chmod(0o000)
    res = run_process("render", str(org), unprivileged=True)
    assert (res.code, res.stderr) == (2, f"{org}: permission denied (check the file's read permissions)\n")


@needs_permissions
def test_file_in_a_directory_that_cannot_be_entered(tmp_path):
    os.chmod(tmp_path, 0o755)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "org.yaml").write_text(MINIMAL, encoding="utf-8")
    locked.chmod(0o000)
    try:
        res = run_process("render", str(locked / "org.yaml"), unprivileged=True)
        out = run_process("render", str(FILES / "minimal.yaml"), "-o", str(locked / "x.dot"), unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert (res.code, res.stderr) == (2, f"{locked / 'org.yaml'}: permission denied (check the permissions of the file and the directories above it)\n")
    assert (out.code, out.stderr) == (2, f"{locked / 'x.dot'}: cannot write into {locked} (permission denied) (choose a writable directory)\n")


def test_output_into_a_missing_directory(tmp_path):
    target = tmp_path / "no" / "such" / "chart.svg"
    res = run("render", str(FILES / "minimal.yaml"), "-o", str(target))
    assert res.code == 2
    assert res.lines == [f"{target}: directory {target.parent} does not exist (create it first or choose another -o path)"]


@needs_permissions
def test_output_into_a_read_only_directory_keeps_the_old_file(tmp_path):
    os.chmod(tmp_path, 0o755)
    ro = tmp_path / "ro"
    ro.mkdir()
    (ro / "chart.dot").write_text("previous chart\n", encoding="utf-8")
    ro.chmod(0o555)
    try:
        res = run_process("render", str(FILES / "minimal.yaml"), "-o", str(ro / "chart.dot"), unprivileged=True)
    finally:
        ro.chmod(0o755)
    assert (res.code, res.stderr) == (2, f"{ro / 'chart.dot'}: cannot write into {ro} (permission denied) (choose a writable directory)\n")
    assert (ro / "chart.dot").read_text(encoding="utf-8") == "previous chart\n"
    assert sorted(p.name for p in ro.iterdir()) == ["chart.dot"]


def test_output_path_that_is_a_directory(tmp_path):
    (tmp_path / "chart.svg").mkdir()
    res = run("render", str(FILES / "minimal.yaml"), "-o", str(tmp_path / "chart.svg"))
    assert res.code == 2
    assert res.lines == [f"{tmp_path / 'chart.svg'}: is a directory (give a file name, not a directory)"]


def test_file_that_changes_between_runs(tmp_path):
    """Each run reads the file afresh (no stale cache) and the same input gives the same bytes."""
    org = tmp_path / "org.yaml"
    out = tmp_path / "chart.dot"
    org.write_text(MINIMAL, encoding="utf-8")
    assert run("render", str(org), "-o", str(out)).code == 0
    first = out.read_bytes()
    assert run("render", str(org), "-o", str(out)).code == 0
    assert out.read_bytes() == first
    org.write_text(MINIMAL.replace("title: H", "title: 客户成功部总监"), encoding="utf-8")
    assert run("render", str(org), "-o", str(out)).code == 0
    changed = out.read_text(encoding="utf-8")
    assert ">客户成功部总监<BR/>director<" in changed
    assert ">H<BR/>director<" not in changed
    org.write_text("company: {name: X}\nroles:\n  - {id: h, title: H, reports_to: h}\n", encoding="utf-8")
    res = run("render", str(org), "-o", str(out))
    assert res.code == 2
    assert res.lines == [f"{org}:3:35: role 'h' reports to itself (point reports_to at its manager, or remove it)"]
    assert out.read_text(encoding="utf-8") == changed
