{#- The column-level rules of a model in one test: `not_null` (columns without nulls), `unique` (columns
    without repeated values) and `accepted_values` (column -> the values it may hold; nulls are left to
    not_null). One test per model rather than dbt's one per column and rule: each dbt test is a node and a
    Dagster asset check with a fixed cost (~40 ms of dbt, several Dagster events), and ~250 column tests were
    a third of a build. Returns one row per broken rule: the rule, the column, the offending value (null for
    not_null) and how many rows break it. -#}
{% test column_rules(model, not_null=[], unique=[], accepted_values={}) %}
{%- set checks = [] -%}
{%- for column in not_null -%}
{%- do checks.append("select 'not_null' as rule, '" ~ column ~ "' as column_name, cast(null as varchar) as offending_value, count(*) as n_rows from " ~ model ~ " where " ~ column ~ " is null having count(*) > 0") -%}
{%- endfor -%}
{%- for column in unique -%}
{%- do checks.append("select 'unique', '" ~ column ~ "', cast(" ~ column ~ " as varchar), count(*) from " ~ model ~ " where " ~ column ~ " is not null group by " ~ column ~ " having count(*) > 1") -%}
{%- endfor -%}
{%- for column, values in accepted_values.items() -%}
{%- set quoted = [] -%}
{%- for value in values -%}{%- do quoted.append("'" ~ (value | string | replace("'", "''")) ~ "'") -%}{%- endfor -%}
{%- do checks.append("select 'accepted_values', '" ~ column ~ "', cast(" ~ column ~ " as varchar), count(*) from " ~ model ~ " where " ~ column ~ " is not null and cast(" ~ column ~ " as varchar) not in (" ~ (quoted | join(", ")) ~ ") group by 3") -%}
{%- endfor %}
{{ checks | join("\nunion all\n") }}
{% endtest %}
