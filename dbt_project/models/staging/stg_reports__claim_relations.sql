-- The claims paragraphs make with their own figures (one row per relation and input), with stable ids:
-- R<edition>-<sha256 prefix>-<order> for the relation, the statement ids of the claim and of each input.
select
    'R' || edition_year || '-' || substr(sha256, 1, 8) || '-' || lpad(cast(relation_no as varchar), 3, '0') as relation_id,
    relation_no,
    edition_year,
    source_file,
    sha256,
    rule,
    formula,
    'S' || edition_year || '-' || substr(sha256, 1, 8) || '-' || lpad(cast(claim_statement_no as varchar), 4, '0')
        as claim_statement_id,
    stated,
    stated_qualifier,
    direction,
    line,
    char_start,
    char_end,
    quote,
    input_no,
    role,
    input_label,
    'S' || edition_year || '-' || substr(sha256, 1, 8) || '-' || lpad(cast(input_statement_no as varchar), 4, '0')
        as input_statement_id,
    input_value,
    input_printed,
    missing
from {{ source('reports', 'claim_relations') }}
