"""Output paths: every command writes through csdesign.fileio, which never destroys what the
user pointed at (issue 10, "Output paths").

Classes, each with its exact exit code and message:
- not a regular file: character devices and FIFOs are written into, /dev/stdout and /dev/fd/N
  write to the open descriptor; a directory, block device or socket is refused (exit 2);
- an output that is one of the inputs (same path, a symlink, a hard link), for every command
  with an output, and for standard output redirected onto an input (``>> org.yaml``);
- what the user set up survives: the mode, a symlink (written through), a read-only file
  (refused), a file the user may not write (refused);
- a standard output that fails: exit 2 with ``cannot write to standard output: …``.

Device cases never touch the real /dev as root: root gets private device nodes (mknod) in
tmp_path, and cases that must name a real /dev path run without the capabilities that would
let a regression replace it.
"""

from __future__ import annotations

import os
import socket
import stat
import threading

import pytest

from tests.corpus.harness import FILES, permissions_apply, run, run_process

MINIMAL = FILES / "minimal.yaml"
ROOT = os.geteuid() == 0
needs_permissions = pytest.mark.skipif(not permissions_apply(), reason="file permissions cannot be enforced here")
needs_root = pytest.mark.skipif(not ROOT, reason="needs root (mknod, chown)")
DEVICES = {"null": (1, 3), "full": (1, 7)}


@pytest.fixture
def device(tmp_path):
    """A character device: a private node as root (so a regression cannot replace the real
    /dev/null), the real one otherwise (nobody else can rename over it)."""

    def make(name: str):
        if not ROOT:
            return f"/dev/{name}"
        node = tmp_path / f"dev-{name}"
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(*DEVICES[name]))
        return str(node)

    return make


def _is_char_device(path) -> bool:
    return stat.S_ISCHR(os.stat(path).st_mode)


@pytest.mark.parametrize("fmt", ["svg", "dot", "mmd", "json", "html"])
def test_a_character_device_is_written_into_not_replaced(device, fmt):
    null = device("null")
    res = run("render", str(MINIMAL), "-o", null, "-f", fmt)
    assert (res.code, res.stderr) == (0, "")
    assert _is_char_device(null)


def test_a_full_device_is_a_clean_error(device):
    full = device("full")
    res = run("render", str(MINIMAL), "-o", full, "-f", "svg")
    assert res.code == 2
    assert res.lines == [f"{full}: cannot write: No space left on device"]
    assert _is_char_device(full)


