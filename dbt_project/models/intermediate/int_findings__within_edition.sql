-- Consistency checks within one edition, one row per check × subject × edition (× reference year):
-- percentages within [0, 100]; the same figure repeated (summary and body) agrees; component shares sum to
-- at most 100% (seeds/share_groups.csv); a sub-population is not larger than its population
-- (seeds/subpopulation_rules.csv); a curated figure's stated unit fits its indicator.
-- Checks run on the corrected values; 'corrected' marks a check that fails on the values as stated and
-- holds after sources/corrections.yml.
with obs as (
    select * from {{ ref('int_claims__inputs') }} where source_kind <> 'reference' and indicator_key is not null
),

percent_range as (
    select
        'percent_in_range' as check_name, o.indicator_key as subject, o.edition_year, o.ref_year,
        case when bool_or(o.variant = 'corrected' and (o.value < 0 or o.value > 100)) then 'fails'
             when bool_or(o.value < 0 or o.value > 100) then 'corrected' else 'holds' end as status,
        max(o.value) filter (where o.variant = 'corrected') as stated,
        cast(null as double) as recomputed,
        0.0 as tolerance,
        'share (percent) values of ' || o.indicator_key || ' lie within [0, 100]; max '
            || printf('%.4g', max(o.value) filter (where o.variant = 'corrected')) as explanation,
        -- ordered aggregates: a rebuild must give byte-identical rows
        string_agg(distinct {{ provenance('o') }}, ' | '
                   order by {{ provenance('o') }}) as provenance,
        string_agg(distinct o.correction_id, ', ' order by o.correction_id) as correction_ids
    from obs as o
    where o.unit = 'percent' and o.kind = 'share'
    group by o.indicator_key, o.edition_year, o.ref_year
),

repeated as (
    select
        'repeated_figure_agrees' as check_name, o.indicator_key as subject, o.edition_year, o.ref_year,
        case when max(o.value_lo) filter (where o.variant = 'corrected')
                  > min(o.value_hi) filter (where o.variant = 'corrected') then 'fails'
             when max(o.value_lo) filter (where o.variant = 'as_stated')
                  > min(o.value_hi) filter (where o.variant = 'as_stated') then 'corrected'
             else 'holds' end as status,
        min(o.value) filter (where o.variant = 'corrected') as stated,
        max(o.value) filter (where o.variant = 'corrected') as recomputed,
        max(o.half_unit) filter (where o.variant = 'corrected') as tolerance,
        count(*) filter (where o.variant = 'corrected') || ' statements of ' || o.indicator_key || ' for '
            || o.ref_year || ' in edition ' || o.edition_year || ': values from '
            || printf('%.6g', min(o.value) filter (where o.variant = 'corrected')) || ' to '
            || printf('%.6g', max(o.value) filter (where o.variant = 'corrected')) as explanation,
        -- ordered aggregates: a rebuild must give byte-identical rows
        string_agg(distinct {{ provenance('o') }}, ' | '
                   order by {{ provenance('o') }}) as provenance,
        string_agg(distinct o.correction_id, ', ' order by o.correction_id) as correction_ids
    from obs as o
    -- a line stating several values for one indicator and year is an ambiguity of the extraction, not a
    -- repetition: only lines with one value each are compared
    where o.ref_year is not null
      and (o.variant, o.edition_year, o.indicator_key, o.ref_year, coalesce(o.line, -1)) in (
          select (variant, edition_year, indicator_key, ref_year, coalesce(line, -1)) from obs
          group by all having count(*) = 1)
    group by o.indicator_key, o.edition_year, o.ref_year
    having count(*) filter (where o.variant = 'corrected') >= 2
),

shares as (
    select
        'component_shares_sum' as check_name, g.group_key as subject, o.edition_year, o.ref_year,
        case when sum(o.value_lo) > 100 then 'fails'
             when bool_or(g.exhaustive) and sum(o.value_hi) < 100 then 'fails' else 'holds' end as status,
        sum(o.value) as stated, 100.0 as recomputed, sum(o.half_unit) as tolerance,
        'component shares of ' || g.group_key || ' sum to ' || printf('%.4g', sum(o.value))
            || case when bool_or(g.exhaustive) then ' (must be 100)' else ' (must be at most 100)' end as explanation,
        string_agg(distinct {{ provenance('o') }}, ' | '
                   order by {{ provenance('o') }}) as provenance,
        string_agg(distinct o.correction_id, ', ' order by o.correction_id) as correction_ids
    from obs as o
    join {{ ref('share_groups') }} as g on g.indicator_key = o.indicator_key
    where o.variant = 'corrected'
    group by g.group_key, o.edition_year, o.ref_year
),

