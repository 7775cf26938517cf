# Pesan Lokal — Indonesian (reference). Polite, plain, short. HTML parse mode:
# only <b>, <i>, <code> tags; arguments arrive already escaped.

## Command menu (setMyCommands)
cmd-start = Mulai / menu utama
cmd-bantuan = Bantuan dan daftar perintah
cmd-daftar = Daftar sebagai produsen atau staf OPD
cmd-profil = Lihat profil dan status akun
cmd-bahasa = Ganti bahasa
cmd-batal = Batalkan langkah yang sedang berjalan
cmd-verifikasi = Periksa pendaftaran yang menunggu

## Roles and statuses
role-producer = Produsen (UMKM)
role-staff = Staf OPD
role-admin = Admin
status-new = belum terdaftar
status-pending = menunggu verifikasi admin
status-approved = terverifikasi
status-rejected = ditolak
value-yes = Ya
value-no = Tidak
value-none = —

## Start
start-greeting =
    Halo, { $name }! Selamat datang di <b>Pesan Lokal</b>.
    Di sini kantor OPD memesan snack, katering dan suvenir dari produsen lokal, jauh hari sebelum acara.

    Bapak/Ibu ingin mendaftar sebagai apa?
start-welcome-back =
    Halo lagi, { $name }! Akun Bapak/Ibu: <b>{ $role }</b>, { $status }.
    Ketik /bantuan untuk melihat yang bisa dilakukan.
start-admin =
    Halo, { $name }! Bapak/Ibu masuk sebagai <b>admin</b>.
    Ketik /verifikasi untuk memeriksa pendaftaran yang menunggu.
btn-role-producer = 🏭 Produsen (UMKM)
btn-role-staff = 🏛 Staf OPD
invite-invalid = Tautan undangan ini tidak berlaku atau sudah kedaluwarsa. Bapak/Ibu tetap bisa mendaftar biasa.

## Registration: producer
reg-producer-intro = Baik, kita daftarkan usaha Bapak/Ibu. Ada 10 pertanyaan singkat. Ketik /batal kapan saja untuk berhenti.
reg-ask-business-name = Apa <b>nama usaha</b> Bapak/Ibu?
reg-ask-region = Di <b>kabupaten/kota</b> mana usaha Bapak/Ibu? Boleh juga nama kecamatan. Contoh: Samarinda, Kukar, Tenggarong.
reg-region-pick = Maksud Bapak/Ibu yang mana?
reg-region-not-found = Wilayah «{ $input }» tidak ditemukan. Coba tulis nama kabupaten/kota, misalnya: Samarinda.
reg-region-suggest = Wilayah «{ $input }» tidak ditemukan. Mungkin maksud Bapak/Ibu salah satu ini?
reg-ask-categories = Pilih <b>kategori</b> produk (boleh lebih dari satu), lalu tekan «Selesai».
reg-categories-none = Pilih minimal satu kategori dulu.
reg-use-buttons = Silakan pilih dengan tombol.
reg-ask-products = Tulis <b>produk</b> Bapak/Ibu, dipisah koma. Contoh: amplang, kerupuk ikan, keripik pisang
reg-ask-capacity = Berapa banyak yang <b>sanggup dibuat dalam sehari</b>? Tulis angkanya, misalnya 200.
reg-ask-lead-days = Paling lambat berapa <b>hari sebelumnya</b> pesanan harus masuk? Contoh: 3
reg-ask-min-order = Berapa <b>pesanan minimal</b> (jumlah unit)? Contoh: 20
reg-ask-halal = Apakah produk Bapak/Ibu <b>bersertifikat halal</b>?
reg-ask-nib = Tulis <b>NIB</b> (Nomor Induk Berusaha, 13 angka). Belum punya? Tekan «Lewati».
reg-ask-phone = Terakhir, bagikan <b>nomor HP</b> Bapak/Ibu dengan tombol di bawah.
reg-phone-use-button = Mohon tekan tombol «📱 Bagikan nomor saya» di bawah layar.
reg-phone-not-own = Mohon bagikan nomor Bapak/Ibu sendiri, bukan kontak orang lain.
reg-phone-not-mobile = Nomor itu bukan nomor HP Indonesia. Mohon bagikan nomor HP yang aktif.
reg-phone-saved = Nomor tersimpan. Terima kasih.
btn-done = ✔️ Selesai
btn-yes = ✅ Ya
btn-no = Tidak
btn-skip = Lewati
btn-share-contact = 📱 Bagikan nomor saya

