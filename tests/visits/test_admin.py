"""The admin: every visits model has its pages; notes stay out of it; the read log is
read-only and filterable by reader, visit and date."""

import pytest
from django.urls import reverse

from tests.factories_visits import (
    FollowUpFactory,
    LoggedVisitFactory,
    NeighbourhoodCoordinatorFactory,
    NoteAccessFactory,
    VisitRequestFactory,
)

pytestmark = pytest.mark.django_db

MODELS = ["visit", "followup", "visitrequest", "noteaccess", "neighbourhoodcoordinator"]


@pytest.fixture
def objects():
    visit = LoggedVisitFactory(notes="Zeer persoonlijk verhaal.")
    return {
        "visit": visit,
        "followup": FollowUpFactory(visit=visit),
        "visitrequest": VisitRequestFactory(),
        "noteaccess": NoteAccessFactory(visit=visit),
        "neighbourhoodcoordinator": NeighbourhoodCoordinatorFactory(),
    }


@pytest.mark.parametrize("model", MODELS)
def test_every_model_has_a_list_and_a_change_page(client, superuser, objects, model):
    client.force_login(superuser)
    assert client.get(reverse(f"admin:visits_{model}_changelist")).status_code == 200
    page = client.get(reverse(f"admin:visits_{model}_change", args=[objects[model].pk]))
    assert page.status_code == 200
    assert "Zeer persoonlijk verhaal." not in page.content.decode()


def test_the_visit_page_links_to_the_notes_and_to_who_read_them(client, superuser, objects):
    client.force_login(superuser)
    visit = objects["visit"]
    page = client.get(reverse("admin:visits_visit_change", args=[visit.pk])).content.decode()
    assert reverse("visits:visit-detail", args=[visit.pk]) in page
    log = client.get(reverse("admin:visits_noteaccess_changelist"), {"visit__id__exact": visit.pk})
    assert log.status_code == 200 and list(log.context["cl"].result_list) == [objects["noteaccess"]]


def test_the_read_log_filters_by_reader_and_date_and_cannot_be_changed(client, superuser, objects):
    client.force_login(superuser)
    access = objects["noteaccess"]
    url = reverse("admin:visits_noteaccess_changelist")
    by_user = client.get(url, {"user__id__exact": access.user_id})
    assert list(by_user.context["cl"].result_list) == [access]
    by_date = client.get(url, {"at__year": access.at.year})
    assert list(by_date.context["cl"].result_list) == [access]
    assert client.get(reverse("admin:visits_noteaccess_add")).status_code == 403
    delete = reverse("admin:visits_noteaccess_delete", args=[access.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
