import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from infolijn.planning.models import ForecastSnapshot
from tests.planning.factories import make_history


@pytest.mark.django_db
def test_plan_forecast_command_publishes(partner_a, capsys):
    make_history(partner_a, first=dt.date(2026, 1, 5), last=dt.date(2026, 3, 1))
    call_command(
        "plan_forecast",
        "--partner",
        partner_a.code,
        "--start",
        "2026-03-02",
        "--days",
        "7",
        "--publish",
    )
    snapshot = ForecastSnapshot.objects.get()
    assert snapshot.published and snapshot.partner == partner_a
    assert "gepubliceerd" in capsys.readouterr().out


@pytest.mark.django_db
def test_plan_forecast_command_refuses_bad_input(partner_a):
    with pytest.raises(CommandError, match="geen datum"):
        call_command("plan_forecast", "--start", "2026-02-30")
    with pytest.raises(CommandError, match="onbekende partner"):
        call_command("plan_forecast", "--partner", "bestaat-niet", "--start", "2026-03-02")
    assert not ForecastSnapshot.objects.exists()
