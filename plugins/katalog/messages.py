"""Every message the content checks can give, and how a problem is reported in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import N_, render, translate

# Each entry: (what is wrong, what was expected, how to fix it), written in Indonesian and translated
# through plugins/katalog/locale. Placeholders come from Problem.params.
MESSAGES: dict[str, tuple[str, str, str]] = {
    "encoding": (
        N_("Berkas ini bukan teks UTF-8: ada karakter yang tidak terbaca di baris ini."),
        N_("teks dengan pengodean UTF-8"),
        N_("Simpan ulang berkas sebagai UTF-8. Di editor GitHub: salin isinya ke berkas baru. Periksa huruf beraksen dan tanda kutip miring yang disalin dari pengolah kata."),
    ),
    "no_front_matter": (
        N_("Berkas tidak diawali bagian data (front matter)."),
        N_("baris pertama berisi tiga tanda hubung: ---"),
        N_("Tambahkan --- di baris pertama, isi kolom-kolomnya, lalu tutup dengan --- di baris tersendiri."),
    ),
    "unclosed_front_matter": (
        N_("Bagian data dibuka dengan --- tetapi tidak pernah ditutup."),
        N_("baris --- kedua setelah kolom terakhir"),
        N_("Tambahkan baris berisi --- setelah kolom terakhir, sebelum teks deskripsi."),
    ),
    "front_matter_not_mapping": (
        N_("Bagian data harus berisi kolom dengan format nama: nilai."),
        N_("baris seperti title: Kelas Komputer Dasar"),
        N_("Tulis setiap kolom sebagai nama, titik dua, spasi, lalu nilainya."),
    ),
    "yaml": (
        N_("Bagian data (YAML) tidak bisa dibaca di sini: {detail}."),
        N_("setiap kolom ditulis nama: nilai, dengan indentasi yang rapi"),
        N_("Periksa baris ini dan baris sebelumnya: titik dua setelah nama kolom, jumlah spasi di awal baris harus sama untuk kolom yang sejajar, tanda kutip harus berpasangan. Nilai yang memuat titik dua atau # sebaiknya diapit tanda kutip."),
    ),
    "duplicate_key": (
        N_("Kolom «{detail}» ditulis dua kali."),
        N_("setiap kolom satu kali saja"),
        N_("Hapus salah satunya, atau gabungkan isinya."),
    ),
    "missing": (
        N_("Kolom «{field}» wajib diisi, tetapi tidak ada atau kosong."),
        N_("{expected}"),
        N_("Tambahkan kolom «{field}» dengan isinya. Contoh: {example}"),
    ),
    "unknown_field": (
        N_("Kolom «{field}» tidak dikenal, jadi isinya akan diabaikan."),
        N_("salah satu kolom: {choices}"),
        N_("{suggestion}Periksa ejaannya di panduan (docs/panduan.md)."),
    ),
    "wrong_shape": (
        N_("Isi kolom «{field}» tidak berbentuk yang benar."),
        N_("{expected}"),
        N_("Tulis ulang seperti contoh ini: {example}"),
    ),
    "unknown_value": (
        N_("«{value}» bukan {vocabulary} yang dikenal."),
        N_("salah satu dari: {choices}"),
        N_("{suggestion}Nilai baru bisa ditambahkan di {data_file}."),
    ),
    "unknown_reference": (
        N_("«{value}» tidak ada di daftar {vocabulary}."),
        N_("kode salah satu dari: {choices}"),
        N_("{suggestion}Jika ini {vocabulary} baru, tambahkan dulu datanya di {data_file}."),
    ),
    "bad_datetime": (
        N_("«{value}» bukan tanggal dan jam yang benar."),
        N_("tanggal dan jam dalam format TTTT-BB-HH JJ:MM, misalnya 2026-12-02 09:00"),
        N_("Tulis tahun-bulan-tanggal, spasi, lalu jam:menit (24 jam). Periksa bulan (1-12), tanggal, dan jam (00-23)."),
    ),
    "bad_end": (
        N_("«{value}» bukan jam selesai yang benar."),
        N_("jam JJ:MM pada hari yang sama (misalnya 11:30), atau tanggal dan jam TTTT-BB-HH JJ:MM"),
        N_("Tulis jam selesai dengan format 24 jam, misalnya 11:30 atau 2026-12-02 11:30."),
    ),
    "bad_date": (
        N_("«{value}» bukan tanggal yang benar."),
        N_("tanggal TTTT-BB-HH, misalnya 2026-12-25"),
        N_("Tulis tahun-bulan-tanggal dengan angka, misalnya 2026-12-25."),
    ),
    "end_before_start": (
        N_("Waktu selesai ({value}) tidak setelah waktu mulai ({detail})."),
        N_("waktu selesai yang lebih akhir dari waktu mulai"),
        N_("Periksa jam dan tanggalnya; untuk acara yang melewati tengah malam, tulis tanggal selesai juga."),
    ),
    "unknown_timezone": (
        N_("«{value}» bukan nama zona waktu yang dikenal."),
        N_("nama zona waktu IANA: Asia/Jakarta (WIB), Asia/Pontianak (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)"),
        N_("{suggestion}Tulis persis dengan huruf besar-kecil seperti contoh."),
    ),
    "bad_repeat": (
        N_("Aturan pengulangan tidak bisa dipakai: {detail}."),
        N_("every (day, week atau month), dan count (jumlah sesi) atau until (tanggal terakhir), tidak keduanya"),
        N_("Contoh: repeat: {{every: week, count: 8}} atau repeat: {{every: week, until: 2027-01-27}}."),
    ),
    "bad_language": (
        N_("«{value}» bukan kode bahasa BCP 47 yang benar."),
        N_("kode bahasa seperti id (Indonesia), en (Inggris), jv (Jawa), su (Sunda), inl (Bahasa Isyarat Indonesia)"),
        N_("{suggestion}Gunakan kode, bukan nama bahasa."),
    ),
    "lang_not_site": (
        N_("Bahasa berkas «{value}» bukan bahasa situs ini."),
        N_("salah satu bahasa situs: {choices}"),
        N_("Namai berkas dengan kode bahasa situs (misalnya id.md), atau tambahkan bahasanya di pengaturan KATALOG_LANGUAGES."),
    ),
    "bad_slug": (
        N_("«{value}» tidak bisa dipakai sebagai alamat halaman."),
        N_("huruf kecil, angka dan tanda hubung saja, misalnya kelas-komputer-dasar"),
        N_("Ganti spasi dengan tanda hubung dan hapus huruf besar serta tanda baca."),
    ),
    "duplicate_slug": (
        N_("Alamat «{value}» sudah dipakai oleh {detail}."),
        N_("alamat (slug) yang berbeda untuk setiap program dalam satu bahasa"),
        N_("Ganti slug salah satu program. Terjemahan program yang sama justru harus memakai slug yang sama di folder yang sama."),
    ),
    "reserved_slug": (
        N_("Alamat «{value}» sudah dipakai oleh daftar program situs ini."),
        N_("alamat selain: {choices}"),
        N_("Beri halaman ini slug lain, misalnya dengan menambah satu kata: {value}-kami."),
    ),
    "bad_language_of_part": (
        N_("«{value}» pada [teks]{{{value}}} bukan kode bahasa BCP 47 yang benar."),
        N_("kode bahasa seperti jv, en, su, ban, inl setelah kalimat dalam kurung siku, misalnya [Sugeng rawuh]{{jv}}"),
        N_("{suggestion}Perbaiki kodenya di dalam kurung kurawal."),
    ),
    "fact_in_translation": (
        N_("Kolom «{field}» tidak ditulis di berkas terjemahan: isinya diambil dari {detail}."),
        N_("hanya teks yang diterjemahkan: {choices}"),
        N_("Hapus kolom ini dari berkas terjemahan. Untuk mengubahnya, ubah {detail}; semua bahasa ikut berubah."),
    ),
    "untranslated_field": (
        N_("Terjemahan belum lengkap: {detail} punya «{field}», berkas ini belum."),
        N_("terjemahan dari: {value}"),
        N_("Tambahkan kolom «{field}» dengan terjemahan teks itu."),
    ),
    "topics_count": (
        N_("session_topics berisi {value} topik, padahal ada {detail} sesi."),
        N_("satu topik untuk setiap sesi, berurutan"),
        N_("Samakan jumlahnya dengan daftar sessions di berkas bahasa utama."),
    ),
    "no_main_version": (
        N_("Terjemahan ini tidak punya berkas bahasa utama di foldernya."),
        N_("berkas {detail} di folder yang sama"),
        N_("Buat dulu {detail}: semua data program ditulis di sana, terjemahan hanya berisi teksnya."),
    ),
    "missing_translation": (
        N_("Belum ada versi bahasa «{value}»."),
        N_("berkas {detail} di folder yang sama"),
        N_("Terjemahkan berkas ini ke {detail}, atau matikan KATALOG_REQUIRE_TRANSLATIONS agar versi bahasa utama ditampilkan dengan pemberitahuan."),
    ),
    "image_no_alt": (
        N_("Gambar tidak punya teks alternatif (alt)."),
        N_("alt: kalimat yang menjelaskan isi gambar, atau decorative: true untuk hiasan"),
        N_("Tambahkan alt yang menceritakan apa yang tampak, untuk pengguna pembaca layar. Jika gambar hanya hiasan, tulis decorative: true."),
    ),
    "image_missing_file": (
        N_("Berkas gambar «{value}» tidak ditemukan."),
        N_("jalur berkas di dalam folder content, misalnya images/komputer.svg"),
        N_("Unggah gambarnya ke content/images/ atau perbaiki nama berkasnya (huruf besar-kecil berpengaruh)."),
    ),
    "no_registration": (
        N_("Belum ada cara mendaftar."),
        N_("setidaknya satu: form (alamat formulir), whatsapp, phone, atau walk_in"),
        N_("Tambahkan misalnya registration: {{whatsapp: \"0812-3456-7890\"}} atau walk_in: \"Datang ke meja layanan\"."),
    ),
    "bad_phone": (
        N_("«{value}» bukan nomor telepon yang bisa dihubungi."),
        N_("nomor Indonesia seperti 0812-3456-7890 atau +62 812-3456-7890"),
        N_("Tulis nomor lengkap dengan kode wilayah; hanya angka, spasi, tanda hubung, kurung dan + di depan."),
    ),
    "bad_url": (
        N_("«{value}» bukan alamat web yang lengkap."),
        N_("alamat yang diawali https://"),
        N_("Salin alamat lengkap dari bilah alamat peramban."),
    ),
    "bad_email": (
        N_("«{value}» bukan alamat surel yang benar."),
        N_("alamat seperti nama@contoh.id"),
        N_("Periksa tanda @ dan nama domainnya."),
    ),
    "bad_number": (
        N_("«{value}» bukan angka yang bisa dipakai di sini."),
        N_("{expected}"),
        N_("Tulis angka bulat saja, tanpa titik, Rp, atau kata. Contoh: {example}"),
    ),
    "bad_boolean": (
        N_("«{value}» bukan jawaban ya/tidak."),
        N_("true atau false"),
        N_("Tulis true (ya) atau false (tidak)."),
    ),
    "open_but_past": (
        N_("Status «open» (pendaftaran dibuka), tetapi sesi terakhir sudah lewat ({detail})."),
        N_("status finished untuk program yang sudah selesai"),
        N_("Ganti status menjadi finished. Jika program diadakan lagi, perbarui jadwalnya."),
    ),
    "needs_place": (
        N_("Mode «{value}» butuh tempat, tetapi lokasinya online."),
        N_("kode lokasi dari content/data/locations.yaml"),
        N_("Isi location dengan tempat kegiatan, atau ganti mode menjadi online."),
    ),
    "no_sessions": (
        N_("Jadwal tidak memuat satu sesi pun."),
        N_("start dan end, atau daftar sessions"),
        N_("Isi schedule dengan start dan end, atau dengan daftar sessions yang masing-masing punya start dan end."),
    ),
    "schedule_both": (
        N_("Jadwal memakai start/end dan sessions sekaligus."),
        N_("salah satu saja: start dan end (boleh dengan repeat), atau sessions"),
        N_("Pilih satu cara. Untuk kursus dengan tanggal tidak teratur, pakai sessions."),
    ),
    "missing_label": (
        N_("Label dalam bahasa «{value}» belum ada."),
        N_("label untuk bahasa utama situs"),
        N_("Tambahkan {value}: ... di bawah label."),
    ),
    "read_error": (
        N_("Berkas tidak bisa dibuka: {detail}."),
        N_("berkas yang bisa dibaca"),
        N_("Periksa nama dan izin berkasnya."),
    ),
}

# Words around the messages.
FRAME = {
    "line": N_("baris {line}"),
    "field": N_("kolom «{field}»"),
    "problem": N_("Masalah"),
    "expected": N_("Seharusnya"),
    "fix": N_("Cara memperbaiki"),
    "suggestion": N_("Mungkin maksudnya «{value}»? "),
    "summary": N_("Situs tidak dibangun: {count} masalah di {files} berkas. Keluaran sebelumnya tidak diubah."),
    "ok": N_("Isi katalog baik: {programs} program, {pages} halaman, tidak ada masalah."),
}


def frame(key: str, lang: str, **params) -> str:
    return translate(FRAME[key], lang).format(**params)


@dataclass
class Problem:
    """One thing wrong in one file, with everything needed to explain it."""

    path: str
    line: int | None
    field: str | None
    code: str
    params: dict = field(default_factory=dict)

    def texts(self, lang: str) -> tuple[str, str, str]:
        templates = [translate(text, lang) for text in MESSAGES[self.code]]
        params = {"field": self.field or "", "value": "", "detail": "", "expected": "",
                  "example": "", "choices": "", "vocabulary": "", "data_file": "", "suggestion": ""}
        # A parameter may itself be a translatable text, e.g. the name of a vocabulary.
        params.update({key: render(value, lang) for key, value in self.params.items()})
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
