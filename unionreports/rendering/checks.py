from django.core.checks import Warning, register

from .fonts import SYSTEM_FAMILIES, report_font


@register()
def report_font_check(app_configs, **kwargs):
    if report_font() in SYSTEM_FAMILIES:
        return []
    packages = " or ".join(family.package for family in SYSTEM_FAMILIES)
    return [
        Warning(
            "No Times-compatible font with Vietnamese is installed; PDFs use Noto Serif instead.",
            hint=f"Install {packages} (e.g. `apt-get install fonts-liberation2`) and restart.",
            id="rendering.W001",
        )
    ]