## Registration: staff
reg-staff-intro = Baik, kita daftarkan Bapak/Ibu sebagai staf OPD. Ada 3 pertanyaan singkat. Ketik /batal kapan saja untuk berhenti.
reg-staff-invite-intro = Bapak/Ibu diundang sebagai staf <b>{ $office }</b> ({ $region }). Satu pertanyaan saja.
reg-ask-full-name = Siapa <b>nama lengkap</b> Bapak/Ibu?
reg-ask-office = Apa nama <b>kantor/OPD</b> Bapak/Ibu? Contoh: Dinas Pariwisata
reg-ask-staff-region = Kantor tersebut di <b>kabupaten/kota</b> mana?

## Summary and submission
reg-summary-producer =
    <b>Periksa data pendaftaran</b>
    Nama usaha: { $name }
    Wilayah: { $region }
    Kategori: { $categories }
    Produk: { $products }
    Kapasitas per hari: { $capacity }
    Pesan paling lambat: { $lead } hari sebelumnya
    Pesanan minimal: { $min_order }
    Halal: { $halal }
    NIB: { $nib }
    Nomor HP: { $phone }

    Sudah benar?
reg-summary-staff =
    <b>Periksa data pendaftaran</b>
    Nama: { $name }
    Kantor/OPD: { $office }
    Wilayah: { $region }

    Sudah benar?
btn-submit = ✅ Kirim
btn-edit = ✏️ Ubah
btn-cancel = ❌ Batal
reg-edit-which = Bagian mana yang ingin diubah?
field-business-name = Nama usaha
field-region = Wilayah
field-categories = Kategori
field-products = Produk
field-capacity = Kapasitas
field-lead-days = Hari pemesanan
field-min-order = Pesanan minimal
field-halal = Halal
field-nib = NIB
field-phone = Nomor HP
field-full-name = Nama
field-office = Kantor/OPD
reg-submitted = Terima kasih! Pendaftaran sudah dikirim dan <b>menunggu verifikasi admin</b>. Kami kabari di sini.
reg-approved-by-invite = Terima kasih! Akun Bapak/Ibu <b>langsung aktif</b> sebagai staf { $office }. Ketik /bantuan untuk mulai.
reg-cancelled = Pendaftaran dibatalkan. Data yang belum dikirim tidak disimpan.
reg-already-pending = Pendaftaran Bapak/Ibu sedang diperiksa admin. Mohon ditunggu; kami kabari di sini.
reg-already-approved = Bapak/Ibu sudah terdaftar sebagai <b>{ $role }</b>. Lihat /profil.
reg-admin-no-register = Akun admin tidak perlu mendaftar.

## Input errors (the same question follows)
err-empty = Jawaban masih kosong.
err-too-short = Terlalu pendek: minimal { $min } huruf.
err-too-long = Terlalu panjang: maksimal { $max } huruf.
err-no-letters = Mohon tulis dengan huruf, bukan hanya angka atau simbol.
err-not-number = Mohon tulis angka, misalnya 200.
err-negative = Angka tidak boleh negatif.
err-too-small = Angka paling kecil { $min }.
err-too-large = Angka paling besar { $max }.
err-too-many = Paling banyak { $max } produk; sisanya bisa ditambah nanti.
err-bad-nib = NIB terdiri dari 13 angka. Periksa lagi, atau tekan «Lewati».
err-text-expected = Mohon jawab dengan teks.
err-phone-taken = Nomor HP ini sudah dipakai produsen lain. Hubungi admin Disperindagkop bila ini nomor Bapak/Ibu.
err-nib-taken = NIB ini sudah dipakai produsen lain. Periksa lagi, atau tekan «Lewati».
err-role-taken = Akun ini sudah terdaftar sebagai { $role }. Satu akun Telegram hanya untuk satu peran.
err-generic = Maaf, terjadi gangguan. Silakan coba lagi sebentar lagi.
stale-button = Tombol ini sudah tidak berlaku.
not-allowed = Bapak/Ibu tidak berhak melakukan ini.
admin-only = Perintah ini khusus admin.

## Verification (admins)
admin-card-producer =
    <b>Pendaftaran produsen baru</b>
    Nama usaha: { $name }
    Wilayah: { $region }
    Kategori: { $categories }
    Produk: { $products }
    Kapasitas per hari: { $capacity } · pesan { $lead } hari sebelumnya · minimal { $min_order }
    Halal: { $halal } · NIB: { $nib }
    Nomor HP: { $phone }
admin-card-staff =
    <b>Pendaftaran staf OPD baru</b>
    Nama: { $name }
    Kantor/OPD: { $office }
    Wilayah: { $region }
