"""The ways to register for a program, in the order a page, a poster and a message offer them: decided once here.

A channel that needs no voice call (WhatsApp, a form, e-mail) comes first, so that the one prominent action fits
people who cannot hear or speak; coming in person, then a phone call follow. When the registration offers no such
channel but the program's contact (or its accessibility contact) has WhatsApp or e-mail, that is offered first,
named as the contact's. A full program offers its waiting list: no form, no walk-in, and the contact when nothing
else is left.

Two programs need no registration on this site, and their page must not offer one: one that people just come to
(registration.required: false; the first channel is "come", to the place at the session's time) and one whose
registration goes through someone else (registration.through, a school's teacher, a partner; the first channel is
"through"). Their other channels are then ways to ask (`asking`), never to register."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import Contact, Phone, Program

# A registration note that says what a field should (Indonesian, English, Javanese): registration goes through
# someone ("Pendaftaran lewat guru pembimbing"), or there is none ("tidak perlu mendaftar, langsung datang"). The
# field makes the page's action say the same; the note alone leaves an action that contradicts it.
_REGISTER = r"(?:daftar|mendaftar|pendaftaran|ndaftar|register|registration|registering|apply|applications?)"
_CHANNEL_WORDS = r"(?:whatsapp|wa|sms|telepon|telpon|tilpun|phone|formulir|form|surel|e-?mail|situs|website|tautan|link)"
NOTE_THROUGH = re.compile(rf"\b{_REGISTER}\b[^.;]{{0,40}}?\b(?:lewat|melalui|via|through|liwat)\s+(?!{_CHANNEL_WORDS}\b)\w",
                          re.IGNORECASE)
NOTE_NO_REGISTRATION = re.compile(rf"\b(?:tanpa|tidak perlu|tak perlu|tidak usah|ora perlu|ora usah|no need to|no|without)"
                                  rf"\s+(?:\w+\s+)?{_REGISTER}\b|\blangsung datang\b|\bjust (?:come|turn up)\b",
                                  re.IGNORECASE)


def note_contradiction(registration) -> str | None:
    """"through" or "required" when the note says what that field would, and the field is not written."""
    note = registration.note or ""
    if not registration.through and NOTE_THROUGH.search(note):
        return "through"
    if registration.needed and NOTE_NO_REGISTRATION.search(note):
        return "required"
    return None


# The kinds of channel, as the templates name their words.
KINDS = ("come", "through", "whatsapp", "form", "contact_whatsapp", "contact_email", "phone", "walk_in", "contact")


@dataclass(frozen=True)
class Channel:
    kind: str  # one of KINDS
    written: bool  # reached in writing, without a voice call
    phone: Phone | None = None  # whatsapp, contact_whatsapp, phone; contact (when it has one)
    address: str = ""  # form: its URL; contact_email: the e-mail address
    contact: Contact | None = None  # contact_whatsapp, contact_email, contact: who answers
    words: str = ""  # walk_in: the librarian's own words (registration.walk_in as text); through: who registers
    asking: bool = False  # a way to ask, not to register (the program needs no registration here)


def channels(program: Program, state: str) -> tuple[Channel, ...]:
    """The program's ways to register (or, when `state` is full, to join the waiting list), the first being the
    one action a page shows prominently."""
    registration, waiting = program.registration, state == "full"
    if registration.through or (not registration.needed and not waiting):
        first = (Channel("through", False, words=registration.through) if registration.through
                 else Channel("come", False))
        asking = [replace(channel, asking=True) for channel in _registering(program, False)
                  if channel.kind not in ("form", "walk_in")]
        return (first, *asking)
    return _registering(program, waiting)


def _registering(program: Program, waiting: bool) -> tuple[Channel, ...]:
    registration = program.registration
    found: list[Channel] = []
    if registration.whatsapp:
        found.append(Channel("whatsapp", True, phone=registration.whatsapp))
    if registration.form and not waiting:
        found.append(Channel("form", True, address=registration.form))
    if not found:
        found += _contact_in_writing(program)
    if registration.walk_in and not waiting:  # coming in person needs no voice either: before a call
        found.append(Channel("walk_in", False, words=registration.walk_in if isinstance(registration.walk_in, str)
                             else ""))
    if registration.phone:
        found.append(Channel("phone", False, phone=registration.phone))
    if waiting and not found:
        contact = program.contact
        found.append(Channel("contact", bool(contact.whatsapp or contact.email), phone=contact.whatsapp or contact.phone,
                             address=contact.email or "", contact=contact))
    return tuple(sorted(found, key=lambda channel: not channel.written))


def _contact_in_writing(program: Program) -> list[Channel]:
    """The contact's WhatsApp, else e-mail (the program's contact first, then its accessibility contact)."""
    for contact in (program.contact, program.accessibility.contact):
        if contact and contact.whatsapp:
            return [Channel("contact_whatsapp", True, phone=contact.whatsapp, contact=contact)]
    for contact in (program.contact, program.accessibility.contact):
        if contact and contact.email:
            return [Channel("contact_email", True, address=contact.email, contact=contact)]
    return []
