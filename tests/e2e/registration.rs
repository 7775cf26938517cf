//! Registration and verification, end to end through the fake Bot API.

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_producer_registers_from_start_and_an_admin_approves() {
    let w = World::start().await;
    let sari = FakeUser::new(2001, "Sari");
    let admin = FakeUser::new(ADMIN, "Admin Dinas");

    let summary = register_producer_until_summary(&w, &sari, "Amplang Bu Sari").await;
    let text = summary.text_or_caption();
    assert!(text.contains("Amplang Bu Sari"), "{text}");
    assert!(
        text.contains("Tenggarong, Kabupaten Kutai Kartanegara"),
        "{text}"
    );
    assert!(text.contains("+6281234567890"), "{text}");
    assert!(text.contains("1234567890123"), "{text}");

    let since = w.api.checkpoint();
    w.press(&sari, &summary, "Kirim", "menunggu verifikasi")
        .await;
    let card = w
        .expect_after(since, ADMIN, "Pendaftaran produsen baru")
        .await;
    assert!(card.text_or_caption().contains("Amplang Bu Sari"));

    let since = w.api.checkpoint();
    w.press(&admin, &card, "Setujui", "Disetujui oleh").await;
    let told = w.expect_after(since, sari.id, "sudah diverifikasi").await;
    assert!(told.text_or_caption().contains("Amplang Bu Sari"));

    let pool = w.pool().await;
    let (status, verified): (String, bool) = sqlx::query_as(
        "SELECT u.status, p.verified FROM users u JOIN producers p ON p.user_id = u.id WHERE u.id = ?",
    )
    .bind(sari.id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(status, "approved");
    assert!(verified);

    // The approved producer now has a menu of their own.
    let scoped = w
        .api
        .wait_for_call(
            "setMyCommands",
            |c| c.params.to_string().contains(&sari.id.to_string()),
            WAIT,
        )
        .await;
    assert!(scoped.is_ok(), "a chat-scoped command menu was set");

    // /profil shows the verified status.
    w.say(&sari, "/profil", "terverifikasi").await;
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_register_through_an_admin_invite_link_and_are_active_at_once() {
    let w = World::start().await;
    let admin = FakeUser::new(ADMIN, "Admin Dinas");
    let budi = FakeUser::new(3001, "Budi");

    let list = w.say(&admin, "/verifikasi", "Tidak ada pendaftaran").await;
    w.press(&admin, &list, "tautan undangan", "yang akan diundang")
        .await;
    w.say(&admin, "Dinas Pariwisata", "kabupaten/kota").await;
    let link_msg = w.say(&admin, "samarinda", "Tautan undangan").await;
    let text = link_msg.text_or_caption().to_string();
    let link_start = text.find("?start=").expect("a deep link") + "?start=".len();
    let payload: String = text[link_start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    assert!(
        payload.starts_with("inv_") && payload.len() <= 64,
        "{payload}"
    );

    w.say(&budi, &format!("/start {payload}"), "Dinas Pariwisata")
        .await;
    let summary = w.say(&budi, "Budi Santoso", "Periksa data").await;
    assert!(summary.text_or_caption().contains("Kota Samarinda"));
    // Through an invite only the name can be changed.
    let edit = w.press(&budi, &summary, "Ubah", "Periksa data").await;
    assert_eq!(
        edit.inline_buttons().len(),
        2,
        "name and cancel: {:?}",
        edit.inline_buttons()
    );
    let again = w.press(&budi, &edit, "Nama", "nama lengkap").await;
    let _ = again;
    let summary = w.say(&budi, "Budi Santoso, S.E.", "Periksa data").await;
    w.press(&budi, &summary, "Kirim", "langsung aktif").await;

    let pool = w.pool().await;
    let (status, office): (String, String) = sqlx::query_as(
        "SELECT u.status, o.name FROM users u JOIN staff s ON s.user_id = u.id
         JOIN offices o ON o.id = s.office_id WHERE u.id = ?",
    )
    .bind(budi.id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(status, "approved");
    assert_eq!(office, "Dinas Pariwisata");
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_registration_is_told_and_can_be_sent_again() {
    let w = World::start().await;
    let admin = FakeUser::new(ADMIN, "Admin Dinas");
    let rina = FakeUser::new(3002, "Rina");

    let greeting = w.say(&rina, "/daftar", "mendaftar sebagai apa").await;
    w.press(&rina, &greeting, "Staf OPD", "nama lengkap").await;
    w.say(&rina, "Rina Marlina", "kantor/OPD").await;
    w.say(&rina, "Bappeda", "kabupaten/kota").await;
    let summary = w.say(&rina, "kukar", "Periksa data").await;
    assert!(
        summary
            .text_or_caption()
            .contains("Kabupaten Kutai Kartanegara")
    );
    let since = w.api.checkpoint();
    w.press(&rina, &summary, "Kirim", "menunggu verifikasi")
        .await;
    let card = w
        .expect_after(since, ADMIN, "Pendaftaran staf OPD baru")
        .await;

    // The admin also finds it in /verifikasi.
    w.say(&admin, "/verifikasi", "Ada 1 pendaftaran menunggu")
        .await;

    let since = w.api.checkpoint();
    w.press(&admin, &card, "Tolak", "Ditolak oleh").await;
    w.expect_after(since, rina.id, "belum dapat disetujui")
        .await;

    // Pressing the (now stale) card again changes nothing and is answered.
    let answer = w
        .press_and_answer(
            &admin,
            card.message_id,
            &card.button_data("Setujui").unwrap(),
        )
        .await;
    assert!(answer.to_string().contains("Sudah diputuskan"), "{answer}");
    let pool = w.pool().await;
    let status: String = sqlx::query_scalar("SELECT status FROM users WHERE id = ?")
        .bind(rina.id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "rejected");

    // A rejected user may register again.
    w.say(&rina, "/daftar", "mendaftar sebagai apa").await;
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batal_in_the_middle_stops_the_flow_and_keeps_nothing() {
    let w = World::start().await;
    let eko = FakeUser::new(2002, "Eko");
    let greeting = w.say(&eko, "/start", "mendaftar sebagai apa").await;
    w.press(&eko, &greeting, "Produsen", "nama usaha").await;
    w.say(&eko, "Kerupuk Eko", "kabupaten/kota").await;
    w.say(&eko, "/batal", "Dibatalkan").await;
    // The next message is not taken as an answer.
    w.say(&eko, "Samarinda", "mendaftar sebagai apa").await;
    w.say(&eko, "/batal", "Tidak ada langkah").await;
    let pool = w.pool().await;
    let producers: i64 = sqlx::query_scalar("SELECT count(*) FROM producers")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(producers, 0);
    let dialogues: i64 = sqlx::query_scalar("SELECT count(*) FROM dialogues")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(dialogues, 0);
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_in_the_middle_resumes_at_the_same_step_with_the_answers_given() {
    let mut w = World::start().await;
    let ani = FakeUser::new(2003, "Ani");
    let greeting = w.say(&ani, "/start", "mendaftar sebagai apa").await;
    w.press(&ani, &greeting, "Produsen", "nama usaha").await;
    w.say(&ani, "Kue Talam Ani", "kabupaten/kota").await;
    w.say(&ani, "samarinda", "kategori").await;

    w.restart().await;

    // /start after the restart asks the same question again...
    let cats = w.say(&ani, "/start", "kategori").await;
    let cats = w.press(&ani, &cats, "Snack", "kategori").await;
    w.press(&ani, &cats, "Selesai", "produk").await;
    w.restart().await;
    // ...and a plain answer continues where it was.
    w.say(&ani, "kue talam, kue lapis", "sehari").await;
    w.say(&ani, "250", "hari sebelumnya").await;
    w.say(&ani, "2", "pesanan minimal").await;
    let halal = w.say(&ani, "25", "halal").await;
    w.press(&ani, &halal, "Tidak", "NIB").await;
    let nib = find_with_button(&w, ani.id, "Lewati");
    w.press(&ani, &nib, "Lewati", "nomor HP").await;
    let since = w.api.checkpoint();
    w.api.share_contact(&ani, "081298765432", Some(ani.id));
    let summary = w.expect_after(since, ani.id, "Periksa data").await;
    let text = summary.text_or_caption();
    assert!(text.contains("Kue Talam Ani"), "{text}");
    assert!(text.contains("Kota Samarinda"), "{text}");
    assert!(text.contains("kue talam, kue lapis"), "{text}");
    assert!(text.contains("+6281298765432"), "{text}");
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_answers_at_each_step_are_explained_and_asked_again() {
    let w = World::start().await;
    let dewi = FakeUser::new(2004, "Dewi");
    let greeting = w.say(&dewi, "/start", "mendaftar sebagai apa").await;
    w.press(&dewi, &greeting, "Produsen", "nama usaha").await;

    // A 5,000-character name, a photo, then a good name.
    w.say(&dewi, &"a".repeat(5000), "maksimal 100").await;
    w.expect_after(Checkpoint::default(), dewi.id, "nama usaha")
        .await;
    let since = w.api.checkpoint();
    w.api.send_photo(&dewi, Some("foto usaha"));
    w.expect_after(since, dewi.id, "jawab dengan teks").await;
    w.expect_after(since, dewi.id, "nama usaha").await;
    w.say(&dewi, "Dapur Dewi", "kabupaten/kota").await;

    // An unknown region, a near miss with suggestions, then a choice.
    w.say(&dewi, "zzzzqqq", "tidak ditemukan").await;
    let suggestion = w.say(&dewi, "samrinda", "Mungkin maksud").await;
    let cats = w
        .press(&dewi, &suggestion, "Kota Samarinda", "kategori")
        .await;

    // Typing at the category step points to the buttons; none chosen is refused.
    w.say(&dewi, "katering", "pilih dengan tombol").await;
    let answer = w
        .press_and_answer(
            &dewi,
            cats.message_id,
            &cats.button_data("Selesai").unwrap(),
        )
        .await;
    assert!(answer.to_string().contains("minimal satu"), "{answer}");
    let cats = w.press(&dewi, &cats, "Katering", "kategori").await;
    w.press(&dewi, &cats, "Selesai", "produk").await;
    w.say(&dewi, "nasi kotak", "sehari").await;

    // Negative, letters, zero, then a number with a unit.
    w.say(&dewi, "-5", "tidak boleh negatif").await;
    w.say(&dewi, "banyak sekali", "tulis angka").await;
    w.say(&dewi, "0", "paling kecil 1").await;
    w.say(&dewi, "200 kotak", "hari sebelumnya").await;
    w.say(&dewi, "kapan saja", "tulis angka").await;
    w.say(&dewi, "400", "paling besar 365").await;
    w.say(&dewi, "2", "pesanan minimal").await;
    w.say(&dewi, "sepuluh", "halal").await;
    w.say(&dewi, "mungkin", "pilih dengan tombol").await;
    w.say(&dewi, "ya", "NIB").await;
    w.say(&dewi, "12345", "13 angka").await;
    w.say(&dewi, "lewati", "nomor HP").await;

    // Text instead of the contact, someone else's contact, a foreign number.
    w.say(&dewi, "0812 1111 2222", "Bagikan nomor saya").await;
    let since = w.api.checkpoint();
    w.api.share_contact(&dewi, "081211112222", Some(9999));
    w.expect_after(since, dewi.id, "nomor Bapak/Ibu sendiri")
        .await;
    let since = w.api.checkpoint();
    w.api.share_contact(&dewi, "+14155550100", Some(dewi.id));
    w.expect_after(since, dewi.id, "bukan nomor HP Indonesia")
        .await;
    let since = w.api.checkpoint();
    w.api.share_contact(&dewi, "6281211112222", Some(dewi.id));
    let summary = w.expect_after(since, dewi.id, "Periksa data").await;
    let text = summary.text_or_caption();
    assert!(text.contains("Kapasitas per hari: 200"), "{text}");
    assert!(text.contains("Pesanan minimal: 10"), "{text}");
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markup_characters_in_a_business_name_are_shown_as_typed() {
    let w = World::start().await;
    let user = FakeUser::new(2005, "Tono");
    let summary = register_producer_until_summary(&w, &user, "<b>Kue & Co</b> _*[").await;
    assert_eq!(summary.parse_mode.as_deref(), Some("HTML"));
    assert!(
        summary
            .text_or_caption()
            .contains("Nama usaha: &lt;b&gt;Kue &amp; Co&lt;/b&gt; _*["),
        "{}",
        summary.text_or_caption()
    );
    let since = w.api.checkpoint();
    w.press(&user, &summary, "Kirim", "menunggu verifikasi")
        .await;
    let card = w
        .expect_after(since, ADMIN, "Pendaftaran produsen baru")
        .await;
    assert!(
        card.text_or_caption()
            .contains("&lt;b&gt;Kue &amp; Co&lt;/b&gt; _*[")
    );
    let pool = w.pool().await;
    let stored: String = sqlx::query_scalar("SELECT business_name FROM producers")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, "<b>Kue & Co</b> _*[");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_approval_from_a_non_admin_changes_nothing_and_is_answered() {
    let w = World::start().await;
    let sari = FakeUser::new(2006, "Sari");
    let mallory = FakeUser::new(2007, "Mallory");
    let summary = register_producer_until_summary(&w, &sari, "Amplang Sari").await;
    w.press(&sari, &summary, "Kirim", "menunggu verifikasi")
        .await;

    // Mallory forges the admin's button data in her own chat, and approves herself too.
    w.say(&mallory, "/start", "mendaftar sebagai apa").await;
    let mallory_msg = w.api.last_message_to(mallory.id).unwrap();
    for data in [
        format!("v:a:{}", sari.id),
        format!("v:a:{}", mallory.id),
        "v:a:abc".into(),
        "zz".into(),
    ] {
        let answer = w
            .press_and_answer(&mallory, mallory_msg.message_id, &data)
            .await;
        let text = answer.to_string();
        assert!(
            text.contains("tidak berhak") || text.contains("tidak berlaku"),
            "{data}: {text}"
        );
    }
    // Mallory's /verifikasi is refused too.
    w.say(&mallory, "/verifikasi", "khusus admin").await;

    let pool = w.pool().await;
    let status: String = sqlx::query_scalar("SELECT status FROM users WHERE id = ?")
        .bind(sari.id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(status, "pending");
    let decisions: i64 = sqlx::query_scalar("SELECT count(*) FROM verification_log")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(decisions, 0);
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn english_speakers_are_answered_in_english_and_bahasa_switches_for_good() {
    let mut w = World::start().await;
    let john = FakeUser::new(2008, "John").english();
    let greeting = w.say(&john, "/start", "like to register").await;
    assert!(
        greeting.button_data("Producer").is_some(),
        "{:?}",
        greeting.inline_buttons()
    );
    let choose = w.say(&john, "/bahasa", "language").await;
    w.press(&john, &choose, "Bahasa Indonesia", "Bahasa diganti")
        .await;
    w.restart().await;
    // Remembered across restarts, whatever Telegram's language says.
    w.say(&john, "/bantuan", "/daftar").await;
    let help = w.api.last_message_to(john.id).unwrap();
    assert!(
        help.text_or_caption().contains("menghubungkan"),
        "{}",
        help.text_or_caption()
    );
    w.assert_every_callback_answered().await;
}
