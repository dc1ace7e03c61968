"""A people CSV (an HR export) -> the data of an explicit org file (``positions:``).

What it accepts: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel "Unicode text") and
GB18030/GBK (Excel on Chinese Windows); comma, semicolon, tab or pipe separated (the most
frequent of them in the header line); quoted fields with embedded newlines; cells that
``csdesign export`` protected against spreadsheet formulas (a leading ``'``).

What it refuses: every row it cannot turn into a position is reported with its line (and
column, when the record is one line) and the import fails; nothing is silently dropped. Blank
lines are not rows. With ``root`` only that person's reporting tree is kept, and the
summary says how many rows were left out.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from csdesign.errors import InputError, Problem, did_you_mean
from csdesign.interchange.columns import detect
from csdesign.interchange.formula import unguard
from csdesign.model.schema import AXES, Level
from csdesign.model.yamlsource import decode, read_bytes

DELIMITERS = (",", ";", "\t", "|")
SEP_LINE = re.compile(r"^sep=(.)$")
#: Control characters (NUL, escape...) are not text: they become spaces, like tabs and newlines.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: Most problems listed before "... and N more" (a broken column would otherwise list every row).
MAX_PROBLEMS = 50
#: Separators between several ids in one cell (dotted-line managers).
LIST_SPLIT = re.compile(r"[;,|、，；]")
ID_FORBIDDEN = re.compile(r"[\s,\[\]{}#:@]")
MAX_TEXT = 500
MAX_ID = 100
#: Most people imported into one org file: checked before the file is written, so a whole
#: company's export is refused in seconds with the way out (--root), instead of producing a
#: file larger than the 20 MiB csdesign reads (20,000 people are about 3 MiB).
MAX_PEOPLE = 100_000

LEVEL_WORDS = {
    Level.director: ("director", "总监", "部门总监", "vp", "head"),
    Level.manager: ("manager", "经理", "团队经理"),
    Level.supervisor: ("supervisor", "主管", "一线主管", "lead", "teamlead", "组长"),
    Level.individual: ("individual", "ic", "staff", "专员", "员工", "个人贡献者"),
}
_LEVEL = {word: level for level, words in LEVEL_WORDS.items() for word in words}
TRUE_WORDS = {"true", "yes", "y", "1", "x", "vacant", "open", "tbh", "是", "空缺", "待招"}
FALSE_WORDS = {"false", "no", "n", "0", "filled", "否", "在职"}


@dataclass
class Row:
    line: int
    columns: list[int] | None  # 1-based text column of each field (None: record spans lines)
    cells: list[str]


@dataclass
class Imported:
    """The org data plus what the import did, for the summary line and -v."""

    data: dict
    mapping: dict[str, str]  # field -> header used
    unused: list[str]
    rows: int  # data rows read (blank lines excluded)
    kept: int  # positions written
    encoding: str
    delimiter: str
    managers_by_name: int = 0
    dropped_dotted: int = 0
    notes: list[str] = field(default_factory=list)
    #: ``company:`` keys the import worked out (employees, cs_reports_to, cs_reports_to_title)
    company: dict = field(default_factory=dict)


def read_csv(path: str | Path) -> tuple[list[Row], str, str]:
    """Decoded records with their starting line numbers; (rows incl. header, encoding, delimiter)."""
    p = Path(path)
    text, encoding = _decode(p)
    physical = text.splitlines()
    first_index = next((i for i, line in enumerate(physical) if line.strip()), 0)
    first = physical[first_index] if physical else ""
    previous = 0
    hint = SEP_LINE.match(first.rstrip("\r\n"))
    if hint:  # Excel's "sep=;" line names the separator and is not the header
        delimiter = hint.group(1)
        previous = first_index + 1
        text = "".join(text.splitlines(keepends=True)[previous:])
    else:
        counts = {d: first.count(d) for d in DELIMITERS}
        delimiter = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    offset = previous
    rows: list[Row] = []
    try:
        for record in reader:
            start, end = previous + 1, reader.line_num + offset
            previous = end
            if not any(cell.strip() for cell in record):
                continue
            columns = _field_columns(physical[start - 1], delimiter) if start == end and start <= len(physical) else None
            rows.append(Row(start, columns, [_cell(c) for c in record]))
    except csv.Error as exc:
        raise InputError("CSV syntax error", problems=[Problem(f"CSV syntax error: {exc}", str(p), reader.line_num + offset, None, code="IM001")]) from None
    return rows, encoding, delimiter


def _decode(path: Path) -> tuple[str, str]:
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a CSV file", hint="pass the people export inside it")
    raw = read_bytes(path)  # one read, capped at the 20 MiB csdesign reads: a pipe cannot be read twice
    try:
        return decode(raw, str(path)), "utf-8"
    except InputError as exc:
        if exc.message != "not UTF-8":
            raise
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            try:
                return raw.decode("utf-16"), "utf-16"
            except UnicodeDecodeError as bad:
                raise InputError(f"{path}: starts with a UTF-16 byte-order mark but is not valid UTF-16 (byte {bad.start})", hint="re-export the file as UTF-8 CSV") from None
        try:
            return raw.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise exc from None


def _field_columns(line: str, delimiter: str) -> list[int]:
    cols, quoted = [1], False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            cols.append(i + 2)
    return cols


def _cell(value: str) -> str:
    text = " ".join(CONTROL.sub(" ", value).split())
    return unguard(text)  # undo csdesign export's formula guard


def import_people(
    path: str | Path,
    *,
    columns: dict[str, str] | None = None,
    company: str | None = None,
    root: str | None = None,
    employees: int | None = None,
) -> Imported:
    """Read a people CSV into explicit-org data; raise InputError listing every bad row.

    ``employees`` is the whole company's headcount; without it, an import with ``root`` takes
    everyone in the file (the export is wider than the CS department), and one without says
    that the stage will fall back to start-up."""
    name = str(path)
    rows, encoding, delimiter = read_csv(path)
    if not rows:
        raise InputError(f"{name}: the file has no rows", hint="export the people list with a header row")
    header, body = rows[0], rows[1:]
    mapping, unused = detect(header.cells, columns)
    _require(mapping, header.cells, name)
    if not body:
        raise InputError(f"{name}: the file has a header line but no people", hint="export the people list with its rows")
    problems: list[Problem] = []

    def bad(row: Row, column: str | None, message: str, hint: str | None = None) -> None:
        col = None
        if column is not None and row.columns is not None and column in mapping and mapping[column] < len(row.columns):
            col = row.columns[mapping[column]]
        problems.append(Problem(message, name, row.line, col, hint=hint, code="IM001"))

    bad.budget = lambda: len(problems) < MAX_PROBLEMS  # type: ignore[attr-defined]  # skip costly guesses past the cap

    width = len(header.cells)
    people: list[dict] = []
    raw_manager: dict[str, tuple[Row, str, str, list[str]]] = {}
    first_line: dict[str, int] = {}
    for row in body:
        cells = row.cells
        if len(cells) > width and any(cells[width:]):
            problems.append(Problem(f"row has {len(cells)} fields, the header has {width}", name, row.line, row.columns[width] if row.columns and width < len(row.columns) else None, hint="quote cells that contain the separator", code="IM001"))
            continue
        cells = cells[:width] + [""] * (width - len(cells))

        def get(f: str) -> str:
            return cells[mapping[f]] if f in mapping else ""

        pid = get("id")
        if not pid:
            bad(row, "id", "row has no id")
            continue
        if len(pid) > MAX_ID or ID_FORBIDDEN.search(pid):
            bad(row, "id", f"id '{pid}' cannot be used: ids may not contain spaces or , [ ] {{ }} # : @ and have at most {MAX_ID} characters")
            continue
        if pid in first_line:
            bad(row, "id", f"duplicate id '{pid}' (first on line {first_line[pid]})", "every person needs their own id")
            continue
        first_line[pid] = row.line
        person: dict = {"id": pid}
        full = _full_name(get("name"), get("first_name"), get("last_name"), "last_name" in mapping)
        if full:
            person["name"] = full
        title = get("title")
        if not title:
            bad(row, "title", f"'{pid}' has no title")
        else:
            person["title"] = title
        level = get("level")
        if level:
            found = _LEVEL.get(level.casefold().replace(" ", ""))
            if found is None:
                bad(row, "level", f"unknown level '{level}'", "use director, manager, supervisor or individual (总监, 经理, 主管, 专员)")
            else:
                person["level"] = found.value
        for key in ("unit", "function", *AXES):
            value = get(key)
            if value:
                person[key] = value
        vacant_text = get("vacant")
        if vacant_text:
            word = vacant_text.casefold()
            if word in TRUE_WORDS:
                person["vacant"] = True
            elif word not in FALSE_WORDS:
                bad(row, "vacant", f"cannot tell whether '{vacant_text}' means vacant", "use true/false (是/否)")
        elif not full:
            person["vacant"] = True  # no person in the seat: an open position
        if person.get("vacant"):
            person.pop("name", None)
        if get("email"):
            person["email"] = get("email")
        for key, value in person.items():
            if isinstance(value, str) and len(value) > MAX_TEXT:
                bad(row, key, f"{key} is {len(value)} characters long, more than {MAX_TEXT}")
        people.append(person)
        raw_manager[pid] = (row, get("manager_id"), get("manager_email"), [x.strip() for x in LIST_SPLIT.split(get("dotted_ids")) if x.strip()])

    result = Imported(data={}, mapping={f: header.cells[i] for f, i in sorted(mapping.items(), key=lambda kv: kv[1])}, unused=unused,
                      rows=len(body), kept=0, encoding=encoding, delimiter=delimiter)
    _link_managers(people, raw_manager, bad, result)
    everyone = sum(1 for p in people if not p.get("vacant"))
    if not problems:
        people = _check_tree(people, raw_manager, root, bad, name, result)
    if problems:
        raise InputError(f"{len(problems)} bad rows", problems=_capped(problems, name))
    if len(people) > MAX_PEOPLE:
        what = f"the reporting tree of {root} holds" if root else "the file lists"
        raise InputError(
            f"{name}: {what} {len(people):,} people, more than the {MAX_PEOPLE:,} one org file can hold",
            hint="import one department: --root ID keeps that person's reporting tree (e.g. the CS head's id)",
        )
    result.kept = len(people)
    _company_size(result, employees, root, everyone)
    result.data = _org_data(people, company or Path(path).stem, result.company)
    return result


def _company_size(result: Imported, employees: int | None, root: str | None, everyone: int) -> None:
    if employees is not None:
        result.company["employees"] = employees
    elif root is not None:
        result.company["employees"] = everyone
        result.notes.append(f"took company.employees as {everyone:,}, everyone in the file (pass --employees N if the company is larger)")
    else:
        result.notes.append("no company.employees, so the stage is taken as startup: pass --employees N (the whole company's headcount)")


def _require(mapping: dict[str, int], headers: list[str], name: str) -> None:
    shown = ", ".join(h for h in headers if h) or "(none)"
    for field_name, what in (("id", "an id"), ("title", "a job title"), ("manager_id", "a manager id")):
        if field_name == "manager_id" and "manager_email" in mapping:
            continue
        if field_name not in mapping:
            raise InputError(
                f"{name}: no column for {what} found among: {shown}",
                hint=f"name it with --column {field_name}=HEADER",
            )


def _full_name(name: str, first: str, last: str, has_last_column: bool) -> str:
    given = first or (name if has_last_column else "")
    if not (given or last):
        return name
    cjk = any(ord(ch) > 0x2E80 for ch in given + last)
    return (last + given) if cjk else " ".join(part for part in (given, last) if part)


def _link_managers(people: list[dict], raw: dict, bad, result: Imported) -> None:
    ids = [p["id"] for p in people]
    known = set(ids)
    by_email: dict[str, str] = {}
    by_name: dict[str, list[str]] = {}
    for p in people:
        if p.get("email"):
            by_email.setdefault(p["email"].casefold(), p["id"])
        if p.get("name"):
            by_name.setdefault(p["name"], []).append(p["id"])

    def resolve(row: Row, column: str, value: str, pid: str) -> str | None:
        if value in known:
            target = value
        elif value in by_name and len(by_name[value]) == 1:
            target = by_name[value][0]
            result.managers_by_name += 1
        elif value in by_name:
            bad(row, column, f"manager '{value}' names {len(by_name[value])} people ({', '.join(by_name[value][:5])}); use their id")
            return None
        else:
            bad(row, column, f"manager '{value}' is not an id (or a unique name) in this file" + (did_you_mean(value, ids, 0.8) if bad.budget() else ""))
            return None
        if target == pid:
            bad(row, column, f"'{pid}' reports to itself")
            return None
        return target

    for p in people:
        row, manager, email, dotted = raw[p["id"]]
        if manager:
            target = resolve(row, "manager_id", manager, p["id"])
            if target:
                p["reports_to"] = target
        elif email:
            target = by_email.get(email.casefold())
            if target is None:
                bad(row, "manager_email", f"manager email '{email}' is not the email of anyone in this file")
            elif target == p["id"]:
                bad(row, "manager_email", f"'{p['id']}' reports to itself")
            else:
                p["reports_to"] = target
        out = []
        for value in dotted:
            target = resolve(row, "dotted_ids", value, p["id"])
            if target and target != p.get("reports_to") and target not in out:
                out.append(target)
        if out:
            p["dotted_to"] = out


def _check_tree(people: list[dict], raw: dict, root: str | None, bad, name: str, result: Imported) -> list[dict]:
    """One top and no cycles; with ``root``, keep only that person's reporting tree."""
    parent = {p["id"]: p.get("reports_to") for p in people}
    done: set[str] = set()
    for start in parent:  # walk up once per person; a walk that meets itself is a cycle (linear overall)
        path: dict[str, None] = {}
        node: str | None = start
        while node is not None and node not in done and node not in path:
            path[node] = None
            node = parent[node]
        if node is not None and node in path:
            walk = list(path)
            loop = walk[walk.index(node):]
            bad(raw[node][0], "manager_id", "reporting cycle: " + " -> ".join([*loop, node]), "one of them must report outside the loop")
        done.update(path)
    if root is not None:
        if root not in parent:
            raise InputError(f"--root: no person with id '{root}' in {name}" + did_you_mean(root, parent, 0.8), hint="use an id from the id column")
        children: dict[str, list[str]] = {}
        for pid, manager in parent.items():
            if manager:
                children.setdefault(manager, []).append(pid)
        keep, stack = {root}, [root]
        while stack:
            for child in children.get(stack.pop(), []):
                if child not in keep:
                    keep.add(child)
                    stack.append(child)
        kept = []
        cut_off = None
        for p in people:
            if p["id"] not in keep:
                continue
            if p["id"] == root and "reports_to" in p:
                cut_off = p.pop("reports_to")
            if "dotted_to" in p:
                inside = [d for d in p["dotted_to"] if d in keep]
                result.dropped_dotted += len(p["dotted_to"]) - len(inside)
                if inside:
                    p["dotted_to"] = inside
                else:
                    del p["dotted_to"]
            kept.append(p)
        result.notes.append(f"kept {len(kept):,} of {len(people):,} people: the reporting tree of '{root}'")
        if result.dropped_dotted:
            result.notes.append(f"left out {result.dropped_dotted} dotted lines to people outside that tree")
        if cut_off is not None:
            _cut_off_manager(result, next(q for q in people if q["id"] == cut_off))
        return kept
    tops = [p for p in people if "reports_to" not in p]
    for extra in tops[1:]:
        bad(raw[extra["id"]][0], "manager_id", f"'{extra['id']}' has no manager, but '{tops[0]['id']}' (line {raw[tops[0]['id']][0].line}) is already the top ({len(tops)} tops in all)",
            "give it a manager id, or import one tree with --root ID")
    return people


