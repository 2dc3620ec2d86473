from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from infolijn.partners.models import Channel


class AgreementForm(WagtailAdminModelForm):
    channels = forms.MultipleChoiceField(
        label=_("kanalen"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één kanaal.")},
    )
