from django.apps import AppConfig


class MaintenanceConfig(AppConfig):
    name = "maintenance"
    verbose_name = "Drift"

    def ready(self):
        from audit.log import register_object_type

        # The retention job's own rows (counts and cut-offs, never anyone's data).
        register_object_type("audit_retention", "gammel logg som ble slettet", "sletting av gammel logg")
        register_object_type(
            "audit_retention_erased", "logg etter slettede personer", "sletting av logg etter slettede personer"
        )
        register_object_type("link_retention", "gamle lenker som ble slettet", "sletting av gamle lenker")
