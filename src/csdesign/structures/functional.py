"""Functional: one unit per function (success, support, onboarding...) under one head."""

from csdesign.model import Org
from csdesign.structures.common import Cut

DEFAULT_FUNCTION = "customer success"


def function_of(role) -> str:
    return role.function or DEFAULT_FUNCTION


def cut(org: Org) -> Cut:
    units: list[str] = []
    for role in org.model.roles:
        name = function_of(role)
        if name not in units:
            units.append(name)
    return Cut(axis="function", units=units, admits=lambda role, value: function_of(role) == value)
