-- Everything the judge (int_claims__judged, orchestration/claims/) reads: the claims of the claim rules
-- (int_claims__picked) and the claims paragraphs make with their own figures (int_claims__relations), one
-- row per judgement × variant × input. judge_id is the claim id and the path that found it (:rule or
-- :relation): one statement can be judged both ways, and fct_claims keeps the more telling verdict.
select * from {{ ref('int_claims__picked') }}
union all by name
select * from {{ ref('int_claims__relations') }}
