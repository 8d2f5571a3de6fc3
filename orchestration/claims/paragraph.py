"""The claims a full text's paragraphs make with their own figures, judged straight from the text: no
warehouse, no corrections, no other edition. `dcw extract --claims` prints them; the warehouse judges the
same relations through dbt (int_claims__relations), where corrections apply.
"""
from __future__ import annotations

from dataclasses import dataclass

from .bounds import guessed_half_unit, printed_half_unit
from .formulas import formula_role
from .relations import Relation, find_relations, reached_statements
from .verdict import Claim, Figure, Verdict, judge


@dataclass(frozen=True)
class ParagraphClaim:
    relation: Relation
    verdict: Verdict


def _half_unit(value: float, printed: str | None) -> float:
    found = printed_half_unit(value, printed) if value else None
    return found if found is not None else guessed_half_unit(value)


def _figure(document, statements, item, formula: str, input_no: int) -> Figure:
    role = formula_role(formula, item.role, input_no)
    if item.statement_no is not None:
        s = statements[item.statement_no - 1]
        printed = document.text[s.char_start:s.char_end]
        return Figure(role, item.label, s.value, _half_unit(s.value, printed), s.qualifier, s.unit, printed=printed)
    return Figure(role, item.label, item.value, _half_unit(item.value, item.printed), unit="",
                  printed=item.printed or "")


def claim_of(document, statements, relation: Relation, reached: set[int]) -> Claim:
    inputs = [_figure(document, statements, item, relation.formula, n)
              for n, item in enumerate(relation.inputs, start=1)]
    inputs += [Figure(f"missing_{n}", label, None) for n, label in enumerate(relation.missing, start=len(inputs) + 1)]
    unit = inputs[0].unit if inputs and inputs[0].unit else "percent"
    if relation.formula == "difference" and unit == "percent":
        unit = "percentage_points"
    claimed = statements[relation.claim_statement_no - 1] if relation.claim_statement_no else None
    if claimed is None:
        return Claim(relation.formula, relation.stated or 0.0, 0.0, relation.stated_qualifier or "exact", unit,
                     tuple(inputs), dict(relation.params), label=relation.rule)
    printed = document.text[claimed.char_start:claimed.char_end]
    return Claim(relation.formula,
                 relation.stated if relation.stated is not None else claimed.value,
                 _half_unit(claimed.value, printed), relation.stated_qualifier or claimed.qualifier, claimed.unit,
                 tuple(inputs), dict(relation.params), reach=relation.claim_statement_no in reached,
                 label=claimed.subject, printed=printed)


def judge_paragraphs(document, statements) -> list[ParagraphClaim]:
    """Every relation of the document, with its verdict."""
    reached = reached_statements(document, statements)
    return [ParagraphClaim(r, judge(claim_of(document, statements, r, reached)))
            for r in find_relations(document, statements)]
