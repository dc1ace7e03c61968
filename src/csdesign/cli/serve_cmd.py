"""`csdesign serve`: the live workbench in the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from csdesign.cli.app import app
from csdesign.cli.options import OrgArg


@app.command()
def serve(
    org: Path = OrgArg,
    before: Optional[Path] = typer.Argument(None, help="An earlier version to compare with (before/after toggle and the change list).", metavar="[BEFORE.yaml]"),
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, help="Port to listen on (0: any free port)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. 127.0.0.1 keeps it on this machine; 0.0.0.0 shows the org to the network."),
    open_browser: bool = typer.Option(False, "--open", help="Open the page in the default browser."),
    lang: str = typer.Option("en", "--lang", help="Language of the page and findings: en or zh."),
) -> None:
    """Serve a live workbench for ORG.yaml: chart, structure switcher, findings; follows edits."""
    from csdesign.knowledge.guide import check_lang
    from csdesign.serve.run import serve as run

    run(str(org), str(before) if before is not None else None, host=host, port=port, lang=check_lang(lang), open_browser=open_browser)
