"""Rules become hypotheses: the sentence the model checks against the document."""

from __future__ import annotations

from offline_classify.schema import ClassifyRule

__all__ = ["build_hypothesis", "build_hypotheses", "AUTO_TEMPLATE"]

AUTO_TEMPLATE = "auto"

# A description that starts with one of these reads as a predicate ("contains an
# invoice number ..."), so it follows "This document"; anything else reads as a noun
# phrase ("a signed employment contract ...") and follows "This document is".
_PREDICATE_STARTS = frozenset(
    "contains contain has have includes include lists list shows show describes describe "
    "mentions mention discusses discuss reports report records record covers cover "
    "presents present details detail states state explains explain summarizes summarize "
    "requests request asks ask provides provide is are was concerns concern relates "
    "relate refers refer deals deal".split()
)


def build_hypothesis(rule: ClassifyRule, template: str = AUTO_TEMPLATE) -> str:
    """The hypothesis sentence for one rule.

    Args:
        rule: The rule; its ``description`` and ``type`` fill the template.
        template: A ``str.format`` template with ``{description}`` and/or ``{type}``, or
            ``"auto"``: ``"This document {description}."`` when the description starts
            with a verb such as "contains" or "lists", else
            ``"This document is {description}."``.

    Returns:
        The hypothesis, with the description's trailing full stop not doubled.
    """
    description = rule.description.strip().rstrip(".")
    if template == AUTO_TEMPLATE:
        words = description.split(maxsplit=1)
        first_word = words[0].lower() if words else ""
        if first_word in _PREDICATE_STARTS:
            return f"This document {description[0].lower()}{description[1:]}."
        return f"This document is {description}."
    return template.format(description=description, type=rule.type)


def build_hypotheses(rules: list[ClassifyRule], template: str = AUTO_TEMPLATE) -> list[str]:
    """One hypothesis per rule, in rule order."""
    return [build_hypothesis(rule, template) for rule in rules]
