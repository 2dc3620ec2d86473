"""Registering a call from the script that answered it, and linking a second script."""

import pytest
from django.urls import reverse

from infolijn.contacts.models import Contact, ContactScript
from infolijn.partners.roles import Role
from tests.factories import make_script, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def scripts(partner_a):
    return make_script("startbedrag", partner=partner_a.name), make_script(
        "basisbedrag", partner=partner_a.name
    )


def test_register_a_call_from_the_script_and_link_another(client, agent, scripts, partner_a):
    first, second = scripts
    client.force_login(agent)
    panel = client.get(reverse("knowledge:desk_script", args=[first.script_id]))
    assert "Gesprek registreren" in panel.content.decode()

    response = client.post(
        reverse("contacts:register_call", args=[first.script_id]),
        {"outcome": "answered", "note": "vraag over bedrag"},
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.channel, contact.partner, contact.topic, contact.outcome) == (
        "phone",
        partner_a,
        "startbedrag",
        "answered",
    )
    assert contact.handled_by == agent
    assert contact.note == "vraag over bedrag"

    html = client.get(reverse("knowledge:desk_script", args=[second.script_id])).content.decode()
    assert f"Koppel dit script ook aan gesprek #{contact.pk}" in html
    client.post(reverse("contacts:link_to_current", args=[second.script_id]))
    client.post(reverse("contacts:link_to_current", args=[second.script_id]))  # twice: linked once
    assert list(ContactScript.objects.values_list("script_id", flat=True)) == [
        "startbedrag",
        "basisbedrag",
    ]


def test_htmx_registration_returns_the_panel(client, agent, scripts):
    client.force_login(agent)
    response = client.post(
        reverse("contacts:register_call", args=[scripts[0].script_id]),
        {"outcome": "forwarded"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert "geregistreerd" in body


def test_bad_input_registers_nothing(client, agent, scripts):
    client.force_login(agent)
    url = reverse("contacts:register_call", args=[scripts[0].script_id])
    for data in (
        {"outcome": "abandoned"},
        {"outcome": ""},
        {"outcome": "answered", "note": "x" * 501},
    ):
        assert client.post(url, data).status_code == 400
    assert not Contact.objects.exists()


def test_only_desk_roles_register_and_only_published_scripts(
    client, editor, reviewer_a, agent, partner_a
):
    draft = make_script("concept", publish=False, partner=partner_a.name)
    live = make_script("live", partner=partner_a.name)
    for user in (editor, reviewer_a):
        client.force_login(user)
        assert (
            client.post(
                reverse("contacts:register_call", args=[live.script_id]), {"outcome": "answered"}
            ).status_code
            == 403
        )
    client.force_login(agent)
    assert (
        client.post(
            reverse("contacts:register_call", args=[draft.script_id]), {"outcome": "answered"}
        ).status_code
        == 404
    )
    assert client.get(reverse("contacts:register_call", args=[live.script_id])).status_code == 405
    assert not Contact.objects.exists()


def test_a_colleagues_call_is_not_my_current_call(client, scripts):
    me, colleague = make_user(Role.AGENT), make_user(Role.AGENT)
    client.force_login(colleague)
    client.post(
        reverse("contacts:register_call", args=[scripts[0].script_id]), {"outcome": "answered"}
    )
    contact = Contact.objects.get()
    session_key_value = client.session["desk_current_contact_id"]
    client.force_login(me)
    session = client.session
    session["desk_current_contact_id"] = session_key_value
    session.save()
    client.post(reverse("contacts:link_to_current", args=[scripts[1].script_id]))
    assert list(
        ContactScript.objects.filter(contact=contact).values_list("script_id", flat=True)
    ) == ["startbedrag"]


def test_a_call_back_is_an_answered_call_on_the_call_back_list_until_done(client, agent, scripts):
    first, _ = scripts
    client.force_login(agent)
    client.post(
        reverse("contacts:register_call", args=[first.script_id]),
        {"outcome": "callback", "note": "dossiernummer opzoeken"},
    )
    contact = Contact.objects.get()
    assert contact.outcome == "answered" and contact.answered_at is not None
    assert contact.callback_requested and contact.callback_done_at is None
    listing = client.get(reverse("contacts:callbacks")).content.decode()
    assert "dossiernummer opzoeken" in listing
    client.post(reverse("contacts:called_back", args=[contact.pk]))
    again = client.post(reverse("contacts:called_back", args=[contact.pk]), follow=True)
    assert "niet (meer) op de lijst" in again.content.decode()
    contact.refresh_from_db()
    assert contact.callback_done_at is not None
    assert (
        "dossiernummer opzoeken" not in client.get(reverse("contacts:callbacks")).content.decode()
    )
