# The English interface of a Vietnamese site: dates day first as well (07/12/2026, not the US
# 12/07/2026, which a Vietnamese reader takes for 12 July), times on the 24-hour clock.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
DATETIME_FORMAT = "j F Y, H:i"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
