"""Accounts made before the one name field get it, family name first."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_each_account_gets_a_profile_named_family_name_first():
    old = migrate([("accounts", "0003_profile")])
    User = old.get_model("auth", "User")
    User.objects.create(username="hoa", first_name="Hoa", last_name="Lê Thị")
    User.objects.create(username="an", first_name="An")
    User.objects.create(username="quantri")
    new = migrate([("accounts", "0004_profile_from_names")])
    Profile = new.get_model("accounts", "Profile")
    names = dict(Profile.objects.values_list("user__username", "full_name"))
    assert names == {"hoa": "Lê Thị Hoa", "an": "An", "quantri": ""}
    assert all(Profile.objects.values_list("email_notices", flat=True))
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
