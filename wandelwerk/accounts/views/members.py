"""Who works in a municipality: inviting people, changing their role, ending their access.

Municipality admins run their own staff; provider admins also assign consultants here.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wandelwerk.accounts import logic, mail, people
from wandelwerk.accounts.forms import ConsultantsForm, InviteForm, MembershipForm
from wandelwerk.accounts.queries import consultants_of, members_of
from wandelwerk.core.editing import Stale, refuse_stale, stand_context, unbound
from wandelwerk.tenants.models import Membership
from wandelwerk.tenants.queries import is_provider_admin
from wandelwerk.tenants.views import MunicipalityMixin


def tell(request: HttpRequest, invitation: people.Invitation) -> None:
    """E-mail the invited person (links to the address this page was called at) and say so."""
    user = invitation.membership.user
    if mail.notify(invitation, request.user, request.build_absolute_uri("/")):
        messages.success(
            request, _("%(user)s ist eingeladen; die E-Mail ist unterwegs.") % {"user": user}
        )
    else:
        messages.warning(
            request,
            _(
                "%(user)s hat den Zugang, aber die E-Mail an %(email)s konnte nicht verschickt "
                "werden. Bitte die E-Mail-Einstellungen prüfen und die Einladung erneut senden."
            )
            % {"user": user, "email": user.email},
        )


class MembersMixin(MunicipalityMixin):
    permission_required = "tenants.manage_members"

    def members_crumb(self) -> dict[str, Any]:
        return {
            "label": _("Mitglieder"),
            "url": reverse("accounts:members", args=[self.municipality.slug]),
        }

    def role_form_kwargs(self) -> dict[str, Any]:
        user = self.request.user
        return {
            "roles": people.grantable_roles(user, self.municipality),
            "personal": people.may_grant_personal_data(user, self.municipality),
        }


class MembersView(MembersMixin, TemplateView):
    """Everyone with access, their role and state; provider admins assign consultants here."""

    template_name = "accounts/members.html"
    page_title = gettext_lazy("Mitglieder")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["members"] = [
            (member, people.is_invited(member.user)) for member in members_of(self.municipality)
        ]
        context["can_assign"] = is_provider_admin(self.request.user)
        if context["can_assign"]:
            initial = [m.user for m in consultants_of(self.municipality)]
            context["form"] = kwargs.get("form") or ConsultantsForm(
                initial={"consultants": initial}
            )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_provider_admin(request.user):
            raise PermissionDenied
        form = ConsultantsForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            logic.set_consultants(
                actor=request.user,
                municipality=self.municipality,
                users=list(form.cleaned_data["consultants"]),
            )
        except logic.MembershipError as exc:
            form.add_error("consultants", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Beratung zugeordnet."))
        return redirect("accounts:members", self.municipality.slug)


class InviteView(MembersMixin, FormView):
    template_name = "accounts/invite.html"
    form_class = InviteForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return super().get_form_kwargs() | self.role_form_kwargs()

    def get_initial(self) -> dict[str, Any]:
        return {"role": "editor"}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Person einladen")
        context["cancel_url"] = self.members_crumb()["url"]
        context["breadcrumbs"] = self.crumbs(self.members_crumb(), {"label": _("Einladen")})
        return context

    def form_valid(self, form: InviteForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            invitation = people.invite(
                actor=self.request.user,
                email=data["email"],
                name=data["name"],
                municipality=self.municipality,
                role=data["role"],
                can_view_personal_data=data.get("can_view_personal_data", False),
            )
        except logic.MembershipError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        tell(self.request, invitation)
        return redirect("accounts:members", self.municipality.slug)


class MemberMixin(MembersMixin):
    membership: Membership
    kwargs: dict[str, Any]

    def load(self) -> Membership:
        self.membership = get_object_or_404(
            Membership.objects.select_related("user", "municipality"),
            pk=self.kwargs["pk"],
            municipality=self.municipality,
        )
        return self.membership


class MemberUpdateView(MemberMixin, FormView):
    """Change a member's role (and the personal-data right, for who holds it)."""

    template_name = "accounts/member_form.html"
    form_class = MembershipForm
    stale: Stale | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs() | self.role_form_kwargs()
        membership = self.load()
        kwargs["initial"] = {
            "role": membership.role,
            "can_view_personal_data": membership.can_view_personal_data,
        }
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["membership"] = self.membership
        context.update(stand_context(self.membership, context["form"], unbound(self), self.stale))
        context["breadcrumbs"] = self.crumbs(
            self.members_crumb(), {"label": str(self.membership.user)}
        )
        return context

    def form_valid(self, form: MembershipForm) -> HttpResponse:
        self.stale = refuse_stale(self.request, form, self.membership, unbound(self))
        if self.stale:
            return self.form_invalid(form)
        try:
            people.change_membership(
                actor=self.request.user,
                membership=self.membership,
                role=form.cleaned_data["role"],
                can_view_personal_data=form.cleaned_data.get(
                    "can_view_personal_data", self.membership.can_view_personal_data
                ),
            )
        except logic.MembershipError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(
            self.request, _("Rolle von %(user)s gespeichert.") % {"user": self.membership.user}
        )
        return redirect("accounts:members", self.municipality.slug)


class MemberEndView(MemberMixin, TemplateView):
    """Asks, then ends a member's access to this municipality."""

    template_name = "accounts/member_end.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["membership"] = self.load()
        context["breadcrumbs"] = self.crumbs(self.members_crumb(), {"label": _("Zugang beenden")})
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        membership = self.load()
        user = membership.user
        try:
            deactivated = people.end_membership(actor=request.user, membership=membership)
        except logic.MembershipError as exc:
            messages.error(request, str(exc))
            return redirect("accounts:members", self.municipality.slug)
        if deactivated:
            messages.success(
                request,
                _("Der Zugang von %(user)s ist beendet; das Konto ist deaktiviert.")
                % {"user": user},
            )
        else:
            messages.success(request, _("Der Zugang von %(user)s ist beendet.") % {"user": user})
        return redirect("accounts:members", self.municipality.slug)


class ReinviteView(MemberMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            invitation = people.resend_invitation(actor=request.user, membership=self.load())
        except logic.MembershipError as exc:
            messages.error(request, str(exc))
        else:
            tell(request, invitation)
        return redirect("accounts:members", self.municipality.slug)


class SecondFactorPolicyView(MembersMixin, TemplateView):
    """POST: whether every member of this municipality confirms sign-ins with a code."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        required = request.POST.get("verpflichtend") == "1"
        logic.require_second_factor(
            actor=request.user, municipality=self.municipality, required=required
        )
        messages.success(
            request,
            _("Alle Mitglieder melden sich jetzt mit einem zweiten Faktor an.")
            if required
            else _("Der zweite Faktor ist für die Mitglieder freiwillig."),
        )
        return redirect("accounts:members", self.municipality.slug)
