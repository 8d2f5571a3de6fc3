"""The dashboard's claim sections: the verdicts per edition, and one section per verdict a reader must see
(fails, marginal with the rounding it needs, restated, external_mismatch), each claim with its sentence,
its explanation and the figures it rests on. See docs/how-claims-are-judged.md for the rules."""
from __future__ import annotations

import html

CLAIM_STATUSES = ("holds", "marginal", "fails", "restated", "external_mismatch", "cannot_check")
CLAIM_LABELS = {
    "holds": "成立 holds",
    "marginal": "仅在舍入范围内 marginal",
    "fails": "自相矛盾 fails",
    "restated": "他版重述 restated",
    "external_mismatch": "与外部统计不符 external mismatch",
    "cannot_check": "无法核验 cannot check",
}
# the sections, in the order a reader needs them, with what each verdict means
SECTIONS = (
    ("fails", "The report's own printed figures contradict each other: no rounding of them reaches the claim."),
    ("marginal", "The best estimate from the printed figures does not agree at the printed precision; only the "
                 "rounding of the inputs reaches the claim. Each says which input must lie where."),
    ("restated", "An input comes from another edition, whose figure for that year differs from the one the claim "
                 "implies: a restatement, not a contradiction within the report."),
    ("external_mismatch", "The claim disagrees with outside statistics (NBS, in the vintage the publisher uses): "
                          "not a contradiction within the report."),
)


def _esc(value) -> str:
    return html.escape("" if value is None else str(value))


def _rows(con, sql: str, params=None) -> list[dict]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def claims_per_edition(con) -> str:
    rows = _rows(con, "select edition_year, status, count(*) as n from marts.fct_claims group by all order by 1, 2")
    by: dict[int, dict[str, int]] = {}
    for r in rows:
        by.setdefault(r["edition_year"], {})[r["status"]] = r["n"]
    head = "".join(f"<th>{CLAIM_LABELS[s]}</th>" for s in CLAIM_STATUSES)
    body = "".join(f"<tr><td>{e}</td>" + "".join(f'<td class="n st-{s}">{v.get(s, 0)}</td>' for s in CLAIM_STATUSES)
                   + "</tr>" for e, v in sorted(by.items()))
    return f'<table id="claims"><tr><th>版次 Edition</th>{head}</tr>{body}</table>'


def claim_sections(con) -> str:
    parts = []
    for status, meaning in SECTIONS:
        rows = _rows(con, """
            select claim_id, edition_year, subject, method, line, source_file, quote, explanation, rescue, implied,
                   provenance, correction_ids
            from marts.fct_claims where status = ? order by edition_year, line, claim_id""", [status])
        items = []
        for r in rows:
            prov = "".join(f'<div class="prov">· {_esc(p.strip())}</div>'
                           for p in (r["provenance"] or "").split(" | ") if p.strip())
            needed = (f'<div class="needs">需要 {_esc(r["rescue"])}</div>' if r["rescue"] else "")
            implied = (f'<div class="needs">隐含 implied: {_esc(r["implied"])}</div>' if r["implied"] else "")
            fix = f' — 更正 correction: {_esc(r["correction_ids"])}' if r["correction_ids"] else ""
            items.append(
                f'<div class="finding {status}" data-claim="{_esc(r["claim_id"])}">'
                f'<span class="st st-{status}">{CLAIM_LABELS[status]}</span> · <b>{_esc(r["subject"])}</b> · '
                f'{_esc(r["method"])} · 版次 edition {_esc(r["edition_year"])} · {_esc(r["source_file"])} '
                f'line {_esc(r["line"])}{fix}<div class="quote">“{_esc(r["quote"])}”</div>'
                f'<div>{_esc(r["explanation"])}</div>{needed}{implied}{prov}</div>')
        body = "\n".join(items) or '<p class="note">无 None.</p>'
        parts.append(f'<h3 id="claims-{status}">{CLAIM_LABELS[status]} ({len(rows)})</h3>'
                     f'<p class="note">{_esc(meaning)}</p>{body}')
    return "\n".join(parts)
