"""read_document: encodings, formats, and clear errors for files that are not readable reports."""
from __future__ import annotations

import hashlib

import pytest

from orchestration.extraction import SourceFileError, extract_statements, read_document

TEXT = "数字经济发展报告（2023年）\n\n截至 2023 年底，全省光纤用户达 2,150 万户，占比超过 96.5%。\n"


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("utf-16", None), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_encodings_give_the_same_text(tmp_path, encoding, expected):
    path = tmp_path / f"r_{encoding}.txt"
    raw = TEXT.encode(encoding)
    path.write_bytes(raw)
    document = read_document(path)
    assert document.text == TEXT
    assert document.sha256 == hashlib.sha256(raw).hexdigest() and document.size_bytes == len(raw)
    if expected:
        assert document.encoding == expected
    statements = extract_statements(document, 2023)
    assert [s.value for s in statements] == [21500000, 96.5]
    assert document.text[statements[0].char_start:statements[0].char_end] == "2,150 万户"


def test_document_fields(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# 一、总体\n\n用户达 3 亿。\r\n", encoding="utf-8")
    document = read_document(str(path))
    assert document.path == str(path) and document.name == "a.md" and document.format == "md"
    assert document.lines == ["# 一、总体", "", "用户达 3 亿。"]


def test_crlf_offsets(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("前言\r\n\r\n用户达 3 亿。\r\n".encode("utf-8"))
    document = read_document(path)
    s = extract_statements(document, 2022)[0]
    assert document.text[s.char_start:s.char_end] == "3 亿" and s.line == 3


def test_html_drops_script_and_style(tmp_path):
    html = ("<html><head><title>报告</title><style>p{color:red} .x{width:100%}</style>"
            "<script>var n = 500 + '万个';</script></head><body><h2>一、网络</h2>"
            "<p>全国建成 <b>12</b> 万个基站，&nbsp;占比 40%。</p></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    document = read_document(path)
    assert document.format == "html" and "var n" not in document.text
    statements = extract_statements(document, 2022)
    assert [s.value for s in statements] == [120000, 40]
    assert statements[0].section == "一、网络"
    assert all(document.text[s.char_start:s.char_end] in ("12</b> 万个", "12 万个", "40%") for s in statements)


def _pdf(path, lines):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    for page in lines:
        c.setFont("STSong-Light", 12)
        y = 780
        for line in page:
            c.drawString(72, y, line)
            y -= 20
        c.showPage()
    c.save()


def test_generated_cjk_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    _pdf(path, [["一、网络基础设施", "截至2023年底，全国建成光纤端口1.2亿个，"], ["同比增长12.5%。"]])
    document = read_document(path)
    assert document.format == "pdf" and "光纤端口" in document.text
    statements = extract_statements(document, 2023)
    assert [(s.value, s.kind, s.ref_year) for s in statements] == [(1.2e8, "level", 2023), (12.5, "growth", 2023)]
    for s in statements:
        assert document.text[s.char_start:s.char_end] in ("1.2亿个", "12.5%")
    assert statements[0].section == "一、网络基础设施"


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 300, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(SourceFileError, match=r"scan\.pdf: PDF has no text layer \(scanned\?\)"):
        read_document(path)


def test_damaged_pdf(tmp_path):
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage garbage \x00\x01\x02")
    with pytest.raises(SourceFileError, match="bad.pdf"):
        read_document(path)


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("image.txt", bytes([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13]) + bytes(range(256)) * 8, "binary"),
    ("noise.txt", bytes([0x81, 0x30, 0xFF, 0xFE, 0xA0]) * 400 + bytes(range(0x80, 0x100)) * 5, "encoding"),
])
def test_bad_inputs_name_the_file(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceFileError) as info:
        read_document(path)
    assert name in str(info.value) and problem in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(SourceFileError, match="nope.txt: file not found"):
        read_document(tmp_path / "nope.txt")