btn-approve = ✅ Setujui
btn-reject = ❌ Tolak
admin-decided-approved = ✅ Disetujui oleh { $admin }.
admin-decided-rejected = ❌ Ditolak oleh { $admin }.
admin-already-decided = Sudah diputuskan sebelumnya: { $status }.
verify-none = Tidak ada pendaftaran yang menunggu.
verify-count = Ada { $total } pendaftaran menunggu. Ditampilkan { $shown } yang paling lama:
btn-new-invite = 🔗 Buat tautan undangan OPD
invite-ask-office = Tulis nama <b>kantor/OPD</b> yang akan diundang. Contoh: Dinas Pariwisata
invite-ask-region = Kantor tersebut di <b>kabupaten/kota</b> mana?
invite-created =
    Tautan undangan untuk <b>{ $office }</b> ({ $region }):
    { $link }

    Staf yang mendaftar lewat tautan ini langsung aktif. Berlaku { $days } hari.

## Decisions told to the user
decision-approved-producer = Selamat! Usaha <b>{ $name }</b> sudah diverifikasi. Mulai sekarang Bapak/Ibu bisa menerima permintaan penawaran dari OPD.
decision-approved-staff = Selamat! Akun staf Bapak/Ibu sudah diverifikasi. Ketik /bantuan untuk mulai.
decision-rejected = Mohon maaf, pendaftaran Bapak/Ibu belum dapat disetujui. Silakan hubungi Disperindagkop setempat, atau perbaiki data lewat /daftar.

## Profile
profile-none = Bapak/Ibu belum terdaftar. Ketik /daftar untuk mendaftar.
profile-producer =
    <b>{ $name }</b>
    Status: { $status }
    Wilayah: { $region }
    Kategori: { $categories }
    Produk: { $products }
    Kapasitas per hari: { $capacity } · pesan { $lead } hari sebelumnya · minimal { $min_order }
    Halal: { $halal } · NIB: { $nib }
    Nomor HP: { $phone }
profile-staff =
    <b>{ $name }</b>
    Status: { $status }
    Kantor/OPD: { $office }
    Wilayah: { $region }
profile-admin = Bapak/Ibu adalah <b>admin</b> Pesan Lokal.

## Help
help-guest =
    <b>Pesan Lokal</b> menghubungkan kantor OPD dengan produsen lokal.
    /daftar — daftar sebagai produsen atau staf OPD
    /profil — lihat profil dan status
    /bahasa — ganti bahasa
    /batal — batalkan langkah yang sedang berjalan
help-producer =
    <b>Bantuan untuk produsen</b>
    /profil — lihat profil usaha dan status
    /permintaan — permintaan penawaran yang menunggu jawaban
    /pesanan — pesanan Bapak/Ibu
    /produk — tambah, ubah, hapus produk
    /libur — atur hari libur
    /daftar — perbarui data usaha
    /bahasa — ganti bahasa
    /batal — batalkan langkah yang sedang berjalan
    Permintaan penawaran dari OPD datang ke sini.
help-staff =
    <b>Bantuan untuk staf OPD</b>
    /profil — lihat profil dan status
    /cari — cari produsen lokal, misalnya /cari kue talam samarinda
    /minta — minta penawaran, misalnya /minta 250 kotak snack tanggal 26 Maret di Samarinda
    /acara — rencanakan acara jauh hari, misalnya /acara rakor triwulan, 300 snack box, 26 Maret, Samarinda
    /permintaan — lihat penawaran yang masuk dan pilih produsen
    /pesanan — ikuti pesanan sampai diterima
    /bahasa — ganti bahasa
    /batal — batalkan langkah yang sedang berjalan
help-admin =
    <b>Bantuan untuk admin</b>
    /verifikasi — periksa pendaftaran dan buat tautan undangan OPD
    /siaran — kirim pengumuman ke produsen dan staf
    /cari — cari produsen lokal
    /profil — lihat profil
    /bahasa — ganti bahasa
    /batal — batalkan langkah yang sedang berjalan

## Language, cancel, fallbacks
lang-choose = Pilih bahasa:
lang-changed = Bahasa diganti ke Bahasa Indonesia.
cancel-done = Dibatalkan.
cancel-nothing = Tidak ada langkah yang sedang berjalan.
unknown-command = Perintah itu belum tersedia. Ketik /bantuan untuk daftar perintah.
idle-hint = Ketik /bantuan untuk melihat yang bisa dilakukan.

## Categories (PRODUCT.md §9)
cat-katering = Katering
cat-snack = Snack & kue
cat-oleh-oleh = Oleh-oleh
cat-minuman = Minuman
cat-merchandise = Merchandise
cat-kerajinan = Kerajinan
cat-fesyen = Fesyen
cat-percetakan = Percetakan
cat-dekorasi = Dekorasi
btn-lang-id = 🇮🇩 Bahasa Indonesia
btn-lang-en = 🇬🇧 English

