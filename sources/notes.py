"""A page's notes: each source it cites gets one number, in the order the page shows them.

A fact carries a note mark (``[3]``, a link to the page's list of sources); the full
citation is written once, in that list at the end of the page
(templates/includes/sources.html). A source cited six times on a page keeps the one
number it got first. Editors' notes are counted apart, with letters (``[a]``), and
listed apart, so a value no source states never reads as a sourced one.

The registry lives on the request (one per page rendered); a template rendered without
a request keeps it in its context.
"""

from dataclasses import dataclass, field
from string import ascii_lowercase


@dataclass
class Note:
    source: object
    label: str  # "3", or "a" for an editors' note
    anchor: str  # the list item's id: "source-3", "note-a"
    marks: list = field(default_factory=list)  # the ids of its marks on the page
    facts: list = field(default_factory=list)  # what it states of the page's record

    @property
    def is_editors_note(self):
        return self.source.is_editors_note


def letter(number):
    """1 -> "a", 26 -> "z", 27 -> "aa": the label of the n-th editors' note."""
    label = ""
    while number:
        number, rest = divmod(number - 1, 26)
        label = ascii_lowercase[rest] + label
    return label


@dataclass
class PageNotes:
    sources: dict = field(default_factory=dict)  # source pk -> Note, in number order
    notes: dict = field(default_factory=dict)  # editors' notes, likewise

    def note(self, source):
        """The note of ``source``, numbered when the page names it first."""
        if source.is_editors_note:
            found = self.notes.get(source.pk)
            if found is None:
                label = letter(len(self.notes) + 1)
                found = self.notes[source.pk] = Note(source, label, f"note-{label}")
            return found
        found = self.sources.get(source.pk)
        if found is None:
            label = str(len(self.sources) + 1)
            found = self.sources[source.pk] = Note(source, label, f"source-{label}")
        return found

    def mark(self, source):
        """A new mark of ``source``'s note: ``(note, the mark's id)``."""
        note = self.note(source)
        mark_id = f"cite-{note.anchor}-{len(note.marks) + 1}"
        note.marks.append(mark_id)
        return note, mark_id

    def add_facts(self, source, facts):
        note = self.note(source)
        note.facts.extend(fact for fact in facts if fact not in note.facts)

    def __bool__(self):
        return bool(self.sources or self.notes)


CONTEXT_KEY = "page_notes"


def page_notes(context):
    """The notes of the page ``context`` renders."""
    request = getattr(context, "request", None) or context.get("request")
    if request is not None:
        notes = getattr(request, "page_notes", None)
        if notes is None:
            notes = request.page_notes = PageNotes()
        return notes
    notes = context.get(CONTEXT_KEY)
    if notes is None:
        notes = context.dicts[0][CONTEXT_KEY] = PageNotes()
    return notes
