{#- Composite foreign key: every row whose `columns` are all non-null has a row in `to` with equal
    `to_columns` (same order). E.g. (edition_year, dimension_key) -> dim_evaluation_dimension. -#}
{% test relationships_multi(model, columns, to, to_columns, column_name=none) %}
select {% for c in columns %}child.{{ c }}{{ ", " if not loop.last }}{% endfor %}
from {{ model }} as child
where {% for c in columns %}child.{{ c }} is not null{{ " and " if not loop.last }}{% endfor %}
  and not exists (
    select 1
    from {{ to }} as parent
    where {% for c in columns %}parent.{{ to_columns[loop.index0] }} = child.{{ c }}{{ " and " if not loop.last }}{% endfor %}
  )
{% endtest %}
