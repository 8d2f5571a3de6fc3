-- The survey appendix of an edition (the 2021 edition's 附件：数字中国发展网民感知情况分析): one row per
-- percentage stated in a section under 附件 ("98.7%的网民通过互联网获取过时事新闻"), with the appendix
-- subsection as topic, the clause as statement, the respondent group, and the survey's sample size.
--
-- The respondent group is read from the words before the first 网民 of the clause (the respondents:
-- "城市和农村网民…满意度分别为92.4%和91.4%"); words later in the clause are what is asked about
-- ("未成年人保护机制") and do not make a group. When the clause names several groups, the k-th figure of
-- the clause belongs to the k-th group named (分别). No group word: all respondents.
with statements as (
    select * from {{ ref('stg_reports__statements') }}
    where section like '%附件%'
),

-- respondent-group vocabulary: word as written -> group
group_words (word, respondent_group) as (
    values
        ('城镇', 'urban'), ('城市', 'urban'),
        ('农村', 'rural'), ('乡村', 'rural'),
        ('老年', 'elderly'), ('青年', 'young'), ('年轻', 'young'), ('中年', 'middle_aged'),
        ('男性', 'male'), ('女性', 'female')
),

sample_size as (
    -- the survey's number of valid responses (有效样本409574份), stated in the appendix itself
    select edition_year, max(value) as sample_size
    from statements
    where unit = 'count' and subject like '%样本%'
    group by edition_year
),

results as (
    select
        s.*,
        split_part(s.quote, '网民', 1) as respondents_phrase,
        row_number() over (
            partition by s.edition_year, s.line, s.quote order by s.char_start, s.statement_id
        ) as position_in_clause
    from statements as s
    where s.unit = 'percent'
),

groups_named as (
    select
        r.statement_id,
        w.respondent_group,
        min(strpos(r.respondents_phrase, w.word)) as named_at
    from results as r
    inner join group_words as w on strpos(r.respondents_phrase, w.word) > 0
    group by r.statement_id, w.respondent_group
),

groups_ordered as (
    select
        statement_id,
        respondent_group,
        row_number() over (partition by statement_id order by named_at, respondent_group) as group_position,
        count(*) over (partition by statement_id) as n_groups
    from groups_named
),

with_group as (
    select
        r.*,
        coalesce(
            (select g.respondent_group from groups_ordered as g
             where g.statement_id = r.statement_id
               and (g.n_groups = 1 or g.group_position = r.position_in_clause)),
            'all'
        ) as respondent_group
    from results as r
)

select
    g.statement_id as survey_result_id,
    g.edition_year,
    regexp_replace(coalesce(nullif(split_part(g.section, ' › ', 2), ''), g.section), '^[一二三四五六七八九十]+、\s*', '') as topic,
    g.section,
    g.quote as statement,
    g.subject,
    g.respondent_group,
    g.value as percent,
    g.qualifier,
    g.indicator_key,
    n.sample_size,
    g.source_file,
    g.sha256,
    g.line,
    g.char_start,
    g.char_end,
    g.quote
from with_group as g
left join sample_size as n using (edition_year)
