"""`csdesign lint`: resolve the configuration, find the files, lint each one or read its
findings back from the result cache (csdesign.lint.cache).

A run whose configuration and files all hit the cache imports neither the org schema
(pydantic), networkx nor the rules: the configuration's inputs are hashed with the standard
library, and the validated configuration is resolved (and the rules imported) only for the
first file that misses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from csdesign.lint.cache import Cache, file_digest

if TYPE_CHECKING:
    from csdesign.lint.config import LintConfig
    from csdesign.lint.result import LintResult


@dataclass
class LintRequest:
    paths: list[str] = field(default_factory=list)
    config: Path | None = None
    select: list[str] = field(default_factory=list)  # codes as typed, already split at commas
    ignore: list[str] = field(default_factory=list)
    lang: str = "en"
    skip_non_org: bool = False
    cache: bool = True


@dataclass
class LintOutcome:
    result: LintResult
    fail_on: str
    source: str | None  # the config file, for -v
    cache: Cache
    hits: int = 0  # files whose findings were read back from the cache
    misses: int = 0  # files linted (and stored)


def resolve_config(req: LintRequest) -> LintConfig:
    """The validated configuration (exit 2 on any mistake); imports the rules."""
    from csdesign.knowledge.guide import check_lang
    from csdesign.lint.config import check_selector, load_config

    cfg = load_config(req.config)
    if req.select:
        cfg.select = [check_selector(c, "--select", "command line") for c in req.select]
    if req.ignore:
        cfg.ignore += [check_selector(c, "--ignore", "command line") for c in req.ignore]
    cfg.lang = check_lang(req.lang)
    return cfg


def _config_inputs(req: LintRequest, cwd: Path) -> Any:
    """Everything the configuration is made from, as it is on disk now; None when it cannot be
    told cheaply (then the run resolves the configuration in full, which reports any error)."""
    from csdesign.config import find_table, table_in
    from csdesign.lint.configpath import find_config

    try:
        path = req.config if req.config is not None else find_config(cwd)
        own = table_in(path, "capacity") if path is not None else None
        capacity = own if own is not None else find_table("capacity", cwd)
    except Exception:  # a broken config: the full resolution says what is wrong
        return None
    return {
        "cwd": str(cwd), "config": None if path is None else [str(path), str(Path(path).resolve()), file_digest(path)],
        "capacity": None if capacity is None else [capacity.file, capacity.prefix, capacity.data],
        "select": req.select, "ignore": req.ignore, "lang": req.lang,
    }


def run_lint(req: LintRequest) -> LintOutcome:
    from csdesign.lint.context import Finding
    from csdesign.lint.discover import discover
    from csdesign.lint.result import LintResult
    from csdesign.model.stdin import is_stdin

    cwd = Path.cwd()
    use_cache = req.cache and not any(is_stdin(p) for p in req.paths)
    cache = Cache.open(use_cache)
    inputs = _config_inputs(req, cwd) if use_cache else None
    if inputs is None:
        cache = Cache(None)
    ckey = cache.key("config", inputs) if cache.directory is not None else ""
    stored = cache.get(ckey)
    cfg: LintConfig | None = None
    if not isinstance(stored, dict):
        cfg = resolve_config(req)
        stored = {"exclude": cfg.exclude, "fail_on": cfg.fail_on, "source": cfg.source, "lang": cfg.lang}
        cache.put(ckey, stored)
    result = LintResult(lang=stored["lang"])
    hits = misses = 0
    files = discover(req.paths, list(stored["exclude"]), cwd, skip_non_org=req.skip_non_org, problems=result.unreadable)
    for path, shown in files:
        sha = None if is_stdin(path) or cache.directory is None else file_digest(path)
        fkey = cache.key("file", ckey, shown, sha) if sha else None
        hit = cache.get(fkey) if fkey else None
        if isinstance(hit, list):
            from csdesign.fileio import note_input

            note_input(path)  # as the loader does: no output of this run may overwrite it
            findings = [Finding(**item) for item in hit]
            crashes: list = []
            hits += 1
        else:
            if cfg is None:
                cfg = resolve_config(req)
            from csdesign.lint.runner import lint_file

            findings, crashes = lint_file(path, cfg, shown)
            misses += 1
            if fkey and not crashes and file_digest(path) == sha:  # unchanged while it was linted
                cache.put(fkey, [f.as_dict() for f in findings])
        result.files.append(shown)
        result.findings.extend(findings)
        result.crashes.extend(crashes)
    result.findings.sort(key=Finding.sort_key)
    cache.prune()
    return LintOutcome(result, stored["fail_on"], stored["source"], cache, hits, misses)


__all__ = ["LintOutcome", "LintRequest", "resolve_config", "run_lint"]