def test_a_fifo_is_written_into(tmp_path):
    fifo = tmp_path / "chart.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    res = run("render", str(MINIMAL), "-o", str(fifo), "-f", "dot")
    reader.join(timeout=30)
    assert (res.code, res.stderr) == (0, "")
    assert got and got[0].startswith(b"digraph csdesign {")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("path", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_dev_stdout_writes_to_standard_output(path):
    # unprivileged: if this ever regressed to a rename, it could not replace the real /dev/stdout
    res = run_process("render", str(MINIMAL), "-o", path, "-f", "dot", unprivileged=True)
    assert (res.code, res.stderr) == (0, "")
    assert res.stdout.startswith("digraph csdesign {")


def test_dev_stdout_honours_an_appending_redirect(tmp_path):
    log = tmp_path / "log.txt"
    log.write_text("kept\n", encoding="utf-8")
    with log.open("ab") as out:
        res = run_process("export", str(MINIMAL), "-o", "/dev/stdout", unprivileged=True, stdout=out)
    assert (res.code, res.stderr) == (0, "")
    assert log.read_text(encoding="utf-8").startswith("kept\nid,name,title,level,")


def test_dev_stderr_is_standard_error():
    res = run_process("render", str(MINIMAL), "-o", "/dev/stderr", "-f", "dot", unprivileged=True)
    assert res.code == 0
    assert res.stdout == ""
    assert res.stderr.startswith("digraph csdesign {")


def test_a_directory_is_refused(tmp_path):
    res = run("export", str(MINIMAL), "-o", str(tmp_path))
    assert (res.code, res.lines) == (2, [f"{tmp_path}: is a directory (give a file name, not a directory)"])


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        res = run("render", str(MINIMAL), "-o", str(path), "-f", "svg")
    assert (res.code, res.lines) == (2, [f"{path}: is a socket, not a file (choose a file path for the output)"])
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


@needs_root
def test_a_block_device_is_refused(tmp_path):
    node = tmp_path / "loop"
    os.mknod(node, 0o600 | stat.S_IFBLK, os.makedev(7, 0))
    res = run("render", str(MINIMAL), "-o", str(node), "-f", "svg")
    assert (res.code, res.lines) == (2, [f"{node}: is a block device, not a file (choose a file path for the output)"])
    assert stat.S_ISBLK(os.lstat(node).st_mode)


# --- an output that is an input ---------------------------------------------------------


@pytest.fixture
def inputs(tmp_path):
    org = tmp_path / "org.yaml"
    org.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    before = tmp_path / "before.yaml"
    before.write_text(MINIMAL.read_text(encoding="utf-8").replace("title: H", "title: Head"), encoding="utf-8")
    csv = tmp_path / "people.csv"
    csv.write_text("id,name,title,manager_id\n1,Ann,Head,\n2,Bo,CSM,1\n", encoding="utf-8")
    config = tmp_path / "csdesign.toml"
    config.write_text("[lint]\nfail-on = \"error\"\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.csdesign.capacity]\n", encoding="utf-8")
    return tmp_path


#: command line (with {org}, {before}, {csv}, {config}, {dir}) -> the input its output collides with
COLLIDING = {
    "render {org} -o {org} -f svg": "org",
    "render {org} -o {org} -f dot": "org",
    "render {org} -o {org} -f mmd": "org",
    "render {org} -o {org} -f json": "org",
    "render {org} -o {org} -f html": "org",
    "render {org} --compare {before} -o {before} -f svg": "before",
    "export {org} -o {org}": "org",
    "report {org} -o {org} -f markdown": "org",
    "report {org} -o {org} -f csv": "org",
    "lint {org} -o {org}": "org",
    "lint {dir} -o {org}": "org",
    "lint {org} --config {config} -o {config}": "config",
    "diff {before} {org} -o {before} -f markdown": "before",
    "diff {before} {org} -o {org} -f json": "org",
    "import {csv} -o {csv}": "csv",
    "report {org} -o {capacity} -f markdown": "capacity",  # the [capacity] config it found and read
}


def _argv(template: str, d) -> list[str]:
    names = {"org": d / "org.yaml", "before": d / "before.yaml", "csv": d / "people.csv", "config": d / "csdesign.toml",
             "capacity": d / "pyproject.toml", "dir": d}
    return [part.format(**{k: str(v) for k, v in names.items()}) for part in template.split()]


def _snapshot(d) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir()) if p.is_file()}


@pytest.mark.parametrize("template", sorted(COLLIDING))
def test_output_equal_to_an_input_is_refused(inputs, template):
    victim = _argv("{" + COLLIDING[template] + "}", inputs)[0]
    before = _snapshot(inputs)
    res = run(*_argv(template, inputs), cwd=inputs)
    assert res.code == 2
    assert res.lines == [f"{victim}: is an input of this command; writing it would destroy the input (choose another output path)"]
    assert _snapshot(inputs) == before


def _commands_with_an_output():
    """Every registered command with ``--output``: a new command is checked without being listed."""
    import typer.main

    from csdesign.cli import commands  # noqa: F401 - registers the commands
    from csdesign.cli.app import app

    group = typer.main.get_command(app)
    return sorted(name for name, cmd in group.commands.items() if any(p.name == "output" for p in cmd.params))


