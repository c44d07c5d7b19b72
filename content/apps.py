from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Spørsmålsbank og veiledning"

    def ready(self):
        from content.loader import load_content_after_migrate

        post_migrate.connect(load_content_after_migrate, sender=self)
