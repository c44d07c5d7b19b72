from django.apps import AppConfig


class ChimeConfig(AppConfig):
    name = "chime"
    # The label keeps the tables and migrations named as they were made (ratings_chimerating …).
    label = "ratings"
    verbose_name = "CHIME-egenvurdering"
