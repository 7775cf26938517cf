//! Fictional producers, offices and staff in East Kalimantan, so that a
//! newcomer can try the bot at once (`pesanlokal demo-data`). Idempotent.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use crate::domain::RegionCode;

struct DemoProducer {
    name: &'static str,
    owner: &'static str,
    phone: &'static str,
    regency: &'static str,
    district: Option<&'static str>,
    categories: &'static [&'static str],
    products: &'static [&'static str],
    capacity: u32,
    lead_days: u32,
    min_order: u32,
    halal: bool,
}

const PRODUCERS: &[DemoProducer] = &[
    DemoProducer {
        name: "Amplang Mahakam Bu Ratna",
        owner: "Ratna Dewi",
        phone: "+6281100000001",
        regency: "64.02",
        district: Some("64.02.06"),
        categories: &["oleh_oleh"],
        products: &["Amplang ikan pipih", "Kerupuk udang", "Keripik pisang"],
        capacity: 300,
        lead_days: 3,
        min_order: 20,
        halal: true,
    },
    DemoProducer {
        name: "Kue Talam Acil Samarinda",
        owner: "Siti Aminah",
        phone: "+6281100000002",
        regency: "64.72",
        district: Some("64.72.03"),
        categories: &["snack"],
        products: &["Kue talam", "Kue lapis", "Bingka kentang", "Snack box"],
        capacity: 250,
        lead_days: 2,
        min_order: 25,
        halal: true,
    },
    DemoProducer {
        name: "Katering Nasi Kuning Berkah",
        owner: "Hj. Masitah",
        phone: "+6281100000003",
        regency: "64.72",
        district: None,
        categories: &["katering", "snack"],
        products: &["Nasi kuning", "Nasi kotak", "Prasmanan", "Snack box"],
        capacity: 400,
        lead_days: 3,
        min_order: 30,
        halal: true,
    },
    DemoProducer {
        name: "Sasirangan Kembang Kaltim",
        owner: "Yuliani",
        phone: "+6281100000004",
        regency: "64.72",
        district: None,
        categories: &["fesyen", "merchandise"],
        products: &["Kain sasirangan", "Kemeja batik Kaltim", "Goodie bag kain"],
        capacity: 40,
        lead_days: 10,
        min_order: 10,
        halal: false,
    },
    DemoProducer {
        name: "Rotan Anjat Tenggarong",
        owner: "Markus Lawing",
        phone: "+6281100000005",
        regency: "64.02",
        district: Some("64.02.06"),
        categories: &["kerajinan"],
        products: &["Tas anjat rotan", "Tikar rotan", "Souvenir manik Dayak"],
        capacity: 15,
        lead_days: 14,
        min_order: 5,
        halal: false,
    },
    DemoProducer {
        name: "Percetakan Borneo Grafika",
        owner: "Andi Saputra",
        phone: "+6281100000006",
        regency: "64.71",
        district: Some("64.71.06"),
        categories: &["percetakan", "merchandise"],
        products: &[
            "Banner",
            "Sertifikat",
            "ID card",
            "Seminar kit",
            "Sablon kaos",
        ],
        capacity: 500,
        lead_days: 2,
        min_order: 10,
        halal: false,
    },
    DemoProducer {
        name: "Dapur Bontang Sejahtera",
        owner: "Nurhayati",
        phone: "+6281100000007",
        regency: "64.74",
        district: None,
        categories: &["katering"],
        products: &["Nasi kotak", "Ayam bakar", "Prasmanan"],
        capacity: 300,
        lead_days: 2,
        min_order: 20,
        halal: true,
    },
    DemoProducer {
        name: "Kopi dan Minuman Sangatta",
        owner: "Rahmat Hidayat",
        phone: "+6281100000008",
        regency: "64.08",
        district: Some("64.08.04"),
        categories: &["minuman"],
        products: &["Kopi robusta kemasan", "Es teh", "Sirup nanas"],
        capacity: 200,
        lead_days: 1,
        min_order: 10,
        halal: true,
    },
    DemoProducer {
        name: "Bunga Rangkai Balikpapan",
        owner: "Dewi Lestari",
        phone: "+6281100000009",
        regency: "64.71",
        district: None,
        categories: &["dekorasi"],
        products: &["Rangkaian bunga meja", "Dekorasi panggung", "Papan bunga"],
        capacity: 20,
        lead_days: 3,
        min_order: 1,
        halal: false,
    },
    DemoProducer {
        name: "Keripik Tanah Grogot",
        owner: "Asniah",
        phone: "+6281100000010",
        regency: "64.01",
        district: None,
        categories: &["oleh_oleh", "snack"],
        products: &["Keripik singkong", "Kue tradisional", "Amplang"],
        capacity: 150,
        lead_days: 4,
        min_order: 20,
        halal: true,
    },
];