@pytest.mark.parametrize("command", _commands_with_an_output())
def test_every_command_with_an_output_refuses_to_overwrite_its_input(inputs, command):
    import typer.main

    from csdesign.cli.app import app

    cmd = typer.main.get_command(app).commands[command]
    positional = [p for p in cmd.params if p.param_type_name == "argument"]
    if not positional:
        pytest.skip(f"{command} reads no input file")
    source = inputs / ("people.csv" if any((p.metavar or "").endswith(".csv") for p in positional) else "org.yaml")
    n = sum(1 for p in positional if p.required or p.nargs == -1)
    fmt = next((p for p in cmd.params if p.name == "fmt"), None)
    # the suffix .yaml names no format: say one, so the refusal tested is the input's
    chosen = ["-f", "json"] if fmt is not None and "json" in (fmt.help or "") else []
    before = _snapshot(inputs)
    res = run(command, *[str(source)] * max(n, 1), *chosen, "-o", str(source))
    assert res.code == 2, res.stderr
    assert res.lines == [f"{source}: is an input of this command; writing it would destroy the input (choose another output path)"]
    assert _snapshot(inputs) == before


@pytest.mark.parametrize("link", ["symlink", "hardlink", "dotted"])
def test_output_that_resolves_to_an_input_is_refused(inputs, link):
    org = inputs / "org.yaml"
    out = inputs / "chart.svg"
    if link == "symlink":
        out.symlink_to("org.yaml")
    elif link == "hardlink":
        os.link(org, out)
    else:
        out = inputs / "sub" / ".." / "org.yaml"
        (inputs / "sub").mkdir()
    before = org.read_bytes()
    res = run("render", str(org), "-o", str(out), "-f", "svg")
    assert res.code == 2
    same = "is" if link == "dotted" else f"is the same file as {org}, which is"  # sub/.. is the same path
    assert res.lines == [f"{out}: {same} an input of this command; writing it would destroy the input (choose another output path)"]
    assert org.read_bytes() == before
    if link == "symlink":
        assert out.is_symlink()


def test_compare_out_dir_refuses_before_writing_anything(inputs):
    out_dir = inputs / "charts"
    out_dir.mkdir()
    (out_dir / "index.html").symlink_to("../org.yaml")  # the last file written
    before = (inputs / "org.yaml").read_bytes()
    res = run("compare", str(inputs / "org.yaml"), "--out-dir", str(out_dir))
    assert res.code == 2
    assert res.lines == [f"{out_dir / 'index.html'}: is the same file as {inputs / 'org.yaml'}, which is an input of this command; writing it would destroy the input (choose another output path)"]
    assert sorted(p.name for p in out_dir.iterdir()) == ["index.html"]
    assert (inputs / "org.yaml").read_bytes() == before


@pytest.mark.parametrize("args", [["export", "{org}"], ["render", "{org}", "-o", "/dev/stdout", "-f", "dot"], ["lint", "{org}"]])
def test_standard_output_appended_to_an_input_is_refused(inputs, args):
    org = inputs / "org.yaml"
    before = org.read_bytes()
    with org.open("ab") as out:
        res = run_process(*[a.format(org=org) for a in args], unprivileged=True, stdout=out)
    assert res.code == 2
    assert res.stderr == f"cannot write to standard output: it is {org}, an input of this command; writing it would destroy the input (redirect the output to another file)\n"
    assert org.read_bytes() == before


# --- what the user set up survives -------------------------------------------------------


def test_the_mode_of_an_existing_output_is_kept(tmp_path):
    out = tmp_path / "chart.dot"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o600)
    assert run("render", str(MINIMAL), "-o", str(out)).code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8").startswith("digraph")


def test_a_new_output_follows_the_umask(tmp_path):
    out = tmp_path / "chart.dot"
    old = os.umask(0o027)
    try:
        assert run("render", str(MINIMAL), "-o", str(out)).code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_symlinked_output_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "chart.dot"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    (tmp_path / "hop.dot").symlink_to(real)
    link = tmp_path / "chart.dot"
    link.symlink_to("hop.dot")  # a chain: chart.dot -> hop.dot -> real/chart.dot
    res = run("render", str(MINIMAL), "-o", str(link))
    assert (res.code, res.stderr) == (0, "")
    assert link.is_symlink() and os.readlink(link) == "hop.dot"
    assert real.read_text(encoding="utf-8").startswith("digraph")
    assert sorted(p.name for p in real.parent.iterdir()) == ["chart.dot"]


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "chart.dot"
    link.symlink_to("made.dot")
    assert run("render", str(MINIMAL), "-o", str(link)).code == 0
    assert link.is_symlink()
    assert (tmp_path / "made.dot").read_text(encoding="utf-8").startswith("digraph")


