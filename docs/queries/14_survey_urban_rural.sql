-- Question: In the 2021 survey of internet users (附件：网民感知情况), where does the report give urban
-- and rural respondents separately, and how far apart are they?
-- Mart: fct_survey_results (one row per percentage, with topic, respondent group and sample size).
select
    edition_year,
    topic,
    max(percent) filter (where respondent_group = 'urban') as urban_percent,
    max(percent) filter (where respondent_group = 'rural') as rural_percent,
    max(percent) filter (where respondent_group = 'urban')
        - max(percent) filter (where respondent_group = 'rural') as gap_points,
    any_value(statement) as statement,
    any_value(sample_size) as sample_size
from marts.fct_survey_results
where respondent_group in ('urban', 'rural')
group by edition_year, topic, line
order by edition_year, topic;
