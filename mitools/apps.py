from django.apps import AppConfig


class MitoolsConfig(AppConfig):
    name = "mitools"
    verbose_name = "MI-verktøy"