def test_a_symlink_loop_is_refused(tmp_path):
    (tmp_path / "a.dot").symlink_to("b.dot")
    (tmp_path / "b.dot").symlink_to("a.dot")
    res = run("render", str(MINIMAL), "-o", str(tmp_path / "a.dot"))
    assert (res.code, res.lines) == (2, [f"{tmp_path / 'a.dot'}: too many levels of symbolic links (fix the link or choose another output path)"])


def test_a_read_only_output_is_refused(tmp_path):
    """Even as root, who could replace it: the user marked it read-only."""
    out = tmp_path / "chart.dot"
    out.write_text("keep me\n", encoding="utf-8")
    out.chmod(0o444)
    res = run("render", str(MINIMAL), "-o", str(out))
    assert (res.code, res.lines) == (2, [f"{out}: is read-only (make it writable (chmod u+w) or choose another output path)"])
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


@needs_root
@needs_permissions
def test_an_output_someone_else_owns_is_refused(tmp_path):
    os.chmod(tmp_path, 0o777)  # the directory would allow the rename: the file must not
    out = tmp_path / "chart.dot"
    out.write_text("theirs\n", encoding="utf-8")
    os.chown(out, 65534, 65534)
    out.chmod(0o644)
    res = run_process("render", str(MINIMAL), "-o", str(out), unprivileged=True)
    assert (res.code, res.stderr) == (2, f"{out}: cannot write (permission denied) (check the file's permissions or choose another output path)\n")
    assert out.read_text(encoding="utf-8") == "theirs\n"


@needs_root
def test_the_owner_of_a_replaced_file_is_kept(tmp_path):
    out = tmp_path / "chart.dot"
    out.write_text("old\n", encoding="utf-8")
    os.chown(out, 65534, 65534)
    assert run("render", str(MINIMAL), "-o", str(out)).code == 0
    assert (out.stat().st_uid, out.stat().st_gid) == (65534, 65534)


# --- a standard output that fails ----------------------------------------------------------

STDOUT_COMMANDS = [
    ["render", str(MINIMAL)],
    ["render", str(MINIMAL), "-o", "/dev/stdout", "-f", "svg"],
    ["export", str(MINIMAL)],
    ["report", str(MINIMAL)],
    ["report", str(MINIMAL), "-f", "json"],
    ["lint", str(MINIMAL)],
    ["diff", str(MINIMAL), str(MINIMAL), "-f", "markdown"],
    ["compare", str(MINIMAL)],
    ["schema"],
    ["rule"],
    ["init", "-o", "-"],
]


@pytest.mark.parametrize("args", STDOUT_COMMANDS, ids=lambda a: " ".join(x for x in a if "/" not in x))
def test_a_full_stdout_is_a_user_error(device, args):
    with open(device("full"), "wb") as full:
        res = run_process(*args, stdout=full)
    assert (res.code, res.stderr) == (2, "cannot write to standard output: no space left on device\n")


@pytest.mark.parametrize("args", STDOUT_COMMANDS[:3], ids=lambda a: " ".join(x for x in a if "/" not in x))
def test_a_closed_stdout_is_a_user_error(args):
    """``csdesign … >&-``: Python starts with no sys.stdout at all."""
    import subprocess
    import sys

    from tests.corpus.harness import ROOT as REPO

    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.run([sys.executable, "-m", "csdesign", *args], stderr=subprocess.PIPE, text=True, env=env, timeout=60,
                          preexec_fn=lambda: os.close(1))
    assert (proc.returncode, proc.stderr) == (2, "cannot write to standard output: it is closed\n")


def test_a_full_stdout_does_not_matter_when_writing_a_file(device, tmp_path):
    with open(device("full"), "wb") as full:
        res = run_process("render", str(MINIMAL), "-o", str(tmp_path / "chart.dot"), stdout=full)
    assert (res.code, res.stderr) == (0, "")
