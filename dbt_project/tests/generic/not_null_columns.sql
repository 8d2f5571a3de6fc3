{#- Every listed column is non-null in every row. One test per model rather than dbt's `not_null` per
    column: each test is a dbt node and a Dagster asset check with a fixed cost of ~30 ms and several
    events, and ~200 column tests were a third of a build. Returns one row per column that has nulls,
    naming it and counting them. -#}
{% test not_null_columns(model, columns) %}
with null_counts as (
    select
        {%- for column in columns %}
        count(*) filter (where {{ column }} is null) as {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ model }}
)

{% for column in columns -%}
select '{{ column }}' as column_name, {{ column }} as null_rows from null_counts where {{ column }} > 0
{% if not loop.last %}union all
{% endif %}
{%- endfor %}
{% endtest %}