def _cut_off_manager(result: Imported, manager: dict) -> None:
    """The root's manager stays outside the tree: keep it as the box above the CS head."""
    from csdesign.interchange.reports_to import infer_placement

    title = manager.get("title") or manager["id"]
    who = f"'{manager['id']}' ({title})"
    result.company["cs_reports_to_title"] = title
    found = infer_placement(manager.get("title"), manager.get("unit"))
    if found.placement is not None:
        result.company["cs_reports_to"] = found.placement
        result.notes.append(f"the CS head reports to {who}, outside the tree: cs_reports_to is {found.placement}, from that {found.source}")
        return
    result.company["cs_reports_to"] = "ceo"
    why = f"its title names {' and '.join(found.candidates)}" if found.candidates else "its title does not say which department that is"
    result.notes.append(f"the CS head reports to {who}, outside the tree; {why}, so cs_reports_to is assumed to be ceo: "
                        "set company.cs_reports_to (ceo, coo, sales, marketing, service or operations) if it is another")


def _capped(problems: list[Problem], name: str) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return problems[:MAX_PROBLEMS] + [Problem(f"... and {more} more bad rows", name, None, None, hint="fix the ones above first; they often share one cause", code="IM001")]


def _org_data(people: list[dict], company: str, known: dict | None = None) -> dict:
    dims: dict[str, list[str]] = {}
    for axis, plural in AXES.items():
        values: list[str] = []
        for p in people:
            if p.get(axis) and p[axis] not in values:
                values.append(p[axis])
        if values:
            dims[plural] = values
    order = ("id", "name", "title", "level", "reports_to", "dotted_to", "unit", "function", *AXES, "vacant", "email")
    positions = [{k: p[k] for k in order if k in p} for p in people]
    data: dict = {"company": {"name": company, **{k: (known or {})[k] for k in ("employees", "cs_reports_to", "cs_reports_to_title") if k in (known or {})}}}
    if dims:
        data["dimensions"] = dims
    data["positions"] = positions
    return data
