from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from infolijn.partners.forms import AgreementForm
from infolijn.partners.models import Agreement, ClosingDay, Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partners"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "code", "email", "active"]
    search_fields = ["name", "code"]
    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")], heading="Contact"
        ),
        MultiFieldPanel(
            [
                FieldPanel("second_line_name"),
                FieldPanel("second_line_email"),
                FieldPanel("second_line_phone"),
            ],
            heading="Tweede lijn",
        ),
        FieldPanel("active"),
    ]


class AgreementViewSet(SnippetViewSet):
    model = Agreement
    icon = "doc-full"
    menu_label = "Overeenkomsten"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["partner", "valid_from", "valid_until", "service_level_target"]
    base_form_class = AgreementForm
    panels = [
        FieldPanel("partner"),
        FieldPanel("valid_from"),
        FieldPanel("valid_until"),
        FieldPanel("channels"),
        FieldPanel("service_level_target"),
        FieldPanel("service_level_threshold_seconds"),
        FieldPanel("email_deadline_working_days"),
        FieldPanel("send_acknowledgement"),
        FieldPanel("partner_reminder_working_days"),
        InlinePanel("opening_hours", heading="Openingsuren", label="venster"),
    ]


class ClosingDayViewSet(SnippetViewSet):
    """Extra closing days; only administrators hold the model permissions (core.setup)."""

    model = ClosingDay
    icon = "date"
    menu_label = "Sluitingsdagen"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["date", "reason", "created_at"]
    search_fields = ["reason"]
    panels = [FieldPanel("date"), FieldPanel("reason")]


register_snippet(PartnerViewSet)
register_snippet(AgreementViewSet)
register_snippet(ClosingDayViewSet)
