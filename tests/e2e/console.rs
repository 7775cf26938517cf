//! `pesanlokal console --demo --script`: the real binary, no token, no
//! network, plays a whole flow between simulated people and prints the
//! transcript.

use std::process::Command;
use std::time::{Duration, Instant};

/// Checks that `steps` appear in `transcript` in this order; each step is
/// (what it shows, the text that must appear).
fn assert_in_order(transcript: &str, steps: &[(&str, &str)]) {
    let mut at = 0;
    for (step, expected) in steps {
        match transcript[at..].find(expected) {
            Some(found) => at += found + expected.len(),
            None => panic!(
                "step {step:?}: {expected:?} not found after byte {at}\n--- transcript ---\n{transcript}"
            ),
        }
    }
}

#[test]
fn a_scripted_console_session_plays_search_request_quotes_award_and_acceptance() {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_pesanlokal"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "console",
            "--demo",
            "--script",
            "tests/fixtures/console_flow.txt",
        ])
        // No token and no Bot API address: the console needs neither.
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_API_URL")
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "warn")
        .output()
        .expect("run pesanlokal console");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "exit {:?}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}",
        output.status
    );
    assert!(
        started.elapsed() < Duration::from_secs(45),
        "took {:?}",
        started.elapsed()
    );
    assert!(stdout.contains("127.0.0.1"), "{stdout}");

    assert_in_order(
        &stdout,
        &[
            ("staff section", "— Staf (Budi Santoso"),
            ("search", "> /cari snack samarinda"),
            ("search results", "Kue Talam Acil Samarinda"),
            ("search results", "Katering Nasi Kuning Berkah"),
            ("numbered buttons", "[2] 1. Minta penawaran"),
            ("request", "> /minta 100 kotak snack"),
            ("request summary", "Jumlah: 100 kotak"),
            ("request summary", "Akan dikirim ke 3 produsen"),
            ("summary buttons", "[1] ✅ Kirim  [2] ✏️ Ubah"),
            ("send", "> :1 → ✅ Kirim"),
            ("sent", "terkirim ke 3 produsen"),
            ("others told", "[1 pesan baru untuk Produsen 1]"),
            ("others told", "[1 pesan baru untuk Produsen 2]"),
            (
                "producer 1 section",
                "— Produsen 1 (Siti, Kue Talam Acil Samarinda) —",
            ),
            (
                "producer card",
                "Permintaan penawaran #1 dari Dinas Pariwisata",
            ),
            ("producer card", "[1] 💬 Kirim penawaran  [2] Tolak"),
            ("quote", "> 24rb"),
            (
                "quote sent",
                "Penawaran untuk permintaan #1 terkirim: Rp 24.000 × 100 = Rp 2.400.000",
            ),
            ("producer 2 section", "— Produsen 2 (Masitah"),
            (
                "quote sent",
                "Penawaran untuk permintaan #1 terkirim: Rp 23.000 × 100 = Rp 2.300.000",
            ),
            ("staff section", "— Staf (Budi Santoso"),
            ("staff told of quotes", "Penawaran baru untuk permintaan #1"),
            (
                "quotes side by side",
                "1. Katering Nasi Kuning Berkah — Rp 23.000",
            ),
            (
                "quotes side by side",
                "2. Kue Talam Acil Samarinda — Rp 24.000",
            ),
            ("award", "> :1 → ✅ Pilih 1"),
            ("award", "Pesanan dibuat: #1"),
            ("producer 2 section", "— Produsen 2 (Masitah"),
            ("chosen", "Penawaran Bapak/Ibu dipilih! Pesanan #1"),
            ("accept button", "[1] ✅ Terima pesanan"),
            ("clock", "⏰ Jam bot dimajukan +13h"),
            ("staff told by the scheduler", "[1 pesan baru untuk Staf]"),
            ("staff section", "— Staf (Budi Santoso"),
            (
                "12-hour alert",
                "Pesanan #1 (Katering Nasi Kuning Berkah) belum diterima dalam 12 jam",
            ),
            ("accept", "> :1 → ✅ Terima pesanan"),
            ("accepted", "Pesanan #1 — diterima produsen"),
            ("staff section", "— Staf (Budi Santoso"),
            ("staff told of acceptance", "Pesanan #1: diterima produsen."),
            ("phone shown to staff", "📞 +6281100000003"),
            ("clock", "⏰ Jam bot dimajukan +58h"),
            ("producer 2 section", "— Produsen 2 (Masitah"),
            ("H-7 reminder", "Pengingat H-7: pesanan #1"),
            ("H-3 reminder", "Pengingat H-3: pesanan #1"),
            ("H-1 reminder", "Pengingat H-1: pesanan #1"),
            ("reconfirmation", "Masih sanggup?"),
        ],
    );
}

#[test]
fn a_script_that_presses_a_button_that_is_not_there_fails_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let script = dir.path().join("bad.txt");
    std::fs::write(&script, ":siapa staf\n/bantuan\n:9\n").expect("write script");
    let output = Command::new(env!("CARGO_BIN_EXE_pesanlokal"))
        .args(["console", "--script"])
        .arg(&script)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run pesanlokal console");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("skrip baris 3") && stderr.contains("tidak ada tombol [9]"),
        "{stderr}"
    );
}
