"""Model fields shared by the apps."""

from django.db import models

from unionreports.lib.vietnamese import nfc


class NFCMixin:
    """Stores text in Unicode NFC whatever the keyboard or the pasted file produced.

    Vietnamese typed on some systems arrives decomposed (a + combining marks); stored
    that way it searches, compares and renders differently from the same word typed
    elsewhere.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return nfc(value) if isinstance(value, str) else value

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if isinstance(value, str):
            value = nfc(value)
            setattr(model_instance, self.attname, value)
        return value


class NFCCharField(NFCMixin, models.CharField):
    pass


class NFCTextField(NFCMixin, models.TextField):
    pass
