"""The pages every kind of person item shares: «Legg til», «Endre», «Ta bort» and, when two
saved at once, «Noen andre lagret samtidig». An app binds them to its own URLs with its Kind:

    path(mi + "linjal/ny/", item_views.new_item, {"kind": RULER}, name="mi_ruler_new")

Access is decided by people.access (one entry point per page), changes go through the kind's
create/update/delete (items.actions, or the app's wrapper of them), and staff words the person
reads pass the language gate first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from audit.models import Action
from items import actions, conflicts, pages
from items.forms import sent_version
from items.kinds import Kind
from language import gate
from medvandrer.forms import posted
from people import access


def _kind(kind, kinds, *, with_form=True) -> Kind:
    """The kind bound in urls.py, or the one the URL names among `kinds` («…/plan/<kind>/ny/»).
    A kind without a form (a conversation) has only the delete page."""
    if kinds is not None:
        kind = kinds.get(kind)
    if kind is None or (with_form and kind.form is None):
        raise Http404
    return kind


def _model_fields(model) -> set[str]:
    """Fields a form may set. The version and the owners belong to items.actions, not to the form."""
    return {f.name for f in model._meta.get_fields()} - {"version", "person", "created_by", "updated_by"}


def _fields(kind, form) -> dict:
    return {name: value for name, value in form.cleaned_data.items() if name in _model_fields(kind.model)}


def _form(kind, data, *, person, parent, **kwargs):
    needs = {"person": person, kind.parent_field: parent}
    return kind.form(data, **kwargs, **{name: needs[name] for name in kind.form_needs})


def _to_ask(kind, request, form) -> dict:
    if not kind.check_language or request.method != "POST" or not form.is_valid():
        return {}
    return gate.to_ask_about(request, form)


def _form_page(request, kind, *, person, grant, form, parent, obj, language_ask):
    return render(
        request,
        kind.form_template,
        {
            "person": person,
            "kind": kind,
            "form": form,
            "obj": obj,
            "parent": parent,
            "new": obj is None,
            "heading": kind.heading(new=obj is None),
            "back": kind.detail_url(obj) if obj is not None else kind.list_url(person.pk, parent),
            "is_self": grant.is_self,
            "language_ask": language_ask,
            "nav": "plan",
            **kind.context(person),
        },
    )


@login_required
def new_item(request, person_id, kind, kinds=None):
    kind = _kind(kind, kinds)
    person, grant = access.person_for_edit(request, person_id, kind.object_type, on_post=Action.CREATE)
    parent = kind.find_parent(request, person, grant)
    form = _form(kind, posted(request), person=person, parent=parent, initial=kind.initial(request, person, grant))
    language_ask = _to_ask(kind, request, form)
    if request.method == "POST" and form.is_valid() and not language_ask:
        fields = _fields(kind, form) | kind.made_with(person, request.user, grant.basis)
        if parent is not None:
            fields[kind.parent_field] = parent
        obj, created = actions.create_once(
            kind.model, person, actor=request.user, basis=grant.basis, create=kind.create, **fields
        )
        if created:
            messages.success(request, kind.added_message())
        else:
            messages.info(request, kind.again_message())
        return redirect(kind.detail_url(obj))
    return _form_page(
        request, kind, person=person, grant=grant, form=form, parent=parent, obj=None, language_ask=language_ask
    )


@login_required
def edit_item(request, person_id, kind, item_id, kinds=None):
    kind = _kind(kind, kinds)
    obj, grant = access.object_for_edit(
        request, kind.queryset(), item_id, person_id=person_id, object_type=kind.object_type
    )
    person, parent = obj.person, kind.parent_of(obj)
    form = _form(kind, posted(request), person=person, parent=parent, instance=obj)
    language_ask = _to_ask(kind, request, form)
    if request.method == "POST" and form.is_valid() and not language_ask:
        try:
            kind.update(obj, sent_version(form), actor=request.user, basis=grant.basis, **_fields(kind, form))
        except actions.Conflict as conflict:
            return _conflict(request, kind, form, conflict.current, parent)
        messages.success(request, kind.changed_message())
        return redirect(kind.detail_url(obj))
    return _form_page(
        request, kind, person=person, grant=grant, form=form, parent=parent, obj=obj, language_ask=language_ask
    )


def _conflict(request, kind, form, current, parent):
    """Both texts side by side; the form keeps what was typed, now against the saved version."""
    person = current.person
    return pages.conflict_page(
        request,
        person=person,
        typed=form,
        current=current,
        names=[name for name in form.fields if name in _model_fields(kind.model)],
        retry_with=lambda saved: _form(
            kind, conflicts.retry_data(request, saved), person=person, parent=parent, instance=saved
        ),
        what=kind.definite,
        action=request.path,
        back=kind.detail_url(current),
        template=kind.conflict_template,
        context={"kind": kind},
    )


@login_required
def delete_item(request, person_id, kind, item_id, kinds=None):
    kind = _kind(kind, kinds, with_form=False)
    obj, grant = access.object_for_delete(
        request, kind.queryset(), item_id, person_id=person_id, object_type=kind.object_type
    )
    return pages.delete_page(
        request,
        obj,
        grant,
        question=kind.question_for(obj),
        done=kind.deleted_message(obj),
        then=kind.list_url(obj.person_id, kind.parent_of(obj)),
        back=kind.detail_url(obj),
        template=kind.delete_template,
        delete=kind.delete,
        context={"kind": kind},
    )
