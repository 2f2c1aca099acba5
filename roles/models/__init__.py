from .application import Application
from .contribution import Contribution
from .invitation import Invitation
from .opening import Opening
from .role import GRADE_LEVEL, GRADE_TRAINING, Category, Grade, Role

__all__ = [
    "GRADE_LEVEL",
    "GRADE_TRAINING",
    "Application",
    "Category",
    "Contribution",
    "Grade",
    "Invitation",
    "Opening",
    "Role",
]
