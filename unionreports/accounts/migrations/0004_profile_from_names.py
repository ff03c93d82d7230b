from django.db import migrations


def fill_profiles(apps, schema_editor):
    """A profile for every account, its full name as Vietnamese write it: family name first."""
    User = apps.get_model("auth", "User")
    Profile = apps.get_model("accounts", "Profile")
    have = set(Profile.objects.values_list("user_id", flat=True))
    Profile.objects.bulk_create(
        (
            Profile(user_id=pk, full_name=" ".join(part for part in (last.strip(), first.strip()) if part)[:150])
            for pk, first, last in User.objects.values_list("pk", "first_name", "last_name").iterator()
            if pk not in have
        ),
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_profile")]

    operations = [migrations.RunPython(fill_profiles, migrations.RunPython.noop)]
