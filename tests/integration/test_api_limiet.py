"""A link caught in a loop: at most KETENZICHT_API_SLEUTEL_PER_MINUUT requests per API key
per minute, then 429 with Retry-After until the next minute; another key and a person by
session are not held back."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from ketenzicht.toegang.services import sleutel_aanmaken

pytestmark = pytest.mark.django_db


def test_een_sleutel_hoogstens_zo_veel_per_minuut(wereld, settings) -> None:  # type: ignore[no-untyped-def]
    settings.API_SLEUTEL_PER_MINUUT = 3
    _, lus = sleutel_aanmaken("planner_a", "Zaaksysteem in een lus", 30, door="test")
    _, ander = sleutel_aanmaken("planner_a", "Ander systeem", 30, door="test")
    mens = Client()
    mens.force_login(wereld.planner_a)
    url = reverse("api-wachtlijst")
    with time_machine.travel("2026-11-20 10:00:15 +01:00", tick=False) as klok:
        for _ in range(3):
            assert Client().get(url, HTTP_AUTHORIZATION=f"Bearer {lus}").status_code == 200
        r = Client().get(url, HTTP_AUTHORIZATION=f"Bearer {lus}")
        assert r.status_code == 429 and r["Retry-After"] == "45"
        assert Client().get(url, HTTP_AUTHORIZATION=f"Bearer {ander}").status_code == 200
        assert all(mens.get(url).status_code == 200 for _ in range(5))
        klok.shift(timedelta(seconds=45))  # the next minute
        assert Client().get(url, HTTP_AUTHORIZATION=f"Bearer {lus}").status_code == 200
