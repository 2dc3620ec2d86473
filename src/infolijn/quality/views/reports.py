"""Monthly partner reports as HTML and PDF (WeasyPrint), for that partner and the line's staff."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from infolijn.core.access import role_required
from infolijn.core.charts import Series, bar_chart, line_chart
from infolijn.quality.access import REPORT_ROLES, access_report_partner, report_partners
from infolijn.quality.reports import MonthlyReport, available_months, month_label, monthly_report


@role_required(*REPORT_ROLES)
def reports(request: HttpRequest) -> HttpResponse:
    months = [(y, m, month_label(y, m)) for y, m in available_months(timezone.localdate())]
    return render(
        request,
        "quality/reports.html",
        {"partners": report_partners(request.user), "months": months},
    )


def _charts(report: MonthlyReport) -> dict:
    labels = [day.strftime("%d") for day, _ in report.days]
    service = line_chart(
        f"Servicelevel per dag – {report.partner.name}, {report.label}",
        labels,
        [
            Series(
                "servicelevel (%)",
                [
                    None if t.service_level is None else 100 * t.service_level
                    for _, t in report.days
                ],
            )
        ],
        description="Aandeel oproepen beantwoord binnen de drempel, per dag; zie de tabel.",
        y_label="%",
        target=None if report.target is None else float(report.target) * 100,  # type: ignore[arg-type]
    )
    volumes = bar_chart(
        f"Contacten per kanaal – {report.partner.name}, {report.label}",
        [label for label, _ in report.by_channel],
        [Series("contacten", [n for _, n in report.by_channel])],
        description="Aantal contacten per kanaal in de maand; zie de tabel.",
    )
    return {"service_chart": mark_safe(service), "volume_chart": mark_safe(volumes)}  # noqa: S308


@contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """WeasyPrint warns about every SVG presentation property it reads from a style attribute."""
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@role_required(*REPORT_ROLES)
def report(request: HttpRequest, code: str, year: int, month: int) -> HttpResponse:
    partner = access_report_partner(user=request.user, code=code)
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    built = monthly_report(partner=partner, year=year, month=month)
    context = {"report": built, **_charts(built), "pdf": request.GET.get("formaat") == "pdf"}
    if not context["pdf"]:
        return render(request, "quality/report.html", context)
    from weasyprint import HTML

    html = render_to_string("quality/report_pdf.html", context, request=request)
    with _quiet(logging.getLogger("weasyprint")):
        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="rapport-{partner.code}-{year}-{month:02d}.pdf"'
    )
    return response
