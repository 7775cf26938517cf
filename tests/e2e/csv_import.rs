//! Producer CSV import and export (PRODUCT.md §8), through the library and
//! through the `pesanlokal` binary, each test on a fresh database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pesanlokal::domain::Regions;
use pesanlokal::domain::producer_csv;
use pesanlokal::store;
use pesanlokal::store::import::{ImportReport, import_producers};
use sqlx::SqlitePool;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

struct Db {
    dir: tempfile::TempDir,
    url: String,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite:{}", dir.path().join("x.db").display());
        Db { dir, url }
    }

    fn file(&self) -> PathBuf {
        self.dir.path().join("x.db")
    }

    async fn pool(&self) -> SqlitePool {
        store::open(&self.url).await.expect("open db")
    }

    /// Runs `pesanlokal ARGS` against this database.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_pesanlokal"))
            .args(args)
            .current_dir(self.dir.path())
            .env("DATABASE_URL", &self.url)
            .env("RUST_LOG", "warn")
            .output()
            .expect("run pesanlokal")
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

async fn import_file(pool: &SqlitePool, path: &Path, dry_run: bool) -> ImportReport {
    let file = std::fs::File::open(path).expect("fixture");
    let parsed = producer_csv::parse(file, Regions::embedded()).expect("file accepted");
    import_producers(
        pool,
        &parsed,
        dry_run,
        pesanlokal::clock::Clock::system().now(),
    )
    .await
    .expect("import")
}

/// Everything an import may change, as text, to compare before and after.
async fn snapshot(pool: &SqlitePool) -> Vec<String> {
    let producers: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT id, updated_at,
                json_array(user_id, business_name, owner_name, phone, regency_code, district_code,
                           daily_capacity, capacity_unit, min_lead_days, min_order, halal, nib,
                           verified, source, created_at),
                (SELECT group_concat(category, ',') FROM
                    (SELECT category FROM producer_categories WHERE producer_id = p.id
                     ORDER BY category))
         FROM producers p ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let products: Vec<(i64, i64, String, String)> =
        sqlx::query_as("SELECT id, producer_id, name, created_at FROM products ORDER BY id")
            .fetch_all(pool)
            .await
            .unwrap();
    producers
        .iter()
        .map(|p| format!("{p:?}"))
        .chain(products.iter().map(|p| format!("{p:?}")))
        .collect()
}

async fn producer_count(pool: &SqlitePool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM producers")
        .fetch_one(pool)
        .await
        .unwrap()
}

const MIXED_SUMMARY: &str = "ditambah: 3, diperbarui: 0, tidak berubah: 0, ditolak: 5";

#[tokio::test]
async fn the_mixed_file_loads_the_good_rows_and_reports_each_bad_one_by_line() {
    let db = Db::new();
    let pool = db.pool().await;
    let report = import_file(&pool, &fixture("producers_mixed.csv"), false).await;
    assert_eq!((report.added, report.updated, report.unchanged), (3, 0, 0));
    let rejected: Vec<String> = report.rejected.iter().map(|r| r.to_string()).collect();
    assert_eq!(
        rejected,
        [
            "baris 5: nomor telepon bukan nomor HP Indonesia (\"021-555-1234\")",
            "baris 6: kode_wilayah \"99.99\" tidak dikenal",
            "baris 7: kapasitas_harian tidak boleh negatif (\"-40\")",
            "baris 8: nama_usaha kosong",
            "baris 9: nomor telepon +6281234567001 sama dengan baris 2",
        ]
    );
    let loaded: Vec<(String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT business_name, phone, district_code, capacity_unit FROM producers ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        loaded,
        [
            (
                "Amplang Mahakam Bu Sari".to_string(),
                "+6281234567001".to_string(),
                Some("64.02.06".to_string()),
                "bungkus".to_string()
            ),
            (
                "Kue Talam Acil".to_string(),
                "+6281234567002".to_string(),
                Some("64.72.03".to_string()),
                "kotak".to_string()
            ),
            (
                "Kopi Sangatta".to_string(),
                "+6281350000008".to_string(),
                Some("64.08.04".to_string()),
                "gelas".to_string()
            ),
        ]
    );
    let products: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM products WHERE producer_id =
             (SELECT id FROM producers WHERE phone = '+6281234567002') ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(products, ["Kue talam", "Kue lapis", "Bingka kentang"]);
}

