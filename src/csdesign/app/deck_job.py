"""`csdesign deck`: build the org, run every analysis, compare the eight structures, rank them,
diff against the earlier org (with --compare), and hand it all to the PowerPoint writer."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from csdesign.errors import InputError

PAGES = ("16:9", "4:3")


def deck_date(value: str | None) -> dt.date:
    """``--date YYYY-MM-DD``, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise InputError(f"--date: '{value}' is not a date like 2026-12-01", hint="write the date as YYYY-MM-DD") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def deck(org: str | Path, *, compare: str | Path | None = None, lang: str | None = "en", template: Path | None = None,
         page: str = "16:9", structure: str | None = None, date: str | None = None) -> bytes:
    """The deck's bytes."""
    from csdesign.analysis import run_all
    from csdesign.analysis.compare import compare as run_compare
    from csdesign.analysis.recommend import recommend
    from csdesign.knowledge.guide import check_lang
    from csdesign.model import load_org
    from csdesign.render.deck.pptx_deck import DeckInput, to_pptx
    from csdesign.structures import build, build_file

    if lang is not None:
        lang = check_lang(lang)
    if page not in PAGES:
        raise InputError(f"--page: '{page}' is not a deck page", hint="use 16:9 or 4:3 (a --template keeps its own size)")
    if template is not None and not Path(template).is_file():
        raise InputError(f"--template: {template}: no such file", hint="give the client's .pptx (or .potx saved as .pptx)")
    when = deck_date(date)
    model = load_org(str(org))
    g = build(model, structure)
    if lang is None:  # slides in the org's language (zh when its names are Chinese)
        from csdesign.render.chart.html import chart_lang

        lang = chart_lang(g, None)
    report = run_all(g)
    comparison = run_compare(model)
    rec = recommend(comparison, None, lang)
    changes = None
    if compare is not None:
        from csdesign.analysis.diff import diff

        before = build_file(str(compare), structure)
        changes = diff(before, g)
        report.changes, report.before = changes, before
    return to_pptx(DeckInput(g, report, comparison, rec, changes, lang, when), template, page)
