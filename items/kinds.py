"""A kind of person item: what its «Legg til», «Endre», «Ta bort» and «Noen andre lagret
samtidig» pages need to know. medvandrer/item_views.py serves those pages for every kind; each app
declares its kinds in its own kinds.py and binds them in its urls.py.

Adding a kind is one model (items.models.PersonItem), one `Kind` here-shaped entry and, where
the generic form does not fit, a template that extends items/item_form.html and fills in its
fields. See docs/ARCHITECTURE.md, «Adding a person item».
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from items import actions


def _nothing(*_args) -> dict:
    return {}


def _no_parent(request, person, grant):
    return None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Kind:
    slug: str
    model: type
    form: type | None  # None: the item is made and changed on pages of its own (a conversation)
    noun: str  # «ressurs», as in «Legg til …» / «Endre …» / «Ta bort …?»
    definite: str  # «ressursen», as in «… er lagt til» / «Mens du skrev, ble … lagret av …»
    list_page: str  # url name of the page the item is listed on: args [person_id] (or [person_id, parent])
    detail_page: str = ""  # url name of the item's own page, args [person_id, pk]; "" = the list page
    parent_field: str = ""  # "goal": the item hangs off a goal and is listed on the goal's page
    find_parent: Callable = _no_parent  # (request, person, grant) -> the parent of a new item, or None
    form_needs: tuple = field(
        default=()
    )  # keyword arguments the form takes besides data/instance: "person", parent_field
    initial: Callable = _nothing  # (request, person, grant) -> initial values of a new item's form
    context: Callable = _nothing  # (person) -> more for the form page (e.g. topics used before)
    made_with: Callable = _nothing  # (person, actor, basis) -> fields every new item gets (e.g. the plan it belongs to)
    rows: Callable | None = None  # () -> the queryset items are looked up in (select_related, annotate)
    check_language: bool = True  # False where the words are the person's own (a rating, a cross)
    form_template: str = "items/item_form.html"
    delete_template: str = "items/confirm_delete.html"
    conflict_template: str = "items/conflict.html"
    new_heading: str = ""  # default «Legg til <noun>»
    edit_heading: str = ""  # default «Endre <noun>»
    added: str = ""  # said after a new item is saved; default «<Definite> er lagt til.»
    again: str = ""  # said when a double send found it saved already; default: `added`
    changed: str = ""  # said after an edit; default «<Definite> er lagret.»
    delete_question: Callable | None = None  # (obj) -> «Ta bort …?»; default «Ta bort <noun>?»
    deleted: Callable | None = None  # (obj) -> said after deleting; default «Tatt bort: <the item>»
    create: Callable = actions.create
    update: Callable = actions.update
    delete: Callable = actions.delete

    @property
    def object_type(self) -> str:
        return self.model.audit_type

    def queryset(self):
        return self.rows() if self.rows else self.model.objects.all()

    def parent_of(self, obj):
        return getattr(obj, self.parent_field) if self.parent_field else None

    def list_url(self, person_id: int, parent=None) -> str:
        return reverse(self.list_page, args=[person_id] if parent is None else [person_id, parent.pk])

    def detail_url(self, obj) -> str:
        if self.detail_page:
            return reverse(self.detail_page, args=[obj.person_id, obj.pk])
        return self.list_url(obj.person_id, self.parent_of(obj))

    def heading(self, *, new: bool) -> str:
        if new:
            return self.new_heading or f"Legg til {self.noun}"
        return self.edit_heading or f"Endre {self.noun}"

    def added_message(self) -> str:
        return self.added or f"{_capital(self.definite)} er lagt til."

    def again_message(self) -> str:
        return self.again or self.added_message()

    def changed_message(self) -> str:
        return self.changed or f"{_capital(self.definite)} er lagret."

    def question_for(self, obj) -> str:
        return self.delete_question(obj) if self.delete_question else f"Ta bort {self.noun}?"

    def deleted_message(self, obj) -> str:
        return self.deleted(obj) if self.deleted else f"Tatt bort: {str(obj)[:60]}"
