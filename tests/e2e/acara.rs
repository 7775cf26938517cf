//! Planned events end to end (/acara): the heads-up reaches matching
//! producers only, "Saya siap" is recorded and shown to the staff, the
//! nudge comes on the last safe day, and its button starts /minta
//! prefilled from the event.

use crate::support::*;
use chrono::{Duration, NaiveTime, TimeZone, Utc};
use pesanlokal::domain::when::format_date_id;

struct Cast {
    w: World,
    staff: FakeUser,
    talam: FakeUser,      // Kue Talam Acil Samarinda: snack, lead 2
    berkah: FakeUser,     // Katering Nasi Kuning Berkah: katering + snack, lead 3
    grogot: FakeUser,     // Keripik Tanah Grogot (Paser, same province): snack, lead 4
    sasirangan: FakeUser, // Sasirangan Kembang Kaltim (Samarinda): fesyen, merchandise
    surabaya: FakeUser,   // a snack maker in Kota Surabaya, another province
}

const SURABAYA_CSV: &str = "nama_usaha,pemilik,telepon,kode_wilayah,kecamatan,kategori,produk,kapasitas_harian,satuan,min_hari_pesan,min_pesanan,halal,nib
Snack Box Arek Suroboyo,Wati,0812-9999-0001,Kota Surabaya,,snack,Snack box;Kue basah,500,kotak,1,20,ya,
";

async fn cast() -> Cast {
    let w = world_with_demo().await;
    let pool = w.pool().await;
    let parsed = pesanlokal::domain::producer_csv::parse(
        SURABAYA_CSV.as_bytes(),
        pesanlokal::domain::Regions::embedded(),
    )
    .expect("csv");
    let report = pesanlokal::store::import::import_producers(
        &pool,
        &parsed,
        false,
        pesanlokal::clock::Clock::system().now(),
    )
    .await
    .expect("import");
    assert_eq!(report.added, 1, "{report:?}");
    let staff = approved_staff(&w, 7001, "Dinas Pariwisata", "64.72").await;
    let talam = demo_producer(&w, 7101, "+6281100000002", "Siti").await;
    let berkah = demo_producer(&w, 7102, "+6281100000003", "Masitah").await;
    let grogot = demo_producer(&w, 7103, "+6281100000010", "Asniah").await;
    let sasirangan = demo_producer(&w, 7104, "+6281100000004", "Yuliani").await;
    let surabaya = demo_producer(&w, 7105, "+6281299990001", "Wati").await;
    Cast {
        w,
        staff,
        talam,
        berkah,
        grogot,
        sasirangan,
        surabaya,
    }
}

