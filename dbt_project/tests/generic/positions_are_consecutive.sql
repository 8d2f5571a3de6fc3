{#- Within each list (rows grouped by `list_columns`), positions run 1, 2, ..., n without gap or repeat:
    the printed order is kept whole. Returns offending lists. -#}
{% test positions_are_consecutive(model, list_columns, position_column='position') %}
select
    {{ list_columns | join(', ') }},
    count(*) as row_count,
    count(distinct {{ position_column }}) as distinct_positions,
    min({{ position_column }}) as first_position,
    max({{ position_column }}) as last_position
from {{ model }}
group by {{ list_columns | join(', ') }}
having min({{ position_column }}) <> 1
    or max({{ position_column }}) <> count(*)
    or count(distinct {{ position_column }}) <> count(*)
{% endtest %}
