"""Loads and checks the whole content folder: reference data, programs and pages, all problems at once."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import langcodes

from . import description, files, sample_facts
from .data import REQUIRED_VOCABULARIES, VOCABULARIES, VOCABULARY_EXAMPLES, Vocabulary, as_list, load_vocabulary
from .choices import MODE_CHOICES, STATUS_CHOICES
from .fact_pages import slugs as fact_slugs
from .forms import ChoiceWord
from .frontmatter import Mapping, SourceError, read_document
from .hours import EXAMPLE as HOURS_EXAMPLE, FORMS as HOURS_FORMS, read_hours
from .i18n import Msg
from .registration import note_contradiction
from .language_of_parts import tags_in
from .limits import DEFAULT_LIMITS, Limits
from .messages import Problem
from .model import (ONLINE, PAGE_FIELDS, PAGE_TRANSLATION_FIELDS, PROGRAM_FIELDS, PROGRAM_TRANSLATION_FIELDS,
                    Accessibility, Page, Parser, Program, Registration, Report, parse_phone, schedule_sessions, suggest)
from .schedule import zone
from .settings import katalog_settings, moment_problem
from .site import Site, apply_site, read_site
from .writing import (ERROR, OFF, WARNING, WRITING_DATA, LanguageGuess, Writing, WritingLimits, check_text,
                      expand_abbreviations, load_lists, severities, shortened)


@dataclass
class Catalog:
    settings: dict
    vocabularies: dict[str, Vocabulary]
    programs: list[Program] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Not stopping the build: what was removed from a description, and why.
    warnings: list[Problem] = field(default_factory=list)
    root: Path = Path(".")
    limits: Limits = DEFAULT_LIMITS
    markdown: dict = field(default_factory=dict)
    writing: Writing = field(default_factory=Writing)
    weights: dict = field(default_factory=lambda: severities(None))  # each writing rule: error, warning or off
    site: Site | None = None  # the library's own facts (content/data/site.yaml)
    _by_source: dict | None = field(default=None, repr=False)
    _by_key: dict | None = field(default=None, repr=False)

    def versions(self, item) -> dict[str, Program | Page]:
        """Every language version of the program or page that `item` is one version of."""
        if self._by_key is None:
            self._by_key = {}
            for kind, group in ((Program, self.programs), (Page, self.pages)):
                for other in group:
                    self._by_key.setdefault((kind, other.key), {})[other.lang] = other
        return dict(self._by_key.get((Program if isinstance(item, Program) else Page, item.key), {}))

    def choose(self, item, lang: str):
        """The version a `lang` sub-site shows: its own, else the first of the fallback languages that exists."""
        versions = self.versions(item)
        for candidate in (lang, *self.settings["KATALOG_FALLBACKS"].get(lang, ()), self.settings["KATALOG_MAIN_LANG"]):
            if candidate in versions:
                return versions[candidate]
        return versions[sorted(versions)[0]]

    def missing_translations(self) -> dict[str, list[Program | Page]]:
        """For each site language, the programs and pages that have no version in it (shown by their main version)."""
        missing = {lang: [] for lang in self.settings["KATALOG_LANGUAGES"]}
        for group in (self.programs, self.pages):
            keys = {}
            for item in group:
                keys.setdefault(item.key, {})[item.lang] = item
            for versions in keys.values():
                shown = versions.get(self.settings["KATALOG_MAIN_LANG"]) or versions[sorted(versions)[0]]
                for lang in missing:
                    if lang not in versions:
                        missing[lang].append(shown)
        return missing

    def by_source(self) -> dict[str, Program | Page]:
        """Programs and pages by the real path of their file (what Pelican's reader is given)."""
        if self._by_source is None:
            self._by_source = {item.source_path: item for item in (*self.programs, *self.pages)}
        return self._by_source


shown_path = files.shown

# Each file as last read and checked, so that a process that builds again and again (make serve's) reads only the
# files that changed: by path, the file's bytes, what else its reading depends on, and what reading it gave.
_READ_FILES: dict[str, tuple[tuple, object, list[Problem], list[Problem]]] = {}
READS = {"files": 0}  # how many files were read and checked (not taken from the cache), for the build's tests


def _surroundings(content_root: Path, ks: dict, settings: dict, data_dir: Path) -> str:
    """Everything besides a file itself that reading it depends on: the settings, the data files and the images."""
    digest = hashlib.sha256(repr((sorted(ks.items(), key=str), _markdown_settings(settings))).encode())
    for folder in (data_dir, content_root / ks["KATALOG_IMAGE_DIR"]):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _key(path: Path, folder: Path) -> str:
    """A file's program or page: its folder inside `folder` (or, for a file directly in it, its name)."""
    parent = os.path.dirname(os.path.relpath(path, folder))
    return parent or path.stem


def _load_cached(path: Path, folder: Path, catalog: Catalog, declared, build, surroundings: str, tokens: dict,
                 mains: dict | None = None):
    """_load_item, or what it gave last time for the same file in the same surroundings."""
    try:
        token = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        token = None
    depends = ""
    if mains is not None:  # a translation: also on its main version
        key = _key(path, folder)
        main = mains.get(key)
        depends = tokens.get(main.source_path, "") if main else \
            f"missing:{(folder / key / (catalog.settings['KATALOG_MAIN_LANG'] + '.md')).is_file()}"
    signature = (token, surroundings, depends)
    tokens[str(path)] = f"{token}:{depends}"
    kept = _READ_FILES.get(str(path))
    if token is not None and kept and kept[0] == signature:
        catalog.problems.extend(kept[2])
        catalog.warnings.extend(kept[3])
        return kept[1]
    problems, warnings = len(catalog.problems), len(catalog.warnings)
    READS["files"] += 1
    item = _load_item(path, folder, catalog, declared, build, mains=mains)
    _READ_FILES[str(path)] = (signature, item, catalog.problems[problems:], catalog.warnings[warnings:])
    return item


def load_catalog(content_root: str | Path, settings: dict) -> Catalog:
    """Reads everything under the content folder and returns the catalog with every problem found."""
    content_root = Path(content_root).resolve()
    problems: list[Problem] = []
    try:
        limits = Limits.from_setting(settings.get("KATALOG_LIMITS"))
    except (TypeError, ValueError) as error:
        problems.append(Problem("KATALOG_LIMITS", None, None, "bad_setting", {"detail": str(error)}))
        limits = DEFAULT_LIMITS
    if moment_problem(settings):
        problems.append(Problem("KATALOG_TODAY", None, None, "bad_setting", {"detail": moment_problem(settings)}))
    if not content_root.is_dir():
        problems.append(Problem(shown_path(content_root), None, None, "no_content_folder", {"value": shown_path(content_root)}))
        return Catalog(katalog_settings(settings), {name: Vocabulary(name, "") for name in VOCABULARIES},
                       problems=problems, root=content_root, limits=limits)
    # Nothing is read before the tree is known to hold only regular files and folders inside it.
    files.check_tree(content_root, problems)
    # The library's facts first: they decide the site's languages, its time zone and, for the sample, its day.
    site = read_site(content_root, settings, problems, shown_path, limits)
    apply_site(settings, content_root, site)
    if site.sample is None:  # a library's own catalog: nothing of the sample may be left in it
        sample_facts.find(content_root, problems, shown_path)
    ks = katalog_settings(settings)
    main = ks["KATALOG_MAIN_LANG"]
    for folder in (ks["KATALOG_PROGRAM_DIR"], ks["KATALOG_PAGE_DIR"]):
        files.check_folder_names(content_root / folder, problems)
        files.check_stray_files(content_root / folder, problems)
    files.check_images(content_root / ks["KATALOG_IMAGE_DIR"], limits, problems)
    data_dir = content_root / ks["KATALOG_DATA_DIR"]
    folders = {ks[f"KATALOG_{kind}_DIR"] for kind in ("PROGRAM", "PAGE", "IMAGE", "DATA")}
    folders |= {Path(p).parts[0] for key in ("STATIC_PATHS", "ARTICLE_PATHS", "PAGE_PATHS")
                for p in settings.get(key) or () if p and Path(p).parts}  # what the site's settings add
    files.check_unread(content_root, folders, "unread_folder", problems, folders=True)
    files.check_unread(data_dir, {f"{name}.yaml" for name in (*VOCABULARIES, *WRITING_DATA, "site")}, "unread_data_file",
                       problems, folders=False)
    vocabularies = {name: load_vocabulary(name, data_dir / f"{name}.yaml", shown_path(data_dir / f"{name}.yaml"),
                                          main, problems, limits)
                    for name in VOCABULARIES}
    _check_locations(vocabularies, problems)
    _check_languages(vocabularies, problems)
    catalog = Catalog(ks, vocabularies, problems=problems, root=content_root, limits=limits,
                      markdown=_markdown_settings(settings), site=site)
    catalog.writing, catalog.weights = _writing(settings, ks, data_dir, problems, limits)

    surroundings, tokens = _surroundings(content_root, ks, settings, data_dir), {}
    kinds = ((ks["KATALOG_PROGRAM_DIR"], catalog.programs, PROGRAM_FIELDS, _program, PROGRAM_TRANSLATION_FIELDS),
             (ks["KATALOG_PAGE_DIR"], catalog.pages, PAGE_FIELDS, _page, PAGE_TRANSLATION_FIELDS))
    for folder_name, items, declared, build, translated in kinds:
        folder, mains = content_root / folder_name, {}
        # Main-language files first: a translation takes its facts from one.
        # A language switched off in site.yaml keeps its files, unread, until it is switched on again.
        sources = [p for p in files.regular_files(folder) if files.is_language_file(p, folder)
                   and _file_lang(p, ks) not in site.switched_off]
        for path in sorted(sources, key=lambda p: (_file_lang(p, ks) != main, p)):
            if _file_lang(path, ks) == main:
                item = _load_cached(path, folder, catalog, declared, build, surroundings, tokens)
            else:
                item = _load_cached(path, folder, catalog, translated, build, surroundings, tokens, mains=mains)
            if item:
                items.append(item)
                mains.setdefault(item.key, item)
    if catalog.writing.detector is not None:
        catalog.writing.detector.save()
    if any(files.regular_files(content_root / ks["KATALOG_PROGRAM_DIR"])):
        _check_required_vocabularies(vocabularies, problems)
    _check_duplicates(catalog)
    _apply_strictness(catalog)
    if ks["KATALOG_REQUIRE_TRANSLATIONS"]:
        for lang, items in catalog.missing_translations().items():
            for item in items:
                catalog.problems.append(Problem(item.source, None, None, "missing_translation",
                                                {"value": lang, "detail": f"{item.key}/{lang}.md"}))
    return catalog


def _markdown_settings(settings: dict) -> dict:
    """MARKDOWN as Pelican's Markdown reader uses it: every configured extension also enabled (Pelican adds them
    when its reader starts, which a check without a build never does)."""
    markdown = dict(settings.get("MARKDOWN") or {"output_format": "html5"})
    extensions = list(markdown.get("extensions") or [])
    markdown["extensions"] = extensions + [name for name in markdown.get("extension_configs") or {}
                                           if name not in extensions]
    return markdown


def _writing(settings: dict, ks: dict, data_dir: Path, problems: list[Problem], limits: Limits):
    """The accessible-writing rules as this site weighs them, with its lists and, where it can, a language guess."""
    try:
        writing_limits = WritingLimits.from_setting(ks["KATALOG_WRITING_LIMITS"])
        weights = severities(ks["KATALOG_WRITING"])
    except (TypeError, ValueError) as error:
        problems.append(Problem("KATALOG_WRITING", None, None, "bad_setting", {"detail": str(error)}))
        writing_limits, weights = WritingLimits(), severities(None)
    abbreviations, vague = load_lists(data_dir, shown_path, ks["KATALOG_MAIN_LANG"], problems, limits)
    detector = None
    if weights["description_language"] != OFF:
        cache = Path(settings.get("CACHE_PATH") or "cache") / "katalog-languages.json"
        detector = LanguageGuess.for_site(ks["KATALOG_LANGUAGES"], cache)
    return Writing(writing_limits, vague, abbreviations, detector), weights


def _check_writing(catalog: Catalog, parser: Parser, item, document) -> None:
    """The accessible-writing rules on one file's own text, each reported as this site weighs it."""
    program = isinstance(item, Program)
    # Numbers that are already links elsewhere on the page: the program's channels and the library's help.
    phones = set()
    holders = (item.contact, item.registration, item.accessibility.contact) if program else ()
    for holder in holders:
        for name in ("phone", "whatsapp"):
            phone = getattr(holder, name, None) if holder else None
            if phone:
                phones.add(phone.digits)
    if catalog.site:
        phones |= {phone.digits for phone in (catalog.site.help.phone, catalog.site.help.whatsapp) if phone}
    meta_image = document.meta.get("image")
    image_lines = meta_image.key_lines if isinstance(meta_image, Mapping) else {}
    own_image = program and item.image is not None and isinstance(meta_image, Mapping)
    found = check_text(catalog.writing, lang=item.lang, title=item.title, summary=item.summary, body=document.body,
                       body_line=document.body_line, html=item.html, lines=dict(document.meta.key_lines),
                       heading_level=3 if program else 2, phones=phones, image=item.image if own_image else None,
                       image_lines=image_lines, prose=_prose(item, document) if program else None)
    for finding in found:
        weight = catalog.weights[finding.code]
        if weight == ERROR:
            parser.problem(finding.line, finding.field, finding.code, **finding.params)
        elif weight == WARNING:
            parser.warn(finding.line, finding.field, finding.code, **finding.params)


def _prose(program, document) -> dict:
    """The words of a program's front matter that its pages, share text and calendar show, each with its line."""
    lines = dict(document.meta.key_lines)
    found = {}
    for name, holder, attribute in (("cost_note", program, "cost_note"), ("registration.note", program.registration, "note"),
                                    ("registration.walk_in", program.registration, "walk_in"),
                                    ("accessibility.note", program.accessibility, "note")):
        text = getattr(holder, attribute, None) if holder else None
        if isinstance(text, str) and text:
            parent, _, child = name.rpartition(".")
            meta = document.meta.get(parent) if parent else None
            inner = meta.key_lines if isinstance(meta, Mapping) else {}
            found[name] = (text, inner.get(child, lines.get(parent or name, 1)))
    return found


def _apply_strictness(catalog: Catalog) -> None:
    """In strict checks (a pull request's), a warning about a file the change touches stops the build."""
    ks = catalog.settings
    if not ks["KATALOG_STRICT"]:
        return
    changed = ks["KATALOG_CHANGED_FILES"]
    if changed is not None:
        changed = {os.path.realpath(path) for path in changed}
    kept = []
    for warning in catalog.warnings:
        if changed is None or os.path.realpath(warning.path) in changed:
            catalog.problems.append(replace(warning, warning=False))
        else:
            kept.append(warning)
    catalog.warnings[:] = kept


def _all_names(fields) -> tuple[str, ...]:
    return tuple(name for spec in fields for name in (spec.name, *_all_names(spec.children)))


def _file_lang(path: Path, ks: dict) -> str:
    return path.stem if files.language_tag(path.stem) else ks["KATALOG_MAIN_LANG"]


def _load_item(path: Path, folder: Path, catalog: Catalog, declared, build, mains: dict | None = None):
    """One file: a main-language version built by `build`, or (given the main versions by key) a translation."""
    source = shown_path(path)
    limits = catalog.limits
    try:
        if path.stat().st_size > 4 * (limits.front_matter_chars + limits.body_chars):  # UTF-8: at most 4 bytes a character
            raise SourceError("file_too_long", 1, str(limits.front_matter_chars + limits.body_chars))
        document = read_document(path.read_bytes(), limits)
    except SourceError as error:
        catalog.problems.append(Problem(source, error.line, error.field or None, error.code,
                                        {"detail": error.detail, "value": error.value}))
        return None
    except OSError as error:
        catalog.problems.append(Problem(source, None, None, "read_error", {"detail": error.strerror or str(error)}))
        return None
    key = _key(path, folder)
    languages = catalog.settings["KATALOG_LANGUAGES"]
    lang = str(document.meta.get("lang") or _file_lang(path, catalog.settings)).strip()
    if lang not in languages:
        line = document.meta.line_of("lang") if "lang" in document.meta else 1
        catalog.problems.append(Problem(source, line, "lang", "lang_not_site",
                                        {"value": lang, "choices": ", ".join(languages)}))
        return None
    main_item = None
    translation_of = ()
    main_file = ""
    if mains is not None:
        main_item = mains.get(key)
        main_file = f"{key}/{catalog.settings['KATALOG_MAIN_LANG']}.md"
        if main_item is None and not (folder / main_file).is_file():
            catalog.problems.append(Problem(source, 1, None, "no_main_version", {"detail": main_file}))
            return None
        # When the main file has problems of its own (already reported), this file's own text is still checked.
        translation_of = _all_names(PROGRAM_FIELDS if declared is PROGRAM_TRANSLATION_FIELDS else PAGE_FIELDS)
        main_file = main_item.source if main_item else shown_path(folder / main_file)
    parser = Parser(source, catalog.vocabularies, catalog.settings, catalog.problems,
                    translation_of=translation_of, main_file=main_file, warnings=catalog.warnings)
    for finding in document.findings:
        parser.problem(finding.line, finding.field or None, "bad_character", value=finding.character.describe(),
                       detail=finding.character.index + 1)
    values = parser.fields(document.meta, declared)
    lang = values.get("lang") or lang
    slug = values.get("slug") or os.path.basename(key)  # the program's folder, or the file's name
    if main_item is not None:
        item = _translation(parser, document, values, main_item, source=source, lang=lang)
    elif mains is not None:
        item = None  # a translation waiting for its main file
    else:
        item = build(parser, document, values, source=source, key=key, slug=slug, lang=lang, path=path)
    fields_ok = parser.ok
    for line, tag in tags_in(document.body, document.body_line):
        if not langcodes.tag_is_valid(tag):
            parser.problem(line, "description", "bad_language_of_part", value=tag,
                           suggestion=suggest(tag, catalog.vocabularies["languages"].entries))
    rendered = description.render(document.body, document.body_line, catalog.markdown, catalog.root,
                                  catalog.settings["KATALOG_IMAGE_DIR"], limits)
    for finding in rendered.findings:
        if finding.warning:
            catalog.warnings.append(Problem(source, finding.line, "description", finding.code, finding.params, True))
        else:
            parser.problem(finding.line, "description", finding.code, **finding.params)
    if item is not None and fields_ok and rendered.text_to_check is not None:
        item.html = rendered.text_to_check
        _check_writing(catalog, parser, item, document)
    if item is None or not parser.ok:
        return None
    item.source_path = str(path)
    item.html = expand_abbreviations(rendered.html, item.lang, catalog.writing.abbreviations,
                                     catalog.settings["KATALOG_MAIN_LANG"])
    return item


def _page(parser, document, values, **common):
    common.pop("path")
    return Page(title=values["title"], summary=values.get("summary") or "", menu=values.get("menu"),
                menu_title=values.get("menu_title") or values["title"],
                body=document.body, body_line=document.body_line, lines=dict(document.meta.key_lines), **common)


def _translation(parser: Parser, document, values, main, *, source: str, lang: str):
    """The main version with this file's texts; every text the main version has must be translated."""
    def needs(present_in_main, value, field, original):
        if present_in_main and not value:
            line = document.meta.line_of(field.split(".")[0]) if field.split(".")[0] in document.meta else 1
            parser.problem(line, field, "untranslated_field", detail=main.source, value=original)

    common = dict(title=values["title"], summary=values["summary"], lang=lang, source=source,
                  body=document.body, body_line=document.body_line, lines=dict(document.meta.key_lines))
    needs(bool(main.body.strip()), document.body.strip(), "description", main.body.strip()[:60] + "...")
    if isinstance(main, Page):
        translated_menu = values.get("menu_title") or (values["title"] if main.menu_title == main.title else "")
        needs(main.menu_title != main.title, translated_menu, "menu_title", main.menu_title)
        return replace(main, **common, menu_title=translated_menu or main.menu_title) if parser.ok else None
    registration = values.get("registration") or {}
    accessibility = values.get("accessibility") or {}
    image = values.get("image") or {}
    walk_in = main.registration.walk_in
    needs(isinstance(walk_in, str), registration.get("walk_in"), "registration.walk_in", walk_in)
    needs(bool(main.registration.note), registration.get("note"), "registration.note", main.registration.note)
    needs(bool(main.registration.through), registration.get("through"), "registration.through", main.registration.through)
    needs(bool(main.accessibility.note), accessibility.get("note"), "accessibility.note", main.accessibility.note)
    needs(bool(main.image and main.image.alt), image.get("alt"), "image.alt", main.image.alt if main.image else "")
    needs(bool(main.image and main.image.text), image.get("text"), "image.text", main.image.text if main.image else "")
    needs(bool(main.cost_note), values.get("cost_note"), "cost_note", main.cost_note)
    topics = values.get("session_topics") or ()
    main_topics = [s.topic for s in main.sessions if s.topic]
    needs(bool(main_topics), topics, "session_topics", ", ".join(main_topics))
    if topics and len(topics) != len(main.sessions):
        parser.problem(document.meta.line_of("session_topics"), "session_topics", "topics_count",
                       value=len(topics), detail=len(main.sessions))
    if not parser.ok:
        return None
    return replace(
        main, **common,
        registration=replace(main.registration, walk_in=registration.get("walk_in") or walk_in,
                             through=registration.get("through") or main.registration.through,
                             note=registration.get("note") or main.registration.note),
        accessibility=replace(main.accessibility, note=accessibility.get("note") or main.accessibility.note),
        cost_note=values.get("cost_note") or main.cost_note,
        image=replace(main.image, alt=image.get("alt") or main.image.alt,
                      text=image.get("text") or main.image.text) if main.image else None,
        sessions=tuple(replace(s, topic=t) for s, t in zip(main.sessions, topics)) if topics else main.sessions,
    )


def _text_channels(values) -> list[str]:
    """The ways to register or ask that need neither hearing nor speaking: WhatsApp, e-mail, a web form."""
    registration = values.get("registration") or {}
    contacts = [values.get("contact"), (values.get("accessibility") or {}).get("contact")]
    found = [name for name in ("whatsapp", "form") if registration.get(name)]
    found += [name for contact in contacts if contact for name in ("whatsapp", "email") if getattr(contact, name, None)]
    return found


def _check_text_channel(parser, values, meta, settings):
    """Everyone can register or ask without a voice call; a form is never the only way."""
    registration = values.get("registration") or {}
    line = meta.line_of("registration")
    if registration.get("form") and not any(registration.get(k) for k in ("whatsapp", "phone", "walk_in")):
        parser.problem(line, "registration", "form_only")
    if _text_channels(values):
        return
    features = set((values.get("accessibility") or {}).get("features") or ())
    needing = features & set(settings["KATALOG_TEXT_CHANNEL_FEATURES"])
    site = settings.get("KATALOG_SITE")
    if needing:
        parser.problem(line, "registration", "no_text_channel_deaf", value=", ".join(sorted(needing)))
    elif site and (site.help.whatsapp or site.help.email):
        parser.warn(line, "registration", "no_text_channel")
    else:
        parser.problem(line, "registration", "no_text_channel")


def _program(parser: Parser, document, values, *, path: Path, **common):
    settings = parser.settings
    meta = document.meta
    location_code = values.get("location")
    locations = parser.vocabularies["locations"]
    mode = values.get("mode") or (ONLINE if location_code == ONLINE else "offline")
    if location_code == ONLINE and mode in ("offline", "hybrid"):
        parser.problem(meta.line_of("location"), "location", "needs_place",
                       value=str(meta["mode"]).strip() if meta.get("mode") else ChoiceWord(MODE_CHOICES, mode),
                       example=ChoiceWord(MODE_CHOICES, "online"))

    schedule = values.get("schedule")
    sessions = None
    zone_name = None
    if schedule:
        raw, schedule_values = schedule
        zone_name = schedule_values.get("timezone")
        if zone_name is None and "timezone" not in raw:
            if location_code and location_code != ONLINE and location_code in locations:
                zone_name = str(locations[location_code].details.get("timezone") or settings["KATALOG_TIMEZONE"])
            else:
                zone_name = settings["KATALOG_TIMEZONE"]
        if zone_name and zone(zone_name):
            sessions = schedule_sessions(parser, schedule, zone_name)

    registration = values.get("registration")
    channels = ("form", "whatsapp", "phone", "walk_in", "through")
    # A channel written but malformed has its own message; this one is for no channel at all. A program one just
    # comes to (required: false) needs none.
    raw_registration = meta.get("registration")
    written = isinstance(raw_registration, dict) and any(raw_registration.get(k) for k in channels)
    read = Registration(**registration) if registration is not None else None
    if read and not read.needed:
        if mode == ONLINE:
            parser.problem(raw_registration.line_of("required"), "registration.required", "just_come_online")
        if read.through:
            parser.problem(raw_registration.line_of("through"), "registration.through", "through_and_not_required")
    if read and not written and read.needed:
        parser.problem(meta.line_of("registration"), "registration", "no_registration")
    elif read and values.get("status") in ("open", "full"):
        _check_text_channel(parser, values, meta, settings)
    said = note_contradiction(read) if read and isinstance(raw_registration, Mapping) else None
    if said:
        parser.warn(raw_registration.line_of("note"), "registration.note", f"note_says_{said}",
                    value=shortened(read.note, 80))

    image = values.get("image")
    if image is not None:
        src_line = meta["image"].line_of("src")
        image_dir = settings["KATALOG_IMAGE_DIR"]
        relative = description.image_path(image.src, image_dir)
        if relative is None:
            parser.problem(src_line, "image.src", "image_outside", value=image.src, detail=image_dir)
        elif not (_content_root(path, settings) / relative).is_file():
            parser.problem(src_line, "image.src", "image_missing_file", value=image.src)
        else:
            image = replace(image, src=relative)

    status = values.get("status")
    today = settings["KATALOG_TODAY"]
    if sessions and status == "open" and sessions[0][-1].end.date() < today:
        # Time passing never stops a build: the site shows the program as past everywhere, and says so here.
        last = sessions[0][-1].end.date().isoformat()
        parser.warn(meta.line_of("status"), "status", "open_but_past", detail=last, value=str(meta["status"]).strip(),
                    example=ChoiceWord(STATUS_CHOICES, "finished"))

    report = _report(parser, values.get("report"), meta, sessions[0] if sessions else None, today)

    if not parser.ok or sessions is None:
        return None
    session_list, rule, skipped = sessions
    accessibility = values.get("accessibility") or {}
    return Program(
        title=values["title"], summary=values["summary"], category=values["category"],
        audiences=values["audience"], languages=values["languages"], partners=values.get("partners") or (),
        location=location_code, mode=mode, timezone=zone_name, sessions=session_list, status=status,
        cost=values["cost"], capacity=values.get("capacity"), cost_note=values.get("cost_note") or "",
        registration=Registration(**{k: v for k, v in registration.items()}),
        accessibility=Accessibility(tuple(accessibility.get("features") or ()), accessibility.get("note"),
                                    accessibility.get("contact")),
        image=image, contact=values["contact"], body=document.body, body_line=document.body_line,
        repeat=rule, skipped=skipped, course=bool(values.get("course")), report=report, lines=dict(meta.key_lines),
        **common)


def _report(parser: Parser, values, meta, sessions, today) -> Report | None:
    """The report block, its figures checked against each other and against the schedule."""
    if not values or values.get("participants") is None:
        return None
    raw = meta["report"]
    report = Report(**{k: v for k, v in values.items() if v is not None})
    total = report.participants
    split = [n for n in (report.women, report.men) if n is not None]
    if sum(split) > total:
        parser.problem(raw.line_of("women" if report.women is not None else "men"), "report", "report_figures",
                       value=f"{sum(split)}", detail=total, example=f"participants: {sum(split)}")
    if report.disability is not None and report.disability > total:
        parser.problem(raw.line_of("disability"), "report.disability", "report_figures", value=report.disability,
                       detail=total, example=f"participants: {report.disability}")
    if sessions:
        if report.sessions_held is not None and report.sessions_held > len(sessions):
            parser.problem(raw.line_of("sessions_held"), "report.sessions_held", "report_sessions",
                           value=report.sessions_held, detail=len(sessions))
        if sessions[0].start.date() > today:
            parser.warn(meta.line_of("report"), "report", "report_too_early", value=sessions[0].start.date().isoformat())
    return report


def _content_root(path: Path, settings) -> Path:
    for parent in path.parents:
        if parent.name == settings["KATALOG_PROGRAM_DIR"]:
            return parent.parent
    return path.parent


def _check_duplicates(catalog: Catalog):
    seen: dict[tuple[str, str, str], Program | Page] = {}
    # A page at a fact page's address is the library's own words for it, not a clash (katalog.fact_pages).
    reserved = set(catalog.settings["KATALOG_PATHS"].values()) - set(fact_slugs(catalog.settings).values())
    reserved |= set(catalog.settings["KATALOG_LANGUAGES"])
    for item in (*catalog.programs, *catalog.pages):
        kind = "program" if isinstance(item, Program) else "page"
        key = (kind, item.lang, item.slug)
        if kind == "page" and item.slug in reserved:
            catalog.problems.append(Problem(item.source, 1, "slug", "reserved_slug",
                                            {"value": item.slug, "choices": ", ".join(sorted(reserved))}))
        elif key in seen:
            # Point at the file whose own `slug:` line makes the clash, if one of them has it.
            first, second = seen[key], item
            if "slug" in first.lines and "slug" not in second.lines:
                first, second = second, first
            catalog.problems.append(Problem(second.source, second.lines.get("slug", 1), "slug", "duplicate_slug",
                                            {"value": second.slug, "detail": first.source}))
        else:
            seen[key] = item
    bad = {p.path for p in catalog.problems}
    catalog.programs = [p for p in catalog.programs if p.source not in bad]
    catalog.pages = [p for p in catalog.pages if p.source not in bad]


def _check_required_vocabularies(vocabularies, problems):
    """Every program needs a category, an audience, a language and a place: their lists must hold something."""
    for name in REQUIRED_VOCABULARIES:
        vocabulary = vocabularies[name]
        if not vocabulary.entries and not any(p.path == vocabulary.data_file for p in problems):
            problems.append(Problem(vocabulary.data_file, None, None, "missing_data_file",
                                    {"vocabulary": vocabulary.noun(), "data_file": vocabulary.data_file,
                                     "example": VOCABULARY_EXAMPLES[name]}))


def _check_locations(vocabularies, problems):
    locations = vocabularies["locations"]
    features = vocabularies["accessibility"]
    for entry in locations.entries.values():
        lines = entry.details.get("_lines", {})
        name = entry.details.get("timezone")
        if name is None:
            problems.append(Problem(locations.data_file, entry.line, f"{entry.code}.timezone", "missing",
                                    {"expected": Msg("zona waktu IANA lokasi"),
                                     "example": "timezone: Asia/Jakarta"}))
        elif not zone(str(name)):
            problems.append(Problem(locations.data_file, lines.get("timezone", entry.line), f"{entry.code}.timezone",
                                    "unknown_timezone", {"value": name}))
        short = entry.details.get("short")
        if short is not None and not (isinstance(short, str) or (isinstance(short, Mapping) and short
                                      and all(isinstance(text, str) and text.strip() for text in short.values()))):
            problems.append(Problem(locations.data_file, lines.get("short", entry.line), f"{entry.code}.short",
                                    "wrong_shape", {"expected": Msg("nama pendek tempat: teks, atau teks per bahasa"),
                                                    "example": "short: {id: Cabang Ketapang, en: Ketapang branch}"}))
        if entry.details.get("hours") is not None:
            openings, errors = read_hours(entry.details["hours"], str(name or ""))
            entry.details["_hours"] = openings
            for error in errors:
                problems.append(Problem(locations.data_file, error.line or lines.get("hours", entry.line),
                                        f"{entry.code}.hours" + (f".{error.field}" if error.field else ""), "bad_hours",
                                        {"value": error.value, "detail": Msg(error.detail), "expected": Msg(HOURS_FORMS),
                                         "example": HOURS_EXAMPLE}))
        for feature in as_list(entry.details.get("accessibility")):
            if str(feature) not in features:
                problems.append(Problem(locations.data_file, getattr(feature, "line", entry.line),
                                        f"{entry.code}.accessibility", "unknown_value",
                                        {"value": feature, "vocabulary": features.noun(), "data_file": features.data_file,
                                         "choices": ", ".join(features.entries),
                                         "suggestion": suggest(str(feature), features.entries)}))


def _check_languages(vocabularies, problems):
    languages = vocabularies["languages"]
    for entry in languages.entries.values():
        if not langcodes.tag_is_valid(entry.code):
            problems.append(Problem(languages.data_file, entry.line, entry.code, "bad_language", {"value": entry.code}))