/// Moves the bot's clock to `at` (never backwards).
fn move_clock_to(w: &World, at: chrono::DateTime<Utc>) {
    let by = at - w.clock.now();
    if by > Duration::zero() {
        w.clock.advance(by);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planned_event_warns_matching_producers_records_who_is_ready_and_nudges_on_the_last_safe_day()
 {
    let c = cast().await;
    let w = &c.w;
    let (event_day, date) = in_days(20);
    // Lead times 2, 3 and 4 days: the last safe day is 4 + 2 days before.
    let last_safe = event_day - Duration::days(6);

    let summary = w
        .say(
            &c.staff,
            &format!("/acara Rakor triwulan, ± 300 snack box, {date}, Samarinda"),
            "Rencana acara",
        )
        .await;
    let text = summary.text_or_caption();
    assert!(text.contains("Acara: Rakor triwulan"), "{text}");
    assert!(text.contains("± 300"), "{text}");
    assert!(text.contains("Kota Samarinda"), "{text}");
    assert!(text.contains("3 produsen yang cocok"), "{text}");
    assert!(
        text.contains(&format!(
            "paling lambat <b>{}</b>",
            format_date_id(last_safe)
        )),
        "{text}"
    );

    let since = w.api.checkpoint();
    w.press(
        &c.staff,
        &summary,
        "Simpan",
        "Kabar awal dikirim ke 3 produsen",
    )
    .await;
    w.outbox_idle().await;

    // The heads-up reaches the matching producers, and only them.
    let mut event = None;
    for p in [&c.talam, &c.berkah, &c.grogot] {
        let heads_up = w
            .expect_after(since, p.id, "akan ada kebutuhan ± 300")
            .await;
        let text = heads_up.text_or_caption();
        assert!(text.contains("Dinas Pariwisata"), "{text}");
        assert!(text.contains("Kota Samarinda"), "{text}");
        assert!(text.contains(&format_date_id(event_day)), "{text}");
        event = heads_up.button_data("Saya siap");
    }
    let ready_data = event.expect("a Saya siap button");
    for p in [&c.sasirangan, &c.surabaya] {
        assert_eq!(
            w.messages_containing(p.id, "kebutuhan"),
            0,
            "producer {} should not hear of the event",
            p.id
        );
    }

    // Kue Talam is ready; a producer who was not told cannot answer.
    let heads_up = find_with_button(w, c.talam.id, "Saya siap");
    w.press(&c.talam, &heads_up, "Saya siap", "tercatat").await;
    let answer = w
        .press_and_answer(&c.sasirangan, heads_up.message_id, &ready_data)
        .await;
    assert_eq!(answer["show_alert"], true, "{answer}");

    let list = w.say(&c.staff, "/acara", "Rencana acara kantor").await;
    let text = list.text_or_caption();
    assert!(text.contains("Rakor triwulan"), "{text}");
    assert!(text.contains("Kabar awal ke 3 produsen"), "{text}");
    assert!(text.contains("1 siap: Kue Talam Acil Samarinda"), "{text}");
    assert!(!text.contains("Sasirangan"), "{text}");

    // The nudge waits for 08:00 WITA on the last safe day...
    let nudge_at = chrono_tz::Asia::Makassar
        .from_local_datetime(&last_safe.and_time(NaiveTime::from_hms_opt(8, 0, 0).unwrap()))
        .unwrap()
        .with_timezone(&Utc);
    move_clock_to(w, nudge_at - Duration::hours(1));
    w.outbox_idle().await;
    assert_eq!(
        w.messages_containing(c.staff.id, "hari terakhir yang aman"),
        0
    );
    // ... and comes then.
    let since = w.api.checkpoint();
    move_clock_to(w, nudge_at + Duration::minutes(5));
    w.outbox_idle().await;
    let nudge = w
        .expect_after(since, c.staff.id, "Hari ini hari terakhir yang aman")
        .await;
    let text = nudge.text_or_caption();
    assert!(text.contains("Rakor triwulan"), "{text}");
    assert!(text.contains("1 produsen sudah menyatakan siap"), "{text}");

    // "Buat permintaan" opens /minta prefilled from the event.
    let request = w
        .press(&c.staff, &nudge, "Buat permintaan", "Permintaan penawaran")
        .await;
    let text = request.text_or_caption();
    assert!(text.contains("Jumlah: 300"), "{text}");
    assert!(text.contains("snack box"), "{text}");
    assert!(text.contains("Kota Samarinda"), "{text}");
    assert!(text.contains(&format_date_id(event_day)), "{text}");
    w.press(&c.staff, &request, "Kirim", "terkirim").await;

    let pool = w.pool().await;
    let (status, request_id): (String, Option<i64>) =
        sqlx::query_as("SELECT status, request_id FROM events")
            .fetch_one(&pool)
            .await
            .expect("the event");
    assert_eq!(status, "requested");
    assert!(request_id.is_some());
    // A second press is refused: the request was made.
    let answer = w
        .press_and_answer(&c.staff, nudge.message_id, "acq:1")
        .await;
    assert!(
        answer["text"]
            .as_str()
            .unwrap_or_default()
            .contains("sudah dibuat"),
        "{answer}"
    );
    w.assert_every_callback_answered().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_planned_step_by_step_inside_the_lead_time_says_so_and_nudges_at_once() {
    let c = cast().await;
    let w = &c.w;
    let (_, date) = in_days(4);

    w.say(&c.staff, "/acara", "Acara apa").await;
    w.say(&c.staff, "Kunjungan kerja DPRD", "kebutuhannya")
        .await;
    w.say(&c.staff, "kira-kira", "jumlah dan barangnya").await;
    w.say(&c.staff, "± 120 snack box", "Tanggal berapa").await;
    let summary = w.say(&c.staff, &date, "Rencana acara").await;
    let text = summary.text_or_caption();
    // The office's region is the default.
    assert!(text.contains("Wilayah: Kota Samarinda"), "{text}");
    assert!(text.contains("Sudah mepet"), "{text}");

    let since = w.api.checkpoint();
    w.press(
        &c.staff,
        &summary,
        "Simpan",
        "buat permintaan penawarannya sekarang",
    )
    .await;
    w.outbox_idle().await;
    let nudge = w
        .expect_after(since, c.staff.id, "Hari ini hari terakhir yang aman")
        .await;
    assert!(nudge.button_data("Buat permintaan").is_some());
    w.expect_after(since, c.talam.id, "± 120").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_approved_staff_may_plan_events() {
    let c = cast().await;
    let w = &c.w;
    w.say(&c.talam, "/acara rakor, 300 snack box", "staf OPD")
        .await;
    let stranger = FakeUser::new(7999, "Tamu");
    w.say(&stranger, "/acara rakor, 300 snack box", "staf OPD")
        .await;
}