## Directory search (/cari)
cmd-cari = Cari produsen lokal
search-ask = Cari apa? Tulis nama produk, misalnya <b>kue talam samarinda</b>, atau pilih kategori:
search-staff-only = Pencarian produsen untuk staf OPD yang sudah terverifikasi.
search-header = Hasil untuk «{ $query }»: { $total } produsen · halaman { $page }/{ $pages }
search-header-fuzzy = Tidak ada yang persis «{ $query }». Mungkin maksud Bapak/Ibu: { $total } produsen · halaman { $page }/{ $pages }
search-filters = Saring: { $filters }
search-none = Tidak ada produsen untuk «{ $query }».
search-none-nearby = Tidak ada produsen untuk «{ $query }» di { $region }. Ada di wilayah terdekat:
search-none-categories = Coba kata lain, atau lihat per kategori:
search-card =
    <b>{ $n }. { $name }</b>{ $badges }
    📍 { $region }
    🏷 { $categories }
    🧺 { $products }
    ⏱ pesan { $lead } hari sebelumnya · { $capacity } { $unit }/hari · min. { $min_order }
    ⭐ { $rating } · { $finished } pesanan selesai
search-badge-verified = ✅ terverifikasi
search-badge-halal = halal
search-no-rating = belum ada ulasan
search-filter-region = wilayah { $region }
search-filter-category = kategori { $category }
search-filter-halal = halal saja
search-filter-date = bisa kirim { $date }
search-pick-region = Pilih wilayah:
search-pick-category = Pilih kategori:
search-ask-date = Tanggal berapa barangnya dibutuhkan? Contoh: 26/3, 26 Maret, besok
search-date-bad = Tanggal itu tidak dapat dibaca. Contoh: 26/3, 26 Maret, besok.
search-date-past = Tanggal itu sudah lewat. Mohon pilih tanggal yang akan datang.
search-expired = Pencarian ini sudah tidak tersedia. Silakan cari lagi dengan /cari.
btn-prev = ◀ Sebelumnya
btn-next = Berikutnya ▶
btn-filter-region = 📍 Wilayah
btn-filter-category = 🏷 Kategori
btn-filter-halal = Halal
btn-filter-halal-on = ✅ Halal
btn-filter-date = 📅 Tanggal
btn-all-regions = Semua wilayah
btn-all-categories = Semua kategori
btn-any-date = Tanggal berapa saja
btn-back = ↩ Kembali
btn-profile = { $n }. Lihat profil
btn-ask-quote = { $n }. Minta penawaran
profile-full =
    <b>{ $name }</b>{ $badges }
    📍 { $region }
    🏷 { $categories }
    ⏱ pesan { $lead } hari sebelumnya · { $capacity } { $unit }/hari · min. { $min_order }
    ⭐ { $rating } · { $finished } pesanan selesai

    <b>Produk</b>
    { $products }
profile-product-line = • { $name }{ $details }
profile-product-price = mulai { $price }/{ $unit }
profile-gone = Produsen ini tidak lagi tersedia.

## Producer tools: /produk, /libur, linking an imported business
cmd-produk = Kelola produk
cmd-libur = Atur hari libur
producer-only = Perintah ini untuk produsen yang sudah terverifikasi.
catalogue-empty = Belum ada produk. Tambahkan agar OPD dapat menemukan usaha Bapak/Ibu.
catalogue-list =
    <b>Produk Bapak/Ibu</b>
    { $list }
catalogue-line = { $n }. { $name }{ $details }
catalogue-min-order = min. { $count }
catalogue-lead-days = pesan { $days } hari sebelumnya
catalogue-has-photo = ada foto
btn-product-add = ➕ Tambah produk
btn-product-edit = ✏️ { $n }
btn-product-remove = 🗑 { $n }
product-ask-name = Nama produknya apa? Contoh: Amplang ikan pipih
product-ask-price = Harga mulai berapa, per apa? Contoh: 25rb per bungkus. Tekan «Lewati» bila belum pasti.
product-ask-min-order = Pesanan minimal untuk produk ini? Tekan «Lewati» untuk memakai pesanan minimal usaha.
product-ask-lead-days = Paling lambat berapa hari sebelumnya produk ini harus dipesan? Tekan «Lewati» untuk memakai aturan usaha.
product-ask-photo = Kirim satu foto produk, atau tekan «Lewati».
product-photo-expected = Mohon kirim foto, atau tekan «Lewati».
product-saved = Produk «{ $name }» tersimpan dan langsung bisa dicari.
product-removed = Produk «{ $name }» dihapus.
product-confirm-remove = Hapus produk «{ $name }»?
product-edit-which = Bagian mana dari «{ $name }» yang ingin diubah?
btn-remove-yes = 🗑 Ya, hapus
field-product-name = Nama
field-price = Harga
field-photo = Foto
err-price = Harga tidak dapat dibaca. Contoh: 25rb per bungkus, atau Rp 25.000/kotak.
leave-none = Belum ada libur terjadwal.
leave-list =
    <b>Libur terjadwal</b>
    { $list }
