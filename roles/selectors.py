from dataclasses import dataclass, field

from .models import GRADE_LEVEL, GRADE_TRAINING, Category, Grade, Role


@dataclass
class MatrixCell:
    category: str
    category_label: str
    grade: int
    roles: list = field(default_factory=list)


@dataclass
class MatrixRow:
    grade: int
    grade_label: str
    level: str
    training: str
    cells: list


def role_matrix():
    """The matrix as rows of grades, each with one cell per category. One query."""
    rows = [
        MatrixRow(
            grade=grade.value,
            grade_label=grade.label,
            level=GRADE_LEVEL[grade.value],
            training=GRADE_TRAINING[grade.value],
            cells=[MatrixCell(c.value, c.label, grade.value) for c in Category],
        )
        for grade in Grade
    ]
    column = {c.value: i for i, c in enumerate(Category)}
    for role in Role.objects.active().only(
        "name", "name_en", "slug", "category", "grade", "position", "vog_required"
    ):
        rows[role.grade - 1].cells[column[role.category]].roles.append(role)
    return rows


def roles_by_category(rows):
    """The matrix rows turned into a list per category: the phone layout of the matrix."""
    return [
        {
            "category": category.value,
            "label": category.label,
            "cells": [row.cells[i] for row in rows],
        }
        for i, category in enumerate(Category)
    ]
