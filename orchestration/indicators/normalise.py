"""Normalisation shared by aliases and statement subjects (so both sides compare alike)."""

from __future__ import annotations

import re
import unicodedata

# removed wherever they appear (they never distinguish one measure from another)
NOISE_WORDS = ("我国", "累计", "截至", "截止", "目前", "已经", "其中", "分别")
# removed only at the start, and only when 3+ characters remain
# ("全国农村网络零售额" = "农村网络零售额", but "全国服务" stays)
LEADING_NOISE = ("全国", "共计", "总计", "共有", "已有", "已", "共")
_PUNCT = re.compile(r"[\s\"'“”‘’「」『』《》〈〉【】\[\]{}、,，.。·•・:：;；!！?？/\\|_\-—–~～…]+")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_BRACKETS = re.compile(r"[()（）]")


def _clean(text: str) -> str:
    text = _PUNCT.sub("", text)
    for word in NOISE_WORDS:
        text = text.replace(word, "")
    changed = True
    while changed and text:
        changed = False
        for word in LEADING_NOISE:
            if text.startswith(word) and len(text) - len(word) >= 3:
                text = text[len(word):]
                changed = True
    return text


def base_text(text: str) -> str:
    """NFKC (full-width -> half-width), lower-case latin."""
    return unicodedata.normalize("NFKC", text or "").lower()


def subject_forms(text: str | None) -> tuple[str, ...]:
    """Normalised forms of a subject: brackets dropped but their content kept, and bracketed
    content dropped altogether ("网络视频（含短视频）用户" -> "网络视频含短视频用户", "网络视频用户")."""
    text = base_text(text or "")
    kept = _clean(_BRACKETS.sub("", text))
    forms = [kept]
    dropped_text = text
    while _BRACKETED.search(dropped_text):
        dropped_text = _BRACKETED.sub("", dropped_text)
    dropped = _clean(_BRACKETS.sub("", dropped_text))
    if dropped and dropped != kept:
        forms.append(dropped)
    return tuple(f for f in forms if f)


def alias_forms(alias: str) -> tuple[str, ...]:
    """Normalised form under which an alias is indexed: the subject rules, brackets dropped with
    their content kept (a subject is tried with and without its bracketed content)."""
    return subject_forms(alias)[:1]


def normalise_subject(text: str | None) -> str:
    """The main normalised form of a subject ('' when nothing is left)."""
    forms = subject_forms(text)
    return forms[0] if forms else ""
