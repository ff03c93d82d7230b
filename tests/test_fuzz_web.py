"""Generated input on every URL, as the secretary: never a server error, never a half-saved post.

Posts carry generated fields (control characters, NUL, huge text, numbers that aren't) to each
URL of the permission table; path parameters are generated from each URL converter's own pattern.
A test client re-raises a view's exception, so a server error fails the test. An answer that is
not a redirect (a form error, 403, 404, 405) must leave the records as they were.
"""

import pytest
from django.apps import apps
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.test_permissions import ADMIN, TABLE, render_once, world  # noqa: F401 (fixtures)
from unionreports.publishing.models import TextVersion
from unionreports.rendering.models import RenderedDocument

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

APPS = ["accounts", "committee", "reports", "rendering", "publishing"]
# Rows a page may add just by being shown: caches of rendered files, texts first seen.
CACHES = {RenderedDocument, TextVersion}
MODELS = [m for label in APPS for m in apps.get_app_config(label).get_models() if m not in CACHES]
# Posting to logout would leave the rest of the examples anonymous.
POSTED = sorted(name for name in TABLE if name != "logout")

FIELDS = [
    *"text anchor item parent history_id model decision digest resolved name parent_name".split(),
    *"place_name document_code approval_rule title kind base email role start_year end_year".split(),
    *"congress_date committee_size number date recipients opening closing term start_from".split(),
    *"payload token language next username password numbered direction".split(),
    *(f"items-{key}" for key in ("TOTAL_FORMS", "INITIAL_FORMS", "0-text", "0-id", "0-kind", "0-ORDER")),
    *(f"committee-{key}" for key in ("TOTAL_FORMS", "INITIAL_FORMS", "0-full_name", "0-membership")),
    *(f"committee-0-{key}" for key in ("role", "joined_on", "left_on", "left_reason", "ORDER", "DELETE")),
]
ODD = [
    *["", "0", "-1", "1", "1.5", "1e3", "abc", "²", "١", "9" * 30, "\x00", "a\x00b", "\r\n", "on"],
    *["approve", "changes", "item", "achievement", "member", "secretary", "2017-06-15", "15/06/2017"],
    *["10000", "1000000", "opening", "area-1/item-1", "section-1", "kiem_diem", "report-1"],
]
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(ODD),
    st.integers(-(2**70), 2**70).map(str),
    st.tuples(st.text(min_size=1, max_size=3), st.integers(1_000, 60_000)).map(lambda t: t[0] * t[1]),
)
# Any of the fields the site's forms use, each maybe, with a few made-up ones.
FORMS = st.tuples(
    st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, VALUES)),
    st.dictionaries(st.text(max_size=12), VALUES, max_size=3),
).map(lambda parts: parts[1] | parts[0])


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def answer(client, method: str, url: str, data=None):
    before = counts()
    response = getattr(client, method)(url, data or {})
    assert response.status_code < 500
    if response.status_code not in (301, 302, 303):
        assert counts() == before, f"{method.upper()} {url} answered {response.status_code} and saved"
    return response


def url_of(name: str, values: dict) -> str:
    _method, arguments, _expected = TABLE[name]
    return reverse(name, kwargs={key: values.get(value, value) for key, value in arguments.items()})


@given(data=FORMS)
def test_a_generated_post_to_every_url_never_fails_or_half_saves(client, world, data):  # noqa: F811
    users, values = world
    client.force_login(users["secretary"])
    for name in POSTED:
        answer(client, "post", url_of(name, values), data)


def patterns(resolver: URLResolver | None = None, namespace: str = "") -> list[tuple[str, dict]]:
    """(name, {parameter: converter}) of every URL with parameters, the admin's aside."""
    found = []
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += patterns(pattern, inner)
        elif (
            isinstance(pattern, URLPattern) and pattern.name and getattr(pattern.pattern, "converters", None)
        ):
            name = f"{namespace}{pattern.name}"
            if not name.startswith(ADMIN):
                found.append((name, pattern.pattern.converters))
    return found


PATTERNS = patterns()


def generated_url(name: str, converters: dict):
    """(method, URL) of `name` with each parameter drawn from its converter's own pattern."""
    values = st.fixed_dictionaries(
        {key: st.from_regex(converter.regex, fullmatch=True) for key, converter in converters.items()}
    )

    def build(kwargs):
        try:
            return TABLE[name][0], reverse(name, kwargs=kwargs)
        except NoReverseMatch:  # a value the pattern allows but the converter's to_url refuses
            return TABLE[name][0], reverse(name, kwargs=dict.fromkeys(converters, "1"))

    return values.map(build)


def test_every_url_with_parameters_is_fuzzed():
    assert {name for name, _ in PATTERNS} <= set(TABLE)
    assert len(PATTERNS) > 30


@given(urls=st.tuples(*(generated_url(name, converters) for name, converters in PATTERNS)))
def test_generated_path_parameters_never_fail(client, world, urls):  # noqa: F811
    users, _values = world
    client.force_login(users["secretary"])
    for method, url in urls:
        answer(client, method, url)
