"""Hostile org files for the fuzz runs (tests/test_fuzz.py in CI, benchmarks/fuzz.py at scale).

An org file with holes; each hole is filled with a valid value most of the time (so the file
gets past YAML into the schema, the references and the chart) and otherwise with one of the
classes issue 10 found exit 3 in, and their neighbours:

* explicit tags, valid and not: ``!!int x``, ``!!float 1e999``, ``!!bool maybe``, ``!!timestamp
  2024-13-45``, ``!!binary``, ``!!merge`` as a value, ``!!set``, python and local tags;
* numeric extremes: integers of up to 6,000 digits, ``1e400``, ``.nan``, ``-0``, hex, octal;
* non-string keys: ``1``, ``true``, ``~``, ``1.5``, empty keys, merge keys, quoted twins;
* Unicode: NFC/NFD twins, zero-width and bidi characters, lone-surrogate escapes, CJK,
  combining marks, Cyrillic look-alikes, full-width punctuation;
* YAML 1.1 words that YAML 1.2 reads as text: ``yes``, ``no``, ``on``, ``NO``, dates;
* the capacity sections (support channels, costs, overrides) with numbers at their ranges'
  edges, whose products can leave an analysis's range (the Erlang limit).
"""

from __future__ import annotations

from hypothesis import strategies as st

VALID_TEXT = ["CSM", "客户成功经理", "Support Lead", "数据分析师", "Ops", "H"]
TAGS = ["!!int", "!!float", "!!bool", "!!str", "!!null", "!!binary", "!!timestamp", "!!merge", "!!set", "!!omap", "!!seq", "!!map",
        "!!python/object:os.system", "!include", "!", "!<tag:example.com,2000:x>", "!!pairs", "!!value", "!!yaml"]
TAG_VALUES = ["x", "12", "-3", "0x1f", "0o17", "1.5", "1e999", ".inf", ".nan", "true", "maybe", "~", "", "2024-01-01",
              "2024-13-45", "2001-12-14t21:59:43.10-05:00", "aGVsbG8=", "not base64!", "<<", "'quoted'", "[1, 2]", "{a: 1}"]
NUMBERS = ["0", "-0", "1", "-1", "+1", "1000000", "1000001", "10000001", "99999999999999999999", "1e3", "2.0", "2.5",
           "1e400", "-1e400", ".inf", "-.inf", ".nan", "0x10", "0o10", "010", "1_000", "0b11", "1:20", "١٢"]
WORDS = ["yes", "no", "on", "off", "y", "n", "NO", "Yes", "TRUE", "True", "true", "false", "null", "Null", "~", "''", '""',
         "2024-01-01", "12:30", "<<", "=", "-", "'-'", "?", "'@x'", "'`x'", "'%x'"]
UNICODE = ["caf\u00e9", "cafe\u0301", "\u200b", "a\u200bb", "\u202egnp", "\u2066x\u2069", "\ufeffid", "\u00ad", "е", "e", "сsm",
           "\u3000客服", "客服\u3000", "经理：华东", "\u0000", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\U0001F600\"", "\"\\x07\"",
           "\"\\u00e9\"", "\U0001F600", "\u0301", "Å", "Å", "ﬁ", "①", "\"\\N\"", "\"a\\tb\""]
NFD_CAFE, CYRILLIC_AGENT = "cafe\u0301", "\u0430gent"
KEYS = ["1", "true", "~", "null", "1.5", "''", '""', "'1'", "\"true\"", "<<", "!!merge <<", "!!int 1", "!!str 1", "? x", "caf\u00e9",
        "cafe\u0301", "\u200b", "[a, b]", "{a: b}", "*nope", "NO", "on", "-1", "0x1", "1e400", "9" * 5000]


#: Numbers at the edges of the capacity fields' ranges, whose products can leave an analysis's range.
EDGES = ["0", "1e-300", "0.5", "0.999999999", "1", "24", "168", "86400", "86401", "10000000", "100000000", "1e15", "1e308", "-1",
         ".nan", ".inf", "2", "20", "100"]


def _huge_int(draw) -> str:
    return draw(st.sampled_from(["", "-", "+"])) + "9" * draw(st.sampled_from([19, 20, 300, 4299, 4300, 4301, 6000]))


