from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "unionreports.publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        from unionreports.reports.drafts import register_published_check

        from .state import is_published

        # The report's pages and downloads mark every rendering but the published text "DỰ THẢO".
        register_published_check(is_published)
