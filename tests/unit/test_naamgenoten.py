"""Colleagues who share a name are told apart on every page that names them."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from ketenzicht.domain.naamgenoten import Collega, onderscheiden

# few names, roles and dates, so that namesakes (and full namesakes) are common
collega_s = st.lists(
    st.tuples(
        st.integers(1, 2),
        st.sampled_from(["Tom Kramer", "Anna Bos", "Zoë Öztürk"]),
        st.sampled_from(["jeugdbeschermer", "jeugdreclasseerder"]),
        st.sampled_from([date(2020, 1, 1), date(2023, 5, 1)]),
    ),
    max_size=12,
).map(lambda rijen: [Collega(pk, *r) for pk, r in enumerate(rijen, start=1)])


@given(collega_s, st.data())
def test_no_two_colleagues_at_a_gi_go_by_the_same_name(collegas: list[Collega], data) -> None:  # type: ignore[no-untyped-def]
    gevraagd = data.draw(
        st.sets(st.sampled_from([c.pk for c in collegas])) if collegas else st.just(set())
    )
    namen = onderscheiden(collegas, gevraagd)
    assert set(namen) == gevraagd
    alle = onderscheiden(collegas, {c.pk for c in collegas})
    for c in collegas:
        if c.pk in gevraagd:
            assert namen[c.pk] == alle[c.pk]  # the same name whoever else is on the page
        zelfde_gi = [d for d in collegas if d.gi == c.gi]
        assert [alle[d.pk] for d in zelfde_gi].count(alle[c.pk]) == 1
        assert alle[c.pk].startswith(c.naam)
        if [d.naam for d in zelfde_gi].count(c.naam) == 1:
            assert alle[c.pk] == c.naam  # nobody else is called that: just the name


def test_a_namesake_gets_role_and_start_date_and_a_full_namesake_the_number() -> None:
    tom = Collega(1, 1, "Tom Kramer", "jeugdbeschermer", date(2020, 1, 1))
    andere = Collega(2, 1, "Tom Kramer", "jeugdreclasseerder", date(2020, 1, 1))
    tweeling = Collega(3, 1, "Tom Kramer", "jeugdreclasseerder", date(2020, 1, 1))
    elders = Collega(4, 2, "Tom Kramer", "jeugdbeschermer", date(2020, 1, 1))
    assert onderscheiden([tom, andere, tweeling, elders], {1, 2, 3, 4}) == {
        1: "Tom Kramer (jeugdbeschermer, in dienst 01-01-2020)",
        2: "Tom Kramer (jeugdreclasseerder, in dienst 01-01-2020, nr. 2)",
        3: "Tom Kramer (jeugdreclasseerder, in dienst 01-01-2020, nr. 3)",
        4: "Tom Kramer",  # the only one at GI 2
    }