-- one value per indicator, edition and year (the first full-text statement, else the first curated fact)
firsts as (
    select * from obs
    qualify row_number() over (partition by variant, indicator_key, edition_year, ref_year
                               order by case source_kind when 'full_text' then 0 else 1 end, observation_id) = 1
),

subpopulations as (
    select
        'subpopulation_within_population' as check_name, r.part_key || ' <= ' || r.whole_key as subject,
        p.edition_year, p.ref_year,
        case when p.value_lo > w.value_hi then 'fails' else 'holds' end as status,
        p.value as stated, w.value as recomputed, p.half_unit + w.half_unit as tolerance,
        r.part_key || ' ' || printf('%.4g', p.value) || ' against ' || r.whole_key || ' ' || printf('%.4g', w.value)
            || ': ' || r.note as explanation,
        {{ provenance('p') }} || ' | '
            || {{ provenance('w') }} as provenance,
        nullif(concat_ws(', ', p.correction_id, w.correction_id), '') as correction_ids
    from {{ ref('subpopulation_rules') }} as r
    join firsts as p on p.indicator_key = r.part_key and p.variant = 'corrected'
    join firsts as w on w.indicator_key = r.whole_key and w.variant = 'corrected'
                    and w.edition_year = p.edition_year and w.ref_year = p.ref_year
),

unit_fit as (
    select
        'unit_fits_indicator' as check_name, f.indicator_key as subject, f.edition_year, f.ref_year,
        case when f.unit_fits then 'holds' when c.corrected_unit is not null then 'corrected' else 'fails' end as status,
        f.value as stated, cast(null as double) as recomputed, cast(null as double) as tolerance,
        'the coverage states ' || f.value_text || ' (unit ' || coalesce(f.unit_as_stated, '?') || ') for '
            || f.indicator_zh || case when f.unit_fits then ': the unit fits the indicator'
                                      else ': the unit does not fit the indicator' end
            || coalesce('; corrected by ' || c.correction_id || ' to unit ' || c.corrected_unit, '') as explanation,
        'C' || f.edition_year || '-' || substr(f.sha256, 1, 8) || '-' || f.source_line || ' (' || f.source_file
            || ' line ' || f.source_line || '): ' || f.indicator_zh || ' ' || f.value_text || ' — ' || f.citation
            as provenance,
        c.correction_id as correction_ids
    from {{ source('reports', 'curated_facts') }} as f
    left join {{ ref('stg_reports__corrections') }} as c
      on c.edition_year = f.edition_year and c.indicator_key = f.indicator_key and c.ref_year = f.ref_year
     and c.corrected_unit is not null
    where f.indicator_key is not null and f.unit_fits is not null
),

-- full texts: a statement about users or people whose counter or unit does not fit (orchestration/claims/units.py
-- reads seeds/unit_fit_rules.csv at ingestion)
full_text_unit_fit as (
    select
        'unit_fits_indicator' as check_name, coalesce(s.indicator_key, s.subject) as subject, s.edition_year,
        s.ref_year, case when s.unit_fits then 'holds' else 'fails' end as status,
        s.value as stated, cast(null as double) as recomputed, cast(null as double) as tolerance,
        'the report states ' || s.figure_text || ' for ' || s.subject || ': ' || s.unit_note as explanation,
        s.statement_id || ' (' || s.source_file || ' line ' || s.line || '): ' || s.quote as provenance,
        cast(null as varchar) as correction_ids
    from {{ ref('stg_reports__statements') }} as s
    where s.unit_fits is not null
)

select *, 'within_edition' as check_scope from percent_range
union all select *, 'within_edition' from repeated
union all select *, 'within_edition' from shares
union all select *, 'within_edition' from subpopulations
union all select *, 'within_edition' from unit_fit
union all select *, 'within_edition' from full_text_unit_fit
