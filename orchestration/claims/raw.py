"""The raw rows of a full text's claims: the relations a paragraph states (raw.claim_relations) and,
per statement, the figure as written and whether it is stated as reached (raw.statements)."""
from __future__ import annotations

from .relations import Relation


def claim_relation_rows(relations: list[Relation], provenance: dict) -> list[dict]:
    """One row per relation × input (a missing input is a row with missing = true)."""
    rows = []
    for number, relation in enumerate(relations, start=1):
        params = dict(relation.params)
        head = {**provenance, "relation_no": number, "rule": relation.rule, "formula": relation.formula,
                "claim_statement_no": relation.claim_statement_no, "stated": relation.stated,
                "stated_qualifier": relation.stated_qualifier, "direction": params.get("direction"),
                "line": relation.line, "char_start": relation.char_start, "char_end": relation.char_end,
                "quote": relation.quote}
        inputs = [(i.role, i.label, i.statement_no, i.value, i.printed, False) for i in relation.inputs]
        inputs += [("missing", label, None, None, None, True) for label in relation.missing]
        for n, (role, label, statement_no, value, printed, missing) in enumerate(inputs, start=1):
            rows.append({**head, "input_no": n, "role": role, "input_label": label,
                         "input_statement_no": statement_no, "input_value": value, "input_printed": printed,
                         "missing": missing})
    return rows
