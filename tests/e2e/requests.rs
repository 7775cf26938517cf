//! Quote requests end to end: free text, feasibility, quotes, awards (one
//! or several producers), orders through to a rating, the 12-hour accept
//! timeout, forged buttons, and a restart between quote and award.

use crate::support::*;
use chrono::Duration;

struct Cast {
    w: World,
    staff: FakeUser,
    talam: FakeUser,  // Kue Talam Acil Samarinda: snack, 250/day, lead 2, min 25
    berkah: FakeUser, // Katering Nasi Kuning Berkah: katering + snack, 400/day, lead 3, min 30
    grogot: FakeUser, // Keripik Tanah Grogot (Paser): snack, 150/day, lead 4, min 20
}

async fn cast() -> Cast {
    let w = world_with_demo().await;
    let staff = approved_staff(&w, 7001, "Dinas Pariwisata", "64.72").await;
    let talam = demo_producer(&w, 7101, "+6281100000002", "Siti").await;
    let berkah = demo_producer(&w, 7102, "+6281100000003", "Masitah").await;
    let grogot = demo_producer(&w, 7103, "+6281100000010", "Asniah").await;
    Cast {
        w,
        staff,
        talam,
        berkah,
        grogot,
    }
}

/// Sends a quote from a request card: price, then "Semua" or a number, then no note.
async fn send_quote(
    w: &World,
    producer: &FakeUser,
    request: i64,
    price: &str,
    quantity: Option<&str>,
) -> BotMessage {
    let card = w
        .api
        .messages_to(producer.id)
        .into_iter()
        .rev()
        .find(|m| m.button_data("Kirim penawaran").as_deref() == Some(&format!("qq:{request}")))
        .expect("the request card");
    w.press(producer, &card, "Kirim penawaran", "Harga per")
        .await;
    let ask_qty = w.say(producer, price, "Sanggup berapa").await;
    let note = match quantity {
        None => w.press(producer, &ask_qty, "Semua", "Catatan").await,
        Some(q) => w.say(producer, q, "Catatan").await,
    };
    w.press(producer, &note, "Lewati", "Penawaran untuk permintaan")
        .await
}