leave-line = { $n }. { $from } – { $to }
leave-ask = Tulis tanggal libur: satu tanggal (17 Agustus) atau rentang (20/3 - 25/3). Selama libur, usaha Bapak/Ibu tidak muncul di pencarian untuk tanggal itu.
leave-saved = Libur { $from } – { $to } tersimpan.
leave-ended = Libur diakhiri. Usaha Bapak/Ibu kembali muncul di pencarian.
leave-end-before-start = Tanggal selesai tidak boleh sebelum tanggal mulai.
leave-too-long = Paling lama { $max } hari sekali catat.
btn-leave-add = ➕ Tambah libur
btn-leave-end = Akhiri libur { $n }
btn-link-imported = 📱 Usaha saya sudah didata Disperindagkop
link-ask = Bagikan nomor HP yang didata Disperindagkop dengan tombol di bawah.
link-done = Usaha <b>{ $name }</b> ditemukan dan sudah terhubung ke akun ini. Ketik /produk untuk melengkapi produk.
link-none = Nomor ini belum ada di data Disperindagkop. Silakan daftar lewat /daftar.

## Quote requests (/minta, /permintaan), quotes and orders (/pesanan)
cmd-minta = Minta penawaran dari produsen lokal
cmd-permintaan = Lihat permintaan penawaran
cmd-pesanan = Lihat pesanan
rq-staff-only = Permintaan penawaran untuk staf OPD yang sudah terverifikasi.
rq-ask-item = Barang apa yang dibutuhkan? Contoh: snack box, nasi kotak, seminar kit
rq-ask-quantity = Berapa banyak? Contoh: 250 kotak
rq-ask-date = Untuk tanggal berapa? Contoh: 26 Maret, 26/3, besok
rq-ask-place = Dikirim ke kabupaten/kota mana? Contoh: Samarinda
rq-ask-budget = Berapa anggarannya? Contoh: 25rb per kotak, atau total 5 jt. Tekan «Lewati» bila tidak ada.
rq-not-understood = Maaf, permintaan itu belum saya pahami. Contoh: /minta 250 kotak snack untuk rakor tanggal 26 Maret di Samarinda, anggaran 25rb per kotak
rq-past-date = Tanggal { $date } sudah lewat.
rq-invalid-date = Tanggal itu tidak ada di kalender.
rq-weekday-clash = Hari dan tanggalnya tidak cocok, jadi tanggalnya belum saya pakai. Mohon tulis tanggalnya saja, misalnya 26/3.
rq-zero-quantity = Jumlah harus lebih dari nol.
rq-quantity-too-large = Jumlahnya terlalu besar; mohon periksa lagi.
rq-budget-unclear = Anggaran «{ $text }» belum jelas: per unit atau total? Contoh: 25rb per kotak, atau total 5 jt.
rq-summary =
    <b>Permintaan penawaran</b>
    Barang: { $item }
    Jumlah: { $quantity } { $unit }
    Tanggal: { $date }
    Tempat: { $place }
    Anggaran: { $budget }
    Halal: { $halal }
rq-budget-per-unit = { $amount } per { $unit }
rq-budget-total = total { $amount }
rq-verdict-alone = Akan dikirim ke { $count } produsen yang sanggup. Batas penawaran: { $deadline }.
rq-verdict-split = <b>Terlalu banyak untuk satu produsen.</b> Usul gotong-royong: { $parts }. Batas penawaran: { $deadline }.
rq-verdict-too-late = <b>Terlalu mendadak.</b> Belum ada produsen yang sanggup untuk { $date }. Paling cepat: <b>{ $earliest }</b>.
rq-verdict-too-big = <b>Terlalu banyak.</b> Semua produsen yang cocok bersama-sama baru sanggup { $can_make } { $unit } untuk { $date }.
rq-verdict-nobody = Belum ada produsen terverifikasi yang membuat barang ini di provinsi tersebut. Coba kata lain, atau hubungi Disperindagkop.
btn-use-date = 📅 Pakai { $date }
rq-sent = Permintaan #{ $id } terkirim ke { $count } produsen. Penawaran ditunggu sampai { $deadline }. Lihat /permintaan.
field-item = Barang
field-quantity = Jumlah
field-date = Tanggal
field-place = Tempat
field-budget = Anggaran
rq-card =
    <b>Permintaan penawaran #{ $id }</b> dari { $office }
    Barang: { $item }
    Jumlah: { $quantity } { $unit }{ $part }
    Tanggal: { $date }
    Tempat: { $place }
    Anggaran: { $budget } · Halal: { $halal }
    Batas penawaran: { $deadline }
