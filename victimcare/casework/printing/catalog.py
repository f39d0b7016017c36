"""The one list of printable forms F1–F16, in the order of the case dossier (domain-forms-and-rules §2:
F1, F2, F3/F4, F6, F5, F7, F8, F9/F11, F12, F13, F14, F15…, F16), and the rendering of one form to PDF
bytes — filled from a print bundle (``printing/bundle.py``) or blank for hand filling.

Each form's story is built by its step's own module (``steps/<home>/form.py``) with the forms kit; this
module only lists them. F10, the county ledger of many children, is not part of one case's dossier.
Rendering happens in memory, never in a temp file; the PDF's metadata is neutral. No Qt, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from victimcare.casework.steps.closure import form as closure_form
from victimcare.casework.steps.employment import form as employment_form
from victimcare.casework.steps.followup import form as followup_form
from victimcare.casework.steps.hukou import form as hukou_form
from victimcare.casework.steps.intake import form as intake_form
from victimcare.casework.steps.legal_aid import form as legal_aid_form
from victimcare.casework.steps.medical import form as medical_form
from victimcare.casework.steps.relief import form as relief_form
from victimcare.casework.steps.school import form as school_form
from victimcare.casework.steps.tracing import form as tracing_form
from victimcare.core.errors import UserError
from victimcare.forms.kit import FormContext
from victimcare.forms.pages import build_pdf

Story = Callable[[dict | None, FormContext], list]


def _always(bundle: dict) -> bool:
    return True


@dataclass(frozen=True)
class FormSpec:
    code: str
    title: str
    step: str                                   # the step whose tab prints it
    story: Story                                # (bundle or None, ctx) -> flowables
    has_data: Callable[[dict], bool] = _always  # whether a case's bundle fills it (the dossier's choice)
    in_dossier: bool = True
    landscape: bool = False                     # printed on A4 turned sideways (a ledger of many columns)


FORMS: tuple[FormSpec, ...] = (
    FormSpec("F1", intake_form.F1_TITLE, "intake", intake_form.f1_story),
    FormSpec("F2", intake_form.F2_TITLE, "intake", intake_form.f2_story, intake_form.has_f2),
    FormSpec("F3", tracing_form.F3_TITLE, "tracing", tracing_form.f3_story, tracing_form.has_f3),
    FormSpec("F4", tracing_form.F4_TITLE, "tracing", tracing_form.f4_story, tracing_form.has_f4),
    FormSpec("F6", relief_form.F6_TITLE, "relief", relief_form.f6_story, relief_form.has_f6),
    FormSpec("F5", medical_form.F5_TITLE, "medical", medical_form.f5_story, medical_form.has_f5),
    FormSpec("F7", medical_form.F7_TITLE, "medical", medical_form.f7_story, medical_form.has_f7),
    FormSpec("F8", legal_aid_form.F8_TITLE, "legal_aid", legal_aid_form.f8_story, legal_aid_form.has_f8),
    FormSpec("F9", school_form.F9_TITLE, "school", school_form.f9_story, school_form.has_f9),
    FormSpec("F11", school_form.F11_TITLE, "school", school_form.f11_story, school_form.has_f11),
    FormSpec("F10", school_form.F10_TITLE, "school", school_form.f10_story, school_form.has_f9, in_dossier=False,
             landscape=True),
    FormSpec("F12", employment_form.F12_TITLE, "employment", employment_form.f12_story, employment_form.has_f12),
    FormSpec("F13", hukou_form.F13_TITLE, "hukou", hukou_form.f13_story, hukou_form.has_f13),
    FormSpec("F14", intake_form.F14_TITLE, "intake", intake_form.f14_story, intake_form.has_f14),
    FormSpec("F15", followup_form.F15_TITLE, "followup", followup_form.f15_story, followup_form.has_f15),
    FormSpec("F16", closure_form.F16_TITLE, "closure", closure_form.f16_story, closure_form.has_f16),
)
BY_CODE = {spec.code: spec for spec in FORMS}
BLANK_FOR_ROUNDS = ("F1", "F15")  # printed without a case for rural rounds


def form(code: str) -> FormSpec:
    spec = BY_CODE.get(str(code).strip().upper())
    if spec is None:
        raise UserError(f"没有这张表：{code}。可以打印的表为 {'、'.join(s.code for s in FORMS)}。")
    return spec


def forms_of_step(step: str) -> list[FormSpec]:
    """The forms a step's tab offers, in dossier order."""
    return [spec for spec in FORMS if spec.step == step]


def has_data(code: str, bundle: dict | None) -> bool:
    """Whether the case's bundle fills this form: the dossier prints only those (never F10, the county
    ledger)."""
    spec = form(code)
    return bundle is not None and spec.in_dossier and spec.has_data(bundle)


def story(code: str, bundle: dict | None, ctx: FormContext) -> list:
    """The flowables of one form (for the dossier, which strings them on its own pages)."""
    return form(code).story(bundle, ctx)


def render_form(code: str, bundle: dict | None, ctx: FormContext) -> bytes:
    """One form as a whole PDF in memory; ``bundle`` None prints it blank for hand filling."""
    spec = form(code)
    return build_pdf(spec.story(bundle, ctx), ctx, landscape=spec.landscape)
