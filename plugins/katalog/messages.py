"""Every message the content checks can give, and how a problem is reported in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from .forms import forms_params
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
    "unknown_choice": (
        N_("«{value}» bukan pilihan yang dikenal untuk kolom «{field}»."),
        N_("salah satu dari: {choices}"),
        N_("{suggestion}Tulis salah satu pilihan itu, dalam bahasa Indonesia atau Inggris; huruf besar atau kecil sama saja."),
    ),
    "unknown_reference": (
        N_("«{value}» tidak ada di daftar {vocabulary}."),
        N_("kode salah satu dari: {choices}"),
        N_("{suggestion}Jika ini {vocabulary} baru, tambahkan dulu datanya di {data_file}."),
    ),
    "bad_datetime": (
        N_("«{value}» bukan tanggal dan jam yang benar."),
        N_("{expected}"),
        N_("Tulis seperti salah satu contoh ini: {example}. Periksa tanggal, bulan, dan jam (00-23)."),
    ),
    "ambiguous_date": (
        N_("«{value}» bisa dibaca sebagai dua tanggal: {detail}."),
        N_("tanggal yang hanya bisa dibaca satu cara, misalnya 7 Desember 2026 atau 2026-12-07"),
        N_("Tulis nama bulannya (7 Desember 2026) atau tahun-bulan-tanggal (2026-12-07), supaya tidak tertukar."),
    ),
    "weekday_mismatch": (
        N_("Tanggal {detail} jatuh pada hari {value}, bukan hari yang ditulis di depannya."),
        N_("nama hari yang sesuai dengan tanggalnya, atau tanggal saja"),
        N_("Jika tanggalnya benar, ganti nama harinya menjadi {value} atau hapus nama harinya. Jika harinya yang "
           "benar, {choices} terdekat adalah {example}."),
    ),
    "zone_mismatch": (
        N_("Jam ditulis dengan {value}, padahal zona waktu program ini {detail}."),
        N_("zona waktu yang sama dengan lokasi program (atau kolom timezone)"),
        N_("Hapus {value} dari jamnya, atau ganti dengan zona lokasinya. Jika lokasinya yang salah, perbaiki location atau timezone."),
    ),
    "bad_end": (
        N_("«{value}» bukan jam selesai yang benar."),
        N_("{expected}"),
        N_("Tulis seperti salah satu contoh ini: {example}."),
    ),
    "bad_date": (
        N_("«{value}» bukan tanggal yang benar."),
        N_("{expected}"),
        N_("Tulis seperti salah satu contoh ini: {example}."),
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
    "bad_hours": (
        N_("Jam buka «{value}» tidak terbaca: {detail}."),
        N_("{expected}"),
        N_("Tulis ulang seperti contoh ini: {example}"),
    ),
    "bad_repeat": (
        N_("Aturan pengulangan tidak bisa dipakai: {detail}."),
        N_("{expected}"),
        N_("Tulis seperti salah satu contoh ini: {example}."),
    ),
    "two_ends": (
        N_("Jam selesai ditulis dua kali, dan berbeda: {value} di start, {detail} di end."),
        N_("jam selesai di satu tempat saja, sebaiknya di end"),
        N_("Hapus jam selesai dari start (start: {example}) dan tulis jam selesai yang benar di end."),
    ),
    "start_not_on_repeat_day": (
        N_("Sesi pertama (start, {value}) jatuh pada hari {detail}, bukan hari yang disebut di repeat ({choices})."),
        N_("sesi pertama pada salah satu hari yang disebut di repeat"),
        N_("Jika hari di repeat yang benar, ubah start menjadi {example}. Jika tanggal start yang benar, tulis hari "
           "{detail} di repeat."),
    ),
    "not_a_session_date": (
        N_("Tanggal {value} bukan tanggal salah satu sesi, jadi tidak ada sesi yang bisa dibatalkan."),
        N_("tanggal salah satu sesi yang ada di jadwal"),
        N_("Salin tanggalnya dari jadwal program, misalnya cancelled: [{example}]."),
    ),
    "moved_not_a_session": (
        N_("Tanggal {value} di moved bukan tanggal salah satu sesi, jadi tidak ada sesi yang bisa dipindah."),
        N_("di kiri tanggal lama sesinya, seperti tertulis di jadwal; di kanan tanggal dan jam barunya"),
        N_("Salin tanggal lamanya dari jadwal program, lalu tulis di bawah moved satu baris seperti ini: {example}"),
    ),
    "moved_and_cancelled": (
        N_("Sesi {value} ditulis dibatalkan (cancelled) sekaligus dipindah (moved)."),
        N_("salah satu saja: sesi yang tidak diadakan di cancelled, sesi yang diadakan pada waktu lain di moved"),
        N_("Jika sesinya tetap diadakan pada hari atau jam lain, hapus tanggalnya dari cancelled. Jika tidak diadakan sama sekali, hapus dari moved."),
    ),
    "moved_twice": (
        N_("Sesi {value} dipindah dua kali di moved."),
        N_("setiap sesi satu kali saja di moved, dengan waktu barunya yang terakhir"),
        N_("Hapus baris yang lama dan sisakan waktu barunya saja."),
    ),
    "moved_onto_session": (
        N_("Sesi {value} dipindah ke {detail}, waktu yang sama dengan sesi lain."),
        N_("waktu baru yang belum dipakai sesi lain program ini"),
        N_("Pilih hari atau jam lain. Jika dua sesi memang digabung, batalkan salah satunya di cancelled."),
    ),
    "report_figures": (
        N_("Angka laporan tidak cocok: {value} lebih besar dari jumlah peserta ({detail})."),
        N_("perempuan dan laki-laki bersama-sama, dan penyandang disabilitas, tidak lebih dari participants"),
        N_("Periksa angkanya. Jika jumlah pesertanya yang keliru, perbaiki, misalnya {example}."),
    ),
    "report_sessions": (
        N_("sessions_held {value} lebih banyak dari sesi di jadwal ({detail})."),
        N_("jumlah sesi yang terlaksana, paling banyak sejumlah sesi di jadwal"),
        N_("Tulis jumlah sesi yang benar-benar terlaksana, atau hapus sessions_held agar dihitung otomatis."),
    ),
    "report_too_early": (
        N_("Ada laporan, padahal sesi pertama baru pada {value}."),
        N_("laporan diisi setelah sesi berlangsung"),
        N_("Hapus bagian report sampai kegiatannya berlangsung, atau periksa tanggal di jadwal."),
    ),
    "monthly_drift": (
        N_("Pengulangan bulanan jatuh pada tanggal yang sama setiap bulan, jadi harinya berganti-ganti: {detail}."),
        N_("hari yang sama setiap bulan, misalnya {value} pertama: week: 1 (atau 2, 3, 4, terakhir)"),
        N_("Jika program selalu pada hari {value}, tambahkan {example} di dalam repeat, misalnya repeat: "
           "{{every: month, {example}, count: 6}}. Jika memang tanggalnya yang tetap, peringatan ini boleh dibiarkan."),
    ),
    "bad_language": (
        N_("«{value}» bukan bahasa yang dikenal di sini."),
        N_("{expected}"),
        N_("{suggestion}Tulis seperti salah satu contoh ini: {example}."),
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
    "just_come_online": (
        N_("required: false berarti peserta cukup datang, tetapi program ini daring: tidak ada tempat untuk didatangi, "
           "dan tautannya tidak ada di situs."),
        N_("cara mendaftar untuk program daring, atau location untuk program yang bisa didatangi"),
        N_("Hapus required: false dan tulis cara mendaftar, misalnya whatsapp: \"0812-3456-7890\"."),
    ),
    "through_and_not_required": (
        N_("through (pendaftaran lewat pihak lain) dan required: false (tanpa mendaftar) tidak bisa dua-duanya benar."),
        N_("salah satu saja: through, atau required: false"),
        N_("Hapus salah satunya: through jika peserta mendaftar lewat pihak lain, required: false jika cukup datang."),
    ),
    "note_says_through": (
        N_("Keterangan pendaftaran berbunyi «{value}»: pendaftarannya lewat pihak lain, tetapi tombol di halaman "
           "menawarkan pendaftaran langsung, yang bertentangan dengan keterangan itu."),
        N_("through: siapa yang menerima pendaftaran"),
        N_("Tulis siapa di bawah registration, misalnya through: guru pembimbing di SMK Bahari Gilimanuk; nomor yang "
           "ditulis lalu tampil sebagai cara bertanya."),
    ),
    "note_says_required": (
        N_("Keterangan pendaftaran berbunyi «{value}»: peserta tidak perlu mendaftar, tetapi tombol di halaman "
           "mengajak mendaftar, yang bertentangan dengan keterangan itu."),
        N_("required: false untuk program yang cukup didatangi"),
        N_("Tulis required: false di bawah registration; tombolnya menjadi ajakan datang pada waktu sesinya."),
    ),
    "no_text_channel": (
        N_("Belum ada cara mendaftar atau bertanya tanpa menelepon: orang Tuli, orang dengan gangguan bicara, atau "
           "yang tidak bisa menelepon tidak bisa ikut. Situs menampilkan WhatsApp layanan perpustakaan sebagai gantinya."),
        N_("setidaknya satu: whatsapp atau form di registration, atau whatsapp atau email di contact"),
        N_("Tambahkan nomor WhatsApp, misalnya registration: {{whatsapp: \"0812-3456-7890\"}}, atau email di contact."),
    ),
    "no_text_channel_deaf": (
        N_("Program ini menyediakan {value}, tetapi hanya bisa dihubungi lewat telepon atau datang langsung: peserta "
           "Tuli tidak bisa mendaftar atau bertanya."),
        N_("setidaknya satu: whatsapp atau form di registration, atau whatsapp atau email di contact"),
        N_("Tambahkan nomor WhatsApp, misalnya registration: {{whatsapp: \"0812-3456-7890\"}}, atau email di contact."),
    ),
    "form_only": (
        N_("Satu-satunya cara mendaftar adalah formulir daring: orang yang tidak bisa memakai formulir itu tidak bisa ikut."),
        N_("cara lain di samping form: whatsapp, phone atau walk_in"),
        N_("Tambahkan misalnya whatsapp: \"0812-3456-7890\" atau walk_in: true di bawah registration."),
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
    "url_with_user": (
        N_("Alamat «{value}» memuat nama atau kata sandi sebelum tanda @."),
        N_("alamat yang diawali https:// lalu langsung nama situsnya"),
        N_("Hapus bagian sebelum @. Alamat seperti ini bisa menyamarkan situs tujuannya: yang terbaca pertama bukan situs yang dibuka."),
    ),
    "bad_email": (
        N_("«{value}» bukan alamat surel yang benar."),
        N_("alamat seperti nama@contoh.id"),
        N_("Periksa tanda @ dan nama domainnya."),
    ),
    "bad_number": (
        N_("«{value}» bukan angka yang bisa dipakai di sini."),
        N_("{expected}"),
        N_("Tulis seperti salah satu contoh ini: {example}."),
    ),
    "markup_in_text": (
        N_("Kolom «{field}» memuat tanda HTML «{value}», padahal isinya teks biasa: pengunjung akan melihat tanda itu "
           "apa adanya, dan kalender, umpan berita serta data terbuka membawanya ke sistem lain."),
        N_("{expected}"),
        N_("Hapus tandanya dan tulis teksnya saja, misalnya {example}. Untuk menulis «kurang dari», beri spasi "
           "setelah <."),
    ),
    "bad_boolean": (
        N_("«{value}» bukan jawaban ya/tidak."),
        N_("{expected}"),
        N_("Tulis salah satu: {example}."),
    ),
    "proposal": (
        N_("{detail}"),
        N_("jawaban yang lengkap"),
        N_("Lengkapi jawaban itu."),
    ),
    "open_but_past": (
        N_("Status «{value}» (pendaftaran dibuka), tetapi sesi terakhir sudah lewat ({detail}). Situs menampilkannya "
           "sebagai program yang sudah lewat."),
        N_("status: {example} untuk program yang sudah selesai"),
        N_("Ganti status menjadi {example}. Jika program diadakan lagi, perbarui jadwalnya."),
    ),
    "needs_place": (
        N_("Mode «{value}» butuh tempat, tetapi lokasinya online."),
        N_("kode lokasi dari content/data/locations.yaml"),
        N_("Isi location dengan tempat kegiatan, atau ganti mode menjadi {example}."),
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
    "yaml_alias": (
        N_("«{detail}» di awal nilai dibaca YAML sebagai rujukan (anchor atau alias), yang tidak dipakai di katalog."),
        N_("nilai biasa; teks yang diawali & atau * diapit tanda kutip"),
        N_("Jika tanda itu memang bagian dari teks, apit seluruh nilainya dengan tanda kutip, misalnya title: \"*Baru* Kelas Menulis\". Jika Anda menyalin data dengan &nama dan *nama, tulis isinya lengkap di setiap tempat."),
    ),
    "yaml_merge": (
        N_("Kunci «<<» (penggabungan YAML) tidak dipakai di katalog."),
        N_("setiap kolom ditulis sendiri-sendiri"),
        N_("Tulis kolom-kolom yang hendak digabung satu per satu di tempat ini."),
    ),
    "yaml_tag": (
        N_("«{detail}» di awal nilai dibaca YAML sebagai tag, yang tidak dipakai di katalog."),
        N_("nilai biasa; teks yang diawali ! diapit tanda kutip"),
        N_("Apit nilainya dengan tanda kutip, misalnya note: \"!Penting: bawa KTP\"."),
    ),
    "yaml_documents": (
        N_("Berkas ini memuat lebih dari satu dokumen YAML (ada baris --- di tengahnya)."),
        N_("satu dokumen saja"),
        N_("Hapus baris --- di tengah berkas."),
    ),
    "yaml_complex_key": (
        N_("Nama kolom di baris ini berupa daftar atau kelompok, bukan teks."),
        N_("nama kolom berupa teks biasa, lalu titik dua"),
        N_("Tulis nama: nilai; hapus tanda tanya, kurung siku atau kurung kurawal di depan nama kolom."),
    ),
    "text_too_long": (
        N_("Nilai di baris ini terlalu panjang: lebih dari {detail} karakter."),
        N_("nilai paling panjang {detail} karakter"),
        N_("Persingkat teksnya, atau pindahkan penjelasan panjang ke deskripsi di bawah garis --- kedua."),
    ),
    "too_deep": (
        N_("Isian bersarang terlalu dalam: lebih dari {detail} tingkat daftar atau kelompok."),
        N_("paling banyak {detail} tingkat, seperti contoh di panduan"),
        N_("Periksa indentasi dan tanda kurung di sekitar baris ini: mungkin ada kurung siku atau kurung kurawal yang tidak ditutup."),
    ),
    "too_many_items": (
        N_("Daftar ini memuat lebih dari {detail} butir."),
        N_("paling banyak {detail} butir dalam satu daftar"),
        N_("Persingkat daftarnya. Untuk sesi yang berulang, pakai repeat; untuk program yang sangat panjang, bagi menjadi beberapa program."),
    ),
    "front_matter_too_long": (
        N_("Bagian data terlalu panjang: lebih dari {detail} karakter sebelum garis penutup ---."),
        N_("bagian data yang ditutup dengan --- setelah kolom terakhir"),
        N_("Periksa apakah garis penutup --- terlupa. Teks panjang ditulis sebagai deskripsi di bawah garis itu."),
    ),
    "body_too_long": (
        N_("Deskripsi terlalu panjang: lebih dari {detail} karakter."),
        N_("deskripsi paling panjang {detail} karakter"),
        N_("Persingkat deskripsi, atau pindahkan sebagian isinya ke halaman tersendiri di content/pages/."),
    ),
    "file_too_long": (
        N_("Berkas ini terlalu besar untuk satu program atau halaman."),
        N_("paling banyak {detail} karakter"),
        N_("Periksa apakah berkasnya benar; berkas lain (gambar, PDF) tidak disimpan di folder program."),
    ),
    "data_file_too_long": (
        N_("Berkas data ini terlalu besar: lebih dari {detail} karakter."),
        N_("paling banyak {detail} karakter"),
        N_("Periksa apakah berkasnya benar, atau bagi isinya."),
    ),
    "line_too_long": (
        N_("Baris ini terlalu panjang: lebih dari {detail} karakter."),
        N_("baris paling panjang {detail} karakter"),
        N_("Pisahkan teksnya menjadi beberapa paragraf dengan baris kosong di antaranya."),
    ),
    "too_much_markup": (
        N_("Paragraf yang mulai di baris ini memuat lebih dari {detail} tanda [ dan <."),
        N_("paling banyak {detail} tanda [ dan < dalam satu paragraf"),
        N_("Pisahkan paragrafnya dengan baris kosong, atau hapus tanda kurung yang tidak perlu."),
    ),
    "paragraph_too_long": (
        N_("Paragraf, daftar atau tabel yang mulai di baris ini lebih dari {detail} baris tanpa baris kosong."),
        N_("paling banyak {detail} baris berturut-turut tanpa baris kosong"),
        N_("Sisipkan baris kosong di antara bagian-bagiannya. Daftar atau tabel sepanjang ini lebih mudah dibaca jika dibagi dengan judul."),
    ),
    "description_too_deep": (
        N_("Deskripsi bersarang terlalu dalam (daftar di dalam daftar, atau tag HTML yang tidak ditutup): lebih dari {detail} tingkat."),
        N_("daftar dan kutipan yang bersarang beberapa tingkat saja"),
        N_("Kurangi spasi di awal baris daftar, atau tutup setiap tag HTML yang dibuka."),
    ),
    "bad_character": (
        N_("Ada karakter tersembunyi {value} di posisi {detail}."),
        N_("teks biasa tanpa karakter tak terlihat (pembalik arah tulisan, spasi tanpa lebar, karakter kendali)"),
        N_("Karakter ini tidak tampak tetapi bisa menyamarkan teks. Hapus dengan mengetik ulang kata di sekitar posisi itu; karakter seperti ini sering ikut tersalin dari pengolah kata atau media sosial."),
    ),
    "bad_setting": (
        N_("Pengaturan tidak bisa dipakai: {detail}."),
        N_("pengaturan seperti di README"),
        N_("Perbaiki pengaturannya di pelicanconf.py."),
    ),
    "symlink": (
        N_("«{value}» adalah tautan simbolis (symlink) ke {detail}, bukan berkas atau folder biasa."),
        N_("berkas dan folder biasa di dalam folder content"),
        N_("Ganti tautan itu dengan salinan berkasnya, atau hapus. Tautan bisa membawa berkas dari luar folder content ke situs, jadi tidak diikuti."),
    ),
    "special_file": (
        N_("«{value}» bukan berkas biasa."),
        N_("berkas dan folder biasa di dalam folder content"),
        N_("Hapus berkas ini dari folder content."),
    ),
    "case_clash": (
        N_("«{value}» dan «{detail}» hanya berbeda huruf besar-kecil."),
        N_("nama yang berbeda bukan hanya pada huruf besar-kecil"),
        N_("Di Windows dan macOS keduanya menjadi satu berkas. Ganti nama salah satunya, atau gabungkan isinya."),
    ),
    "bad_folder_name": (
        N_("Nama folder «{value}» tidak bisa dipakai sebagai alamat halaman."),
        N_("huruf kecil a-z, angka dan tanda hubung saja, misalnya kelas-komputer-dasar"),
        N_("{suggestion}Ganti nama foldernya: huruf kecil, spasi diganti tanda hubung, tanpa tanda baca."),
    ),
    "bad_code": (
        N_("Kode «{value}» tidak bisa dipakai: kode menjadi bagian alamat halaman."),
        N_("huruf kecil a-z, angka dan tanda hubung saja, misalnya balai-desa"),
        N_("{suggestion}Ganti kodenya, lalu pakai kode yang sama di program yang merujuknya."),
    ),
    "stray_file": (
        N_("Berkas «{value}» di folder program atau halaman tidak akan dibaca."),
        N_("hanya berkas bahasa: id.md, en.md, jv.md (huruf kecil, berakhiran .md)"),
        N_("Jika ini isi program, ganti namanya menjadi kode bahasa dengan .md, misalnya id.md. Gambar disimpan di content/images/."),
    ),
    "unread_folder": (
        N_("Folder «{value}» di content tidak dibaca saat situs dibangun."),
        N_("folder yang dibaca: {choices}"),
        N_("Program disimpan di content/programs/NAMA-PROGRAM/id.md, halaman di content/pages/NAMA/id.md, gambar di "
           "content/images/. Pindahkan isinya ke sana, atau periksa ejaan nama foldernya."),
    ),
    "unread_data_file": (
        N_("Berkas «{value}» di folder data tidak dibaca saat situs dibangun."),
        N_("berkas data: {choices}"),
        N_("Periksa ejaan nama berkasnya. Kode baru ditambahkan ke salah satu berkas yang ada, bukan ke berkas baru."),
    ),
    "image_outside": (
        N_("Gambar «{value}» tidak berada di folder {detail} di dalam content."),
        N_("jalur seperti {detail}/nama-gambar.jpg, tanpa .., tanpa / di depan dan tanpa alamat web"),
        N_("Unggah gambarnya ke content/{detail}/, lalu tulis {detail}/ dan nama berkasnya."),
    ),
    "file_type": (
        N_("Berkas «{value}» di folder gambar bukan jenis gambar yang diterima situs."),
        N_("gambar dengan akhiran: {choices}"),
        N_("Hapus berkas ini dari folder gambar, atau simpan ulang sebagai gambar JPEG atau PNG. Dokumen dan halaman web tidak disimpan di sini."),
    ),
    "file_content_mismatch": (
        N_("Isi berkas «{value}» bukan gambar {detail}, padahal akhiran namanya berkata begitu."),
        N_("berkas gambar {detail} yang asli"),
        N_("Buka gambarnya di program gambar dan simpan ulang dalam format itu, atau ganti akhiran namanya sesuai isinya."),
    ),
    "image_too_big": (
        N_("Gambar «{value}» terlalu besar: lebih dari {detail}."),
        N_("gambar paling besar {detail}; untuk situs, 200 KB biasanya cukup"),
        N_("Perkecil ukuran gambarnya (misalnya lebar 1200 piksel, kualitas JPEG 80%), lalu unggah lagi. Pengunjung dengan kuota terbatas akan berterima kasih."),
    ),
    "unsafe_svg": (
        N_("Gambar SVG «{value}» memuat {detail}, yang bisa menjalankan kode atau mengambil berkas dari luar."),
        N_("SVG yang hanya berisi gambar: tanpa script, tanpa atribut on..., tanpa foreignObject, tanpa <!ENTITY> dan tanpa rujukan ke berkas atau situs lain"),
        N_("Simpan ulang dari program gambar sebagai SVG biasa (Plain/Optimized SVG), atau ekspor sebagai PNG."),
    ),
    "bad_svg": (
        N_("Gambar SVG «{value}» tidak bisa dibaca: {detail}."),
        N_("berkas SVG yang utuh"),
        N_("Ekspor ulang gambarnya dari program gambar, atau simpan sebagai PNG."),
    ),
    "unsafe_html": (
        N_("Deskripsi memuat tag <{value}>, yang bisa menjalankan kode, memuat isi dari situs lain atau meminta data pengunjung."),
        N_("teks dengan format Markdown dan HTML sederhana (lihat bagian Deskripsi di docs/panduan.md)"),
        N_("Hapus tag <{value}> beserta isinya. Untuk video, peta atau formulir, tulis tautannya: [Tonton videonya](https://...)."),
    ),
    "unsafe_attribute": (
        N_("Deskripsi memuat atribut {value} pada <{detail}>, yang menjalankan kode di peramban pengunjung."),
        N_("tag tanpa atribut on..."),
        N_("Hapus atribut {value} beserta isinya."),
    ),
    "unsafe_url": (
        N_("Alamat «{value}» pada <{detail}> tidak bisa dipakai di deskripsi."),
        N_("alamat yang diawali https://, http://, mailto: atau tel:, atau alamat halaman di situs ini"),
        N_("Ganti dengan alamat web lengkap. Alamat javascript:, data: dan sejenisnya bisa menjalankan kode, jadi tidak diterima."),
    ),
    "site_link_form": (
        N_("Alamat «{value}» memakai bentuk {detail}, yang tidak dipakai di katalog ini."),
        N_("alamat yang diawali https://, http://, mailto: atau tel:, atau alamat halaman di situs ini"),
        N_("Tulis alamatnya langsung: untuk program lain ../nama-folder-program/, untuk gambar "
           "images/nama-gambar.jpg. Bentuk dengan kurung kurawal bisa membuat berkas di luar content ikut disalin."),
    ),
    "description_image": (
        N_("Gambar «{value}» di deskripsi tidak berada di folder {detail} di dalam content."),
        N_("gambar dari folder content/{detail}/, ditulis ![teks alternatif]({detail}/nama-gambar.jpg)"),
        N_("Unggah gambarnya ke content/{detail}/ dan tulis jalurnya. Gambar dari situs lain tidak dimuat: memperlambat halaman dan membocorkan data pengunjung."),
    ),
    "description_image_alt": (
        N_("Gambar «{value}» di deskripsi tidak punya teks alternatif (alt)."),
        N_("![kalimat yang menjelaskan isi gambar](images/nama-gambar.jpg)"),
        N_("Tulis apa yang tampak di gambar di antara kurung siku."),
    ),
    "html_removed": (
        N_("Tag <{value}> tidak termasuk HTML yang dipakai di deskripsi, jadi dihapus; teks di dalamnya tetap tampil."),
        N_("tag HTML dari daftar di docs/panduan.md, bagian Deskripsi"),
        N_("Hapus tag itu, atau ganti dengan format Markdown (misalnya **tebal**, daftar dengan -)."),
    ),
    "attribute_removed": (
        N_("Atribut {value} pada <{detail}> tidak dipakai di deskripsi, jadi dihapus."),
        N_("atribut dari daftar di docs/panduan.md, bagian Deskripsi"),
        N_("Hapus atribut itu. Tampilan diatur oleh tema situs supaya tetap terbaca di semua layar."),
    ),
    # Accessible writing (plugins/katalog/writing.py): one entry per rule, under the rule's code.
    "heading_h1": (
        N_("Judul bagian «{value}» ditulis dengan satu #, padahal judul utama halaman (judul program) sudah ada."),
        N_("judul bagian di deskripsi dimulai dengan {detail}"),
        N_("Ganti # di awal baris dengan {detail}, misalnya: {detail} Materi"),
    ),
    "heading_first_level": (
        N_("Judul bagian pertama «{value}» tidak berada di tingkat yang diharapkan halaman."),
        N_("judul bagian pertama di deskripsi dimulai dengan {detail}"),
        N_("Tulis {detail} di awal judul bagian pertama, misalnya: {detail} Materi. Judul di bawahnya boleh satu tingkat lebih dalam."),
    ),
    "heading_skipped": (
        N_("Judul bagian «{value}» melompati tingkat: pembaca layar mengira ada bagian yang hilang."),
        N_("judul bagian paling banyak satu tingkat lebih dalam dari judul sebelumnya: {detail}"),
        N_("Ganti tanda # di awal judul itu menjadi {detail}."),
    ),
    "heading_empty": (
        N_("Ada judul bagian yang kosong ({value} tanpa teks)."),
        N_("judul bagian yang berisi kata-kata"),
        N_("Tulis judulnya setelah tanda # dan spasi, misalnya: ### Materi. Jika baris itu tidak perlu, hapus."),
    ),
    "heading_too_long": (
        N_("Judul bagian «{value}» terlalu panjang: {detail} kata."),
        N_("judul bagian paling banyak {limit} kata"),
        N_("Persingkat judulnya menjadi beberapa kata (misalnya ### Materi) dan pindahkan kalimatnya ke paragraf di bawahnya."),
    ),
    "link_vague": (
        N_("Teks tautan «{value}» tidak menjelaskan ke mana tautan itu pergi. Pembaca layar sering membacakan daftar tautan saja."),
        N_("teks tautan yang tetap jelas tanpa kalimat di sekitarnya"),
        N_("Tulis tujuan tautan sebagai teksnya, misalnya: Isi [formulir pendaftaran kelas komputer](https://...)."),
    ),
    "link_bare_url": (
        N_("Tautan «{value}» memakai alamat web sebagai teksnya. Pembaca layar membacakannya huruf demi huruf."),
        N_("teks tautan berupa kata-kata"),
        N_("Tulis tautannya dengan kata-kata: [jadwal lengkap kelas](https://...)."),
    ),
    "link_same_text": (
        N_("Teks tautan «{value}» dipakai juga di baris {detail} untuk alamat lain. Di daftar tautan keduanya tidak bisa dibedakan."),
        N_("teks yang berbeda untuk tautan ke alamat yang berbeda"),
        N_("Bedakan teksnya, misalnya [jadwal Desember](...) dan [jadwal Januari](...)."),
    ),
    "link_file_type": (
        N_("Tautan «{value}» membuka berkas {detail}, tetapi teksnya tidak menyebut jenis dan ukuran berkas."),
        N_("jenis dan ukuran berkas di teks tautan, misalnya (PDF, 1,2 MB)"),
        N_("Tambahkan jenis dan ukurannya di teks tautan: [modul kelas ({detail}, 1,2 MB)](...). Pengunjung dengan kuota terbatas perlu tahu sebelum mengunduh."),
    ),
    "alt_file_name": (
        N_("Teks alternatif gambar «{value}» adalah nama berkas, bukan isi gambar."),
        N_("kalimat pendek tentang apa yang tampak di gambar"),
        N_("Tulis apa yang tampak, misalnya: Lima peserta lansia belajar mengetik di laptop."),
    ),
    "alt_url": (
        N_("Teks alternatif gambar «{value}» adalah alamat web, bukan isi gambar."),
        N_("kalimat pendek tentang apa yang tampak di gambar"),
        N_("Tulis apa yang tampak, misalnya: Lima peserta lansia belajar mengetik di laptop."),
    ),
    "alt_generic": (
        N_("Teks alternatif gambar «{value}» diawali «{detail}». Pembaca layar sudah menyebut bahwa itu gambar."),
        N_("langsung isi gambarnya, tanpa kata gambar, foto, logo dan sejenisnya di depan"),
        N_("Hapus kata «{detail}» dan tulis apa yang tampak, misalnya: Lima peserta lansia belajar mengetik di laptop. Untuk logo, tulis nama lembaganya."),
    ),
    "alt_same_as_title": (
        N_("Teks alternatif gambar «{value}» sama dengan judul program, jadi pembaca layar membacakan hal yang sama dua kali."),
        N_("teks alternatif yang menjelaskan isi gambar"),
        N_("Tulis apa yang tampak, misalnya: Lima peserta lansia belajar mengetik di laptop. Jika gambar hanya hiasan, tulis decorative: true."),
    ),
    "alt_too_long": (
        N_("Teks alternatif gambar terlalu panjang: {detail} karakter («{value}»)."),
        N_("paling banyak {limit} karakter"),
        N_("Persingkat menjadi satu kalimat tentang hal terpenting di gambar; keterangan lain tulis di deskripsi."),
    ),
    "alt_emoji": (
        N_("Teks alternatif gambar «{value}» memuat emoji ({detail}). Pembaca layar membacakan nama emojinya."),
        N_("teks alternatif dengan kata-kata saja"),
        N_("Hapus emojinya; jika perasaannya penting, tulis dengan kata, misalnya: peserta tersenyum."),
    ),
    "text_in_image": (
        N_("Gambar ini ditandai berisi tulisan (text_in_image: true), tetapi tulisannya belum ditulis di kolom image.text."),
        N_("tulisan yang ada di gambar, ditulis ulang sebagai teks"),
        N_("Tambahkan di dalam image: text: lalu tulisan di gambar, misalnya text: Daftar sebelum 1 Desember. Tulisan itu tampil di bawah gambar untuk semua pengunjung."),
    ),
    "summary_too_long": (
        N_("Ringkasan terlalu panjang: {detail} kata («{value}»)."),
        N_("ringkasan paling banyak {limit} kata"),
        N_("Tulis satu atau dua kalimat pendek tentang apa yang dipelajari atau dilakukan, misalnya: Belajar komputer dari dasar: mengetik surat dan mengirim lamaran."),
    ),
    "sentence_too_long": (
        N_("Kalimat terlalu panjang: {detail} kata («{value}»)."),
        N_("kalimat paling banyak {limit} kata"),
        N_("Pecah menjadi dua atau tiga kalimat pendek. Satu kalimat, satu pesan."),
    ),
    "long_paragraph": (
        N_("Paragraf terlalu panjang: {detail} kata («{value}»)."),
        N_("paragraf paling banyak {limit} kata"),
        N_("Pecah menjadi beberapa paragraf dengan baris kosong di antaranya, atau jadikan daftar dengan tanda - di awal baris."),
    ),
    "shouting": (
        N_("Kalimat «{value}» ditulis dengan huruf besar semua. Lebih sulit dibaca, dan sebagian pembaca layar mengejanya huruf demi huruf."),
        N_("huruf besar hanya di awal kalimat dan nama"),
        N_("Tulis dengan huruf biasa. Untuk menekankan, tebalkan beberapa kata: **wajib membawa flashdisk**."),
    ),
    "too_much_emphasis": (
        N_("Ada {detail} bagian yang ditebalkan atau dimiringkan (dari «{value}»). Jika banyak yang ditekankan, tidak ada yang menonjol."),
        N_("paling banyak {limit} bagian yang ditekankan"),
        N_("Tebalkan hanya yang paling penting, misalnya tanggal terakhir pendaftaran."),
    ),
    "emoji_bullet": (
        N_("Baris «{value}» diawali emoji. Pembaca layar membacakan nama emojinya di setiap baris."),
        N_("daftar dengan tanda - di awal baris, tanpa emoji"),
        N_("Hapus emojinya dan pakai tanda - untuk daftar: - Gratis"),
    ),
    "exclamations": (
        N_("Ada tanda seru berderet: «{value}»."),
        N_("paling banyak satu tanda seru"),
        N_("Pakai satu tanda seru, atau titik. Alasan yang jelas lebih meyakinkan: Daftar sekarang, tempatnya terbatas."),
    ),
    "table_no_header": (
        N_("Tabel yang diawali «{value}» tidak punya baris judul kolom. Pembaca layar tidak bisa menyebut kolom setiap isian."),
        N_("baris pertama tabel berisi judul kolom"),
        N_("Tulis tabel dengan Markdown: | Hari | Materi |, lalu |---|---|, lalu baris isinya."),
    ),
    "table_empty_header": (
        N_("Ada judul kolom yang kosong di tabel dengan judul «{value}»."),
        N_("setiap kolom punya judul"),
        N_("Isi judul kolom yang kosong, misalnya | Hari | Materi |."),
    ),
    "table_layout": (
        N_("Tabel «{value}» hanya punya satu kolom atau satu baris ({detail}); tabel seperti itu sebenarnya daftar."),
        N_("tabel dengan setidaknya dua kolom dan dua baris, untuk data yang memang berbentuk tabel"),
        N_("Tulis sebagai daftar dengan tanda - di awal setiap baris."),
    ),
    "description_language": (
        N_("Deskripsi tampaknya ditulis dalam bahasa «{value}», padahal berkas ini berbahasa «{detail}»."),
        N_("deskripsi dalam bahasa berkasnya"),
        N_("Jika teksnya salah tempat, pindahkan ke berkas {value}.md. Kalimat dalam bahasa lain ditandai: [Sugeng rawuh]{{jv}}."),
    ),
    "unknown_abbreviation": (
        N_("Singkatan «{value}» belum ada di daftar singkatan, jadi kepanjangannya tidak bisa ditampilkan."),
        N_("singkatan yang terdaftar di content/data/abbreviations.yaml, atau kata yang ditulis lengkap"),
        N_("Tambahkan ke content/data/abbreviations.yaml, misalnya {value}: {{id: ..., en: ...}}, atau tulis kepanjangannya. Jika bukan singkatan, tulis dengan huruf biasa."),
    ),
    "time_without_zone": (
        N_("Jam «{value}» ditulis tanpa zona waktu."),
        N_("jam dengan WIB, WITA atau WIT"),
        N_("Tambahkan zona waktunya, misalnya: pukul 09.00 WIB. Peserta daring bisa berada di zona lain."),
    ),
    "time_range_dash": (
        N_("Rentang jam «{value}» ditulis dengan tanda hubung: pembaca layar membacanya sebagai dua angka saja, dan barisnya bisa terpotong di tanda itu."),
        N_("rentang jam dengan kata di antaranya"),
        N_("Tulis «{detail}»."),
    ),
    "phone_in_prose": (
        N_("Nomor telepon «{value}» ditulis di deskripsi, tetapi tidak ada di kolom kontak atau pendaftaran."),
        N_("nomor telepon di kolom contact atau registration"),
        N_("Tulis nomornya di kolom contact (phone atau whatsapp) atau registration, supaya tampil sebagai tautan yang bisa langsung diketuk."),
    ),
    "writing_data": (
        N_("Isi {value} tidak berbentuk yang benar."),
        N_("{expected}"),
        N_("Tulis seperti contoh ini: {example}"),
    ),
    "sample_fact": (
        N_("«{value}» berasal dari katalog contoh, bukan dari perpustakaan Anda."),
        N_("nama, nomor, alamat, surel dan gambar perpustakaan Anda sendiri"),
        N_("Ganti dengan milik perpustakaan Anda, atau hapus. Katalog yang masih memuat isi contoh tidak dibangun, supaya pengunjung tidak menelepon atau mendatangi perpustakaan rekaan."),
    ),
    "missing_site_file": (
        N_("Berkas fakta perpustakaan belum ada. Tanpa berkas ini situs tidak tahu nama, alamat, dan kontak perpustakaan Anda."),
        N_("berkas content/data/site.yaml dengan setidaknya name, address, timezone dan help"),
        N_("Buat berkas content/data/site.yaml (di GitHub: Add file, Create new file) dan isi, misalnya: {example}. Semua kolomnya dijelaskan di panduan (docs/panduan.md, «Fakta perpustakaan»)."),
    ),
    "empty_data_file": (
        N_("Berkas ini kosong."),
        N_("kolom-kolom dengan format nama: nilai"),
        N_("Isi berkas ini, misalnya: {example}"),
    ),
    "missing_data_file": (
        N_("Berkas daftar {vocabulary} belum ada atau kosong, padahal program memerlukannya."),
        N_("berkas {data_file} dengan setidaknya satu {vocabulary}"),
        N_("Buat berkas {data_file} dan isi satu baris per {vocabulary}: kode, titik dua, lalu labelnya. Contoh: {example}"),
    ),
    "no_content_folder": (
        N_("Folder isi katalog «{value}» tidak ada."),
        N_("folder content berisi data (site.yaml dan daftar lainnya), programs dan pages"),
        N_("Periksa nama foldernya (CONTENT=...). Folder isi katalog memuat data/site.yaml dan daftar lainnya; lihat docs/panduan.md, «Fakta perpustakaan»."),
    ),
    "no_help_channel": (
        N_("Kolom help tidak memuat satu pun cara menghubungi perpustakaan."),
        N_("setidaknya satu dari whatsapp, phone atau email"),
        N_("Tambahkan nomor WhatsApp, nomor telepon atau alamat surel layanan, misalnya help: {{whatsapp: \"0812-3456-7890\"}}."),
    ),
    "missing_main_text": (
        N_("Teks dalam bahasa utama situs («{value}») belum ada."),
        N_("teks untuk bahasa utama situs"),
        N_("Tambahkan {value}: ... di bawah kolom ini, atau tulis satu teks saja untuk semua bahasa. Contoh: {example}"),
    ),
    "main_language_off": (
        N_("Bahasa utama situs («{value}») tidak bisa dimatikan."),
        N_("bahasa lain selain bahasa utama, dengan ya atau tidak"),
        N_("Hapus baris ini: bahasa utama selalu terbit."),
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
    "warning": N_("Peringatan"),
    "summary": N_("Situs tidak dibangun: {count} masalah di {files} berkas. Keluaran sebelumnya tidak diubah."),
    "summary_and_warnings": N_("Situs tidak dibangun: {count} masalah di {files} berkas, dan {warnings} peringatan. Keluaran sebelumnya tidak diubah."),
    "warnings": N_("{count} peringatan: situs tetap dibangun, tetapi sebaiknya yang disebut di atas diperbaiki."),
    "stopped_on_warning": N_("Situs tidak dibangun: pembangunan berhenti karena peringatan di atas. Keluaran sebelumnya tidak diubah."),
    "interrupted": N_("Pembangunan dihentikan. Keluaran sebelumnya tidak diubah."),
    "fault": N_("Situs tidak dibangun karena kesalahan di dalam program pembangun situs, bukan di isi katalog ({error}). Keluaran sebelumnya tidak diubah. Rinciannya (traceback) tersimpan di {log}; untuk melihatnya di layar, jalankan lagi dengan PELICANOPTS=--debug. Laporkan kepada pengelola situs beserta rincian itu."),
    "fault_debug": N_("Situs tidak dibangun karena kesalahan di dalam program pembangun situs, bukan di isi katalog. Rinciannya ada di atas."),
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
    warning: bool = False  # removed from the page rather than stopping the build

    def texts(self, lang: str) -> tuple[str, str, str]:
        templates = [translate(text, lang) for text in MESSAGES[self.code]]
        params = {"field": self.field or "", "value": "", "detail": "", "expected": "",
                  "example": "", "choices": "", "vocabulary": "", "data_file": "", "suggestion": "", "limit": ""}
        # A parameter may itself be a translatable text, e.g. the name of a vocabulary.
        params.update({key: render(value, lang) for key, value in forms_params(self.code, self.params).items()})
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
            f"  {frame('warning' if self.warning else 'problem', lang)}: {what}\n"
            f"  {frame('expected', lang)}: {expected}\n"
            f"  {frame('fix', lang)}: {fix}"
        )


def _ordered(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.field or "", p.code))


def format_report(problems: list[Problem], lang: str, warnings: list[Problem] = ()) -> str:
    """One report: every problem and warning, by file and then by line, and the counts at the end."""
    ordered = _ordered([*problems, *warnings])
    body = "\n\n".join(p.format(lang) for p in ordered)
    if not problems:
        return f"{body}\n\n{frame('warnings', lang, count=len(warnings))}\n"
    files = len({p.path for p in problems})
    end = (frame("summary_and_warnings", lang, count=len(problems), files=files, warnings=len(warnings)) if warnings
           else frame("summary", lang, count=len(problems), files=files))
    return f"{body}\n\n{end}\n"
