"""Mystery-call campaigns: create, scenarios, plan, CSV export, results import, report."""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from infolijn.core.access import role_required
from infolijn.knowledge.models import ScriptPage
from infolijn.quality.errors import QualityError
from infolijn.quality.forms import CampaignForm, ResultsUploadForm
from infolijn.quality.models import MysteryCampaign, MysteryScenario
from infolijn.quality.mystery import (
    CAMPAIGN_ROLES,
    campaign_report,
    create_campaign,
    generate_plan,
    import_results,
    plan_csv,
)


class ScenarioForm(forms.ModelForm):
    class Meta:
        model = MysteryScenario
        fields = ["partner", "code", "script_id", "question"]
        labels = {"script_id": "Script (id) met het verwachte antwoord"}

    def clean(self) -> dict:
        data = super().clean() or {}
        script_id, partner = data.get("script_id"), data.get("partner")
        if (
            script_id
            and partner
            and not ScriptPage.objects.filter(script_id=script_id, partner=partner).exists()
        ):
            self.add_error("script_id", "Deze partner heeft geen script met dat id.")
        return data


@role_required(*CAMPAIGN_ROLES)
def campaigns(request: HttpRequest) -> HttpResponse:
    form = CampaignForm(request.POST or None, prefix="campagne")
    scenario_form = ScenarioForm(prefix="scenario")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            if MysteryCampaign.objects.filter(name=data["name"].strip()).exists():
                form.add_error("name", "Er is al een campagne met die naam.")
            else:
                campaign = create_campaign(
                    name=data["name"],
                    year=data["year"],
                    margin=data["margin"],
                    confidence=Decimal(data["confidence"]),
                    method=data["method"],
                    minimum_per_stratum=data["minimum_per_stratum"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    actor=request.user,  # type: ignore[arg-type]
                )
                messages.success(request, f"Campagne ‘{campaign.name}’ aangemaakt.")
                return redirect("quality:campaign", campaign.pk)
        status = 400
    return render(
        request,
        "quality/campaigns.html",
        {
            "campaigns": MysteryCampaign.objects.all(),
            "form": form,
            "scenario_form": scenario_form,
            "scenarios": MysteryScenario.objects.select_related("partner"),
        },
        status=status,
    )


@require_POST
@role_required(*CAMPAIGN_ROLES)
def scenario_add(request: HttpRequest) -> HttpResponse:
    form = ScenarioForm(request.POST, prefix="scenario")
    if form.is_valid():
        form.save()
        messages.success(request, f"Scenario ‘{form.instance.code}’ toegevoegd.")
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else "Scenario"
            messages.error(request, f"{label}: {' '.join(str(e) for e in errors)}")
    return redirect("quality:campaigns")


@role_required(*CAMPAIGN_ROLES)
def campaign(request: HttpRequest, campaign_id: int) -> HttpResponse:
    found = get_object_or_404(MysteryCampaign, pk=campaign_id)
    return render(
        request,
        "quality/campaign.html",
        {
            "campaign": found,
            "report": campaign_report(found),
            "upload_form": ResultsUploadForm(),
            "calls": found.calls.select_related("partner", "scenario")[:500],
        },
    )


@require_POST
@role_required(*CAMPAIGN_ROLES)
def campaign_plan(request: HttpRequest, campaign_id: int) -> HttpResponse:
    found = get_object_or_404(MysteryCampaign, pk=campaign_id)
    try:
        generate_plan(campaign=found, actor=request.user)  # type: ignore[arg-type]
    except QualityError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Plan gemaakt: {found.sample_size} oproepen.")
    return redirect("quality:campaign", found.pk)


@role_required(*CAMPAIGN_ROLES)
def campaign_export(request: HttpRequest, campaign_id: int) -> HttpResponse:
    found = get_object_or_404(MysteryCampaign, pk=campaign_id)
    response = HttpResponse(plan_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mystery-plan-{found.pk}.csv"'
    return response


@require_POST
@role_required(*CAMPAIGN_ROLES)
def campaign_results(request: HttpRequest, campaign_id: int) -> HttpResponse:
    found = get_object_or_404(MysteryCampaign, pk=campaign_id)
    form = ResultsUploadForm(request.POST, request.FILES)
    context = {
        "campaign": found,
        "upload_form": form,
        "report": campaign_report(found),
        "calls": found.calls.select_related("partner", "scenario")[:500],
    }
    if not form.is_valid():
        return render(request, "quality/campaign.html", context, status=400)
    try:
        parsed = import_results(
            campaign=found,
            data=form.cleaned_data["file"].read(),
            actor=request.user,  # type: ignore[arg-type]
        )
    except QualityError as error:
        messages.error(request, error.message)
        return redirect("quality:campaign", found.pk)
    if not parsed.ok:
        context["import_errors"] = parsed.errors
        context["errors_omitted"] = parsed.errors_omitted
        return render(request, "quality/campaign.html", context, status=400)
    messages.success(request, f"{len(parsed.rows)} resultaten ingelezen.")
    return redirect("quality:campaign", found.pk)
