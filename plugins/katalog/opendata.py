"""The catalog as open data: one record per program for programs.json, the same flattened for programs.csv, and
the JSON Schema that documents both. Declared once here; the "Data terbuka" page lists the columns from it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from .calendar import Revision, rrule_text, rule_start
from .i18n import N_, Msg
from .model import PROGRAM_STATES, SESSION_STATES, Phone, Program, spec_doc
from .schedule import Session

def licence_record(licence) -> dict:
    """The licence as the open data states it: its SPDX identifier, name and deed."""
    return {"id": licence.spdx, "name": licence.name, "url": licence.url}
SCHEMA_NAME = "programs.schema.json"


@dataclass(frozen=True)
class Column:
    """One column of programs.csv: its name, what it holds, and how it is read from a program's JSON record."""

    name: str
    doc: Msg
    value: Callable[[dict], object]


def _phone(phone: Phone | None):
    return {"display": phone.display, "number": phone.number} if phone else None


def _contact(contact):
    if contact is None:
        return None
    return {"name": contact.name, "phone": _phone(contact.phone), "whatsapp": _phone(contact.whatsapp),
            "email": contact.email}


SESSION_STATE_DOC = Msg(N_("Keadaan sesi pada saat situs dibangun: open atau full (masih akan diadakan), cancelled "
                             "(sesi itu atau programnya dibatalkan) atau over (sudah lewat)."))


MOVED_DOC = Msg(N_("Mulai sesi seperti semula diumumkan, jika sesinya dipindah ke hari atau jam lain (ISO 8601); "
                   "null jika tidak dipindah."))


def _session(session: Session, state: str) -> dict:
    return {"number": session.number, "start": session.start.isoformat(), "end": session.end.isoformat(),
            "topic": session.topic or None, "cancelled": session.cancelled,
            "moved_from": session.moved_from.isoformat() if session.moved_from else None, "state": state}


def program_record(program: Program, view, *, url: str, calendar: str, image: str | None, revision: Revision,
                   title: str, summary: str, description_html: str) -> dict:
    """Everything public about one program, in the view's language (labels) and the program's own words."""
    def coded(vocabulary, codes):
        return [{"code": code, "label": view.label(vocabulary, code)} for code in codes]

    location = {"code": program.location, "online": program.online,
                "label": view.label("locations", program.location) if not program.online else None,
                "address": view.detail("locations", program.location, "address") or None if not program.online else None,
                "timezone": program.timezone}
    registration = program.registration
    return {
        "id": program.key,
        "slug": program.slug,
        "url": url,
        "lang": program.lang,
        "title": title,
        "summary": summary,
        "category": coded("categories", [program.category])[0],
        "audiences": coded("audiences", program.audiences),
        "languages": coded("languages", program.languages),
        "partners": [{"code": code, "label": view.label("partners", code),
                      "kind": view.detail("partners", code, "kind") or None} for code in program.partners],
        "location": location,
        "mode": program.mode,
        "status": program.status,
        "state": view.state(program),
        "course": program.course,
        "cost": program.cost,
        "free": program.cost == 0,
        "cost_note": program.cost_note or None,
        "capacity": program.capacity,
        "schedule": {
            "timezone": program.timezone,
            "repeat": rrule_text(program.repeat, Session(rule_start(program), rule_start(program)))
            if program.repeat else None,
            "skipped": [day.isoformat() for day in program.skipped],
            "sessions": [_session(s, view.session_state(program, s)) for s in program.sessions],
        },
        "registration": {"form": registration.form, "whatsapp": _phone(registration.whatsapp),
                         "phone": _phone(registration.phone), "walk_in": registration.walk_in,
                         "required": registration.needed, "through": registration.through,
                         "note": registration.note},
        "accessibility": {"features": coded("accessibility", view.features(program)),
                          "note": program.accessibility.note, "contact": _contact(program.accessibility.contact)},
        "image": {"url": image, "alt": "" if program.image.decorative else program.image.alt,
                  "decorative": program.image.decorative, "text": program.image.text or None}
        if program.image else None,
        "contact": _contact(program.contact),
        "description_html": description_html,
        "calendar": calendar,
        "updated": revision.stamp.isoformat().replace("+00:00", "Z"),
    }


def _joined(items) -> str:
    return "; ".join(str(item) for item in items if item is not None)


def _display(phone) -> str | None:
    return phone["display"] if phone else None