rq-card-part = (bagian Bapak/Ibu: { $part } { $unit }, gotong-royong)
btn-quote = 💬 Kirim penawaran
btn-decline = Tolak
qt-ask-price = Harga per { $unit } berapa? Contoh: 24rb
qt-ask-quantity = Sanggup berapa { $unit }? Tekan «Semua» untuk { $quantity }.
btn-all = Semua ({ $quantity })
qt-ask-note = Catatan untuk OPD? (misalnya isi paket, waktu antar). Tekan «Lewati» bila tidak ada.
qt-sent = Penawaran untuk permintaan #{ $id } terkirim: { $price } × { $quantity } = { $total }. Bisa diubah sampai batas waktu lewat tombol «Kirim penawaran».
qt-revised = Penawaran untuk permintaan #{ $id } diperbarui: { $price } × { $quantity } = { $total }.
qt-too-many = Paling banyak { $quantity }.
qt-closed = Permintaan ini sudah ditutup.
qt-deadline-passed = Batas penawaran sudah lewat.
qt-ask-decline-reason = Boleh tahu alasannya? Tekan «Lewati» bila tidak.
qt-declined = Baik, permintaan #{ $id } ditolak. Terima kasih.
staff-new-quote = Penawaran baru untuk permintaan #{ $id } dari <b>{ $producer }</b>: { $price } × { $quantity } = { $total }. Lihat /permintaan.
staff-revised-quote = Penawaran untuk permintaan #{ $id } dari <b>{ $producer }</b> diperbarui: { $price } × { $quantity } = { $total }.
staff-declined = <b>{ $producer }</b> menolak permintaan #{ $id }. { $reason }
rq-list-none = Belum ada permintaan. Buat dengan /minta.
rq-list = <b>Permintaan kantor Bapak/Ibu</b>
rq-line = #{ $id } { $item } · { $quantity } { $unit } · { $date } · { $status } · { $quotes } penawaran
rq-status-open = menunggu penawaran
rq-status-awarded = sudah dipilih
rq-status-cancelled = dibatalkan
rq-producer-list = <b>Permintaan yang menunggu jawaban Bapak/Ibu</b>
rq-producer-list-none = Tidak ada permintaan yang menunggu jawaban.
rq-quotes =
    <b>Penawaran untuk #{ $id }</b> — { $item }, { $quantity } { $unit }, { $date }
    { $lines }
rq-quotes-none = Belum ada penawaran untuk #{ $id }. Batas: { $deadline }.
rq-quote-line = { $n }. <b>{ $producer }</b> — { $price } × { $quantity } = { $total } · ⭐ { $rating } · { $finished } selesai{ $note }
btn-award = ✅ Pilih { $n }
btn-award-split = 🤝 Bagi ke beberapa produsen
rq-split-pick = Pilih produsen untuk dibagi: terpilih { $sum } dari { $quantity } { $unit }.
btn-split-done = Selesai ({ $sum }/{ $quantity })
rq-split-sum = Jumlah terpilih { $sum }, harus tepat { $quantity }.
rq-quote-too-small = Penawaran ini hanya { $quantity }; untuk seluruh jumlah, pakai «Bagi ke beberapa produsen».
rq-awarded = Pesanan dibuat: { $orders }. Produsen sudah diberi tahu. Lihat /pesanan.
producer-awarded = 🎉 Penawaran Bapak/Ibu dipilih! Pesanan <b>#{ $order }</b>: { $item }, { $quantity } { $unit } × { $price } = { $total }, untuk { $date } di { $place }. Mohon terima dalam 12 jam.
producer-not-chosen = Terima kasih atas penawaran untuk permintaan #{ $id }. Kali ini belum terpilih.
order-list-none = Belum ada pesanan.
order-card =
    <b>Pesanan #{ $id }</b> — { $status }
    { $item }: { $quantity } { $unit } × { $price } = { $total }
    Untuk: { $date } · { $place }
    Produsen: { $producer }{ $phone }
    Pemesan: { $office }
