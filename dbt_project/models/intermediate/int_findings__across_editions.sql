-- Consistency checks across editions, one row per check × subject × edition (× reference year):
-- a value restated by a later edition for the same year; a cumulative indicator that falls; a unit slip
-- (a value about a power of ten, ≥ 10×, away from the same indicator in an adjacent or the same year,
-- stated by another edition).
-- Checks run on corrected values; 'corrected' marks a check that fails as stated and holds after
-- sources/corrections.yml. (Growth rates against level changes and increments against stock changes
-- are claims: see fct_claims.)
with obs as (
    select * from {{ ref('int_claims__inputs') }}
    where source_kind <> 'reference' and ref_year is not null and indicator_key is not null
),

firsts as (
    select * from obs
    qualify row_number() over (partition by variant, indicator_key, edition_year, ref_year
                               order by case source_kind when 'full_text' then 0 else 1 end, observation_id) = 1
),

-- restatements: each edition against the previous edition that states the same indicator and year
restated_pairs as (
    select
        cur.variant, cur.indicator_key, cur.ref_year, cur.edition_year,
        prev.edition_year as previous_edition,
        cur.value, prev.value as previous_value,
        cur.value_lo > prev.value_hi or cur.value_hi < prev.value_lo as differs,
        cur.half_unit + prev.half_unit as tolerance,
        {{ provenance('cur') }} || ' | '
            || {{ provenance('prev') }} as provenance,
        nullif(concat_ws(', ', cur.correction_id, prev.correction_id), '') as correction_ids
    from firsts as cur
    join firsts as prev
      on prev.variant = cur.variant and prev.indicator_key = cur.indicator_key and prev.ref_year = cur.ref_year
     and prev.edition_year < cur.edition_year
    qualify row_number() over (partition by cur.variant, cur.indicator_key, cur.ref_year, cur.edition_year
                               order by prev.edition_year desc) = 1
),

restatements as (
    select
        'restated_by_later_edition' as check_name, c.indicator_key as subject, c.edition_year, c.ref_year,
        -- a later edition revising a figure is a restatement, not a contradiction
        case when c.differs then 'restated' when s.differs then 'corrected' else 'holds' end as status,
        c.value as stated, c.previous_value as recomputed, c.tolerance,
        'edition ' || c.edition_year || ' states ' || printf('%.6g', c.value) || ' for ' || c.ref_year
            || ', edition ' || c.previous_edition || ' stated ' || printf('%.6g', c.previous_value)
            || case when c.differs then ': restated beyond rounding' else ': same value within rounding' end
            as explanation,
        c.provenance, c.correction_ids
    from restated_pairs as c
    left join restated_pairs as s
      on s.variant = 'as_stated' and s.indicator_key = c.indicator_key and s.ref_year = c.ref_year
     and s.edition_year = c.edition_year
    where c.variant = 'corrected'
),

-- the series of a cumulative indicator: each year's value from the latest edition stating it
series as (
    select f.* from firsts as f
    join {{ ref('indicators') }} as i on i.indicator_key = f.indicator_key and cast(i.is_cumulative as boolean)
    qualify row_number() over (partition by f.variant, f.indicator_key, f.ref_year order by f.edition_year desc) = 1
),

falls as (
    select
        'cumulative_does_not_fall' as check_name, cur.indicator_key as subject, cur.edition_year, cur.ref_year,
        case when cur.value_hi < prev.value_lo then 'fails' else 'holds' end as status,
        cur.value as stated, prev.value as recomputed, cur.half_unit + prev.half_unit as tolerance,
        cur.indicator_key || ' is cumulative: ' || printf('%.6g', cur.value) || ' in ' || cur.ref_year
            || ' (edition ' || cur.edition_year || ') against ' || printf('%.6g', prev.value) || ' in '
            || prev.ref_year || ' (edition ' || prev.edition_year || ')' as explanation,
        {{ provenance('cur') }} || ' | '
            || {{ provenance('prev') }} as provenance,
        nullif(concat_ws(', ', cur.correction_id, prev.correction_id), '') as correction_ids
    from series as cur
    join series as prev on prev.variant = cur.variant and prev.indicator_key = cur.indicator_key
                       and prev.ref_year < cur.ref_year
    where cur.variant = 'corrected'
    qualify row_number() over (partition by cur.indicator_key, cur.ref_year order by prev.ref_year desc) = 1
),

