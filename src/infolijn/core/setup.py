"""What every installation needs before anyone signs in: the site's page structure, the roles
with their permissions, and the editorial workflow. Idempotent; runs after every migrate."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from infolijn.partners.roles import Role

SCRIPT_WORKFLOW = "Redactie en partner"
SITE_WORKFLOW = "Thema's en startpagina"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
ADMIN_ONLY_ROLES = {
    Role.EDITOR,
    Role.PARTNER_REVIEWER,
    Role.ADMINISTRATOR,
    Role.QUALITY_MONITOR,  # keeps the evaluation forms (snippets)
}
ADMIN_MODEL_PERMISSIONS = {
    Role.QUALITY_MONITOR: [
        ("quality", "add_evaluationform"),
        ("quality", "change_evaluationform"),
        ("quality", "view_evaluationform"),
        ("quality", "add_evaluationquestion"),
        ("quality", "change_evaluationquestion"),
        ("quality", "delete_evaluationquestion"),
    ],
    Role.ADMINISTRATOR: [
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "delete_user"),
        ("partners", "add_partner"),
        ("partners", "change_partner"),
        ("partners", "add_agreement"),
        ("partners", "change_agreement"),
        ("partners", "delete_agreement"),
        ("partners", "view_partner"),
        ("partners", "view_agreement"),
        ("partners", "add_closingday"),
        ("partners", "change_closingday"),
        ("partners", "delete_closingday"),
        ("partners", "view_closingday"),
        ("auth", "change_group"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
        ("wagtailcore", "add_workflow"),
        ("wagtailcore", "change_workflow"),
        ("wagtailcore", "add_task"),
        ("wagtailcore", "change_task"),
    ],
    Role.EDITOR: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
        ("knowledge", "add_glossaryterm"),
        ("knowledge", "change_glossaryterm"),
        ("knowledge", "delete_glossaryterm"),
        ("knowledge", "view_glossaryterm"),
        ("knowledge", "add_officialeseentry"),
        ("knowledge", "change_officialeseentry"),
        ("knowledge", "delete_officialeseentry"),
        ("knowledge", "view_officialeseentry"),
        ("search", "add_synonym"),
        ("search", "change_synonym"),
        ("search", "delete_synonym"),
        ("search", "view_synonym"),
        ("website", "add_publication"),
        ("website", "change_publication"),
        ("website", "view_publication"),
        ("contacts", "add_replytemplate"),
        ("contacts", "change_replytemplate"),
        ("contacts", "delete_replytemplate"),
        ("contacts", "view_replytemplate"),
    ],
}


def _ensure_site_structure() -> Any:
    from infolijn.knowledge.models import KnowledgeBasePage, ThemeIndexPage
    from infolijn.website.models import HomePage

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(title="Root", slug="root")
        for welcome in Page.objects.filter(depth=2, content_type__model="page"):
            welcome.delete()
        home = HomePage(
            title="Informatie van de overheid",
            slug="start",
            intro="Vind snel en in duidelijke taal wat je moet weten, of bel gratis 1700.",
        )
        root.add_child(instance=home)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = base.hostname or "localhost"
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.root_page, site.site_name = home, "infolijn"
        site.save()
    if not ThemeIndexPage.objects.exists():
        home.add_child(instance=ThemeIndexPage(title="Thema's", slug="themas"))
    if not KnowledgeBasePage.objects.exists():
        home.add_child(instance=KnowledgeBasePage(title="Informatie", slug="info"))
    return home


def _ensure_groups(home: Page) -> dict[Role, Group]:
    groups = {role: Group.objects.get_or_create(name=role.value)[0] for role in Role}
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for role in ADMIN_ONLY_ROLES:
        groups[role].permissions.add(access_admin)
    for role, perms in ADMIN_MODEL_PERMISSIONS.items():
        for app_label, codename in perms:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                groups[role].permissions.add(permission)
    for codename in EDITOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        for role in (Role.EDITOR, Role.ADMINISTRATOR):
            GroupPagePermission.objects.get_or_create(
                group=groups[role], page=home, permission=permission
            )
    return groups


def _ensure_workflows(home: Page, groups: dict[Role, Group]) -> None:
    from infolijn.knowledge.models import (
        EditorialReviewTask,
        KnowledgeBasePage,
        PartnerApprovalTask,
    )

    workflow, _ = Workflow.objects.get_or_create(name=SCRIPT_WORKFLOW)
    review = EditorialReviewTask.objects.filter(name="Redactionele controle").first() or (
        EditorialReviewTask.objects.create(name="Redactionele controle")
    )
    approval = PartnerApprovalTask.objects.filter(name="Goedkeuring partner").first() or (
        PartnerApprovalTask.objects.create(name="Goedkeuring partner")
    )
    for order, task in enumerate([review, approval]):
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    knowledge_base = KnowledgeBasePage.objects.get()
    WorkflowPage.objects.update_or_create(page=knowledge_base, defaults={"workflow": workflow})

    site_workflow, _ = Workflow.objects.get_or_create(name=SITE_WORKFLOW)
    site_task = GroupApprovalTask.objects.filter(name="Controle door redactie").first()
    if site_task is None:
        site_task = GroupApprovalTask.objects.create(name="Controle door redactie")
    site_task.groups.add(groups[Role.EDITOR])
    WorkflowTask.objects.get_or_create(
        workflow=site_workflow, task=site_task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": site_workflow})
    # Wagtail's sample workflow and groups do not apply to infolijn's roles.
    WorkflowPage.objects.filter(page__depth=1).delete()
    Workflow.objects.filter(name="Moderators approval", workflow_pages__isnull=True).update(
        active=False
    )
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()


@transaction.atomic
def ensure_base_setup() -> None:
    home = _ensure_site_structure()
    groups = _ensure_groups(home)
    _ensure_workflows(home, groups)


def on_post_migrate(sender: Any, **kwargs: Any) -> None:
    # Django creates model permissions per app in the same signal; ours come first in
    # INSTALLED_APPS, so create them all now to be able to grant them.
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    ensure_base_setup()
