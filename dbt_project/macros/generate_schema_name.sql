{#- Bare schema names (staging, intermediate, marts, reference) instead of dbt's main_<schema>:
    analysts type `marts.fct_claims`, not `main_marts.fct_claims`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
