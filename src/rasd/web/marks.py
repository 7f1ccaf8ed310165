"""An article's text cut into plain pieces and highlighted spans, for the incident page.

The template renders each piece through autoescape, so the untrusted text is never pasted into
HTML: highlighting only decides where the text is cut. Spans may nest (a place inside a claim's
sentence); a span that crosses another's end is cut at that end so the marks stay well formed.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Highlight:
    """A span of the text to mark: its kind ("claim", "place", "date", "source") gives the
    CSS class; ``anchor`` an element id to link to; ``label`` a tooltip (plain text)."""
    start: int
    end: int
    kind: str
    label: str = ""
    anchor: str | None = None
    extra_class: str = ""


@dataclass
class Piece:
    """Either plain text (``highlight`` None) or a mark holding further pieces."""
    text: str = ""
    highlight: Highlight | None = None
    children: list[Piece] = field(default_factory=list)

    @property
    def classes(self) -> str:
        h = self.highlight
        return f"{h.kind} {h.extra_class}".strip() if h else ""


_KIND_ORDER = {"claim": 0, "source": 1, "date": 2, "place": 3}


def pieces(text: str, highlights: list[Highlight]) -> list[Piece]:
    """``text`` as a list of pieces whose plain texts, read in order, give ``text`` back."""
    spans = []
    for h in highlights:
        start, end = max(0, h.start), min(len(text), h.end)
        if start < end:
            spans.append(Highlight(start, end, h.kind, h.label, h.anchor, h.extra_class))
    # Outer spans first: earlier start, then longer, then a fixed kind order for equal spans.
    spans.sort(key=lambda h: (h.start, -h.end, _KIND_ORDER.get(h.kind, 9)))

    root = Piece()
    open_marks: list[tuple[Piece, int]] = [(root, len(text))]  # a mark and where it ends
    for h in spans:
        while open_marks[-1][1] <= h.start:
            open_marks.pop()
        parent, parent_end = open_marks[-1]
        end = min(h.end, parent_end)
        if end <= h.start:
            continue
        mark = Piece(highlight=Highlight(h.start, end, h.kind, h.label, h.anchor, h.extra_class))
        parent.children.append(mark)
        open_marks.append((mark, end))
    return _fill(text, root.children, 0, len(text))


def _fill(text: str, marks: list[Piece], start: int, end: int) -> list[Piece]:
    """Interleave ``marks`` (sorted, disjoint, inside start..end) with the plain text between."""
    out: list[Piece] = []
    at = start
    for mark in marks:
        h = mark.highlight
        assert h is not None
        if h.start > at:
            out.append(Piece(text=text[at:h.start]))
        mark.children = _fill(text, mark.children, h.start, h.end)
        out.append(mark)
        at = h.end
    if at < end:
        out.append(Piece(text=text[at:end]))
    return out
