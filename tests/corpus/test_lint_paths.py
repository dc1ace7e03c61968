"""`lint DIR` never skips what it cannot read (issue 10, item 9).

Any entry that cannot be read (a directory that cannot be listed, a file that cannot be
opened, a broken symlink, a FIFO or device named *.yaml) is named on stderr and makes the run
exit 2, after the findings of every file that could be read; an excluded entry is not an error.
"""

from __future__ import annotations

import os

import pytest

from tests.corpus.harness import FILES, permissions_apply, run, run_process

MINIMAL = (FILES / "minimal.yaml").read_text(encoding="utf-8")
needs_permissions = pytest.mark.skipif(not permissions_apply(), reason="file permissions cannot be enforced here")
HINT_PERM = "fix its permissions, or list it under `exclude` in the lint config"
HINT_OTHER = "fix or remove it, or list it under `exclude` in the lint config"


@pytest.fixture
def repo(tmp_path):
    os.chmod(tmp_path, 0o755)
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "org.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path


def _findings(res) -> list[str]:
    return [line for line in res.stdout.splitlines() if line.startswith("ok/org.yaml:")]


@needs_permissions
def test_an_unreadable_subdirectory_is_an_error(repo):
    locked = repo / "locked"
    locked.mkdir()
    (locked / "org.yaml").write_text(MINIMAL, encoding="utf-8")
    locked.chmod(0o000)
    try:
        res = run_process("lint", ".", cwd=repo, unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert res.code == 2
    assert res.stderr == f"locked: cannot read directory: permission denied (the org files in it were not checked; {HINT_PERM})\n"
    assert len(_findings(res)) == 5  # the readable file is still checked and reported
    assert res.stdout.endswith("5 findings (2 warnings, 3 info) in 1 file.\n")


@needs_permissions
def test_an_unreadable_top_directory_is_an_error(repo):
    repo.joinpath("ok").chmod(0o000)
    try:
        res = run_process("lint", "ok", cwd=repo, unprivileged=True)
    finally:
        repo.joinpath("ok").chmod(0o755)
    assert (res.code, res.stdout) == (2, "No org files found.\n")
    assert res.stderr == f"ok: cannot read directory: permission denied (the org files in it were not checked; {HINT_PERM})\n"


@needs_permissions
@pytest.mark.parametrize("named", [False, True], ids=["found", "named"])
def test_an_unreadable_file_is_an_error(repo, named):
    secret = repo / "secret.yaml"
    secret.write_text(MINIMAL, encoding="utf-8")
    secret.chmod(0o000)
    res = run_process("lint", "secret.yaml" if named else ".", cwd=repo, unprivileged=True)
    assert res.code == 2
    assert res.stderr == f"secret.yaml: cannot read file: permission denied (it was not checked; {HINT_PERM})\n"


def test_a_broken_symlink_is_an_error(repo):
    (repo / "gone.yaml").symlink_to("nowhere.yaml")
    res = run("lint", ".", cwd=repo)
    assert res.code == 2
    assert res.lines == [f"gone.yaml: cannot read file: broken symbolic link (it was not checked; {HINT_OTHER})"]
    assert len(_findings(res)) == 5


def test_a_fifo_named_yaml_is_an_error_not_a_hang(repo):
    os.mkfifo(repo / "pipe.yaml")
    res = run("lint", ".", cwd=repo)
    assert res.code == 2
    assert res.lines == [f"pipe.yaml: cannot read file: not a regular file (it was not checked; {HINT_OTHER})"]


@needs_permissions
def test_excluded_entries_are_not_errors(repo):
    (repo / "csdesign.toml").write_text('[lint]\nexclude = ["locked", "gone.yaml"]\n', encoding="utf-8")
    (repo / "gone.yaml").symlink_to("nowhere.yaml")
    locked = repo / "locked"
    locked.mkdir()
    locked.chmod(0o000)
    try:
        res = run_process("lint", ".", cwd=repo, unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert (res.code, res.stderr) == (0, "")


def test_several_problems_are_all_named_in_order(repo):
    (repo / "b.yaml").symlink_to("nowhere.yaml")
    os.mkfifo(repo / "a.yaml")
    res = run("lint", ".", "-f", "json", cwd=repo)
    assert res.code == 2
    assert res.lines == [
        f"a.yaml: cannot read file: not a regular file (it was not checked; {HINT_OTHER})",
        f"b.yaml: cannot read file: broken symbolic link (it was not checked; {HINT_OTHER})",
    ]
