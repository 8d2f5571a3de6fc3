"""Read a report file (txt, md, html, pdf; any common Chinese encoding) into a Document.

Offsets of statements refer to `Document.text`, so the text is kept as decoded (only a BOM is
dropped); for HTML and PDF it is the extracted text.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


class SourceFileError(Exception):
    """A source file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Document:
    path: str
    name: str
    text: str
    format: str
    encoding: str
    sha256: str
    size_bytes: int
    lines: list = field(compare=False, repr=False)


_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
            ".pdf": "pdf"}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Control characters that never occur in a text file (tab, newline, carriage return, form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Non-ASCII characters a Chinese report plausibly holds: CJK ideographs, CJK and full-width punctuation,
# general punctuation (“” — …), Latin-1 symbols (·, ×), superscripts, geometric shapes (■).
_PLAUSIBLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\u00a0-\u00ff\u2070-\u209f"
                        r"\u2150-\u218f\u2190-\u21ff\u2460-\u24ff\u25a0-\u25ff\u2200-\u22ff\u0391-\u03c9]")


def read_document(path) -> Document:
    """Read `path`; raise SourceFileError (naming the file) for anything that is not a readable report."""
    p = Path(path)
    label = str(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise SourceFileError(f"{label}: file not found") from None
    except IsADirectoryError:
        raise SourceFileError(f"{label}: is a directory, not a file") from None
    except OSError as exc:
        raise SourceFileError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise SourceFileError(f"{label}: empty file")
    fmt = _FORMATS.get(p.suffix.lower(), "txt")
    if fmt == "pdf" or raw[:5] == b"%PDF-":
        text, encoding, fmt = _read_pdf(raw, label), "pdf", "pdf"
    else:
        text, encoding = decode_bytes(raw, label)
        if fmt == "html":
            text = html_to_text(text)
    if not text.strip():
        raise SourceFileError(f"{label}: no text in the file")
    return Document(path=label, name=p.name, text=text, format=fmt, encoding=encoding,
                    sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw), lines=split_lines(text))


def split_lines(text: str) -> list[str]:
    """Lines as `sed -n Np` counts them: split on \\n only, a trailing \\r dropped."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def decode_bytes(raw: bytes, label: str = "<bytes>") -> tuple[str, str]:
    """(text, encoding) of a text file; the BOM is stripped. Raises SourceFileError if undecidable."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                raise SourceFileError(f"{label}: starts with a {encoding} byte-order mark but is not valid "
                                      f"{encoding}") from None
            return text.lstrip("\ufeff"), ("utf-8-sig" if encoding == "utf-8-sig" else
                                           "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be")
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return utf16
    if b"\x00" in raw:
        raise SourceFileError(f"{label}: binary file (NUL bytes), not a text report")
    try:
        text = raw.decode("utf-8")
        if _plausible(text):
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    # GB18030 is a superset of GBK and GB2312: one strict try covers all three.
    try:
        text = raw.decode("gb18030")
        if _plausible(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    guess = _charset_normalizer_guess(raw)
    if guess:
        return guess
    if _looks_binary(raw):
        raise SourceFileError(f"{label}: binary file, not a text report")
    raise SourceFileError(f"{label}: undecidable encoding (not UTF-8, UTF-16 or GB18030, and no plausible "
                          f"Chinese text under any detected charset)")


def _utf16_without_bom(raw: bytes):
    # UTF-16 text of mostly CJK has few NULs; of mostly ASCII it has NULs in every other byte.
    if len(raw) < 4 or len(raw) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text) and (b"\x00" in raw or len(_CJK.findall(text)) > len(text) * 0.3):
            return text.lstrip("\ufeff"), encoding
    return None


def _charset_normalizer_guess(raw: bytes):
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with the project
        return None
    for match in from_bytes(raw):
        try:
            text = raw.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text) and _CJK.search(text):
            return text.lstrip("\ufeff"), match.encoding
    return None


def _plausible(text: str) -> bool:
    """Chinese (or plain ASCII) prose: no control characters, and the non-ASCII characters are CJK or
    the punctuation such prose uses. A wrong decoding yields rare symbols and control characters."""
    if _CONTROL.search(text):
        return False
    non_ascii = sum(1 for _ in re.finditer(r"[^\x00-\x7f]", text))
    if non_ascii == 0:
        return True
    plausible = len(_PLAUSIBLE.findall(text))
    return plausible >= 0.97 * non_ascii


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


# --- HTML -----------------------------------------------------------------------------------------
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
               "article", "header", "footer", "blockquote", "pre", "title", "dt", "dd", "figure", "figcaption", "hr"}


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data) if "\n" in data else data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one block element per paragraph (blank line between)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = "".join(collector.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


# --- PDF ------------------------------------------------------------------------------------------
def _read_pdf(raw: bytes, label: str) -> str:
    import io

    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - installed with the project
        raise SourceFileError(f"{label}: reading PDF needs pdfplumber") from None
    if raw[:5] != b"%PDF-":
        raise SourceFileError(f"{label}: not a PDF file (no %PDF header)")
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for page in pdf.pages:
                pages.append((page.extract_text() or "").strip())
    except SourceFileError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for a damaged file
        raise SourceFileError(f"{label}: cannot read PDF ({type(exc).__name__}: {exc})") from None
    if not any(pages):
        raise SourceFileError(f"{label}: PDF has no text layer (scanned?)")
    # A blank line between pages: the extractor treats it as a page break inside a sentence.
    return "\n\n".join(pages) + "\n"