#[tokio::test]
async fn imported_producers_are_verified_and_found_by_full_text_search() {
    let db = Db::new();
    let pool = db.pool().await;
    import_file(&pool, &fixture("producers_mixed.csv"), false).await;
    let unverified: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM producers
         WHERE verified <> 1 OR source <> 'import' OR user_id IS NOT NULL",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(unverified, 0);
    let amplang: Vec<i64> =
        sqlx::query_scalar("SELECT rowid FROM producer_fts WHERE producer_fts MATCH '\"amplang\"'")
            .fetch_all(&pool)
            .await
            .unwrap();
    let expected: i64 =
        sqlx::query_scalar("SELECT id FROM producers WHERE phone = '+6281234567001'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(amplang, [expected]);
    // Categories and places are searchable too.
    let found: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM producer_fts WHERE producer_fts MATCH '\"minuman\" AND \"sangatta\"'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(found, 1);
}

#[tokio::test]
async fn importing_the_mixed_file_again_changes_nothing() {
    let db = Db::new();
    let pool = db.pool().await;
    import_file(&pool, &fixture("producers_mixed.csv"), false).await;
    // Make any rewrite of updated_at visible even within the same second.
    sqlx::query("UPDATE producers SET updated_at = '2020-01-01T00:00:00Z'")
        .execute(&pool)
        .await
        .unwrap();
    let before = snapshot(&pool).await;
    let report = import_file(&pool, &fixture("producers_mixed.csv"), false).await;
    assert_eq!((report.added, report.updated, report.unchanged), (0, 0, 3));
    assert_eq!(report.rejected.len(), 5);
    assert_eq!(snapshot(&pool).await, before);
}

#[tokio::test]
async fn the_cli_prints_the_summary_then_each_rejection_and_exits_0() {
    let db = Db::new();
    let path = fixture("producers_mixed.csv");
    let output = db.run(&["import-producers", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], MIXED_SUMMARY);
    let lines_named: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        lines_named,
        ["baris 5", "baris 6", "baris 7", "baris 8", "baris 9"]
    );

    let again = db.run(&["import-producers", path.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        stdout(&again).lines().next(),
        Some("ditambah: 0, diperbarui: 0, tidak berubah: 3, ditolak: 5")
    );
}

#[tokio::test]
async fn a_file_with_a_wrong_header_is_refused_with_exit_code_1() {
    let db = Db::new();
    let path = fixture("producers_wrong_header.csv");
    let output = db.run(&["import-producers", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("baris 1: kolom tidak ada: kode_wilayah, kecamatan"),
        "{err}"
    );
    assert!(err.contains("kolom tidak dikenal: \"wilayah\""), "{err}");
    assert_eq!(stdout(&output), "");
    // Nothing was written; the database was not even created.
    assert!(!db.file().exists());
}

#[tokio::test]
async fn a_file_that_cannot_be_read_is_refused_with_exit_code_1() {
    let db = Db::new();
    let missing = db.dir.path().join("tidak-ada.csv");
    let output = db.run(&["import-producers", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("tidak bisa dibaca"), "{err}");
}

#[tokio::test]
async fn a_dry_run_reports_what_would_happen_and_writes_nothing() {
    let db = Db::new();
    let path = fixture("producers_mixed.csv");
    let output = db.run(&["import-producers", path.to_str().unwrap(), "--dry-run"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().next(), Some(MIXED_SUMMARY));
    assert_eq!(producer_count(&db.pool().await).await, 0);

    let pool = db.pool().await;
    let report = import_file(&pool, &path, true).await;
    assert_eq!(report.added, 3);
    assert_eq!(producer_count(&pool).await, 0);
}

#[tokio::test]
async fn export_then_import_changes_nothing() {
    let db = Db::new();
    let pool = db.pool().await;
    store::demo::load(&pool, pesanlokal::clock::Clock::system().now())
        .await
        .unwrap();
    import_file(&pool, &fixture("producers_mixed.csv"), false).await;
    sqlx::query("UPDATE producers SET updated_at = '2020-01-01T00:00:00Z'")
        .execute(&pool)
        .await
        .unwrap();
    let total = producer_count(&pool).await;
    let before = snapshot(&pool).await;

    let exported = db.dir.path().join("produsen.csv");
    let output = db.run(&["export-producers", exported.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).trim_end(),
        format!("{total} produsen ditulis ke {}", exported.display())
    );
    let text = std::fs::read_to_string(&exported).unwrap();
    assert!(text.starts_with(&format!("{}\n", producer_csv::COLUMNS.join(","))));
    assert!(text.contains(
        "Kue Talam Acil,Siti Aminah,+6281234567002,64.72,Samarinda Ulu,katering; snack,\
         Kue talam; Kue lapis; Bingka kentang,250,kotak,2,25,ya,\n"
    ));

    let output = db.run(&["import-producers", exported.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).trim_end(),
        format!("ditambah: 0, diperbarui: 0, tidak berubah: {total}, ditolak: 0")
    );
    assert_eq!(snapshot(&pool).await, before);
}
