"""The ways to register for a program, in the order a page, a poster and a message offer them: decided once here.

A channel that needs no voice call (WhatsApp, a form, e-mail) comes first, so that the one prominent action fits
people who cannot hear or speak; coming in person, then a phone call follow. When the registration offers no such
channel but the program's contact (or its accessibility contact) has WhatsApp or e-mail, that is offered first,
named as the contact's. A full program offers its waiting list: no form, no walk-in, and the contact when nothing
else is left."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Contact, Phone, Program

# The kinds of channel, as the templates name their words.
KINDS = ("whatsapp", "form", "contact_whatsapp", "contact_email", "phone", "walk_in", "contact")


@dataclass(frozen=True)
class Channel:
    kind: str  # one of KINDS
    written: bool  # reached in writing, without a voice call
    phone: Phone | None = None  # whatsapp, contact_whatsapp, phone; contact (when it has one)
    address: str = ""  # form: its URL; contact_email: the e-mail address
    contact: Contact | None = None  # contact_whatsapp, contact_email, contact: who answers
    words: str = ""  # walk_in: the librarian's own words about it (registration.walk_in as text)


def channels(program: Program, state: str) -> tuple[Channel, ...]:
    """The program's ways to register (or, when `state` is full, to join the waiting list), the first being the
    one action a page shows prominently."""
    registration, waiting = program.registration, state == "full"
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