struct DemoStaff {
    user_id: i64,
    name: &'static str,
    office: &'static str,
    regency: &'static str,
}

/// Demo Telegram ids are far outside the range real accounts use in tests.
const STAFF: &[DemoStaff] = &[
    DemoStaff {
        user_id: 9_100_000_001,
        name: "Budi Santoso",
        office: "Dinas Pariwisata",
        regency: "64.72",
    },
    DemoStaff {
        user_id: 9_100_000_002,
        name: "Rina Marlina",
        office: "Bappeda",
        regency: "64.02",
    },
    DemoStaff {
        user_id: 9_100_000_003,
        name: "Agus Salim",
        office: "Sekretariat Daerah",
        regency: "64.71",
    },
];

/// Loads the demo set; running it twice changes nothing.
/// Returns (producers, staff) in the demo set.
pub async fn load(pool: &SqlitePool, now: DateTime<Utc>) -> anyhow::Result<(usize, usize)> {
    let mut tx = super::begin_write(pool).await?;
    let stamp = super::timestamp(now);
    for p in PRODUCERS {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO producers (business_name, owner_name, phone, regency_code, district_code,
                                    daily_capacity, min_lead_days, min_order, halal, verified,
                                    created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?10)
             ON CONFLICT(phone) DO UPDATE SET business_name = excluded.business_name,
                 owner_name = excluded.owner_name, updated_at = producers.updated_at
             RETURNING id",
        )
        .bind(p.name)
        .bind(p.owner)
        .bind(p.phone)
        .bind(p.regency)
        .bind(p.district)
        .bind(p.capacity)
        .bind(p.lead_days)
        .bind(p.min_order)
        .bind(p.halal)
        .bind(&stamp)
        .fetch_one(&mut *tx)
        .await?;
        for c in p.categories {
            sqlx::query(
                "INSERT OR IGNORE INTO producer_categories (producer_id, category) VALUES (?, ?)",
            )
            .bind(id)
            .bind(c)
            .execute(&mut *tx)
            .await?;
        }
        let known: i64 = sqlx::query_scalar("SELECT count(*) FROM products WHERE producer_id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        if known == 0 {
            for name in p.products {
                super::producer_lists::add_product(&mut tx, id, name, &stamp).await?;
            }
        }
    }
    for s in STAFF {
        let regency = RegionCode::parse(s.regency)?;
        let office = super::offices::find_or_create(&mut tx, s.office, &regency, now).await?;
        sqlx::query(
            "INSERT INTO users (id, chat_id, first_name, role, status, created_at, updated_at)
             VALUES (?1, ?1, ?2, 'staff', 'approved', ?3, ?3)
             ON CONFLICT(id) DO NOTHING",
        )
        .bind(s.user_id)
        .bind(s.name)
        .bind(&stamp)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO staff (user_id, full_name, office_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT(user_id) DO NOTHING",
        )
        .bind(s.user_id)
        .bind(s.name)
        .bind(office)
        .bind(&stamp)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok((PRODUCERS.len(), STAFF.len()))
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{fresh_db, now};

    #[tokio::test]
    async fn demo_data_loads_twice_without_duplicates() {
        let (pool, _dir) = fresh_db().await;
        let (p, s) = super::load(&pool, now()).await.unwrap();
        super::load(&pool, now()).await.unwrap();
        let (producers, products, staff): (i64, i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM producers WHERE verified = 1),
                    (SELECT count(*) FROM products), (SELECT count(*) FROM staff)",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(producers as usize, p);
        assert_eq!(staff as usize, s);
        assert!(products >= p as i64 * 3);
    }
}