COLUMNS = (
    Column("id", Msg(N_("Kode program: nama foldernya, sama di setiap bahasa.")), lambda r: r["id"]),
    Column("slug", spec_doc("slug"), lambda r: r["slug"]),
    Column("url", Msg(N_("Alamat halaman program.")), lambda r: r["url"]),
    Column("lang", Msg(N_("Bahasa teks program (judul, ringkasan, deskripsi).")), lambda r: r["lang"]),
    Column("title", spec_doc("title"), lambda r: r["title"]),
    Column("summary", spec_doc("summary"), lambda r: r["summary"]),
    Column("category", spec_doc("category"), lambda r: r["category"]["code"]),
    Column("category_label", Msg(N_("Nama kategori.")), lambda r: r["category"]["label"]),
    Column("audiences", spec_doc("audience"), lambda r: _joined(a["code"] for a in r["audiences"])),
    Column("audience_labels", Msg(N_("Nama sasaran program.")), lambda r: _joined(a["label"] for a in r["audiences"])),
    Column("languages", spec_doc("languages"), lambda r: _joined(a["code"] for a in r["languages"])),
    Column("partners", spec_doc("partners"), lambda r: _joined(a["code"] for a in r["partners"])),
    Column("partner_labels", Msg(N_("Nama mitra.")), lambda r: _joined(a["label"] for a in r["partners"])),
    Column("location", spec_doc("location"), lambda r: r["location"]["code"]),
    Column("location_label", Msg(N_("Nama tempat.")), lambda r: r["location"]["label"]),
    Column("address", Msg(N_("Alamat tempat.")), lambda r: r["location"]["address"]),
    Column("timezone", spec_doc("schedule", "timezone"), lambda r: r["schedule"]["timezone"]),
    Column("mode", spec_doc("mode"), lambda r: r["mode"]),
    Column("status", spec_doc("status"), lambda r: r["status"]),
    Column("state", Msg(N_("Keadaan pada hari situs dibangun: open, full, cancelled atau past (sudah lewat atau selesai).")),
           lambda r: r["state"]),
    Column("course", spec_doc("course"), lambda r: r["course"]),
    Column("cost", Msg(N_("Biaya dalam rupiah; 0 berarti gratis.")), lambda r: r["cost"]),
    Column("cost_note", spec_doc("cost_note"), lambda r: r["cost_note"]),
    Column("capacity", spec_doc("capacity"), lambda r: r["capacity"]),
    Column("first_start", Msg(N_("Mulai sesi pertama (ISO 8601, dengan selisih zona waktu).")),
           lambda r: r["schedule"]["sessions"][0]["start"]),
    Column("last_end", Msg(N_("Selesai sesi terakhir (ISO 8601, dengan selisih zona waktu).")),
           lambda r: r["schedule"]["sessions"][-1]["end"]),
    Column("session_count", Msg(N_("Jumlah sesi.")), lambda r: len(r["schedule"]["sessions"])),
    Column("sessions", Msg(N_("Setiap sesi: mulai/selesai, dipisah titik koma.")),
           lambda r: _joined(f"{s['start']}/{s['end']}" for s in r["schedule"]["sessions"])),
    Column("repeat", Msg(N_("Aturan pengulangan dalam bentuk RRULE iCalendar (RFC 5545).")), lambda r: r["schedule"]["repeat"]),
    Column("skipped", spec_doc("schedule", "except"), lambda r: _joined(r["schedule"]["skipped"])),
    Column("cancelled_sessions", spec_doc("schedule", "cancelled"),
           lambda r: _joined(s["start"][:10] for s in r["schedule"]["sessions"] if s["cancelled"])),
    Column("moved_sessions", Msg(N_("Sesi yang dipindah: mulai semula>mulai baru (ISO 8601), dipisah titik koma.")),
           lambda r: _joined(f"{s['moved_from']}>{s['start']}" for s in r["schedule"]["sessions"] if s["moved_from"])),
    Column("sessions_to_come", Msg(N_("Jumlah sesi yang masih akan diadakan pada hari situs dibangun (tidak termasuk "
                                      "sesi yang dibatalkan atau sudah lewat).")),
           lambda r: sum(s["state"] in ("open", "full") for s in r["schedule"]["sessions"])),
    Column("registration_form", spec_doc("registration", "form"), lambda r: r["registration"]["form"]),
    Column("registration_whatsapp", spec_doc("registration", "whatsapp"), lambda r: _display(r["registration"]["whatsapp"])),
    Column("registration_phone", spec_doc("registration", "phone"), lambda r: _display(r["registration"]["phone"])),
    Column("registration_walk_in", spec_doc("registration", "walk_in"), lambda r: r["registration"]["walk_in"]),
    Column("registration_required", spec_doc("registration", "required"), lambda r: r["registration"]["required"]),
    Column("registration_through", spec_doc("registration", "through"), lambda r: r["registration"]["through"]),
    Column("registration_note", spec_doc("registration", "note"), lambda r: r["registration"]["note"]),
    Column("accessibility_features", Msg(N_("Fitur aksesibilitas program dan tempatnya (kode).")),
           lambda r: _joined(a["code"] for a in r["accessibility"]["features"])),
    Column("accessibility_labels", Msg(N_("Nama fitur aksesibilitas.")),
           lambda r: _joined(a["label"] for a in r["accessibility"]["features"])),
    Column("accessibility_note", spec_doc("accessibility", "note"), lambda r: r["accessibility"]["note"]),
    Column("contact_name", spec_doc("contact"), lambda r: r["contact"]["name"]),
    Column("contact_phone", Msg(N_("Telepon narahubung.")), lambda r: _display(r["contact"]["phone"])),
    Column("contact_whatsapp", Msg(N_("WhatsApp narahubung.")), lambda r: _display(r["contact"]["whatsapp"])),
    Column("contact_email", Msg(N_("Surel narahubung.")), lambda r: r["contact"]["email"]),
    Column("image_url", Msg(N_("Alamat gambar program.")), lambda r: r["image"] and r["image"]["url"]),
    Column("image_alt", spec_doc("image", "alt"), lambda r: r["image"] and r["image"]["alt"]),
    Column("description_html", Msg(N_("Deskripsi program dalam HTML yang sudah dibersihkan.")), lambda r: r["description_html"]),
    Column("calendar", Msg(N_("Alamat berkas kalender (ICS) program.")), lambda r: r["calendar"]),
    Column("updated", Msg(N_("Waktu perubahan terakhir isi program (UTC).")), lambda r: r["updated"]),
)


