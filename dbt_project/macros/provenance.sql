{#- One observation's provenance as one line of text: "id (file line N): quote" for a full text, or
    "id (file line N): value as written — citation" for a curated fact. Used wherever a finding or a
    claim cites the statements it rests on. -#}
{% macro provenance(alias) -%}
    ({{ alias }}.observation_id || ' (' || {{ alias }}.source_file || coalesce(' line ' || {{ alias }}.line, '') || '): '
     || coalesce({{ alias }}.quote, {{ alias }}.value_text || ' — ' || {{ alias }}.citation))
{%- endmacro %}
