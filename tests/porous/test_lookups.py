import pytest

from tenants.models import Talent
from tests.factories import TalentFactory

TOO_BIG = 2**63


@pytest.mark.django_db
def test_in_with_a_number_the_column_cannot_hold_matches_nothing_and_does_not_fail():
    talent = TalentFactory()
    assert list(Talent.objects.filter(pk__in=[TOO_BIG])) == []
    assert list(Talent.objects.filter(pk__in=[-TOO_BIG - 1, talent.pk])) == [talent]
    assert list(Talent.objects.exclude(pk__in=[TOO_BIG])) == [talent]