# A cell starting with one of these is run as a formula by spreadsheet programs (=HYPERLINK(...), +cmd|...).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """A value as a CSV cell that a spreadsheet shows as text: a text starting like a formula gets a leading '."""
    text = "" if value is None else str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _cell(value) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return spreadsheet_safe(value)


def programs_csv(records: list[dict]) -> str:
    """programs.csv: one row per program, columns as in COLUMNS. Written with a byte-order mark, so that a
    spreadsheet opens its letters right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS])
    for record in records:
        writer.writerow([_cell(c.value(record)) for c in COLUMNS])
    return out.getvalue()


def document(records: list[dict], *, lang: str, site: str, url: str | None, generated: datetime, licence) -> dict:
    return {"$schema": SCHEMA_NAME, "site": site, "url": url, "language": lang, "licence": licence_record(licence),
            "updated": generated.isoformat().replace("+00:00", "Z"), "programs": records}


def schema(lang: str, licence) -> dict:
    """The JSON Schema of programs.json, its descriptions in `lang`."""
    def t(doc) -> str:
        return (doc if isinstance(doc, Msg) else Msg(doc)).render(lang)

    def text(doc, nullable=False):
        return {"type": ["string", "null"] if nullable else "string", "description": t(doc)}

    coded = {"type": "object", "required": ["code", "label"], "additionalProperties": False,
             "properties": {"code": {"type": "string"}, "label": {"type": "string"}}}
    phone = {"type": ["object", "null"], "required": ["display", "number"], "additionalProperties": False,
             "properties": {"display": {"type": "string"}, "number": {"type": "string", "pattern": r"^\+[0-9]{6,15}$"}}}
    contact = {"type": ["object", "null"], "required": ["name"], "additionalProperties": False,
               "properties": {"name": {"type": "string", "minLength": 1}, "phone": phone, "whatsapp": phone,
                              "email": {"type": ["string", "null"]}}}
    moment = {"type": "string", "format": "date-time",
              "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})$"}
    day = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    by_name = {c.name: c.doc for c in COLUMNS}
    program = {
        "type": "object", "additionalProperties": False,
        "required": ["id", "slug", "url", "lang", "title", "summary", "category", "audiences", "languages", "partners",
                     "location", "mode", "status", "state", "course", "cost", "free", "schedule", "registration",
                     "accessibility", "contact", "description_html", "calendar", "updated"],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": t(by_name["id"])},
            "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": t(by_name["slug"])},
            "url": text(by_name["url"]),
            "lang": text(by_name["lang"]),
            "title": {**text(by_name["title"]), "minLength": 1},
            "summary": {**text(by_name["summary"]), "minLength": 1},
            "category": {**coded, "description": t(by_name["category"])},
            "audiences": {"type": "array", "items": coded, "minItems": 1, "description": t(by_name["audiences"])},
            "languages": {"type": "array", "items": coded, "minItems": 1, "description": t(by_name["languages"])},
            "partners": {"type": "array", "description": t(by_name["partners"]), "items": {
                "type": "object", "required": ["code", "label"], "additionalProperties": False,
                "properties": {"code": {"type": "string"}, "label": {"type": "string"},
                               "kind": {"type": ["string", "null"]}}}},
            "location": {"type": "object", "description": t(by_name["location"]), "additionalProperties": False,
                         "required": ["code", "online", "timezone"],
                         "properties": {"code": {"type": "string"}, "online": {"type": "boolean"},
                                        "label": {"type": ["string", "null"]}, "address": {"type": ["string", "null"]},
                                        "timezone": {"type": "string"}}},
            "mode": {"enum": ["offline", "online", "hybrid"], "description": t(by_name["mode"])},
            "status": {"enum": ["open", "full", "cancelled", "finished"], "description": t(by_name["status"])},
            "state": {"enum": list(PROGRAM_STATES), "description": t(by_name["state"])},
            "course": {"type": "boolean", "description": t(by_name["course"])},
            "cost": {"type": "integer", "minimum": 0, "description": t(by_name["cost"])},
            "free": {"type": "boolean"},
            "cost_note": text(by_name["cost_note"], nullable=True),
            "capacity": {"type": ["integer", "null"], "minimum": 1, "description": t(by_name["capacity"])},
            "schedule": {"type": "object", "additionalProperties": False,
                         "required": ["timezone", "repeat", "skipped", "sessions"],
                         "properties": {
                             "timezone": text(by_name["timezone"]),
                             "repeat": text(by_name["repeat"], nullable=True),
                             "skipped": {"type": "array", "items": day, "description": t(by_name["skipped"])},
                             "sessions": {"type": "array", "minItems": 1, "description": t(by_name["sessions"]),
                                          "items": {"type": "object", "additionalProperties": False,
                                                    "required": ["number", "start", "end", "cancelled", "moved_from",
                                                                 "state"],
                                                    "properties": {"number": {"type": "integer", "minimum": 1},
                                                                   "start": moment, "end": moment,
                                                                   "topic": {"type": ["string", "null"]},
                                                                   "cancelled": {"type": "boolean"},
                                                                   "moved_from": {**moment, "type": ["string", "null"],
                                                                                  "description": t(MOVED_DOC)},
                                                                   "state": {"enum": list(SESSION_STATES),
                                                                             "description": t(SESSION_STATE_DOC)}}}}}},
            "registration": {"type": "object", "description": t(spec_doc("registration")),
                             "additionalProperties": False,
                             "properties": {"form": {"type": ["string", "null"], "format": "uri"}, "whatsapp": phone,
                                            "phone": phone, "walk_in": {"type": ["string", "boolean", "null"]},
                                            "required": {"type": "boolean"}, "through": {"type": ["string", "null"]},
                                            "note": {"type": ["string", "null"]}}},
            "accessibility": {"type": "object", "description": t(spec_doc("accessibility")),
                              "additionalProperties": False, "required": ["features"],
                              "properties": {"features": {"type": "array", "items": coded,
                                                          "description": t(by_name["accessibility_features"])},
                                             "note": {"type": ["string", "null"]}, "contact": contact}},
            "image": {"type": ["object", "null"], "description": t(spec_doc("image")), "additionalProperties": False,
                      "required": ["url", "alt", "decorative"],
                      "properties": {"url": {"type": "string"}, "alt": {"type": "string"},
                                     "decorative": {"type": "boolean"}, "text": {"type": ["string", "null"]}}},
            "contact": {**contact, "type": "object", "description": t(spec_doc("contact"))},
            "description_html": text(by_name["description_html"]),
            "calendar": text(by_name["calendar"]),
            "updated": {**moment, "description": t(by_name["updated"])},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_NAME,
        "title": t(Msg(N_("Program perpustakaan"))),
        "description": t(Msg(N_("Semua program katalog beserta jadwal, tempat, biaya, aksesibilitas dan cara mendaftar. Lisensi CC BY 4.0: boleh dipakai ulang dengan menyebut sumbernya."))),
        "type": "object",
        "required": ["site", "language", "licence", "updated", "programs"],
        "properties": {
            "$schema": {"type": "string"},
            "site": {"type": "string"},
            "url": {"type": ["string", "null"]},
            "language": {"type": "string"},
            "licence": {"type": "object", "required": ["id", "url"],
                        "properties": {"id": {"const": licence.spdx}, "name": {"type": "string"},
                                       "url": {"const": licence.url}}},
            "updated": moment,
            "programs": {"type": "array", "items": program},
        },
    }
