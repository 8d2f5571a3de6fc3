{#- The integrity rules of a model in one test, each rule a branch of one query:
    - `not_null`: columns without nulls;
    - `unique`: columns without repeated values; `unique_together`: column lists whose combination is unique
      (nulls compare equal, so a null key part cannot hide a duplicate);
    - `accepted_values`: column -> the values it may hold (nulls are left to not_null);
    - `references`: foreign keys, each {columns: [...], to: ref('parent'), to_columns: [...] (default: the
      same names)}; rows whose key columns are all non-null must have a parent row;
    - `province_codes`: columns whose non-null values are codes of the 31 provinces of the `provinces` seed
      (新疆生产建设兵团, Hong Kong, Macao, Taiwan are not), the seed itself holding exactly 31 codes;
    - `expressions`: SQL booleans every row satisfies (false or null breaks it).
    One test per model rather than dbt's one per column and rule: each dbt test is a node and a Dagster asset
    check with a fixed cost (~30 ms of dbt, several Dagster events), and ~300 such tests were a third of a
    build. Returns one row per broken rule: the rule, the column(s) or expression, an offending value (null
    for not_null and expressions) and how many rows break it. -#}
{% test column_rules(model, not_null=[], unique=[], accepted_values={}, unique_together=[], references=[],
                     province_codes=[], expressions=[]) %}
{%- set checks = [] -%}
{%- for column in not_null -%}
{%- do checks.append("select 'not_null' as rule, '" ~ column ~ "' as column_name, cast(null as varchar) as offending_value, count(*) as n_rows from " ~ model ~ " where " ~ column ~ " is null having count(*) > 0") -%}
{%- endfor -%}
{%- for column in unique -%}
{%- do checks.append("select 'unique', '" ~ column ~ "', cast(" ~ column ~ " as varchar), count(*) from " ~ model ~ " where " ~ column ~ " is not null group by " ~ column ~ " having count(*) > 1") -%}
{%- endfor -%}
{%- for columns in unique_together -%}
{%- do checks.append("select 'unique_together', '" ~ (columns | join(', ')) ~ "', concat_ws(' | ', " ~ (columns | join(', ')) ~ "), count(*) from " ~ model ~ " group by " ~ (columns | join(', ')) ~ " having count(*) > 1") -%}
{%- endfor -%}
{%- for column, values in accepted_values.items() -%}
{%- set quoted = [] -%}
{%- for value in values -%}{%- do quoted.append("'" ~ (value | string | replace("'", "''")) ~ "'") -%}{%- endfor -%}
{%- do checks.append("select 'accepted_values', '" ~ column ~ "', cast(" ~ column ~ " as varchar), count(*) from " ~ model ~ " where " ~ column ~ " is not null and cast(" ~ column ~ " as varchar) not in (" ~ (quoted | join(", ")) ~ ") group by 3") -%}
{%- endfor -%}
{%- for reference in references -%}
{%- set columns = reference['columns'] -%}
{%- set to_columns = reference.get('to_columns') or columns -%}
{%- set present = [] -%}{%- set joined = [] -%}
{%- for column in columns -%}
{%- do present.append("child." ~ column ~ " is not null") -%}
{%- do joined.append("parent." ~ to_columns[loop.index0] ~ " = child." ~ column) -%}
{%- endfor -%}
{%- set parent = reference['to'].identifier if reference['to'].identifier is defined else reference['to'] -%}
{%- do checks.append("select 'references " ~ parent ~ "', '" ~ (columns | join(', ')) ~ "', concat_ws(' | ', child." ~ (columns | join(', child.')) ~ "), count(*) from " ~ model ~ " as child where " ~ (present | join(' and ')) ~ " and not exists (select 1 from " ~ reference['to'] ~ " as parent where " ~ (joined | join(' and ')) ~ ") group by 3") -%}
{%- endfor -%}
{%- if province_codes -%}
{%- set codes = "(select cast(province_code as varchar) from " ~ ref('provinces') ~ ")" -%}
{%- for column in province_codes -%}
{%- do checks.append("select 'province_codes', '" ~ column ~ "', cast(" ~ column ~ " as varchar), count(*) from " ~ model ~ " where " ~ column ~ " is not null and cast(" ~ column ~ " as varchar) not in " ~ codes ~ " group by 3") -%}
{%- endfor -%}
{%- do checks.append("select 'province_codes', 'the provinces seed', count(distinct province_code) || ' distinct codes in ' || count(*) || ' rows, not 31', count(*) from " ~ ref('provinces') ~ " having count(distinct province_code) <> 31 or count(*) <> 31") -%}
{%- endif -%}
{%- for expression in expressions -%}
{%- do checks.append("select 'expression', '" ~ (expression | replace("'", "''")) ~ "', cast(null as varchar), count(*) from " ~ model ~ " where not coalesce((" ~ expression ~ "), false) having count(*) > 0") -%}
{%- endfor %}
{{ checks | join("\nunion all\n") }}
{% endtest %}
