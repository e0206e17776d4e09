"""Every message the content checks can give, in each language, and how a problem is reported."""

from __future__ import annotations

from dataclasses import dataclass, field

# Each entry: (what is wrong, what was expected, how to fix it). Placeholders come from
# Problem.params. A language missing here falls back to MESSAGE_FALLBACK.
MESSAGES: dict[str, dict[str, tuple[str, str, str]]] = {
    "encoding": {
        "id": ("Berkas ini bukan teks UTF-8: ada karakter yang tidak terbaca di baris ini.",
               "teks dengan pengodean UTF-8",
               "Simpan ulang berkas sebagai UTF-8. Di editor GitHub: salin isinya ke berkas baru. "
               "Periksa huruf beraksen dan tanda kutip miring yang disalin dari pengolah kata."),
        "en": ("This file is not UTF-8 text: a character on this line cannot be read.",
               "text encoded as UTF-8",
               "Save the file again as UTF-8. In the GitHub editor: paste its text into a new file. "
               "Check accented letters and curly quotes pasted from a word processor."),
    },
    "no_front_matter": {
        "id": ("Berkas tidak diawali bagian data (front matter).",
               "baris pertama berisi tiga tanda hubung: ---",
               "Tambahkan --- di baris pertama, isi kolom-kolomnya, lalu tutup dengan --- di baris tersendiri."),
        "en": ("The file does not start with its data section (front matter).",
               "a first line of three dashes: ---",
               "Put --- on the first line, then the fields, then close with --- on a line of its own."),
    },
    "unclosed_front_matter": {
        "id": ("Bagian data dibuka dengan --- tetapi tidak pernah ditutup.",
               "baris --- kedua setelah kolom terakhir",
               "Tambahkan baris berisi --- setelah kolom terakhir, sebelum teks deskripsi."),
        "en": ("The data section opens with --- but is never closed.",
               "a second --- line after the last field",
               "Add a line with --- after the last field, before the description text."),
    },
    "front_matter_not_mapping": {
        "id": ("Bagian data harus berisi kolom dengan format nama: nilai.",
               "baris seperti title: Kelas Komputer Dasar",
               "Tulis setiap kolom sebagai nama, titik dua, spasi, lalu nilainya."),
        "en": ("The data section must hold fields written as name: value.",
               "lines such as title: Computer Basics",
               "Write each field as its name, a colon, a space, then its value."),
    },
    "yaml": {
        "id": ("Bagian data (YAML) tidak bisa dibaca di sini: {detail}.",
               "setiap kolom ditulis nama: nilai, dengan indentasi yang rapi",
               "Periksa baris ini dan baris sebelumnya: titik dua setelah nama kolom, jumlah spasi di awal "
               "baris harus sama untuk kolom yang sejajar, tanda kutip harus berpasangan. "
               "Nilai yang memuat titik dua atau # sebaiknya diapit tanda kutip."),
        "en": ("The data section (YAML) cannot be read here: {detail}.",
               "every field written as name: value, with tidy indentation",
               "Check this line and the one before: a colon after each field name, the same number of "
               "leading spaces for fields at the same level, quotes in pairs. "
               "Put quotes around a value that contains a colon or #."),
    },
    "duplicate_key": {
        "id": ("Kolom «{detail}» ditulis dua kali.", "setiap kolom satu kali saja",
               "Hapus salah satunya, atau gabungkan isinya."),
        "en": ("The field «{detail}» appears twice.", "each field once",
               "Remove one of them, or merge what they say."),
    },
    "missing": {
        "id": ("Kolom «{field}» wajib diisi, tetapi tidak ada atau kosong.", "{expected}",
               "Tambahkan kolom «{field}» dengan isinya. Contoh: {example}"),
        "en": ("The field «{field}» is required but missing or empty.", "{expected}",
               "Add the field «{field}» with a value. Example: {example}"),
    },
    "unknown_field": {
        "id": ("Kolom «{field}» tidak dikenal, jadi isinya akan diabaikan.", "salah satu kolom: {choices}",
               "{suggestion}Periksa ejaannya di panduan (docs/panduan.md)."),
        "en": ("The field «{field}» is not known, so its value would be ignored.", "one of the fields: {choices}",
               "{suggestion}Check the spelling in the guide (docs/guide.md)."),
    },
    "wrong_shape": {
        "id": ("Isi kolom «{field}» tidak berbentuk yang benar.", "{expected}",
               "Tulis ulang seperti contoh ini: {example}"),
        "en": ("The field «{field}» does not have the right form.", "{expected}",
               "Write it like this example: {example}"),
    },
    "unknown_value": {
        "id": ("«{value}» bukan {vocabulary} yang dikenal.", "salah satu dari: {choices}",
               "{suggestion}Nilai baru bisa ditambahkan di {data_file}."),
        "en": ("«{value}» is not a known {vocabulary}.", "one of: {choices}",
               "{suggestion}New values can be added in {data_file}."),
    },
    "unknown_reference": {
        "id": ("«{value}» tidak ada di daftar {vocabulary}.", "kode salah satu dari: {choices}",
               "{suggestion}Jika ini {vocabulary} baru, tambahkan dulu datanya di {data_file}."),
        "en": ("«{value}» is not in the list of {vocabulary}.", "the code of one of: {choices}",
               "{suggestion}If it is a new one, add its details to {data_file} first."),
    },
    "bad_datetime": {
        "id": ("«{value}» bukan tanggal dan jam yang benar.",
               "tanggal dan jam dalam format TTTT-BB-HH JJ:MM, misalnya 2026-12-02 09:00",
               "Tulis tahun-bulan-tanggal, spasi, lalu jam:menit (24 jam). Periksa bulan (1-12), tanggal, dan jam (00-23)."),
        "en": ("«{value}» is not a valid date and time.",
               "a date and time as YYYY-MM-DD HH:MM, e.g. 2026-12-02 09:00",
               "Write year-month-day, a space, then hour:minute (24-hour clock). Check the month (1-12), the day and the hour (00-23)."),
    },
    "bad_end": {
        "id": ("«{value}» bukan jam selesai yang benar.",
               "jam JJ:MM pada hari yang sama (misalnya 11:30), atau tanggal dan jam TTTT-BB-HH JJ:MM",
               "Tulis jam selesai dengan format 24 jam, misalnya 11:30 atau 2026-12-02 11:30."),
        "en": ("«{value}» is not a valid end time.",
               "a time HH:MM on the same day (e.g. 11:30), or a date and time YYYY-MM-DD HH:MM",
               "Write the end time on the 24-hour clock, e.g. 11:30 or 2026-12-02 11:30."),
    },
    "bad_date": {
        "id": ("«{value}» bukan tanggal yang benar.", "tanggal TTTT-BB-HH, misalnya 2026-12-25",
               "Tulis tahun-bulan-tanggal dengan angka, misalnya 2026-12-25."),
        "en": ("«{value}» is not a valid date.", "a date YYYY-MM-DD, e.g. 2026-12-25",
               "Write year-month-day in digits, e.g. 2026-12-25."),
    },
    "end_before_start": {
        "id": ("Waktu selesai ({value}) tidak setelah waktu mulai ({detail}).", "waktu selesai yang lebih akhir dari waktu mulai",
               "Periksa jam dan tanggalnya; untuk acara yang melewati tengah malam, tulis tanggal selesai juga."),
        "en": ("The end ({value}) is not after the start ({detail}).", "an end later than the start",
               "Check the times and dates; for an event that runs past midnight, write the end date as well."),
    },
    "unknown_timezone": {
        "id": ("«{value}» bukan nama zona waktu yang dikenal.",
               "nama zona waktu IANA: Asia/Jakarta (WIB), Asia/Pontianak (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)",
               "{suggestion}Tulis persis dengan huruf besar-kecil seperti contoh."),
        "en": ("«{value}» is not a known time zone.",
               "an IANA time zone: Asia/Jakarta (WIB), Asia/Pontianak (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)",
               "{suggestion}Write it exactly, capitals included, as in the examples."),
    },
    "bad_repeat": {
        "id": ("Aturan pengulangan tidak bisa dipakai: {detail}.",
               "every (day, week atau month), dan count (jumlah sesi) atau until (tanggal terakhir), tidak keduanya",
               "Contoh: repeat: {{every: week, count: 8}} atau repeat: {{every: week, until: 2027-01-27}}."),
        "en": ("The repeat rule cannot be used: {detail}.",
               "every (day, week or month), and either count (number of sessions) or until (last date), not both",
               "Example: repeat: {{every: week, count: 8}} or repeat: {{every: week, until: 2027-01-27}}."),
    },
    "bad_language": {
        "id": ("«{value}» bukan kode bahasa BCP 47 yang benar.",
               "kode bahasa seperti id (Indonesia), en (Inggris), jv (Jawa), su (Sunda), inl (Bahasa Isyarat Indonesia)",
               "{suggestion}Gunakan kode, bukan nama bahasa."),
        "en": ("«{value}» is not a valid BCP 47 language tag.",
               "a language tag such as id (Indonesian), en (English), jv (Javanese), su (Sundanese), inl (Indonesian Sign Language)",
               "{suggestion}Use the code, not the language's name."),
    },
    "lang_not_site": {
        "id": ("Bahasa berkas «{value}» bukan bahasa situs ini.", "salah satu bahasa situs: {choices}",
               "Namai berkas dengan kode bahasa situs (misalnya id.md), atau tambahkan bahasanya di pengaturan KATALOG_LANGUAGES."),
        "en": ("The file's language «{value}» is not one of this site's languages.", "one of the site's languages: {choices}",
               "Name the file after a site language (e.g. en.md), or add the language to the KATALOG_LANGUAGES setting."),
    },
    "bad_slug": {
        "id": ("«{value}» tidak bisa dipakai sebagai alamat halaman.", "huruf kecil, angka dan tanda hubung saja, misalnya kelas-komputer-dasar",
               "Ganti spasi dengan tanda hubung dan hapus huruf besar serta tanda baca."),
        "en": ("«{value}» cannot be used as a page address.", "lower-case letters, digits and hyphens only, e.g. computer-basics",
               "Replace spaces with hyphens and remove capitals and punctuation."),
    },
    "duplicate_slug": {
        "id": ("Alamat «{value}» sudah dipakai oleh {detail}.", "alamat (slug) yang berbeda untuk setiap program dalam satu bahasa",
               "Ganti slug salah satu program. Terjemahan program yang sama justru harus memakai slug yang sama di folder yang sama."),
        "en": ("The address «{value}» is already used by {detail}.", "a different address (slug) for each program in one language",
               "Change the slug of one of them. Translations of one program do share a slug, in the same folder."),
    },
    "reserved_slug": {
        "id": ("Alamat «{value}» sudah dipakai oleh daftar program situs ini.", "alamat selain: {choices}",
               "Beri halaman ini slug lain, misalnya dengan menambah satu kata: {value}-kami."),
        "en": ("The address «{value}» is already used by one of the site's listings.", "an address other than: {choices}",
               "Give this page another slug, for instance by adding a word: {value}-info."),
    },
    "bad_language_of_part": {
        "id": ("«{value}» pada [teks]{{{value}}} bukan kode bahasa BCP 47 yang benar.",
               "kode bahasa seperti jv, en, su, ban, inl setelah kalimat dalam kurung siku, misalnya [Sugeng rawuh]{{jv}}",
               "{suggestion}Perbaiki kodenya di dalam kurung kurawal."),
        "en": ("«{value}» in [text]{{{value}}} is not a valid BCP 47 language tag.",
               "a language tag such as jv, en, su, ban, inl after the bracketed phrase, e.g. [Sugeng rawuh]{{jv}}",
               "{suggestion}Correct the tag inside the braces."),
    },
    "fact_in_translation": {
        "id": ("Kolom «{field}» tidak ditulis di berkas terjemahan: isinya diambil dari {detail}.",
               "hanya teks yang diterjemahkan: {choices}",
               "Hapus kolom ini dari berkas terjemahan. Untuk mengubahnya, ubah {detail}; semua bahasa ikut berubah."),
        "en": ("The field «{field}» is not written in a translation: it comes from {detail}.",
               "only the translated texts: {choices}",
               "Remove this field from the translation. To change it, change {detail}; every language follows."),
    },
    "untranslated_field": {
        "id": ("Terjemahan belum lengkap: {detail} punya «{field}», berkas ini belum.", "terjemahan dari: {value}",
               "Tambahkan kolom «{field}» dengan terjemahan teks itu."),
        "en": ("The translation is incomplete: {detail} has «{field}» and this file does not.", "a translation of: {value}",
               "Add the field «{field}» with that text translated."),
    },
    "topics_count": {
        "id": ("session_topics berisi {value} topik, padahal ada {detail} sesi.", "satu topik untuk setiap sesi, berurutan",
               "Samakan jumlahnya dengan daftar sessions di berkas bahasa utama."),
        "en": ("session_topics has {value} topics, but there are {detail} sessions.", "one topic for each session, in order",
               "Make the number match the list of sessions in the main-language file."),
    },
    "no_main_version": {
        "id": ("Terjemahan ini tidak punya berkas bahasa utama di foldernya.", "berkas {detail} di folder yang sama",
               "Buat dulu {detail}: semua data program ditulis di sana, terjemahan hanya berisi teksnya."),
        "en": ("This translation has no main-language file in its folder.", "a file {detail} in the same folder",
               "Create {detail} first: a program's data is written there, a translation holds only its text."),
    },
    "missing_translation": {
        "id": ("Belum ada versi bahasa «{value}».", "berkas {detail} di folder yang sama",
               "Terjemahkan berkas ini ke {detail}, atau matikan KATALOG_REQUIRE_TRANSLATIONS agar versi bahasa utama ditampilkan dengan pemberitahuan."),
        "en": ("There is no «{value}» version yet.", "a file {detail} in the same folder",
               "Translate this file into {detail}, or turn KATALOG_REQUIRE_TRANSLATIONS off to show the main version with a notice."),
    },
    "image_no_alt": {
        "id": ("Gambar tidak punya teks alternatif (alt).", "alt: kalimat yang menjelaskan isi gambar, atau decorative: true untuk hiasan",
               "Tambahkan alt yang menceritakan apa yang tampak, untuk pengguna pembaca layar. Jika gambar hanya hiasan, tulis decorative: true."),
        "en": ("The image has no alternative text (alt).", "alt: a sentence saying what the image shows, or decorative: true for decoration",
               "Add an alt that tells screen-reader users what the picture shows. If it is only decoration, write decorative: true."),
    },
    "image_missing_file": {
        "id": ("Berkas gambar «{value}» tidak ditemukan.", "jalur berkas di dalam folder content, misalnya images/komputer.svg",
               "Unggah gambarnya ke content/images/ atau perbaiki nama berkasnya (huruf besar-kecil berpengaruh)."),
        "en": ("The image file «{value}» was not found.", "a path inside the content folder, e.g. images/computer.svg",
               "Upload the image to content/images/ or correct its name (capitals matter)."),
    },
    "no_registration": {
        "id": ("Belum ada cara mendaftar.", "setidaknya satu: form (alamat formulir), whatsapp, phone, atau walk_in",
               "Tambahkan misalnya registration: {{whatsapp: \"0812-3456-7890\"}} atau walk_in: \"Datang ke meja layanan\"."),
        "en": ("There is no way to register.", "at least one of: form (form address), whatsapp, phone, or walk_in",
               "Add for example registration: {{whatsapp: \"0812-3456-7890\"}} or walk_in: \"Come to the service desk\"."),
    },
    "bad_phone": {
        "id": ("«{value}» bukan nomor telepon yang bisa dihubungi.", "nomor Indonesia seperti 0812-3456-7890 atau +62 812-3456-7890",
               "Tulis nomor lengkap dengan kode wilayah; hanya angka, spasi, tanda hubung, kurung dan + di depan."),
        "en": ("«{value}» is not a phone number that can be called.", "an Indonesian number such as 0812-3456-7890 or +62 812-3456-7890",
               "Write the full number with its area code: digits, spaces, hyphens, brackets and a leading + only."),
    },
    "bad_url": {
        "id": ("«{value}» bukan alamat web yang lengkap.", "alamat yang diawali https://", "Salin alamat lengkap dari bilah alamat peramban."),
        "en": ("«{value}» is not a complete web address.", "an address starting with https://", "Copy the full address from the browser's address bar."),
    },
    "bad_email": {
        "id": ("«{value}» bukan alamat surel yang benar.", "alamat seperti nama@contoh.id", "Periksa tanda @ dan nama domainnya."),
        "en": ("«{value}» is not a valid e-mail address.", "an address such as name@example.id", "Check the @ sign and the domain name."),
    },
    "bad_number": {
        "id": ("«{value}» bukan angka yang bisa dipakai di sini.", "{expected}", "Tulis angka bulat saja, tanpa titik, Rp, atau kata. Contoh: {example}"),
        "en": ("«{value}» is not a number that can be used here.", "{expected}", "Write a whole number only, without dots, Rp or words. Example: {example}"),
    },
    "bad_boolean": {
        "id": ("«{value}» bukan jawaban ya/tidak.", "true atau false", "Tulis true (ya) atau false (tidak)."),
        "en": ("«{value}» is not a yes/no answer.", "true or false", "Write true (yes) or false (no)."),
    },
    "open_but_past": {
        "id": ("Status «open» (pendaftaran dibuka), tetapi sesi terakhir sudah lewat ({detail}).",
               "status finished untuk program yang sudah selesai",
               "Ganti status menjadi finished. Jika program diadakan lagi, perbarui jadwalnya."),
        "en": ("The status is «open» (registration open), but the last session has passed ({detail}).",
               "status finished for a program that is over",
               "Change the status to finished. If the program runs again, update its schedule."),
    },
    "needs_place": {
        "id": ("Mode «{value}» butuh tempat, tetapi lokasinya online.", "kode lokasi dari content/data/locations.yaml",
               "Isi location dengan tempat kegiatan, atau ganti mode menjadi online."),
        "en": ("The mode «{value}» needs a place, but the location is online.", "a location code from content/data/locations.yaml",
               "Set location to where it happens, or change the mode to online."),
    },
    "no_sessions": {
        "id": ("Jadwal tidak memuat satu sesi pun.", "start dan end, atau daftar sessions",
               "Isi schedule dengan start dan end, atau dengan daftar sessions yang masing-masing punya start dan end."),
        "en": ("The schedule has no session at all.", "start and end, or a list of sessions",
               "Give schedule a start and an end, or a list of sessions each with a start and an end."),
    },
    "schedule_both": {
        "id": ("Jadwal memakai start/end dan sessions sekaligus.", "salah satu saja: start dan end (boleh dengan repeat), atau sessions",
               "Pilih satu cara. Untuk kursus dengan tanggal tidak teratur, pakai sessions."),
        "en": ("The schedule uses start/end and sessions at once.", "one of them: start and end (with repeat if needed), or sessions",
               "Choose one. For a course on irregular dates, use sessions."),
    },
    "missing_label": {
        "id": ("Label dalam bahasa «{value}» belum ada.", "label untuk bahasa utama situs", "Tambahkan {value}: ... di bawah label."),
        "en": ("There is no label in «{value}».", "a label in the site's main language", "Add {value}: ... under label."),
    },
    "read_error": {
        "id": ("Berkas tidak bisa dibuka: {detail}.", "berkas yang bisa dibaca", "Periksa nama dan izin berkasnya."),
        "en": ("The file cannot be opened: {detail}.", "a readable file", "Check the file's name and permissions."),
    },
}

