"""render.text.clean's fast path (str.isprintable) gives what the character-by-character path gives."""

from __future__ import annotations

from csdesign.render.text import _clean_each, clean


def test_every_code_point_alone_and_many_in_text():
    for code in range(0x110000):
        ch = chr(code)
        assert clean(ch) == _clean_each(ch), hex(code)
    for code in [*range(0x3100), *range(0x3100, 0x110000, 61)]:
        text = f"客户 {chr(code)}成功\u3000 x"
        assert clean(text) == _clean_each(text), hex(code)


def test_words_and_spaces():
    for text in ("", "  a  b ", "客户成功经理", "a\u00a0b", "\u2028x", "tab\tand\nnewline", "\ufeffbom", "\u200dzwj"):
        assert clean(text) == _clean_each(text)
