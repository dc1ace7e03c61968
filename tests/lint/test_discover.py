"""Which paths `csdesign lint` reads, and the one-line errors for paths it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest

from csdesign.errors import InputError
from csdesign.lint.discover import discover


def test_a_path_that_cannot_be_entered_is_a_user_error(tmp_path, monkeypatch):
    """e.g. `csdesign lint /proc/1/root`: stat() raises PermissionError (exit 2, not a crash)."""
    locked = tmp_path / "locked"

    def is_dir(self: Path) -> bool:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return False

    monkeypatch.setattr(Path, "is_dir", is_dir)
    with pytest.raises(InputError) as exc:
        discover([str(locked)], [], tmp_path)
    assert exc.value.render() == f"{locked}: permission denied (check the permissions of the path and the directories above it)"


def test_missing_path(tmp_path):
    with pytest.raises(InputError) as exc:
        discover([str(tmp_path / "nope")], [], tmp_path)
    assert exc.value.render() == f"{tmp_path / 'nope'}: no such file or directory (check the path)"