order-phone = · 📞 { $phone }
order-status-awarded = menunggu diterima produsen
order-status-accepted = diterima produsen
order-status-in_production = diproses
order-status-ready = siap
order-status-delivered = terkirim
order-status-received = diterima OPD
order-status-cancelled = dibatalkan
order-status-lapsed = tidak diterima tepat waktu
btn-order-accept = ✅ Terima pesanan
btn-order-produce = 🔧 Mulai diproses
btn-order-ready = 📦 Siap
btn-order-deliver = 🚚 Terkirim
btn-order-received = ✅ Barang diterima
btn-order-cancel = Batalkan
order-ask-cancel-reason = Mohon tulis alasan pembatalan pesanan #{ $id }.
order-changed = Pesanan #{ $id }: { $status }.
order-cancelled-by = Pesanan #{ $id } dibatalkan oleh { $who }. Alasan: { $reason }
order-ask-rating = Bagaimana pesanan #{ $id }? Beri nilai 1–5.
order-ask-comment = Ada komentar untuk produsen? Tekan «Lewati» bila tidak.
order-rated = Terima kasih! Nilai { $stars } untuk pesanan #{ $id } tersimpan.
order-step-refused = Langkah itu tidak bisa untuk status pesanan sekarang.
order-not-accepted = ⏰ Pesanan #{ $id } ({ $producer }) belum diterima dalam 12 jam. Pilih penawaran lain?
btn-choose-other = Pilih penawaran lain
order-lapsed-producer = Pesanan #{ $id } dialihkan ke produsen lain karena tidak diterima dalam 12 jam.
rq-verdict-too-small = Jumlahnya di bawah pesanan minimal produsen yang cocok (paling sedikit { $min }).
rq-verdict-too-big-later = Untuk jumlah ini, paling cepat: <b>{ $earliest }</b>.
rq-halal-any = tidak disyaratkan
reminder-ask = ⏰ Pengingat { $when }: pesanan #{ $id } — { $item }, { $quantity } { $unit } untuk { $office }, dikirim { $date }. Masih sanggup?
reminder-morning = ⏰ Hari ini pengiriman pesanan #{ $id } — { $item }, { $quantity } { $unit } untuk { $office }. Semoga lancar!
btn-reminder-ok = 👍 Ya, sesuai jadwal
btn-reminder-problem = ⚠️ Ada kendala
reminder-thanks = Terima kasih, tercatat sesuai jadwal.
reminder-problem-noted = Terima kasih. Staf pemesan sudah diberi tahu dan akan menghubungi Bapak/Ibu.
staff-reminder-problem = ⚠️ <b>{ $producer }</b> melaporkan kendala untuk pesanan #{ $id } ({ $item }, { $date }). Hubungi produsen, atau ganti ke penawaran lain.

## Outbox notices: deadlines, checks, alternatives
staff-quote-deadline = ⏰ Batas penawaran permintaan #{ $id } ({ $item }) sudah lewat: { $quotes } penawaran, { $declined } menolak, { $silent } tidak menjawab.
staff-quote-deadline-choose = Silakan pilih pemenangnya.
staff-quote-deadline-none = Belum ada yang bisa dipilih; Bapak/Ibu bisa membuat permintaan baru dengan /minta.
alt-header = <b>Penawaran lain yang bisa dipilih:</b>
alt-line = { $n }. <b>{ $producer }</b> — { $price }/{ $unit }, sanggup { $quantity } { $unit }
alt-none = Belum ada penawaran lain untuk permintaan ini.
staff-no-answer = ⚠️ <b>{ $producer }</b> belum mengonfirmasi pesanan #{ $id } ({ $item }) untuk { $date }. Hubungi produsen, atau ganti ke penawaran lain.
order-late-staff = ⏰ Pesanan #{ $id } ({ $item }) dari <b>{ $producer }</b> belum ditandai terkirim. Silakan cek dengan produsen.
order-late-producer = ⏰ Pesanan #{ $id } ({ $item }) untuk { $office } seharusnya sudah dikirim. Jika sudah, tandai di bawah; jika ada kendala, hubungi staf pemesan.
late-note = <i>(Pesan ini terlambat karena gangguan sistem. Mohon maaf.)</i>
admin-large-order = ℹ️ Pesanan besar dari { $office }:
btn-replace = 🔁 Ganti produsen
replace-reason = kendala produsen, dialihkan ke penawaran lain
order-replaced = Pesanan #{ $id } dibatalkan. Silakan pilih penawaran lain di bawah.

## Events (/acara)
cmd-acara = Rencanakan acara: kabar awal ke produsen
ev-staff-only = Rencana acara untuk staf OPD yang sudah terverifikasi.
ev-ask-name = Acara apa yang direncanakan? Contoh: Rakor triwulan
ev-ask-need = Apa kebutuhannya, kira-kira berapa? Contoh: ± 300 snack box
ev-ask-date = Tanggal berapa acaranya? Contoh: 26 Maret, 26/3
ev-need-unclear = Mohon tulis jumlah dan barangnya. Contoh: ± 300 snack box
ev-name-too-long = Nama acara paling banyak 100 huruf.
ev-summary =
    <b>Rencana acara</b>
    Acara: { $name }
    Kebutuhan: ± { $need }
    Tanggal: { $date }
    Wilayah: { $place }
    { $count } produsen yang cocok akan diberi kabar awal.
