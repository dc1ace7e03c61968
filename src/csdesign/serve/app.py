"""The workbench's HTTP surface: a page, its own assets, one JSON view and a change stream.

Only fixed routes exist, so nothing on disk is reachable through the URL (``/../``, encoded
forms and symlinks all end in 404). Every response carries a Content-Security-Policy that
allows scripts from this origin only; the page puts user text in with ``textContent``, and
the chart fragment is HTML whose user text the renderer escaped. The Host header must name
this machine (loopback or the bound host), so a DNS-rebinding page cannot read the org.
"""

from __future__ import annotations

import asyncio
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from csdesign.serve.workbench import Workbench

CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
       "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "Cache-Control": "no-store"}
#: Seconds between keep-alive comments on the event stream.
HEARTBEAT = 15.0

_ASSET_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def _asset(name: str) -> str:
    return resources.files("csdesign.serve").joinpath("assets", name).read_text(encoding="utf-8")


def page(lang: str) -> str:
    """The page shell; the script fills it from /api/view."""
    zh = lang == "zh"
    t = (lambda en, cn: cn if zh else en)  # noqa: E731
    return f"""<!DOCTYPE html>
<html lang="{'zh' if zh else 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>csdesign serve</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/chart.css">
<link rel="stylesheet" href="/assets/workbench.css">
<script src="/assets/chart.js" defer></script>
<script src="/assets/workbench.js" defer></script>
</head>
<body>
<header>
<h1 id="title">csdesign</h1>
<label>{t("Structure", "结构")} <select id="structure" aria-label="{t("Structure", "结构")}"></select></label>
<label>{t("View", "视图")} <select id="view"><option value="chart">{t("Chart", "组织图")}</option><option value="grid">{t("Matrix grid", "矩阵表")}</option></select></label>
<span id="sides" hidden><button type="button" data-side="before">{t("Before", "调整前")}</button><button type="button" data-side="after">{t("After", "调整后")}</button></span>
<input id="search" type="search" placeholder="{t("Search titles", "搜索职位")}" aria-label="{t("Search titles", "搜索职位")}">
<button type="button" data-action="zoom-in" title="{t("Zoom in", "放大")}">+</button>
<button type="button" data-action="zoom-out" title="{t("Zoom out", "缩小")}">−</button>
<button type="button" data-action="fit">{t("Fit", "适应窗口")}</button>
<button type="button" id="lang" data-lang="{'en' if zh else 'zh'}">{t("中文", "English")}</button>
<span id="status" aria-live="polite"></span>
</header>
<div id="error" role="alert" hidden></div>
<main>
<section id="viewport"><div id="canvas"></div></section>
<aside id="panel">
<h2>{t("Findings", "问题")} <span id="count"></span></h2>
<ol id="findings"></ol>
<h2 id="diff-head" hidden>{t("Changes", "调整")}</h2>
<ol id="diff" hidden></ol>
</aside>
</main>
</body>
</html>
"""


def create_app(wb: Workbench, *, allowed_hosts: list[str] | None = None, lang: str = "en") -> Starlette:
    """The Starlette app over one workbench; ``changed`` is set by the watcher."""
    changed = asyncio.Event()
    version = {"n": wb.version}

    def headers(extra: dict[str, str] | None = None) -> dict[str, str]:
        return {**HEADERS, **(extra or {})}

    async def index(request: Request) -> Response:
        chosen = request.query_params.get("lang")
        return Response(page(chosen if chosen in ("en", "zh") else lang), media_type="text/html; charset=utf-8", headers=headers())

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name == "chart.js":
            from csdesign.render.chart.html import DRAW_JS

            return Response(DRAW_JS, media_type=_ASSET_TYPES[".js"], headers=headers())
        if name == "chart.css":
            from csdesign.render.chart.html import CSS

            return Response(CSS, media_type=_ASSET_TYPES[".css"], headers=headers())
        if name not in ("workbench.js", "workbench.css"):
            return await not_found(request)
        return Response(_asset(name), media_type=_ASSET_TYPES["." + name.rsplit(".", 1)[1]], headers=headers())

    async def api_view(request: Request) -> Response:
        q = request.query_params
        data = await asyncio.to_thread(wb.view, side=q.get("side", "after"), structure=q.get("structure") or None,
                                       view=q.get("view", "chart"), lang=q.get("lang"))
        return JSONResponse(data, headers=headers())

    async def events(request: Request) -> Response:
        async def stream() -> Any:
            seen = -1
            while True:
                if await request.is_disconnected():
                    return
                if version["n"] != seen:
                    seen = version["n"]
                    yield f"event: version\ndata: {seen}\n\n"
                try:
                    await asyncio.wait_for(changed.wait(), HEARTBEAT)
                except asyncio.TimeoutError:
                    yield ": keep-alive\n\n"

        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers({"X-Accel-Buffering": "no"}))

    async def not_found(request: Request, exc: Exception | None = None) -> Response:
        return PlainTextResponse("404 not found\n", status_code=404, headers=headers())

    async def bump() -> None:
        """Tell every open page: a new version exists."""
        version["n"] = wb.version
        changed.set()
        await asyncio.sleep(0)
        changed.clear()

    routes = [
        Route("/", index),
        Route("/assets/{name}", asset),
        Route("/api/view", api_view),
        Route("/events", events),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or ["127.0.0.1", "localhost", "::1"])]
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={404: not_found, 405: not_found})
    app.state.bump = bump
    app.state.workbench = wb
    return app

