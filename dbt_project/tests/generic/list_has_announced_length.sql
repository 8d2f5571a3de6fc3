{#- Pipeline integrity of published ranking lists: within each list (rows grouped by `list_columns`), every
    row carries the same announced and counted length, the counted length is the number of rows and of
    distinct provinces, and when the text announces a length (等10个, 前10名) the list has exactly that many
    distinct provinces. Restrict it to top-N lists with the test's `where` config. Returns offending lists. -#}
{% test list_has_announced_length(model, list_columns, province_column='province_code',
                                  announced_column='announced_length', counted_column='counted_length') %}
with lists as (
    select
        {{ list_columns | join(', ') }},
        count(*) as row_count,
        count(distinct {{ province_column }}) as distinct_provinces,
        count({{ announced_column }}) as rows_with_announced,
        min({{ announced_column }}) as announced_min,
        max({{ announced_column }}) as announced_max,
        min({{ counted_column }}) as counted_min,
        max({{ counted_column }}) as counted_max
    from {{ model }}
    group by {{ list_columns | join(', ') }}
)

select *
from lists
where distinct_provinces <> row_count
   or counted_min is distinct from counted_max
   or counted_max is distinct from distinct_provinces
   or rows_with_announced not in (0, row_count)
   or announced_min is distinct from announced_max
   or (announced_max is not null and announced_max <> distinct_provinces)
{% endtest %}
