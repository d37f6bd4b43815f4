"""Half-open validity periods ``[van, tot)``: the building block of history-preserving facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Periode:
    """Valid from ``van`` (inclusive) until ``tot`` (exclusive); ``tot=None`` is open-ended."""

    van: date
    tot: date | None = None

    def __post_init__(self) -> None:
        if self.tot is not None and self.tot < self.van:
            raise ValueError(
                f"Een periode kan niet eindigen ({self.tot}) voor ze begint ({self.van})."
            )

    @property
    def leeg(self) -> bool:
        """``[van, van)`` holds no day: how a fact withdrawn as registered by mistake is kept
        (a sickness that was none, an employment that never began)."""
        return self.tot == self.van

    def bevat(self, dag: date) -> bool:
        return self.van <= dag and (self.tot is None or dag < self.tot)

    def begonnen_op(self, dag: date) -> bool:
        return self.van <= dag

    def geeindigd_op(self, dag: date) -> bool:
        return self.tot is not None and self.tot <= dag