@st.composite
def hostile_scalar(draw) -> str:
    kind = draw(st.sampled_from(["tag", "number", "huge", "word", "unicode", "anchor"]))
    if kind == "tag":
        return f"{draw(st.sampled_from(TAGS))} {draw(st.sampled_from(TAG_VALUES))}".rstrip()
    if kind == "number":
        return draw(st.sampled_from(NUMBERS))
    if kind == "huge":
        return _huge_int(draw)
    if kind == "word":
        return draw(st.sampled_from(WORDS))
    if kind == "anchor":
        return draw(st.sampled_from(["&a x", "*a", "&b [1, 2]", "*b", "&c {x: 1}", "*c", "*undefined"]))
    return draw(st.sampled_from(UNICODE))


def _hole(draw, valid: list[str]) -> str:
    """A valid value three times in four, else a hostile one."""
    if draw(st.integers(min_value=0, max_value=3)):
        return draw(st.sampled_from(valid))
    return draw(hostile_scalar())


@st.composite
def hostile_org(draw) -> str:
    """The text of an org file, usually well-formed YAML, with hostile values and keys."""
    h = lambda valid: _hole(draw, valid)  # noqa: E731
    roles = [
        f"  - {{id: {h(['head', '总监', 'café'])}, title: {h(VALID_TEXT)}, level: {h(['director', '总监', '负责人'])}, "
        f"headcount: {h(['1', '2'])}}}",
        f"  - {{id: {h(['csm', NFD_CAFE, '客户成功经理'])}, title: {h(VALID_TEXT)}, level: {h(['manager', '经理', 'individual'])}, "
        f"reports_to: {h(['head', 'csm', 'café'])}, capacity: {{{h(['Enterprise'])}: {h(['10'])}}}, "
        f"only: {{regions: [{h(['NO', '华东'])}]}}}}",
        f"  - {{id: {h(['agent', CYRILLIC_AGENT])}, title: {h(VALID_TEXT)}, reports_to: {h(['csm', 'head'])}, duties: [{h(['onboarding', '续费'])}]}}",
    ]
    lines = [
        f"company: {{name: {h(['云帆科技', 'Acme'])}, employees: {h(['850', '50'])}, stage: {h(['growth', 'startup'])}}}",
        f"dimensions: {{regions: [{h(['NO', '华东'])}, {h(['SE', '华南'])}], segments: [{{name: {h(['Enterprise'])}, "
        f"accounts: {h(['40'])}, arr: {h(['6000000', '1.5e6'])}}}]}}",
        "roles:",
        *draw(st.permutations(roles)),
        "raci:",
        f"  {draw(st.sampled_from(KEYS + ['Renewal']))}: {{A: {h(['head'])}, R: [{h(['csm'])}]}}",
        f"  {draw(st.sampled_from(KEYS + ['Onboarding']))}: {{A: {h(['csm'])}}}",
    ]
    if draw(st.booleans()):
        lines.insert(0, f"{draw(st.sampled_from(KEYS))}: {h(['x'])}")
    if draw(st.booleans()):  # support staffing, costs and capacity overrides: numbers meeting numbers
        e = lambda valid: h(valid) if draw(st.booleans()) else draw(st.sampled_from(EDGES))  # noqa: E731
        lines[1] = lines[1].replace("dimensions: {", "dimensions: {channels: [phone, email], ", 1)
        lines += [
            "support:",
            "  channels:",
            f"    - {{name: phone, contacts_per_hour: {e(['120'])}, aht_seconds: {e(['300'])}, "
            f"service_level: {{answered: {e(['0.8'])}, within_seconds: {e(['20'])}}}, max_occupancy: {e(['0.85'])}, shrinkage: {e(['0.3'])}}}",
            f"    - {{name: email, contacts_per_day: {e(['500'])}, aht_seconds: {e(['600'])}, first_reply_hours: {e(['4'])}, "
            f"open_hours: {e(['8'])}, arrival_hours: {e(['24'])}}}",
            f"costs: {{levels: {{director: {e(['400000'])}, manager: {e(['250000'])}}}, roles: {{{h(['csm'])}: {e(['180000'])}}}}}",
            f"capacity: {{utilisation: {e(['0.85'])}, hours_per_week: {e(['40'])}, weeks_per_quarter: {e(['13'])}, "
            f"arr_per_csm: {e(['2000000'])}, accounts_per_csm: {{pooled: [{e(['50'])}, {e(['100'])}]}}}}",
        ]
    if draw(st.booleans()):
        lines.append(f"positions:\n  - {{id: {h(['p1'])}, title: {h(VALID_TEXT)}, vacant: {h(['true', 'false'])}, level: {h(['经理', 'manager'])}}}")
    return "\n".join(lines) + "\n"
