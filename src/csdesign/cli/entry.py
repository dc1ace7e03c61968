"""The console-script entry point: the one place user errors become messages and exit codes.

A plain ``csdesign lint …`` or ``csdesign render …`` (only the options
:func:`csdesign.cli.lint_run.parse` or :func:`csdesign.cli.render_run.parse` knows, each well
formed) runs without building the Typer app, whose import and parameter set-up
cost more than linting a small file; everything else (help, completion, every other
command, any option the light parser does not know) goes to the Typer app, which stays the
one definition of the command line.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run the command line, turn user errors into one message + exit code."""
    import gc

    # A short-lived process that builds large graphs: the default collector rescans every
    # surviving object again and again (load+build of 100,000 boxes: 13 s instead of 5 s).
    # Collect young garbage rarely and old garbage almost never; see docs/performance.md.
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)
    # pydantic looks for plugins (an entry-point scan of every installed distribution) when
    # it builds the first model; csdesign's models are its own, so the command line runs
    # without them unless the user set the variable (PYDANTIC_DISABLE_PLUGINS= turns them
    # back on). Library use (import csdesign) is left as pydantic makes it. docs/cli.md.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    from csdesign import fileio
    from csdesign.cli.common import STATE
    from csdesign.errors import EXIT_INTERNAL, CsdesignError

    fileio.forget_inputs()
    guard = fileio.guard_stdout()  # a full or closed stdout is a user error, not a crash
    try:
        try:
            _dispatch(sys.argv[1:])
        except BaseException as exc:
            guard.finish(quiet=not isinstance(exc, SystemExit))
            raise
        guard.finish()
    except CsdesignError as exc:
        print(exc.render(), file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        # e.g. `csdesign render org.yaml | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except Exception as exc:  # a bug: say so plainly, traceback only on request
        if STATE["debug"] or os.environ.get("CSDESIGN_DEBUG"):
            raise
        from csdesign.errors import printable

        print(printable(f"internal error: {type(exc).__name__}: {exc} (this is a csdesign bug; rerun with --debug and report it)"), file=sys.stderr)
        sys.exit(EXIT_INTERNAL)


def _dispatch(argv: list[str]) -> None:
    from csdesign.cli.lint_run import lint_main, parse

    light = None if os.environ.get("_CSDESIGN_COMPLETE") else parse(argv)
    if light is not None:
        from csdesign.cli.common import STATE

        STATE["verbose"] = light.pop("verbose")
        STATE["debug"] = light.pop("debug")
        sys.exit(lint_main(**light))
    from csdesign.cli.render_run import parse as parse_render

    drawn = None if os.environ.get("_CSDESIGN_COMPLETE") else parse_render(argv)
    if drawn is not None:
        from csdesign.cli.common import STATE
        from csdesign.cli.render_run import render_main

        STATE["verbose"] = drawn.pop("verbose")
        STATE["debug"] = drawn.pop("debug")
        render_main(**drawn)
        return
    from csdesign.cli import commands  # noqa: F401 - registers the commands
    from csdesign.cli.app import app

    app()


__all__ = ["main"]
