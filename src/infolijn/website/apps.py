from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "infolijn.website"
    verbose_name = "Website"
