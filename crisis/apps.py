from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "crisis"
    verbose_name = "Krise og sikkerhet"

    def ready(self):
        from crisis import kept  # noqa: F401  (forgets the kept page when someone signs out everywhere)
