{#- Every non-null value of each listed column is one of that column's accepted values (`values` maps a
    column to its list). One test per model rather than dbt's `accepted_values` per column, for the same
    reason as not_null_columns. Returns one row per column and unexpected value, with how many rows hold it. -#}
{% test accepted_values_columns(model, values) %}
{% for column, accepted in values.items() -%}
select '{{ column }}' as column_name, cast({{ column }} as varchar) as unexpected_value, count(*) as n_rows
from {{ model }}
where {{ column }} is not null
  and cast({{ column }} as varchar) not in ({% for value in accepted %}'{{ value | replace("'", "''") }}'{{ ", " if not loop.last }}{% endfor %})
group by 1, 2
{% if not loop.last %}union all
{% endif %}
{%- endfor %}
{% endtest %}
