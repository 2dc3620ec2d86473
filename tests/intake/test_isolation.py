"""A partner never sees, changes or learns about another partner's dossiers."""

import pytest
from django.urls import reverse

from infolijn.intake.models import Dossier, DossierStatus
from tests.intake.factories import make_dossier, make_submitted


@pytest.mark.django_db
def test_partner_b_gets_404_on_every_dossier_url_of_partner_a(
    client, partner_a, reviewer_a, reviewer_b
):
    draft = make_dossier(partner_a, reviewer_a, title="Geheim plan van A")
    submitted = make_submitted(partner_a, reviewer_a, title="Ingediend plan van A")
    client.force_login(reviewer_b)
    for dossier in (draft, submitted):
        ref = dossier.reference
        for name in ("partner_detail", "edit"):
            assert client.get(reverse(f"intake:{name}", args=[ref])).status_code == 404, name
        assert client.post(reverse("intake:edit", args=[ref]), {}).status_code == 404
        assert client.post(reverse("intake:submit", args=[ref]), {}).status_code == 404
        for name in ("detail", "accept", "more_info", "decline", "go_live", "revision"):
            response = client.post(reverse(f"intake:{name}", args=[ref]), {"comment": "x"})
            assert response.status_code in (403, 404), name
        assert client.get(reverse("intake:training_plan", args=[ref])).status_code == 403
    listing = client.get(reverse("intake:partner_list")).content.decode()
    assert "plan van A" not in listing and draft.reference not in listing
    assert Dossier.objects.get(pk=draft.pk).status == DossierStatus.DRAFT
    assert Dossier.objects.get(pk=submitted.pk).status == DossierStatus.SUBMITTED


@pytest.mark.django_db
def test_partner_sees_own_dossiers_only(client, partner_a, partner_b, reviewer_a, reviewer_b):
    own = make_dossier(partner_a, reviewer_a, title="Plan van A")
    make_dossier(partner_b, reviewer_b, title="Plan van B")
    client.force_login(reviewer_a)
    listing = client.get(reverse("intake:partner_list")).content.decode()
    assert "Plan van A" in listing and "Plan van B" not in listing
    assert client.get(reverse("intake:partner_detail", args=[own.reference])).status_code == 200


@pytest.mark.django_db
def test_partner_cannot_post_a_request_for_another_partner(
    client, partner_a, partner_b, reviewer_a
):
    client.force_login(reviewer_a)
    client.post(
        reverse("intake:partner_create"),
        {
            "partner": partner_b.pk,
            "title": "Voor B",
            "kind": "campaign",
            "description": "x",
            "go_live": "2030-01-07",
            "channels": ["phone"],
            "estimate_number": "0",
            "estimate_unit": "week",
            "estimate_channel": "phone",
            "estimate_days": "7",
            "vragen-TOTAL_FORMS": "1",
            "vragen-INITIAL_FORMS": "0",
            "vragen-0-text": "Vraag?",
            "datums-TOTAL_FORMS": "0",
            "datums-INITIAL_FORMS": "0",
        },
    )
    assert list(Dossier.objects.values_list("partner", flat=True)) == [partner_a.pk]
