"""A reorganisation diff as JSON (keys documented in docs/diff.md; ``version`` bumps on change)."""

from __future__ import annotations

import json

from csdesign.analysis.diff import OrgDiff

VERSION = 1


def to_json(d: OrgDiff, lang: str = "en") -> str:
    return json.dumps({"version": VERSION, **d.to_dict(lang)}, ensure_ascii=False, indent=2) + "\n"
