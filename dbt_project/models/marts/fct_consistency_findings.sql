-- Every consistency check of the warehouse as data: one row per check × subject × edition (× reference
-- year), with status (holds | fails | cannot_check | corrected), the stated and recomputed values, the
-- tolerance, an explanation and the provenance (files, lines, quotes or citations). severity is 'warn':
-- these are findings about the reports, shown on the dashboard and in Dagster, never a crash.
-- Sources: the claims (fct_claims: shares, growth rates, CAGRs, multiples, increments, per-capita figures),
-- the checks within an edition and across editions (int_findings__*), and the provincial lists.
with claims as (
    select
        'claim_' || coalesce(method, kind) as check_name,
        coalesce(indicator_key, 'unmatched statement') as subject,
        edition_year, ref_year,
        case when status in ('holds', 'marginal') and status_as_stated in ('fails', 'restated', 'external_mismatch')
             then 'corrected' else status end as status,
        stated_value as stated, recomputed_value as recomputed, tolerance, explanation, provenance,
        correction_ids,
        case when coalesce(input_a_edition, edition_year) <> edition_year
                  or coalesce(input_b_edition, edition_year) <> edition_year
             then 'across_editions' else 'within_edition' end as check_scope,
        claim_id as observation_key
    from {{ ref('fct_claims') }}
),

lists as (
    select
        'province_list_complete' as check_name, list_id as subject, edition_year, cast(null as integer) as ref_year,
        case when count(*) filter (where province_code is null) > 0 then 'fails'
             when count(distinct province_code) <> count(*) then 'fails'
             when max(announced_length) is not null and max(announced_length) <> count(*) then 'fails'
             else 'holds' end as status,
        cast(max(announced_length) as double) as stated, cast(count(distinct province_code) as double) as recomputed,
        0.0 as tolerance,
        max(dimension_zh) || ': announced ' || coalesce(cast(max(announced_length) as varchar), 'no length')
            || ', listed ' || count(*) || ' (' || count(distinct province_code) || ' distinct, all among the 31)'
            as explanation,
        max(source_file) || coalesce(' line ' || min(line), '') || ': '
            || coalesce(max(quote), string_agg(province_as_written, '、' order by position)) as provenance,
        cast(null as varchar) as correction_ids,
        'within_edition' as check_scope,
        list_id as observation_key
    from {{ ref('fct_province_rankings') }}
    where list_kind = 'top_n_list'
    group by list_id, edition_year
),

others as (
    select *, cast(null as varchar) as observation_key from {{ ref('int_findings__within_edition') }}
    union all by name
    select *, cast(null as varchar) as observation_key from {{ ref('int_findings__across_editions') }}
),

unioned as (
    select * from claims
    union all by name select * from lists
    union all by name select * from others
)

select
    check_name || ':' || subject || ':' || coalesce(cast(edition_year as varchar), '-') || ':'
        || coalesce(cast(ref_year as varchar), '-')
        || coalesce(':' || observation_key, '')
        || case when count(*) over (partition by check_name, subject, edition_year, ref_year, observation_key) > 1
                then ':' || row_number() over (partition by check_name, subject, edition_year, ref_year, observation_key
                                               order by provenance)
                else '' end as finding_id,
    check_name,
    check_scope,
    'warn' as severity,
    subject,
    edition_year,
    ref_year,
    status,
    stated,
    recomputed,
    tolerance,
    explanation,
    provenance,
    correction_ids
from unioned
