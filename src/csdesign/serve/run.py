"""Running the workbench: bind the port (a clear error when it is taken), watch the files,
serve until Ctrl-C (exit 130, like every interrupted csdesign command)."""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import socket
import sys
from pathlib import Path

from csdesign.errors import OutputError
from csdesign.serve.workbench import Workbench

#: Seconds between checks of the files' stat, besides the filesystem events.
POLL = 0.5


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or an OutputError that says what to do."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise OutputError(f"port {port} is already in use on {host}", hint=f"choose another with --port, e.g. --port {port + 1}, or --port 0 for any free port") from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise OutputError(f"no permission to listen on port {port}", hint="ports below 1024 need root; choose --port 8000 or higher") from None
        raise OutputError(f"cannot listen on {host}:{port}: {exc.strerror}", hint="check --host (127.0.0.1 by default) and --port") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


async def watch(wb: Workbench, bump) -> None:  # type: ignore[no-untyped-def]
    """Refresh on filesystem events in the files' folders (editors save by renaming, so the
    folder is watched), and on a short stat poll as a safety net."""
    from watchfiles import awatch

    folders = sorted({str(p.parent) for p in wb.paths()})
    wanted = {str(p) for p in wb.paths()}

    async def on_events() -> None:
        async for _ in awatch(*folders, watch_filter=lambda _c, path: str(Path(path).resolve()) in wanted or path in wanted,
                              debounce=50, step=25, rust_timeout=500, yield_on_timeout=False):
            if await asyncio.to_thread(wb.refresh):
                await bump()

    async def on_poll() -> None:
        while True:
            await asyncio.sleep(POLL)
            if await asyncio.to_thread(wb.refresh):
                await bump()

    await asyncio.gather(on_events(), on_poll())


def serve(after: str, before: str | None, *, host: str, port: int, lang: str, open_browser: bool) -> None:
    """Run until interrupted; raises KeyboardInterrupt on Ctrl-C so the CLI exits 130."""
    import uvicorn

    from csdesign.serve.app import create_app

    wb = Workbench.open(after, before, lang)
    sock = bind(host, port)
    real_port = sock.getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{real_port}/"
    if not is_loopback(host):
        print(f"warning: listening on {host}: anyone who can reach this machine on port {real_port} can read the org data in {after}"
              + (f" and {before}" if before else "") + "; use --host 127.0.0.1 to keep it local", file=sys.stderr)
    hosts = ["127.0.0.1", "localhost", "::1", host.strip("[]")] if is_loopback(host) else ["*"]
    app = create_app(wb, allowed_hosts=hosts, lang=lang)

    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False, timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)

    async def main() -> None:
        watcher = asyncio.ensure_future(watch(wb, app.state.bump))
        print(f"csdesign serve: {url} (Ctrl-C to stop)", flush=True)
        if open_browser:
            import webbrowser

            webbrowser.open(url)
        try:
            await server.serve(sockets=[sock])
        finally:
            watcher.cancel()

    asyncio.run(main())
    # uvicorn handled SIGINT/SIGTERM itself and shut down cleanly; report it as an interrupt.
    raise KeyboardInterrupt
