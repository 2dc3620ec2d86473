from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "infolijn.contacts"
    verbose_name = "Contacten"