fn request_id(sent: &BotMessage) -> i64 {
    let text = sent.text_or_caption();
    let start = text.find('#').expect("a request number") + 1;
    text[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("number")
}

/// Staff send the usual 100-box snack request for 10 days ahead; its id.
async fn send_snack_request(w: &World, staff: &FakeUser) -> i64 {
    let (_, date) = in_days(10);
    let summary = w
        .say(
            staff,
            &format!("/minta 100 kotak snack tanggal {date} di Samarinda"),
            "Akan dikirim",
        )
        .await;
    let sent = w.press(staff, &summary, "Kirim", "terkirim").await;
    request_id(&sent)
}

/// Staff open request #id's quotes from /permintaan.
async fn open_quotes(w: &World, staff: &FakeUser, id: i64, expect: &str) -> BotMessage {
    let list = w.say(staff, "/permintaan", "Permintaan kantor").await;
    w.press(staff, &list, &format!("#{id}"), expect).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_in_free_text_is_quoted_awarded_delivered_received_and_rated() {
    let c = cast().await;
    let w = &c.w;
    let (_, date) = in_days(10);
    let summary = w
        .say(&c.staff, &format!("/minta 100 kotak snack box untuk rakor tanggal {date} di Samarinda, anggaran 25rb per kotak"), "Permintaan penawaran")
        .await;
    let text = summary.text_or_caption();
    assert!(text.contains("Jumlah: 100 kotak"), "{text}");
    assert!(text.contains("Kota Samarinda"), "{text}");
    assert!(text.contains("Rp 25.000 per kotak"), "{text}");
    assert!(text.contains("Akan dikirim ke 3 produsen"), "{text}");

    let since = w.api.checkpoint();
    let sent = w
        .press(&c.staff, &summary, "Kirim", "terkirim ke 3 produsen")
        .await;
    let id = request_id(&sent);
    for p in [&c.talam, &c.berkah, &c.grogot] {
        let card = w
            .expect_after(since, p.id, &format!("Permintaan penawaran #{id}"))
            .await;
        assert!(card.text_or_caption().contains("Dinas Pariwisata"));
    }

    // Two quotes, one decline; staff hear of each.
    let since = w.api.checkpoint();
    send_quote(w, &c.talam, id, "24rb", None).await;
    w.expect_after(since, c.staff.id, "Penawaran baru untuk permintaan")
        .await;
    let since = w.api.checkpoint();
    send_quote(w, &c.berkah, id, "Rp 23.000", None).await;
    w.expect_after(since, c.staff.id, "Nasi Kuning Berkah")
        .await;
    let card = w
        .api
        .messages_to(c.grogot.id)
        .into_iter()
        .rev()
        .find(|m| m.button_data("Tolak").is_some())
        .unwrap();
    w.press(&c.grogot, &card, "Tolak", "alasannya").await;
    let since = w.api.checkpoint();
    w.say(&c.grogot, "Kapasitas penuh bulan ini", "ditolak")
        .await;
    w.expect_after(since, c.staff.id, "menolak permintaan")
        .await;

    // Side by side, cheapest first; award the cheapest.
    let view = open_quotes(w, &c.staff, id, "Penawaran untuk").await;
    let text = view.text_or_caption();
    let first = text.find("Nasi Kuning Berkah").unwrap();
    let second = text.find("Kue Talam").unwrap();
    assert!(first < second, "cheapest first: {text}");
    assert!(text.contains("Rp 23.000 × 100 = Rp 2.300.000"), "{text}");
    let since = w.api.checkpoint();
    w.press(&c.staff, &view, "Pilih 1", "Pesanan dibuat").await;
    let awarded = w.expect_after(since, c.berkah.id, "dipilih").await;
    w.expect_after(since, c.talam.id, "belum terpilih").await;

    // The producer walks the order; staff are told each step.
    let mut card = awarded;
    for (button, status) in [
        ("Terima pesanan", "diterima produsen"),
        ("Mulai diproses", "diproses"),
        ("Siap", "siap"),
        ("Terkirim", "terkirim"),
    ] {
        let since = w.api.checkpoint();
        card = w.press(&c.berkah, &card, button, status).await;
        let told = w.expect_after(since, c.staff.id, status).await;
        // The producer's phone is shown to staff once the order exists.
        assert!(
            told.text_or_caption().contains("+6281100000003"),
            "{}",
            told.text_or_caption()
        );
    }
    let staff_card = find_with_button(w, c.staff.id, "Barang diterima");
    let since = w.api.checkpoint();
    w.press(&c.staff, &staff_card, "Barang diterima", "Beri nilai")
        .await;
    w.expect_after(since, c.berkah.id, "diterima OPD").await;
    let rate = find_with_button(w, c.staff.id, "⭐⭐⭐⭐⭐");
    let comment = w.press(&c.staff, &rate, "⭐⭐⭐⭐⭐", "komentar").await;
    w.press(&c.staff, &comment, "Lewati", "Nilai 5").await;

    let pool = w.pool().await;
    let (sum, count, finished): (i64, i64, i64) = sqlx::query_as(
        "SELECT rating_sum, rating_count, finished_orders FROM producers WHERE user_id = ?",
    )
    .bind(c.berkah.id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((sum, count, finished), (5, 1, 1));
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_too_soon_is_refused_with_the_earliest_date_that_works() {
    let c = cast().await;
    let w = &c.w;
    let summary = w
        .say(
            &c.staff,
            "/minta 100 kotak snack besok di Samarinda",
            "Terlalu mendadak",
        )
        .await;
    assert!(
        summary.button_data("Kirim").is_none(),
        "cannot be sent as it is"
    );
    let later = summary
        .button_data("Pakai")
        .expect("a button with the earliest date");
    let fixed = w
        .press_data(&c.staff, summary.message_id, &later, "Akan dikirim ke")
        .await;
    assert!(fixed.button_data("Kirim").is_some());
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_weekday_that_disagrees_with_the_date_is_asked_about_not_guessed() {
    use chrono::Datelike;
    let c = cast().await;
    let w = &c.w;
    let (day, date) = in_days(20);
    let names = [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ];
    let wrong = names[(day.weekday().num_days_from_monday() as usize + 1) % 7];
    w.say(
        &c.staff,
        &format!("/minta 100 kotak snack {wrong} ({date}) di Samarinda"),
        "tidak cocok",
    )
    .await;
    let summary = w.say(&c.staff, &date, "Akan dikirim").await;
    let text = summary.text.unwrap_or_default();
    assert!(
        text.contains(&day.year().to_string()),
        "the date written alone is taken: {text}"
    );
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_much_for_one_producer_is_shared_gotong_royong_and_awarded_to_three() {
    let c = cast().await;
    let w = &c.w;
    let (_, date) = in_days(5);
    // 4 working days: Berkah 1.600, Talam 1.000, Grogot 600 — 3.000 needs all three.
    let summary = w
        .say(
            &c.staff,
            &format!("/minta 3000 kotak snack tanggal {date} di Samarinda"),
            "gotong-royong",
        )
        .await;
    let text = summary.text_or_caption();
    assert!(text.contains("Katering Nasi Kuning Berkah 1.600"), "{text}");
    let since = w.api.checkpoint();
    let sent = w
        .press(&c.staff, &summary, "Kirim", "terkirim ke 3 produsen")
        .await;
    let id = request_id(&sent);
    let card = w.expect_after(since, c.grogot.id, "bagian Bapak/Ibu").await;
    assert!(
        card.text_or_caption().contains("400"),
        "{}",
        card.text_or_caption()
    );

    send_quote(w, &c.berkah, id, "22rb", Some("1600")).await;
    send_quote(w, &c.talam, id, "24rb", Some("1000")).await;
    send_quote(w, &c.grogot, id, "25rb", Some("400")).await;

    let view = open_quotes(w, &c.staff, id, "Penawaran untuk").await;
    assert!(
        view.button_data("Pilih").is_none(),
        "no single quote covers 3.000"
    );
    let mut picker = w
        .press(&c.staff, &view, "Bagi ke beberapa", "terpilih 0 dari 3.000")
        .await;
    for n in ["1.", "2.", "3."] {
        let data = picker
            .inline_buttons()
            .into_iter()
            .find(|(t, _)| t.contains(n))
            .unwrap()
            .1;
        picker = w
            .press_data(&c.staff, picker.message_id, &data, "Pilih produsen")
            .await;
    }
    assert!(
        picker
            .text_or_caption()
            .contains("terpilih 3.000 dari 3.000"),
        "{}",
        picker.text_or_caption()
    );
    let since = w.api.checkpoint();
    w.press(&c.staff, &picker, "Selesai", "Pesanan dibuat")
        .await;
    for p in [&c.berkah, &c.talam, &c.grogot] {
        w.expect_after(since, p.id, "dipilih").await;
    }
    let pool = w.pool().await;
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE request_id = ?")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(orders, 3);
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revised_quote_replaces_the_old_one() {
    let c = cast().await;
    let w = &c.w;
    let id = send_snack_request(w, &c.staff).await;
    send_quote(w, &c.talam, id, "24rb", None).await;
    let since = w.api.checkpoint();
    let revised = send_quote(w, &c.talam, id, "21rb", None).await;
    assert!(revised.text_or_caption().contains("diperbarui"));
    w.expect_after(since, c.staff.id, "diperbarui").await;
    let view = open_quotes(w, &c.staff, id, "Penawaran untuk").await;
    let text = view.text_or_caption();
    assert!(text.contains("Rp 21.000"), "{text}");
    assert!(!text.contains("Rp 24.000"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_award_not_accepted_in_12_hours_lets_staff_choose_another_quote() {
    let c = cast().await;
    let w = &c.w;
    let id = send_snack_request(w, &c.staff).await;
    send_quote(w, &c.talam, id, "24rb", None).await;
    send_quote(w, &c.berkah, id, "23rb", None).await;
    let view = open_quotes(w, &c.staff, id, "Penawaran untuk").await;
    w.press(&c.staff, &view, "Pilih 1", "Pesanan dibuat").await;

    // Nothing before 12 hours; the alert once after.
    let since = w.api.checkpoint();
    w.clock.advance(Duration::hours(13));
    let alert = w
        .expect_after(since, c.staff.id, "belum diterima dalam 12 jam")
        .await;
    let since = w.api.checkpoint();
    let other = w
        .press(&c.staff, &alert, "Pilih penawaran lain", "Penawaran untuk")
        .await;
    w.expect_after(since, c.berkah.id, "dialihkan").await;
    assert!(
        !other.text_or_caption().contains("Nasi Kuning Berkah"),
        "{}",
        other.text_or_caption()
    );
    let since = w.api.checkpoint();
    w.press(&c.staff, &other, "Pilih 1", "Pesanan dibuat").await;
    w.expect_after(since, c.talam.id, "dipilih").await;
    let alerts = w
        .api
        .messages_to(c.staff.id)
        .iter()
        .filter(|m| m.text_or_caption().contains("12 jam"))
        .count();
    assert_eq!(alerts, 1, "told once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_buttons_from_an_outside_producer_or_another_office_change_nothing() {
    let c = cast().await;
    let w = &c.w;
    let (_, date) = in_days(10);
    let summary = w
        .say(
            &c.staff,
            &format!("/minta 50 kotak amplang tanggal {date} di Samarinda"),
            "Permintaan penawaran",
        )
        .await;
    let sent = w.press(&c.staff, &summary, "Kirim", "terkirim").await;
    let id = request_id(&sent);
    // Berkah (catering) was not sent this amplang request.
    let any = w.say(&c.berkah, "/profil", "terverifikasi").await;
    let answer = w
        .press_and_answer(&c.berkah, any.message_id, &format!("qq:{id}"))
        .await;
    assert!(answer.to_string().contains("tidak berlaku"), "{answer}");
    // Staff of another office cannot see or award it.
    let other = approved_staff(w, 7002, "Bappeda", "64.02").await;
    let m = w.say(&other, "/profil", "Bappeda").await;
    for data in [format!("rv:{id}"), format!("aw:{id}:1"), format!("as:{id}")] {
        let answer = w.press_and_answer(&other, m.message_id, &data).await;
        assert!(
            answer.to_string().contains("tidak berhak"),
            "{data}: {answer}"
        );
    }
    let pool = w.pool().await;
    let (quotes, orders): (i64, i64) =
        sqlx::query_as("SELECT (SELECT count(*) FROM quotes), (SELECT count(*) FROM orders)")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((quotes, orders), (0, 0));
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_between_quote_and_award_loses_nothing() {
    let mut c = cast().await;
    let (_, date) = in_days(10);
    let summary =
        c.w.say(
            &c.staff,
            &format!("/minta 100 kotak snack tanggal {date} di Samarinda"),
            "Akan dikirim",
        )
        .await;
    let sent = c.w.press(&c.staff, &summary, "Kirim", "terkirim").await;
    let id = request_id(&sent);
    send_quote(&c.w, &c.talam, id, "24rb", None).await;
    c.w.restart().await;
    let list = c.w.say(&c.staff, "/permintaan", "Permintaan kantor").await;
    let view =
        c.w.press(&c.staff, &list, &format!("#{id}"), "Kue Talam")
            .await;
    let since = c.w.api.checkpoint();
    c.w.press(&c.staff, &view, "Pilih 1", "Pesanan dibuat")
        .await;
    c.w.expect_after(since, c.talam.id, "dipilih").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accepted_order_is_reminded_at_local_times_and_a_problem_reaches_staff() {
    let c = cast().await;
    let w = &c.w;
    let id = send_snack_request(w, &c.staff).await;
    send_quote(w, &c.berkah, id, "23rb", None).await;
    let view = open_quotes(w, &c.staff, id, "Penawaran untuk").await;
    let since = w.api.checkpoint();
    w.press(&c.staff, &view, "Pilih 1", "Pesanan dibuat").await;
    let awarded = w.expect_after(since, c.berkah.id, "dipilih").await;
    w.press(&c.berkah, &awarded, "Terima pesanan", "diterima produsen")
        .await;

    // Four reminders, at 08:00 WITA (00:00 UTC) on H-7, H-3, H-1 and 06:00 on the day.
    let pool = w.pool().await;
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT kind, due_at FROM reminders ORDER BY due_at")
            .fetch_all(&pool)
            .await
            .unwrap();
    let kinds: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(kinds, vec!["h7", "h3", "h1", "morning"]);
    assert!(
        rows[..3].iter().all(|(_, at)| at.ends_with("T00:00:00Z")),
        "{rows:?}"
    );
    assert!(rows[3].1.ends_with("T22:00:00Z"), "{rows:?}");

    // The bot was away until just after H-1: only H-1 comes, once.
    let h1 = chrono::DateTime::parse_from_rfc3339(&rows[2].1)
        .unwrap()
        .with_timezone(&chrono::Utc);
    let since = w.api.checkpoint();
    w.clock.advance(h1 - w.clock.now() + Duration::minutes(1));
    let reminder = w.expect_after(since, c.berkah.id, "Pengingat H-1").await;
    let asked = w
        .api
        .messages_to(c.berkah.id)
        .iter()
        .filter(|m| m.text_or_caption().contains("Masih sanggup"))
        .count();
    assert_eq!(asked, 1, "only the latest due reminder, once");
    let superseded: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM reminders WHERE kind IN ('h7', 'h3') AND status = 'dropped'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        superseded, 2,
        "H-7 and H-3 came due in the downtime and were left out"
    );
    assert!(
        !w.api
            .messages_to(c.berkah.id)
            .iter()
            .any(|m| m.text_or_caption().contains("Hari ini pengiriman"))
    );

    // "Ada kendala" reaches the staff at once.
    let since = w.api.checkpoint();
    w.press(
        &c.berkah,
        &reminder,
        "Ada kendala",
        "Staf pemesan sudah diberi tahu",
    )
    .await;
    w.expect_after(since, c.staff.id, "melaporkan kendala")
        .await;

    // A cancelled order's remaining reminder is dropped.
    let card = find_with_button(w, c.staff.id, "Batalkan");
    w.press(&c.staff, &card, "Batalkan", "alasan pembatalan")
        .await;
    w.say(&c.staff, "Acara diundur", "dibatalkan").await;
    w.clock.advance(Duration::days(2));
    w.say(&c.berkah, "/bantuan", "Bantuan untuk produsen").await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert!(
        !w.api
            .messages_to(c.berkah.id)
            .iter()
            .any(|m| m.text_or_caption().contains("Hari ini pengiriman"))
    );
    let dropped: i64 =
        sqlx::query_scalar("SELECT count(*) FROM reminders WHERE status = 'dropped'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        dropped, 3,
        "H-7 and H-3 superseded, the morning one cancelled"
    );
    w.assert_every_callback_answered().await;
}
