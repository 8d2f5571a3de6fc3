-- Every observation of a catalogue indicator, whatever its source: each full-text statement with an
-- indicator_key and each curated fact with an indicator_key, one row each, in one shape. Statements and
-- facts without a key stay in their own tables (fct_statements, stg_reports__curated_facts): nothing is dropped.
with statements as (
    select * from {{ ref('stg_reports__statements') }}
    where indicator_key is not null
),

curated as (
    select * from {{ ref('stg_reports__curated_facts') }}
    where indicator_key is not null
),

unioned as (
    select
        statement_id as observation_id,
        edition_year,
        indicator_key,
        ref_year,
        value,
        unit,
        cast(null as varchar) as unit_as_stated,
        qualifier,
        kind,
        'full_text' as source_kind,
        source_file,
        sha256,
        line,
        char_start,
        char_end,
        quote,
        cast(null as varchar) as value_text,
        cast(null as varchar) as citation,
        subject as subject_as_written,
        section
    from statements

    union all

    select
        curated_fact_id as observation_id,
        edition_year,
        indicator_key,
        ref_year,
        value,
        unit,
        unit_as_stated,
        qualifier,
        kind,
        'curated' as source_kind,
        source_file,
        sha256,
        source_line as line,
        cast(null as integer) as char_start,
        cast(null as integer) as char_end,
        cast(null as varchar) as quote,
        value_text,
        citation,
        indicator_zh as subject_as_written,
        cast(null as varchar) as section
    from curated
)

select * from unioned