-- unit slips: every observation of a level against the same indicator in the same or an adjacent year
levels as (
    select o.*,
           median(log10(o.value)) over (partition by o.variant, o.indicator_key) as median_log
    from obs as o
    where o.kind = 'level' and o.value > 0 and o.unit not in ('percent', 'rank', 'percentage_points')
),

slip_pairs as (
    select
        a.variant, a.observation_id, a.indicator_key, a.edition_year, a.ref_year, a.value, a.correction_id,
        a.source_file, a.line, a.quote, a.value_text, a.citation,
        b.observation_id as other_id, b.value as other_value, b.ref_year as other_year,
        b.edition_year as other_edition,
        {{ provenance('b') }} as other_provenance,
        abs(log10(a.value / b.value)) as log_ratio,
        abs(log10(a.value / b.value)) >= 1
            and abs(abs(log10(a.value / b.value)) - round(abs(log10(a.value / b.value)))) <= 0.3
            -- the outlier of the pair is the one further from the indicator's median
            and abs(log10(a.value) - a.median_log) > abs(log10(b.value) - b.median_log) as slipped
    from levels as a
    join levels as b
      on b.variant = a.variant and b.indicator_key = a.indicator_key and abs(b.ref_year - a.ref_year) <= 1
     and b.edition_year <> a.edition_year  -- across editions: within one edition see repeated_figure_agrees
),

slips_by_obs as (
    select variant, observation_id, indicator_key, edition_year, ref_year, value, correction_id,
           source_file, line, quote, value_text, citation,
           bool_or(slipped) as slipped,
           max(log_ratio) filter (where slipped) as log_ratio,
           -- ties broken by the provenance text: a rebuild must give byte-identical rows
           first(other_value order by case when slipped then log_ratio else -1 end desc, other_provenance) as other_value,
           first(other_provenance order by case when slipped then log_ratio else -1 end desc, other_provenance)
               as other_provenance
    from slip_pairs
    group by all
),

slips as (
    select
        'unit_slip' as check_name, c.indicator_key as subject, c.edition_year, c.ref_year,
        case when c.slipped then 'fails' when s.slipped then 'corrected' else 'holds' end as status,
        s.value as stated,
        case when s.slipped then s.other_value else c.other_value end as recomputed,
        cast(null as double) as tolerance,
        case when c.slipped
                 then 'value ' || printf('%.6g', c.value) || ' is about 10^' || cast(round(c.log_ratio) as integer)
                      || ' away from ' || printf('%.6g', c.other_value) || ' in an adjacent year: a unit slip?'
             when s.slipped
                 then 'as stated, ' || printf('%.6g', s.value) || ' is about 10^' || cast(round(s.log_ratio) as integer)
                      || ' away from ' || printf('%.6g', s.other_value) || ' in an adjacent year (unit slip); '
                      || c.correction_id || ' corrects it to ' || printf('%.6g', c.value)
             else 'no value a power of ten away from the same indicator in adjacent years' end as explanation,
        {{ provenance('c') }}
            || coalesce(' | ' || case when c.slipped then c.other_provenance else s.other_provenance end, '')
            as provenance,
        c.correction_id as correction_ids
    from slips_by_obs as c
    join slips_by_obs as s on s.variant = 'as_stated' and s.observation_id = c.observation_id
    where c.variant = 'corrected'
)

select *, 'across_editions' as check_scope from restatements
union all select *, 'across_editions' from falls
union all select *, 'across_editions' from slips
