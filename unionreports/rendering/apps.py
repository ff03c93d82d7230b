from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RenderingConfig(AppConfig):
    name = "unionreports.rendering"
    verbose_name = _("Rendering")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the font check)
        from .footnotes import apply as keep_footnotes_on_their_page

        keep_footnotes_on_their_page()