ev-last-day-ahead = Kirim permintaan penawaran paling lambat <b>{ $last }</b>. Bapak/Ibu akan diingatkan pagi itu pukul 08.00.
ev-last-day-today = Hari ini hari terakhir yang aman untuk meminta penawaran. Setelah disimpan, Bapak/Ibu bisa langsung membuat permintaannya.
ev-last-day-past = <b>Sudah mepet:</b> hari terakhir yang aman ({ $last }) sudah lewat. Sebaiknya segera kirim permintaan penawaran.
btn-save = 💾 Simpan
ev-saved = Rencana acara tersimpan. Kabar awal dikirim ke { $count } produsen. Saya akan mengingatkan Bapak/Ibu pada { $nudge }. Lihat /acara.
ev-saved-now = Rencana acara tersimpan. Kabar awal dikirim ke { $count } produsen. Silakan buat permintaan penawarannya sekarang.
ev-heads-up =
    📅 <b>Kabar awal dari { $office }</b>: akan ada kebutuhan ± { $need } di { $place } sekitar { $date } ({ $name }).
    Ini belum pesanan; permintaan penawaran menyusul. Bila Bapak/Ibu sanggup, tekan «Saya siap» agar bisa mulai mengatur kapasitas.
btn-ready = ✋ Saya siap
ev-ready-noted = Terima kasih, tercatat: Bapak/Ibu siap untuk { $name }. Permintaan penawaran akan dikirim lewat bot ini.
ev-ready-already = Sudah tercatat siap. Terima kasih.
ev-nudge = ⏰ Hari ini hari terakhir yang aman untuk meminta penawaran untuk <b>{ $name }</b> ({ $date }): ± { $need } di { $place }. { $ready } produsen sudah menyatakan siap.
btn-make-request = 📝 Buat permintaan
ev-list-header = <b>Rencana acara kantor</b>
ev-list-item =
    <b>{ $name }</b> — { $date }
    ± { $need }, { $place }
    Kirim permintaan paling lambat { $last }. Kabar awal ke { $told } produsen; { $ready } siap: { $names }
ev-list-requested = Permintaan #{ $id } sudah dibuat.
btn-new-event = ➕ Acara baru
btn-request-for = 📝 Buat permintaan: { $name }
ev-already-requested = Permintaan untuk acara ini sudah dibuat. Lihat /permintaan.
## Broadcasts
cmd-siaran = Kirim pengumuman
bc-ask-message = 📢 Silakan tulis pengumuman yang akan dikirim. Boleh berupa foto dengan keterangan. Ketik /batal untuk membatalkan.
bc-empty = Pengumumannya masih kosong. Silakan tulis teksnya, atau kirim foto dengan keterangan.
bc-too-long = Pengumuman ini { $length } karakter, padahal batasnya { $limit } karakter (keterangan foto paling panjang 1.024). Mohon dipersingkat lalu kirim lagi.
bc-ask-audience = Kirim ke siapa?
btn-bc-everyone = Semua
btn-bc-producers = Produsen
btn-bc-staff = Staf
btn-bc-regions = Wilayah…
btn-bc-categories = Kategori…
bc-ask-regions = Ketik nama kabupaten/kota tujuan, satu per pesan (mis. <i>Samarinda</i>). Tekan Selesai bila sudah cukup.
bc-regions-chosen = Wilayah tujuan: { $regions }. Ketik wilayah lain, atau tekan Selesai.
bc-ask-categories = Pilih kategori produsen tujuan, lalu tekan Selesai.
bc-choose-first = Mohon pilih minimal satu dulu.
bc-preview-head = 👀 Pratinjau — begini pesan yang akan diterima:
bc-preview =
    Penerima: { $audience }
    Akan dikirim ke <b>{ $total } penerima</b> ({ $producers } produsen, { $staff } staf); { $muted } membisukan pengumuman; { $blocked } sudah memblokir bot.
btn-bc-send = ✅ Kirim
btn-bc-send-urgent = ⚡ Kirim segera (abaikan jam tenang)
bc-nobody = Tidak ada penerima untuk pilihan ini. Silakan pilih penerima lain.
bc-progress =
    📢 Pengumuman #{ $id } sedang dikirim ke { $total } penerima…
    Terkirim: { $sent } · gagal: { $failed } · diblokir: { $blocked } · sisa: { $left }
bc-done =
    ✅ Pengumuman #{ $id } selesai.
    Terkirim: { $sent } · gagal: { $failed } · diblokir: { $blocked } (dari { $total } penerima)
profile-muted = 🔕 Pengumuman: dibisukan
profile-not-muted = 🔔 Pengumuman: aktif
btn-mute = 🔕 Bisukan pengumuman
btn-unmute = 🔔 Aktifkan pengumuman
mute-done = Pengumuman dibisukan. Hasil verifikasi dan pesanan tetap dikirim.
unmute-done = Pengumuman diaktifkan kembali.
