"""The staffing plan for the external contact center: one row per day and half hour."""

import io
from collections.abc import Iterator

from django.http import HttpResponse
from openpyxl import Workbook

from infolijn.core.spreadsheet import csv_response, safe_cell
from infolijn.planning.models import StaffingPlan

HEADER = (
    "datum",
    "tijdstip",
    "prognose_oproepen",
    "prognose_schriftelijk",
    "nodig_voorlichters",
    "ingepland_voorlichters",
    "tekort",
    "overschot",
)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan_rows(plan: StaffingPlan) -> Iterator[tuple[object, ...]]:
    for row in plan.rows.all():
        yield (
            f"{row.day:%Y-%m-%d}",
            row.time_label,
            round(row.forecast, 2),
            round(row.written_forecast, 2),
            round(row.required, 2),
            row.scheduled,
            round(row.under, 2),
            round(row.over, 2),
        )


def _filename(plan: StaffingPlan, extension: str) -> str:
    return f"personeelsplan-{plan.pk}-{plan.snapshot.start:%Y%m%d}.{extension}"


def plan_csv(plan: StaffingPlan) -> HttpResponse:
    return csv_response(_filename(plan, "csv"), HEADER, plan_rows(plan))


def plan_xlsx(plan: StaffingPlan) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Personeelsplan"
    sheet.append(HEADER)
    for row in plan_rows(plan):
        sheet.append(
            [value if isinstance(value, int | float) else safe_cell(value) for value in row]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(plan, "xlsx")}"'
    return response
