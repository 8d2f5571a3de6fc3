-- The ranking rows of every edition with list identity and one source per list: when a full text and a
-- curated sheet publish the same list (edition x dimension x list kind), the full text wins (as in
-- every "best value" of the marts) and the curated copy is not counted twice.
with rows_ as (
    select
        *,
        coalesce(dimension_key, 'zh:' || dimension_zh) as dimension_ident
    from {{ ref('stg_reports__province_rankings') }}
),

sources_per_list as (
    select
        edition_year,
        dimension_ident,
        list_kind,
        min(case when source_kind = 'full_text' then 1 else 2 end) as best_source_rank,
        count(distinct source_kind) as source_kinds
    from rows_
    group by edition_year, dimension_ident, list_kind
)

select
    r.edition_year || '-' || r.dimension_ident || '-' || r.list_kind as list_id,
    r.edition_year || '-' || r.dimension_ident || '-' || r.list_kind || '-' || r.province_code as ranking_id,
    r.edition_year,
    r.dimension_key,
    r.dimension_ident,
    r.dimension_zh,
    r.list_kind,
    r.position,
    r.province_code,
    r.province_as_written,
    r.announced_length,
    r.counted_length,
    r.source_kind,
    s.source_kinds > 1 as also_published_by_other_source,
    r.source_file,
    r.sha256,
    r.line,
    r.char_start,
    r.char_end,
    r.quote,
    r.citation,
    r.repeated_at_lines
from rows_ as r
inner join sources_per_list as s
    on r.edition_year = s.edition_year
    and r.dimension_ident = s.dimension_ident
    and r.list_kind = s.list_kind
where (case when r.source_kind = 'full_text' then 1 else 2 end) = s.best_source_rank
