"""The data-quality dashboard: one static page (warehouse/dashboard/index.html) a person opens first.

Per edition, the checks that hold and fail; the findings, each with the sentences it rests on; charts of
the headline series across years with every edition's vintage (plotly, its JavaScript embedded inline so
the page opens from the file system with no network). Reads the warehouse only; no Dagster here.
"""
from __future__ import annotations

import html
from pathlib import Path

import duckdb

from .dashboard_claims import claim_sections, claims_per_edition

# indicator, Chinese label, English label, divisor, unit label
HEADLINE_SERIES = (
    ("fiveg_base_stations", "5G基站数", "5G base stations", 1e4, "万个 / 10k"),
    ("internet_users", "网民规模", "Internet users", 1e8, "亿人 / 100m people"),
    ("digital_economy_size", "数字经济规模", "Digital economy size", 1e12, "万亿元 / trillion yuan"),
    ("digital_economy_gdp_share", "数字经济占GDP比重", "Digital economy, share of GDP", 1, "%"),
)
STATUSES = ("holds", "marginal", "fails", "restated", "external_mismatch", "corrected", "cannot_check")
STATUS_LABELS = {"holds": "成立 holds", "marginal": "仅在舍入范围内 marginal", "fails": "不成立 fails",
                 "restated": "他版重述 restated", "external_mismatch": "与外部统计不符 external mismatch",
                 "corrected": "已更正 corrected", "cannot_check": "无法核验 cannot check"}
# the findings a reader must see (holds and cannot_check are counted, not listed)
SHOWN = ("fails", "marginal", "restated", "external_mismatch", "corrected")

CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1340px}
h1{font-size:24px;margin-bottom:4px} h2{font-size:19px;margin-top:28px;border-bottom:2px solid #ddd;padding-bottom:4px}
table{border-collapse:collapse;font-size:13px;margin:8px 0} th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3} td.n{text-align:right}
.st-fails{color:#b00020;font-weight:bold} .st-corrected{color:#8a5a00;font-weight:bold} .st-holds{color:#1b7a1b}
.st-cannot_check{color:#777} .finding{border:1px solid #ddd;border-left:5px solid #b00020;padding:6px 10px;margin:8px 0}
.st-marginal{color:#8a5a00;font-weight:bold} .st-restated,.st-external_mismatch{color:#1d4f91;font-weight:bold}
.finding.corrected,.finding.marginal{border-left-color:#d89b00}
.finding.restated,.finding.external_mismatch{border-left-color:#1d4f91}
.prov{font-size:12px;color:#444;margin:2px 0 0 12px} .quote{color:#333;margin:2px 0} .needs{color:#8a5a00}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:12px} .note{color:#555;font-size:13px}
"""


def _esc(value) -> str:
    return html.escape("" if value is None else str(value))


def _fmt(value) -> str:
    if value is None:
        return ""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return _esc(value)
    if v != v:  # NaN
        return ""
    return f"{v:,.4g}" if abs(v) < 1e6 else f"{v:.4g}"


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _has_table(con, schema: str, table: str) -> bool:
    return bool(con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                            [schema, table]).fetchone()[0])


def _edition_table(con) -> str:
    rows = _rows(con, """
        select edition_year, check_name, status, count(*) as n
        from marts.fct_consistency_findings group by all order by edition_year, check_name, status""")
    editions = sorted({r["edition_year"] for r in rows if r["edition_year"] is not None})
    counts: dict[tuple, int] = {(r["edition_year"], r["status"]): 0 for r in rows}
    failing: dict[int, set] = {}
    for r in rows:
        counts[(r["edition_year"], r["status"])] = counts.get((r["edition_year"], r["status"]), 0) + r["n"]
        if r["status"] in SHOWN:
            failing.setdefault(r["edition_year"], set()).add(f'{r["check_name"]} ({r["status"]})')
    head = "".join(f"<th>{STATUS_LABELS[s]}</th>" for s in STATUSES)
    body = []
    for e in editions:
        cells = "".join(f'<td class="n st-{s}">{counts.get((e, s), 0)}</td>' for s in STATUSES)
        checks = ", ".join(sorted(failing.get(e, []))) or "—"
        body.append(f"<tr><td>{e}</td>{cells}<td>{_esc(checks)}</td></tr>")
    return (f'<table id="edition-checks"><tr><th>版次 Edition</th>{head}<th>有发现的检查 Checks with findings</th></tr>'
            + "".join(body) + "</table>")


def _check_matrix(con) -> str:
    counts = ", ".join(f"count(*) filter (where status = '{s}') as {s}" for s in STATUSES)
    rows = _rows(con, f"""
        select check_name, string_agg(distinct check_scope, ', ' order by check_scope) as scope, {counts}
        from marts.fct_consistency_findings group by check_name order by check_name""")
    body = "".join(
        f"<tr><td>{_esc(r['check_name'])}</td><td>{_esc(r['scope'])}</td>"
        + "".join(f'<td class="n st-{s}">{r[s]}</td>' for s in STATUSES) + "</tr>" for r in rows)
    head = "".join(f"<th>{STATUS_LABELS[s]}</th>" for s in STATUSES)
    return f'<table id="check-matrix"><tr><th>检查 Check</th><th>范围 Scope</th>{head}</tr>{body}</table>'


def _findings(con) -> str:
    rows = _rows(con, """
        select finding_id, check_name, subject, edition_year, ref_year, status, stated, recomputed, tolerance,
               explanation, provenance, correction_ids
        from marts.fct_consistency_findings
        -- the claims have their own sections; these are the other checks' findings
        where status in ('fails', 'restated', 'external_mismatch', 'corrected')
          and not starts_with(check_name, 'claim_')
        order by case status when 'fails' then 0 when 'corrected' then 2 else 1 end, edition_year, check_name, subject""")
    out = []
    for r in rows:
        prov = "".join(f'<div class="prov">· {_esc(p.strip())}</div>' for p in (r["provenance"] or "").split(" | ") if p.strip())
        fix = f' — 更正 correction: {_esc(r["correction_ids"])}' if r["correction_ids"] else ""
        out.append(
            f'<div class="finding {r["status"]}" data-finding="{_esc(r["finding_id"])}">'
            f'<span class="st st-{r["status"]}">{STATUS_LABELS[r["status"]]}</span> · <b>{_esc(r["check_name"])}</b> · '
            f'{_esc(r["subject"])} · 版次 edition {_esc(r["edition_year"])} · 年份 year {_esc(r["ref_year"])}{fix}'
            f'<div>{_esc(r["explanation"])}</div>'
            f'<div class="note">stated {_fmt(r["stated"])} · recomputed {_fmt(r["recomputed"])} · tolerance {_fmt(r["tolerance"])}</div>'
            f'{prov}</div>')
    return "\n".join(out) or "<p>没有发现 No findings.</p>"


def _series_source(con) -> str:
    for schema, table in (("marts", "fct_indicator_observations"), ("intermediate", "int_indicator_observations__corrected")):
        if _has_table(con, schema, table):
            return f"{schema}.{table}"
    raise RuntimeError("no indicator observations in the warehouse")


def _charts(con) -> str:
    import plotly.graph_objects as go

    source = _series_source(con)
    parts = []
    for i, (key, zh, en, divisor, unit) in enumerate(HEADLINE_SERIES):
        rows = _rows(con, f"""
            select edition_year, ref_year, value, value_as_stated, source_kind
            from {source} where indicator_key = ? and ref_year is not null
            qualify row_number() over (partition by edition_year, ref_year
                                       order by case source_kind when 'full_text' then 0 else 1 end, observation_id) = 1
            order by edition_year, ref_year""".replace("?", f"'{key}'"))
        fig = go.Figure()
        for edition in sorted({r["edition_year"] for r in rows}):
            pts = [r for r in rows if r["edition_year"] == edition]
            fig.add_trace(go.Scatter(
                x=[r["ref_year"] for r in pts], y=[r["value"] / divisor for r in pts], mode="lines+markers",
                name=f"{edition}年版 edition ({pts[0]['source_kind']})",
                hovertemplate="%{x}: %{y:.4g} " + unit + f"<extra>edition {edition}</extra>"))
        fig.update_layout(title=f"{zh} {en}", xaxis_title="年份 Year", yaxis_title=unit, height=380,
                          margin=dict(l=50, r=20, t=50, b=40), legend=dict(font=dict(size=10)),
                          xaxis=dict(dtick=1))
        parts.append(f'<div class="chart" id="chart-{key}">'
                     + fig.to_html(full_html=False, include_plotlyjs=(i == 0), div_id=f"plot-{key}")
                     + "</div>")
    return '<div class="charts">' + "".join(parts) + "</div>"


def render_dashboard(con: duckdb.DuckDBPyConnection) -> str:
    n_claims = con.execute("select count(*) from marts.fct_claims").fetchone()[0]
    n_findings = con.execute("select count(*) from marts.fct_consistency_findings").fetchone()[0]
    n_fail = con.execute("select count(*) from marts.fct_consistency_findings where status = 'fails'").fetchone()[0]
    n_corr = con.execute("select count(*) from marts.fct_consistency_findings where status = 'corrected'").fetchone()[0]
    n_marginal = con.execute("select count(*) from marts.fct_claims where status = 'marginal'").fetchone()[0]
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>数据质量 Data quality — 数字中国发展报告 Digital China Warehouse</title>
<style>{CSS}</style></head><body>
<h1>数据质量 Data quality — 《数字中国发展报告》 Digital China Development Report warehouse</h1>
<p class="note">{n_findings} 项检查 checks ({n_fail} 不成立 fail, {n_corr} 已更正 corrected) · {n_claims} 项声明 claims
recomputed ({n_marginal} marginal). How claims are judged: docs/how-claims-are-judged.md.
Queries: <code>select * from marts.fct_consistency_findings</code>, <code>select * from marts.fct_claims</code>.</p>
<h2>各版次检查结果 Checks per edition</h2>{_edition_table(con)}
<h2>检查一览 Checks</h2>{_check_matrix(con)}
<h2>声明核验 Claims recomputed, per edition</h2>{claims_per_edition(con)}
<h2>需要关注的声明 Claims to look at</h2>{claim_sections(con)}
<h2>主要指标 Headline series (every edition's vintage)</h2>{_charts(con)}
<h2>其他检查的发现 Other findings (each with the sentences it rests on)</h2>
<div id="findings">{_findings(con)}</div>
</body></html>
"""


def write_dashboard(con: duckdb.DuckDBPyConnection, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    page = directory / "index.html"
    page.write_text(render_dashboard(con), encoding="utf-8")
    return page