# Words around the messages, in each language.
FRAME = {
    "id": {
        "line": "baris {line}", "field": "kolom «{field}»",
        "problem": "Masalah", "expected": "Seharusnya", "fix": "Cara memperbaiki",
        "suggestion": "Mungkin maksudnya «{value}»? ",
        "summary": "Situs tidak dibangun: {count} masalah di {files} berkas. Keluaran sebelumnya tidak diubah.",
        "ok": "Isi katalog baik: {programs} program, {pages} halaman, tidak ada masalah.",
    },
    "en": {
        "line": "line {line}", "field": "field «{field}»",
        "problem": "Problem", "expected": "Expected", "fix": "How to fix",
        "suggestion": "Did you mean «{value}»? ",
        "summary": "The site was not built: {count} problem(s) in {files} file(s). The previous output was left as it was.",
        "ok": "The catalog content is fine: {programs} programs, {pages} pages, no problems.",
    },
}

MESSAGE_FALLBACK = "id"


def _lang(lang: str) -> str:
    return lang if lang in FRAME else MESSAGE_FALLBACK


def frame(key: str, lang: str, **params) -> str:
    return FRAME[_lang(lang)][key].format(**params)


@dataclass
class Problem:
    """One thing wrong in one file, with everything needed to explain it."""

    path: str
    line: int | None
    field: str | None
    code: str
    params: dict = field(default_factory=dict)

    def texts(self, lang: str) -> tuple[str, str, str]:
        table = MESSAGES[self.code]
        templates = table.get(_lang(lang), table[MESSAGE_FALLBACK])
        params = {"field": self.field or "", "value": "", "detail": "", "expected": "",
                  "example": "", "choices": "", "vocabulary": "", "data_file": "", "suggestion": ""}
        # A parameter may itself be given per language, e.g. the name of a vocabulary.
        params.update({key: value.get(_lang(lang), value.get(MESSAGE_FALLBACK, "")) if isinstance(value, dict) else value
                       for key, value in self.params.items()})
        suggestion = params.get("suggestion")
        params["suggestion"] = frame("suggestion", lang, value=suggestion) if suggestion else ""
        return tuple(template.format(**params) for template in templates)

    def format(self, lang: str) -> str:
        where = [self.path]
        if self.line:
            where.append(frame("line", lang, line=self.line))
        if self.field:
            where.append(frame("field", lang, field=self.field))
        what, expected, fix = self.texts(lang)
        return (
            f"{', '.join(where)}\n"
            f"  {frame('problem', lang)}: {what}\n"
            f"  {frame('expected', lang)}: {expected}\n"
            f"  {frame('fix', lang)}: {fix}"
        )


def format_report(problems: list[Problem], lang: str) -> str:
    ordered = sorted(problems, key=lambda p: (p.path, p.line or 0, p.field or ""))
    files = len({p.path for p in ordered})
    body = "\n\n".join(p.format(lang) for p in ordered)
    return f"{body}\n\n{frame('summary', lang, count=len(ordered), files=files)}\n"
