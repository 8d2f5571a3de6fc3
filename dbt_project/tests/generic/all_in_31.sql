{#- Every non-null value of the column is the code of one of the 31 provinces of the `provinces` seed
    (新疆生产建设兵团, Hong Kong, Macao, Taiwan are not), and the seed itself holds exactly 31 codes. -#}
{% test all_in_31(model, column_name) %}
with codes as (
    select cast(province_code as varchar) as code from {{ ref('provinces') }}
),

outside as (
    select cast({{ column_name }} as varchar) as value, 'not the code of one of the 31 provinces' as problem
    from {{ model }}
    where {{ column_name }} is not null
      and cast({{ column_name }} as varchar) not in (select code from codes)
),

seed as (
    select cast(null as varchar) as value,
           'the provinces seed holds ' || count(distinct code) || ' distinct codes in ' || count(*) || ' rows, not 31' as problem
    from codes
    having count(distinct code) <> 31 or count(*) <> 31
)

select * from outside
union all
select * from seed
{% endtest %}
