"""`csdesign jd`: build the org, write one job description per role (Markdown, DOCX)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from csdesign.errors import InputError, OutputError
from csdesign.render.jd.formats import JD_FORMATS

if TYPE_CHECKING:
    from csdesign.analysis.jd import JobDescription

#: Characters no file name may hold on some system (and path separators): replaced by "_".
_UNSAFE = set('/\\:*?"<>|') | {chr(c) for c in range(32)}


def file_stem(role_id: str) -> str:
    """A role id as a file name: kept as written (CJK included) except characters some file
    system forbids; ``.`` / ``..`` and trailing dots or spaces are made safe too."""
    stem = "".join("_" if ch in _UNSAFE else ch for ch in role_id).rstrip(". ")
    return stem if stem.strip(".") else "_" + stem


def parse_formats(value: str | None, output: Path | None) -> list[str]:
    """``md``, ``docx`` or ``md,docx`` (the default with -o; Markdown alone to stdout)."""
    if value is None:
        return list(JD_FORMATS.names()) if output is not None else ["md"]
    names = [JD_FORMATS.get(v).name for v in value.split(",") if v.strip()]
    if not names:
        raise InputError("--format is empty", hint="use " + ", ".join(JD_FORMATS.names()) + " or md,docx")
    if output is None and names != ["md"]:
        raise InputError("--format docx writes files: give a directory with -o", hint="e.g. -o jd/")
    return list(dict.fromkeys(names))


def jd(org: str | Path, structure: str | None = None, *, roles: list[str] | None = None, lang: str = "en",
       output: Path | None = None, formats: str | None = None) -> tuple[str | None, list[Path]]:
    """Without ``output``: the Markdown of the JDs (one document). With it: the files written."""
    from csdesign.analysis.jd import job_descriptions
    from csdesign.errors import did_you_mean
    from csdesign.knowledge.guide import check_lang
    from csdesign.structures import build_file

    lang = check_lang(lang)
    kinds = parse_formats(formats, output)
    g = build_file(str(org), structure)
    ids = list(dict.fromkeys(str(d["role_id"]) for _, d in g.nodes(data=True) if d.get("kind") == "role" and d.get("role_id")))
    wanted = None
    if roles:
        for rid in roles:
            if rid not in ids:
                raise InputError(f"--role: no role '{rid}' in {g.graph.get('structure')} structure" + did_you_mean(rid, ids), hint="use a role id from `roles:` (or a position id of an as-is org)")
        wanted = list(dict.fromkeys(roles))
    jds = job_descriptions(g, wanted)
    if output is None:
        from csdesign.render.jd.markdown import jd_markdown

        return "\n".join(jd_markdown(x, lang) for x in jds), []
    from csdesign.fileio import check_output, write_atomic

    out = Path(output)
    if out.exists() and not out.is_dir():
        check_output(out)  # an input of this run, a device ...: the shared refusal first
        raise OutputError(f"{out}: is a file; -o takes a directory for the job descriptions", hint="give a directory, e.g. -o jd/")
    if not out.exists():
        if not out.parent.is_dir():
            raise OutputError(f"{out}: directory {out.parent} does not exist", hint="create it first or choose another -o path")
        out.mkdir()
    plan: list[tuple[Path, JobDescription, str]] = []
    stems: dict[str, int] = {}
    for x in jds:
        stem = file_stem(x.role_id)
        n = stems.get(stem.lower(), 0)  # case-insensitive file systems: sam and SAM are one name
        stems[stem.lower()] = n + 1
        if n:
            stem = f"{stem}-{n + 1}"
        for name in kinds:
            path = out / f"{stem}{JD_FORMATS.get(name).suffixes[0]}"
            check_output(path)  # every file checked before the first is written
            plan.append((path, x, name))
    for path, x, name in plan:
        write_atomic(path, JD_FORMATS.get(name).load()(x, lang))
    return None, [path for path, _, _ in plan]
