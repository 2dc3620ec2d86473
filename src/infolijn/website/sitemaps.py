"""The sitemap: every public Wagtail page plus the site's own public views."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap


class PublicViewsSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["website:publications", "website:contact"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"pages": PageSitemap, "views": PublicViewsSitemap}
