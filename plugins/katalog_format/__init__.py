"""Template filters for dates, times, durations and money in the page's language, and gettext in templates."""

from __future__ import annotations

import hashlib
import os

from jinja2 import BytecodeCache, pass_context
from markupsafe import Markup, escape
from pelican import signals

from katalog import formatting
from katalog.plaintext import plain


def _lang(context) -> str:
    return context.get("DEFAULT_LANG") or "id"


def _filter(function):
    @pass_context
    def wrapped(context, *args):
        return function(*args, _lang(context))
    return wrapped


def groupby_in_order(items, attribute: str):
    """Groups consecutive items by a dotted attribute, keeping the order they come in."""
    def key(item):
        for name in attribute.split("."):
            item = getattr(item, name)
        return item
    groups = []
    for item in items:
        value = key(item)
        if groups and groups[-1][0] == value:
            groups[-1][1].append(item)
        else:
            groups.append((value, [item]))
    return groups


FILTERS = {
    "groupby_in_order": groupby_in_order,
    "day_full": _filter(formatting.day_full),
    "day_long": _filter(formatting.day_long),
    "clock": _filter(formatting.clock),
    "hour": _filter(formatting.hour),
    "weekday": _filter(formatting.weekday),
    "month_name": _filter(formatting.month_name),
    # {{ week.first | day_span(week.last) }}: the two ends of a span of days, ("23", "29 November 2026").
    "day_span": _filter(formatting.day_span),
    "zone": formatting.zone_abbreviation,
    "in_zones": formatting.in_zones,
    "join_list": _filter(lambda items, lang: Markup(formatting.join_list([escape(item) for item in items], lang))),
    # Plain text: items joined as the language joins them, for texts that are not HTML (calendar files, messages).
    "join_text": _filter(lambda items, lang: formatting.join_list([str(item) for item in items], lang)),
    "duration": _filter(lambda session, lang: formatting.duration(session.start, session.end, lang)),
    "zone_name": _filter(formatting.zone_name),
    "money": _filter(formatting.money),
    "file_size": _filter(formatting.file_size),
    "iso": lambda moment: moment.isoformat(),
    # A phone number (or any text) that is never broken across lines where the line has room for it (main.css).
    "unbroken": lambda text: Markup('<span class="unbroken">%s</span>') % text,
    # The text a plain-text macro (text.html) stands for, unescaped: for a link's query, never for the page itself.
    "plain": plain,
}


TESTS = {
    # {{ items | selectattr("program", "joinable_in", katalog) }}: programs one can still join (open or full).
    "joinable_in": lambda program, view: view.joinable(program),
}


class CompiledTemplates(BytecodeCache):
    """Each template compiled once. Pelican gives every generator of every language's site an environment of its
    own, and each would compile the theme's templates again; this keeps the compiled code in memory and hands it to
    every environment configured the same way, and keeps it in the cache folder (CACHE_PATH/katalog-templates) for
    the next build (`make serve` rebuilds). A changed template has another checksum and is compiled again."""

    def __init__(self):
        self.code: dict[tuple, tuple[str, object]] = {}
        self.compiled = 0
        self.folder: str | None = None

    def _file(self, key: tuple) -> str | None:
        if not self.folder:
            return None
        return os.path.join(self.folder, hashlib.sha256(repr(key).encode()).hexdigest()[:32] + ".cache")

    @staticmethod
    def _configuration(env) -> tuple:
        return (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                env.keep_trailing_newline, tuple(sorted(env.extensions)), env.optimized, env.is_async,
                env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape))

    def load_bytecode(self, bucket):
        key = (self._configuration(bucket.environment), bucket.key)
        kept = self.code.get(key)
        if kept and kept[0] == bucket.checksum:
            bucket.code = kept[1]
            return
        path = self._file(key)
        try:
            with open(path, "rb") as handle:
                bucket.load_bytecode(handle)  # left empty when the file is of another template version
        except (OSError, TypeError, ValueError, EOFError):
            bucket.reset()
        if bucket.code is not None:
            self.code[key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket):
        self.compiled += 1
        key = (self._configuration(bucket.environment), bucket.key)
        self.code[key] = (bucket.checksum, bucket.code)
        path = self._file(key)
        if path:
            try:
                os.makedirs(self.folder, exist_ok=True)
                temporary = f"{path}.{os.getpid()}"
                with open(temporary, "wb") as handle:
                    bucket.write_bytecode(handle)
                os.replace(temporary, path)  # a parallel build never reads half a file
            except OSError:
                pass  # a read-only cache folder: compiled again next time


COMPILED = CompiledTemplates()


def add_filters(generator):
    env = generator.env
    env.bytecode_cache = COMPILED
    # A build's templates do not change while it runs (make serve starts a new build on a change): no need to look
    # at each template file's time again every time a page includes or imports it.
    env.auto_reload = False
    cache = generator.settings.get("CACHE_PATH")
    if generator.settings.get("DEFAULT_LANG") == generator.settings.get("KATALOG_MAIN_LANG", generator.settings.get("DEFAULT_LANG")):
        # The main site's cache folder (language sub-sites have one inside it): one compiled copy for all.
        COMPILED.folder = os.path.join(cache, "katalog-templates") if cache else None
    env.filters.update(FILTERS)
    env.tests.update(TESTS)
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    if "gettext" not in env.globals:
        # Templates are written in Indonesian; another language's catalog is installed over this.
        env.install_null_translations(newstyle=True)


def register():
    signals.generator_init.connect(add_filters)
