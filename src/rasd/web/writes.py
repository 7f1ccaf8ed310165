"""Corrections from the dashboard: the write API's request bodies, and which requests may write.

The dashboard has no login, so it takes corrections only when served with
``rasd serve --allow-corrections`` (``WriteAccess``). Then a write is refused unless
- it is addressed to this machine by a name the server was started for (the ``Host`` header: a
  loopback name or the address served on), so that a page elsewhere whose DNS name was rebound to
  127.0.0.1 cannot write;
- the browser, when it says where the request comes from (``Origin``), names this server;
- it carries the per-process token that the server writes into its incident pages
  (``X-Rasd-Token``): a page of another origin cannot read the token, nor set the header
  without a CORS preflight that this server never grants.
"""
from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from rasd.store.corrections import FIGURES, GRADES

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
EVERY_INTERFACE = frozenset({"0.0.0.0", "::", ""})
TOKEN_HEADER = "X-Rasd-Token"
READ_ONLY = ("this dashboard is read-only; start it with `rasd serve --allow-corrections` "
             "to correct incidents from it")


@dataclass(frozen=True)
class WriteAccess:
    """Writes allowed, with this process's token; ``hosts``: the names a write may be addressed
    to (None: any, when served on every interface)."""
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    hosts: frozenset[str] | None = LOOPBACK

    @classmethod
    def serving(cls, host: str) -> WriteAccess:
        """The access for a server listening on ``host``."""
        return cls(hosts=None if host in EVERY_INTERFACE else LOOPBACK | {host.strip("[]").lower()})

    def refusal(self, headers: Mapping[str, str]) -> str | None:
        """Why a write with these request headers is refused; None when it is taken."""
        host = headers.get("host", "")
        if self.hosts is not None and _hostname(host) not in self.hosts:
            return f"corrections are taken only at {', '.join(sorted(self.hosts))}, not at {host!r}"
        origin = headers.get("origin")
        if origin is not None and origin.partition("://")[2] != host:
            return f"a correction from another origin ({origin!r}) is refused"
        if not secrets.compare_digest(headers.get(TOKEN_HEADER, "").encode(), self.token.encode()):
            return f"a correction needs this server's {TOKEN_HEADER} header (the incident page sends it)"
        return None


def _hostname(host: str) -> str:
    """``127.0.0.1`` of ``127.0.0.1:8000``, ``::1`` of ``[::1]:8000``."""
    if host.startswith("["):
        return host[1:host.find("]")].lower()
    return host.rpartition(":")[0].lower() if host.count(":") == 1 else host.lower()


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Count = Annotated[int, Field(ge=0)]


class Signed(BaseModel):
    """Who corrects and why: both required, kept with the correction."""
    model_config = ConfigDict(extra="forbid")
    who: Annotated[Text, Field(description="who makes the correction", examples=["lina"])]
    why: Annotated[Text, Field(description="why (kept with it)", examples=["civil defence list of names"])]


class Figures(BaseModel):
    """Low, best and high; null where unknown; 0 <= low <= best <= high where given."""
    model_config = ConfigDict(extra="forbid")
    low: Count | None = None
    best: Count | None = None
    high: Count | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Figures:
        known = [v for v in (self.low, self.best, self.high) if v is not None]
        if known != sorted(known):
            raise ValueError(f"figures must run low <= best <= high: {self.low}, {self.best}, {self.high}")
        return self


class GradeCorrection(Signed):
    field: Literal["grade"]
    value: Literal[GRADES]  # type: ignore[valid-type]


class FiguresCorrection(Signed):
    field: Literal[FIGURES]  # type: ignore[valid-type]
    value: Figures


class PerpetratorCorrection(Signed):
    field: Literal["perpetrator"]
    value: Annotated[list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]],
                     Field(description="actor names (the actor catalog's English names); [] for none")]


class LocationCorrection(Signed):
    field: Literal["location"]
    value: Annotated[Text, Field(description="a place name, looked up in the gazetteer", examples=["سراقب"])]


FieldCorrection = Annotated[
    Union[GradeCorrection, FiguresCorrection, PerpetratorCorrection, LocationCorrection],
    Field(discriminator="field")]


def store_value(correction: GradeCorrection | FiguresCorrection | PerpetratorCorrection | LocationCorrection
                ) -> object:
    """The value as ``Store.correct`` takes it."""
    value = correction.value
    return value.model_dump() if isinstance(value, Figures) else value


class MoveRequest(Signed):
    doc_id: Annotated[str, Field(min_length=1, description="the article to take out of the incident")]


class MergeRequest(Signed):
    other_id: Annotated[str, Field(min_length=1, description="the incident (id or alias) merged into this one")]
