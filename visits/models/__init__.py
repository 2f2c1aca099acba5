from .followup import FollowUp
from .privacy import NeighbourhoodCoordinator, NoteAccess
from .request import VisitRequest
from .visit import COUNTED_OUTCOMES, Visit

__all__ = [
    "COUNTED_OUTCOMES",
    "FollowUp",
    "NeighbourhoodCoordinator",
    "NoteAccess",
    "Visit",
    "VisitRequest",
]
