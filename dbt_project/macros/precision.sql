{#- Half a unit of the last printed digit of a figure, read from the figure as written: the number in
    `text` that equals `value` up to a power of ten of a Chinese scale word (1, 千, 万, 万亿 …) gives it:
    "36.5万" -> 500, "2600亿" -> 5e7, "12.4%" -> 0.05. Null when no number of the text matches (三分之一,
    八成: the caller guesses). -#}
{% macro printed_half_unit(value, text) -%}
list_min(list_transform(
    list_filter(regexp_extract_all(coalesce({{ text }}, ''), '[0-9]+(?:\.[0-9]+)?'),
                lambda t: try_cast(t as double) > 0 and {{ value }} / cast(t as double) > 0
                    and abs(log10({{ value }} / cast(t as double)) - round(log10({{ value }} / cast(t as double)))) < 1e-6
                    and round(log10({{ value }} / cast(t as double))) in (0, 3, 4, 7, 8, 11, 12)),
    lambda t: 0.5 * power(10, round(log10({{ value }} / cast(t as double)))
                            - case when contains(t, '.') then length(split_part(t, '.', 2)) else 0 end)))
{%- endmacro %}

{#- The interval a printed input allows, as orchestration/claims/bounds.py input_interval: exact [v-h, v+h];
    over [v, v+2h]; under [v-2h, v]; near [v-d, v+h]; approx [v-d, v+d], d = max(2h, 5 % of v). -#}
{% macro input_low(v, h, qualifier) -%}
case {{ qualifier }} when 'over' then {{ v }} when 'under' then {{ v }} - 2 * {{ h }}
     when 'near' then {{ v }} - greatest(2 * {{ h }}, 0.05 * abs({{ v }}))
     when 'approx' then {{ v }} - greatest(2 * {{ h }}, 0.05 * abs({{ v }})) else {{ v }} - {{ h }} end
{%- endmacro %}
{% macro input_high(v, h, qualifier) -%}
case {{ qualifier }} when 'over' then {{ v }} + 2 * {{ h }} when 'under' then {{ v }}
     when 'near' then {{ v }} + {{ h }}
     when 'approx' then {{ v }} + greatest(2 * {{ h }}, 0.05 * abs({{ v }})) else {{ v }} + {{ h }} end
{%- endmacro %}
