"""JSON-LD for script pages: GovernmentService, WebPage (lastReviewed) and BreadcrumbList."""

import json
from typing import Any

from django.http import HttpRequest

from infolijn.knowledge.models import ScriptPage

AREA_SERVED = {"@type": "AdministrativeArea", "name": "Vlaanderen"}
AUDIENCE_TYPES = {
    "burger": "burgers",
    "onderneming": "ondernemingen",
    "organisatie": "organisaties",
}


def script_graph(page: ScriptPage, request: HttpRequest) -> dict[str, Any]:
    url = page.get_full_url(request)
    provider = {"@type": "GovernmentOrganization", "name": page.partner.name}
    if page.partner.website:
        provider["url"] = page.partner.website
    service: dict[str, Any] = {
        "@type": "GovernmentService",
        "@id": f"{url}#dienst",
        "name": page.title,
        "description": page.summary,
        "provider": provider,
        "serviceOperator": provider,
        "areaServed": AREA_SERVED,
        "availableChannel": {
            "@type": "ServiceChannel",
            "servicePhone": {
                "@type": "ContactPoint",
                "telephone": "1700",
                "availableLanguage": "nl",
            },
            "serviceUrl": url,
        },
    }
    if page.audience:
        service["audience"] = [
            {"@type": "Audience", "audienceType": AUDIENCE_TYPES.get(a, a)} for a in page.audience
        ]
    webpage: dict[str, Any] = {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": page.title,
        "description": page.summary,
        "inLanguage": "nl-BE",
        "mainEntity": {"@id": f"{url}#dienst"},
    }
    if page.last_published_at:
        webpage["lastReviewed"] = page.last_published_at.date().isoformat()
        webpage["dateModified"] = page.last_published_at.isoformat()
    crumbs = [("Startpagina", request.build_absolute_uri("/"))]
    if theme := page.primary_theme:
        crumbs.append((theme.title, theme.get_full_url(request)))
    crumbs.append((page.title, url))
    breadcrumbs = {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": link}
            for i, (name, link) in enumerate(crumbs, 1)
        ],
    }
    return {"@context": "https://schema.org", "@graph": [webpage, service, breadcrumbs]}


def page_graph(page: Any, request: HttpRequest) -> dict[str, Any]:
    """Home and theme pages: WebPage (and WebSite on the home page) with its breadcrumbs."""
    specific = page.specific
    description = str(getattr(specific, "intro", "") or page.search_description or page.title)
    return webpage_graph(
        url=page.get_full_url(request),
        name=page.title,
        description=description,
        request=request,
        home=page.depth <= 2,
    )


def webpage_graph(
    *, url: str, name: str, description: str, request: HttpRequest, home: bool = False
) -> dict[str, Any]:
    """A WebPage under the home page (with breadcrumbs), or the home page with the WebSite."""
    nodes: list[dict[str, Any]] = [
        {
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": name,
            "description": description,
            "inLanguage": "nl-BE",
        }
    ]
    if home:
        nodes.append({"@type": "WebSite", "url": url, "name": "infolijn", "inLanguage": "nl-BE"})
    else:
        crumbs = [("Startpagina", request.build_absolute_uri("/")), (name, url)]
        nodes.append(
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": i, "name": crumb, "item": link}
                    for i, (crumb, link) in enumerate(crumbs, 1)
                ],
            }
        )
    return {"@context": "https://schema.org", "@graph": nodes}


def to_script_tag_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no way to close the tag from data."""
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
