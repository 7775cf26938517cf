//! /cari end to end: words, places, categories, paging, filters, the typo
//! fallback, hostile input, leave days and unverified producers.

use crate::support::*;

/// Adds a verified producer directly (as an import would).
async fn producer(
    w: &World,
    name: &str,
    regency: &str,
    district: Option<&str>,
    product: &str,
    halal: bool,
) -> i64 {
    let pool = w.pool().await;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO producers (business_name, regency_code, district_code, daily_capacity, min_lead_days,
                                min_order, halal, verified, created_at, updated_at)
         VALUES (?, ?, ?, 100, 2, 10, ?, 1, 'x', 'x') RETURNING id",
    )
    .bind(name)
    .bind(regency)
    .bind(district)
    .bind(halal)
    .fetch_one(&pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO products (producer_id, name, created_at) VALUES (?, ?, 'x')")
        .bind(id)
        .bind(product)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO producer_categories (producer_id, category) VALUES (?, 'snack')")
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_regency_alias_a_district_and_words_with_a_city_find_the_right_producers() {
    let w = world_with_demo().await;
    producer(
        &w,
        "Kue Basah Legok",
        "36.03",
        Some("36.03.20"),
        "Kue lumpur",
        true,
    )
    .await;
    let s = approved_staff(&w, 5001, "Dinas Pariwisata", "64.72").await;

    let r = w.say(&s, "/cari amplang kukar", "Hasil untuk").await;
    assert!(
        r.text_or_caption().contains("Amplang Mahakam Bu Ratna"),
        "{}",
        r.text_or_caption()
    );
    assert!(
        r.text_or_caption()
            .contains("wilayah Kabupaten Kutai Kartanegara")
    );

    let r = w.say(&s, "/cari legok", "Hasil untuk").await;
    assert!(
        r.text_or_caption().contains("Kue Basah Legok"),
        "{}",
        r.text_or_caption()
    );
    assert!(r.text_or_caption().contains("Kabupaten Tangerang"));

    let r = w.say(&s, "/cari kue talam samarinda", "Hasil untuk").await;
    let text = r.text_or_caption();
    assert!(text.contains("Kue Talam Acil Samarinda"), "{text}");
    assert!(text.contains("terverifikasi"));
    assert!(text.contains("halal"));
    assert!(text.contains("250 pcs/hari"), "{text}");
    assert!(r.button_data("Lihat profil").is_some());
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_page_both_ways_five_at_a_time() {
    let w = world_with_demo().await;
    for i in 0..12 {
        producer(
            &w,
            &format!("Keripik Nomor {i:02}"),
            "64.72",
            None,
            "Keripik tempe",
            i % 2 == 0,
        )
        .await;
    }
    let s = approved_staff(&w, 5002, "Dinas Pariwisata", "64.72").await;
    let first = w.say(&s, "/cari keripik tempe", "halaman 1/3").await;
    assert_eq!(
        first
            .inline_buttons()
            .iter()
            .filter(|(t, _)| t.contains("Lihat profil"))
            .count(),
        5
    );
    assert!(first.button_data("Sebelumnya").is_none());
    let second = w.press(&s, &first, "Berikutnya", "halaman 2/3").await;
    assert!(second.text_or_caption().contains("6. "));
    let third = w.press(&s, &second, "Berikutnya", "halaman 3/3").await;
    assert!(third.button_data("Berikutnya").is_none());
    assert_eq!(
        third
            .inline_buttons()
            .iter()
            .filter(|(t, _)| t.contains("Lihat profil"))
            .count(),
        2
    );
    w.press(&s, &third, "Sebelumnya", "halaman 2/3").await;
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn region_category_and_halal_filters_narrow_the_results() {
    let w = world_with_demo().await;
    producer(
        &w,
        "Snack Balikpapan Halal",
        "64.71",
        None,
        "Snack box",
        true,
    )
    .await;
    producer(
        &w,
        "Snack Balikpapan Biasa",
        "64.71",
        None,
        "Snack box",
        false,
    )
    .await;
    let s = approved_staff(&w, 5003, "Dinas Pariwisata", "64.72").await;
    let all = w.say(&s, "/cari snack box", "Hasil untuk").await;
    assert!(
        all.text_or_caption().contains("Kue Talam Acil"),
        "{}",
        all.text_or_caption()
    );

    // Region: the menu lists regencies with matches and their counts.
    let menu = w.press(&s, &all, "Wilayah", "Pilih wilayah").await;
    let bpp = menu
        .button_data("Kota Balikpapan (2)")
        .expect("Balikpapan with 2");
    let narrowed = w
        .press_data(&s, menu.message_id, &bpp, "wilayah Kota Balikpapan")
        .await;
    assert!(!narrowed.text_or_caption().contains("Kue Talam"));
    assert!(
        narrowed.text_or_caption().contains(": 2 produsen"),
        "{}",
        narrowed.text_or_caption()
    );

    // Halal.
    let halal = w.press(&s, &narrowed, "Halal", "halal saja").await;
    assert!(halal.text_or_caption().contains("Snack Balikpapan Halal"));
    assert!(!halal.text_or_caption().contains("Snack Balikpapan Biasa"));

    // Category: katering has none of these snack boxes in Balikpapan.
    let menu = w.press(&s, &halal, "Kategori", "Pilih kategori").await;
    let kat = w.press(&s, &menu, "Katering", "Tidak ada produsen").await;
    assert!(kat.text_or_caption().contains("kategori Katering"));
    // All categories again.
    let menu = w.press(&s, &kat, "Kategori", "Pilih kategori").await;
    w.press(&s, &menu, "Semua kategori", "Snack Balikpapan Halal")
        .await;
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_results_point_to_nearby_regencies_and_a_typo_is_still_found() {
    let w = world_with_demo().await;
    let s = approved_staff(&w, 5004, "Dinas Pariwisata", "64.72").await;
    let none = w
        .say(&s, "/cari amplang bontang", "Ada di wilayah terdekat")
        .await;
    let kukar = none
        .button_data("Kabupaten Kutai Kartanegara")
        .expect("nearby Kukar");
    w.press_data(&s, none.message_id, &kukar, "Amplang Mahakam")
        .await;

    let none = w.say(&s, "/cari xyzzyq", "Tidak ada produsen").await;
    assert!(none.button_data("Katering").is_some(), "categories offered");

    let typo = w.say(&s, "/cari amplnag", "Mungkin maksud").await;
    assert!(typo.text_or_caption().contains("Amplang Mahakam"));
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_search_text_is_answered_without_error() {
    let w = world_with_demo().await;
    let s = approved_staff(&w, 5005, "Dinas Pariwisata", "64.72").await;
    for text in [
        "\"",
        "kue\" OR \"x",
        "*",
        "-",
        ":",
        "^kue",
        "NEAR(kue talam)",
        "AND OR NOT",
        "((kue))",
        "🍰🍰🍰",
        "col:kue",
        "'; DROP TABLE producers; --",
    ] {
        let since = w.api.checkpoint();
        w.api.send_text(&s, &format!("/cari {text}"));
        let reply = w
            .api
            .wait_for_message_after(since, s.id, |_| true, WAIT)
            .await
            .unwrap_or_else(|e| panic!("{text}: {e}"));
        assert!(
            !reply.text_or_caption().contains("gangguan"),
            "{text}: {}",
            reply.text_or_caption()
        );
    }
    let pool = w.pool().await;
    let failed: i64 = sqlx::query_scalar("SELECT count(*) FROM inbox WHERE status = 'failed'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(failed, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pending_producers_are_never_shown_and_only_staff_may_search() {
    let w = world_with_demo().await;
    let sari = FakeUser::new(5006, "Sari");
    let summary = register_producer_until_summary(&w, &sari, "Amplang Rahasia").await;
    w.press(&sari, &summary, "Kirim", "menunggu verifikasi")
        .await;
    // The pending producer cannot search either.
    w.say(&sari, "/cari amplang", "staf OPD yang sudah terverifikasi")
        .await;
    let s = approved_staff(&w, 5007, "Dinas Pariwisata", "64.72").await;
    let r = w.say(&s, "/cari amplang", "Hasil untuk").await;
    assert!(!r.text_or_caption().contains("Amplang Rahasia"));
    assert!(r.text_or_caption().contains("Amplang Mahakam"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bare_cari_asks_what_to_look_for_with_category_buttons() {
    let w = world_with_demo().await;
    let s = approved_staff(&w, 5008, "Dinas Pariwisata", "64.72").await;
    let ask = w.say(&s, "/cari", "Cari apa?").await;
    w.press(&s, &ask, "Oleh-oleh", "Hasil untuk").await;
    w.say(&s, "/cari", "Cari apa?").await;
    let r = w.say(&s, "kue talam", "Hasil untuk").await;
    assert!(r.text_or_caption().contains("Kue Talam Acil"));
    // The profile and the quote button.
    let profile = w.press(&s, &r, "1. Lihat profil", "Produk").await;
    assert!(
        profile.text_or_caption().contains("Bingka kentang"),
        "{}",
        profile.text_or_caption()
    );
    // "Minta penawaran" starts a request to that producer (once it has an account).
    demo_producer(&w, 5009, "+6281100000002", "Siti").await;
    w.press(&s, &r, "1. Minta penawaran", "Barang apa").await;
    w.say(&s, "kue talam", "Berapa banyak").await;
    w.say(&s, "50 kotak", "tanggal berapa").await;
    let (_, date) = in_days(10);
    let summary = w.say(&s, &date, "Akan dikirim ke 1 produsen").await;
    assert!(
        summary.text_or_caption().contains("Kota Samarinda"),
        "the office's regency by default"
    );
    w.assert_every_callback_answered().await;
}
