//! A producer's own tools end to end: linking an imported business by its
//! phone, /produk, /libur, and what staff then see in /cari.

use crate::support::*;
use chrono::Duration;

/// Links the demo producer "Amplang Mahakam Bu Ratna" (+6281100000001).
async fn linked_producer(w: &World, id: i64) -> FakeUser {
    let user = FakeUser::new(id, "Ratna");
    let greeting = w.say(&user, "/start", "mendaftar sebagai apa").await;
    let ask = w
        .press(&user, &greeting, "sudah didata", "Bagikan nomor HP")
        .await;
    assert!(!ask.keyboard_buttons().is_empty(), "a share-contact button");
    let since = w.api.checkpoint();
    w.api.share_contact(&user, "0811-0000-0001", Some(user.id));
    w.expect_after(since, user.id, "Amplang Mahakam Bu Ratna")
        .await;
    user
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_imported_business_is_linked_by_sharing_its_phone() {
    let w = world_with_demo().await;
    let ratna = linked_producer(&w, 6001).await;
    w.say(&ratna, "/profil", "terverifikasi").await;

    // An unknown number links nothing.
    let other = FakeUser::new(6002, "Lain");
    let greeting = w.say(&other, "/start", "mendaftar sebagai apa").await;
    w.press(&other, &greeting, "sudah didata", "Bagikan nomor HP")
        .await;
    let since = w.api.checkpoint();
    w.api
        .share_contact(&other, "0812-9999-0000", Some(other.id));
    w.expect_after(since, other.id, "belum ada di data").await;

    // Registering with an imported phone links instead of failing.
    let siti = FakeUser::new(6003, "Siti");
    let greeting = w.say(&siti, "/start", "mendaftar sebagai apa").await;
    w.press(&siti, &greeting, "Produsen", "nama usaha").await;
    w.say(&siti, "Kue Siti", "kabupaten/kota").await;
    let cats = w.say(&siti, "samarinda", "kategori").await;
    let cats = w.press(&siti, &cats, "Snack", "kategori").await;
    w.press(&siti, &cats, "Selesai", "produk").await;
    w.say(&siti, "kue talam", "sehari").await;
    w.say(&siti, "100", "hari sebelumnya").await;
    w.say(&siti, "2", "pesanan minimal").await;
    let halal = w.say(&siti, "10", "halal").await;
    let nib = w.press(&siti, &halal, "Ya", "NIB").await;
    w.press(&siti, &nib, "Lewati", "nomor HP").await;
    let since = w.api.checkpoint();
    w.api.share_contact(&siti, "+6281100000002", Some(siti.id));
    w.expect_after(since, siti.id, "Kue Talam Acil Samarinda")
        .await;
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_producer_adds_changes_and_removes_a_product_and_search_follows() {
    let w = world_with_demo().await;
    let ratna = linked_producer(&w, 6011).await;
    let staff = approved_staff(&w, 6012, "Bappeda", "64.02").await;

    let list = w.say(&ratna, "/produk", "Produk Bapak/Ibu").await;
    assert!(list.text_or_caption().contains("Amplang ikan pipih"));
    w.press(&ratna, &list, "Tambah produk", "Nama produknya")
        .await;
    w.say(&ratna, "Amplang kepiting", "Harga mulai").await;
    w.say(&ratna, "gratis", "tidak dapat dibaca").await;
    let min = w.say(&ratna, "25rb per bungkus", "Pesanan minimal").await;
    w.press(&ratna, &min, "Lewati", "hari sebelumnya").await;
    w.say(&ratna, "5", "foto produk").await;
    w.say(&ratna, "ini fotonya", "Mohon kirim foto").await;
    let since = w.api.checkpoint();
    w.api.send_photo(&ratna, None);
    w.expect_after(since, ratna.id, "tersimpan dan langsung bisa dicari")
        .await;
    let list = w.expect_after(since, ratna.id, "Produk Bapak/Ibu").await;
    let text = list.text_or_caption();
    assert!(
        text.contains(
            "Amplang kepiting — mulai Rp 25.000/bungkus · pesan 5 hari sebelumnya · ada foto"
        ),
        "{text}"
    );

    // Staff find it at once, with its photo on the profile.
    let found = w.say(&staff, "/cari kepiting", "Hasil untuk").await;
    assert!(found.text_or_caption().contains("Amplang Mahakam Bu Ratna"));
    let since = w.api.checkpoint();
    w.api.press_button(
        &staff,
        found.message_id,
        &found.button_data("1. Lihat profil").unwrap(),
    );
    w.expect_after(since, staff.id, "Rp 25.000/bungkus").await;
    w.api
        .wait_for_call_after(since, "sendPhoto", |c| c.chat_id() == Some(staff.id), WAIT)
        .await
        .expect("the product photo is shown");

    // Change the price: the buttons of the 4th product (the new one).
    let edit = w.press(&ratna, &list, "✏️ 4", "ingin diubah").await;
    w.press(&ratna, &edit, "Harga", "Harga mulai").await;
    let list = w.say(&ratna, "Rp 30.000/bungkus", "Produk Bapak/Ibu").await;
    assert!(list.text_or_caption().contains("Rp 30.000/bungkus"));

    // Another producer cannot touch it (forged button).
    let product_id = list
        .button_data("✏️ 4")
        .unwrap()
        .trim_start_matches("pe:")
        .to_string();
    let intruder = FakeUser::new(6013, "Penyusup");
    w.say(&intruder, "/start", "mendaftar sebagai apa").await;
    let m = w.api.last_message_to(intruder.id).unwrap();
    let answer = w
        .press_and_answer(&intruder, m.message_id, &format!("pR:{product_id}"))
        .await;
    assert!(
        answer
            .to_string()
            .contains("produsen yang sudah terverifikasi"),
        "{answer}"
    );

    // Remove it: confirm, and search no longer finds it.
    let confirm = w.press(&ratna, &list, "🗑 4", "Hapus produk").await;
    w.press(&ratna, &confirm, "Ya, hapus", "dihapus").await;
    w.say(&staff, "/cari kepiting", "Tidak ada produsen").await;
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_producer_on_leave_is_hidden_for_those_dates_only() {
    let w = world_with_demo().await;
    let ratna = linked_producer(&w, 6021).await;
    let staff = approved_staff(&w, 6022, "Bappeda", "64.02").await;
    let today = (w.clock.now() + Duration::hours(8)).date_naive();
    let fmt = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let (start, end) = (today + Duration::days(10), today + Duration::days(12));

    let leave = w.say(&ratna, "/libur", "Belum ada libur").await;
    w.press(&ratna, &leave, "Tambah libur", "Tulis tanggal libur")
        .await;
    w.say(&ratna, "libur panjang", "tidak dapat dibaca").await;
    w.say(
        &ratna,
        &format!("{} - {}", fmt(end), fmt(start)),
        "sebelum tanggal mulai",
    )
    .await;
    w.say(
        &ratna,
        &format!("{} - {}", fmt(start), fmt(end)),
        "tersimpan",
    )
    .await;
    let listed = w
        .expect_after(Checkpoint::default(), ratna.id, "Libur terjadwal")
        .await;

    let results = w.say(&staff, "/cari amplang", "Hasil untuk").await;
    assert!(
        results
            .text_or_caption()
            .contains("Amplang Mahakam Bu Ratna")
    );
    w.press(&staff, &results, "Tanggal", "Tanggal berapa").await;
    let during = w
        .say(&staff, &fmt(today + Duration::days(11)), "bisa kirim")
        .await;
    assert!(
        !during
            .text_or_caption()
            .contains("Amplang Mahakam Bu Ratna"),
        "{}",
        during.text_or_caption()
    );
    w.press(&staff, &during, "Tanggal", "Tanggal berapa").await;
    let after = w
        .say(&staff, &fmt(today + Duration::days(13)), "bisa kirim")
        .await;
    assert!(
        after.text_or_caption().contains("Amplang Mahakam Bu Ratna"),
        "{}",
        after.text_or_caption()
    );

    // Ending the leave early brings the producer back for those days.
    w.press(&ratna, &listed, "Akhiri libur 1", "Libur diakhiri")
        .await;
    w.press(&staff, &after, "Tanggal", "Tanggal berapa").await;
    let again = w
        .say(&staff, &fmt(today + Duration::days(11)), "bisa kirim")
        .await;
    assert!(again.text_or_caption().contains("Amplang Mahakam Bu Ratna"));
    w.assert_every_callback_answered().await;
}
