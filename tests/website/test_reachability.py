"""The line's phone hours on the site come from the agreements and the closing days."""

import datetime as dt

import pytest
from django.urls import reverse

from infolijn.calendar import BRUSSELS, OpeningWindow
from infolijn.partners.models import ClosingDay, OpeningHours
from infolijn.website.reachability import describe_week, line_reachability, merge_windows
from tests.factories import make_agreement, make_partner

pytestmark = pytest.mark.django_db


def window(weekday, opens, closes):
    return OpeningWindow(weekday, dt.time(*opens), dt.time(*closes))


def test_consecutive_days_with_the_same_hours_share_a_line():
    windows = [window(day, (9,), (19,)) for day in range(5)] + [window(5, (9,), (12, 30))]
    lines = describe_week(windows)
    assert [(line.days, line.hours) for line in lines] == [
        ("maandag tot vrijdag", "9.00 tot 19.00 uur"),
        ("zaterdag", "9.00 tot 12.30 uur"),
        ("zondag", "gesloten"),
    ]


def test_overlapping_windows_of_several_agreements_merge_and_gaps_stay():
    merged = merge_windows(
        [window(0, (9,), (12,)), window(0, (11,), (17,)), window(0, (18,), (20,))]
    )
    assert [(w.opens.hour, w.closes.hour) for w in merged] == [(9, 17), (18, 20)]
    lines = describe_week([*merged])
    assert lines[0].hours == "9.00 tot 17.00 en van 18.00 tot 20.00 uur"


def test_only_current_phone_agreements_count(partner_a, partner_b):
    current = make_agreement(partner_a, channels=["phone"])
    email_only = make_agreement(partner_b, channels=["email"])
    expired = make_agreement(
        partner_b, valid_from=dt.date(2019, 1, 1), valid_until=dt.date(2019, 12, 31)
    )
    OpeningHours.objects.create(agreement=current, weekday=0, opens=dt.time(9), closes=dt.time(17))
    OpeningHours.objects.create(
        agreement=email_only, weekday=1, opens=dt.time(8), closes=dt.time(20)
    )
    OpeningHours.objects.create(agreement=expired, weekday=2, opens=dt.time(7), closes=dt.time(21))
    reach = line_reachability(now=dt.datetime(2026, 3, 2, 10, tzinfo=BRUSSELS))
    assert reach.week[0].hours == "9.00 tot 17.00 uur"
    assert all(line.hours == "gesloten" for line in reach.week[1:])
    assert reach.summary == "Maandag van 9.00 tot 17.00 uur."


def test_upcoming_closing_days_on_open_weekdays_are_listed(partner_a):
    agreement = make_agreement(partner_a)
    for weekday in range(5):
        OpeningHours.objects.create(
            agreement=agreement, weekday=weekday, opens=dt.time(9), closes=dt.time(19)
        )
    ClosingDay.objects.create(date=dt.date(2026, 11, 2), reason="Allerzielen")
    reach = line_reachability(now=dt.datetime(2026, 10, 20, 12, tzinfo=BRUSSELS), ahead_days=30)
    assert [(d.date, d.reason) for d in reach.closed_soon] == [
        (dt.date(2026, 11, 2), "Allerzielen"),
        (dt.date(2026, 11, 11), "Wapenstilstand"),
    ]
    assert reach.closed_soon[0].label == "maandag 2 november 2026"


def test_home_page_and_footer_show_the_hours_and_follow_changes(client):
    partner = make_partner("Wonen in Vlaanderen")
    agreement = make_agreement(partner)
    OpeningHours.objects.create(
        agreement=agreement, weekday=0, opens=dt.time(9), closes=dt.time(19)
    )
    html = client.get("/").content.decode()
    assert "Openingsuren van de telefoonlijn" in html
    assert "Maandag van 9.00 tot 19.00 uur." in html
    OpeningHours.objects.create(
        agreement=agreement, weekday=1, opens=dt.time(9), closes=dt.time(19)
    )
    html = client.get("/").content.decode()
    assert "Maandag en dinsdag van 9.00 tot 19.00 uur." in html
    assert "Maandag en dinsdag" in client.get(reverse("website:contact")).content.decode()
