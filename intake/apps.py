from django.apps import AppConfig


class IntakeConfig(AppConfig):
    """Bringing articles in: import, reading, proposals and their review, import jobs."""

    name = "intake"
    verbose_name = "Intake"

    def ready(self) -> None:
        from intake import receivers  # noqa: F401 (connects the receivers)
