//! The demo people: the console's simulated cast (one admin, one approved
//! staff, three demo producers linked to Telegram accounts), set up through
//! the store as the bot would. `pesanlokal console --demo` plays with them and
//! the end-to-end tests register their people with the same functions, so the
//! two cannot drift apart. Needs only the store: it is in every build.

use anyhow::{Context, bail};
use sqlx::SqlitePool;

use crate::clock::Clock;
use crate::domain::registration::StaffApplication;
use crate::domain::{AccountStatus, Lang, PhoneNumber, RegionCode, Role};
use crate::store;

/// Telegram ids of the simulated people (the same ones the tests use).
pub const ADMIN_ID: i64 = 1001;
pub const STAFF_ID: i64 = 7001;
pub const PRODUCER_IDS: [i64; 3] = [7101, 7102, 7103];

/// The three demo producers the console's producers 1..3 take over:
/// (phone, first name of the simulated person, business).
pub const DEMO_PRODUCERS: [(&str, &str, &str); 3] = [
    ("+6281100000002", "Siti", "Kue Talam Acil Samarinda"),
    ("+6281100000003", "Masitah", "Katering Nasi Kuning Berkah"),
    ("+6281100000010", "Asniah", "Keripik Tanah Grogot"),
];

/// An approved staff account of `office` in `regency`, registered through the
/// store as the bot does (submitted, then approved by `admin`). Does nothing
/// if the account is already approved staff.
pub async fn register_staff(
    pool: &SqlitePool,
    admin: i64,
    id: i64,
    first_name: &str,
    full_name: &str,
    office: &str,
    regency: &str,
) -> anyhow::Result<()> {
    let user = store::users::touch(pool, &seen(id, first_name), Clock::system().now()).await?;
    if user.role == Some(Role::Staff) && user.status == AccountStatus::Approved {
        return Ok(());
    }
    let app = StaffApplication {
        full_name: full_name.into(),
        office_name: office.into(),
        regency: RegionCode::parse(regency).context("regency code")?,
    };
    store::accounts::submit_staff(pool, id, &app, None, Clock::system().now())
        .await
        .context("registering the staff account")?;
    store::accounts::decide(pool, admin, id, true, Clock::system().now())
        .await
        .context("approving the staff account")?;
    Ok(())
}

/// Links the producer the trade office imported with `phone` to the Telegram
/// account `id`, as sharing that phone in the bot does. Returns the business
/// name, or `None` if this account already is that producer.
pub async fn link_demo_producer(
    pool: &SqlitePool,
    id: i64,
    phone: &str,
    first_name: &str,
) -> anyhow::Result<Option<String>> {
    let user = store::users::touch(pool, &seen(id, first_name), Clock::system().now()).await?;
    let phone = PhoneNumber::parse(phone).context("phone")?;
    let linked = store::catalogue::link_by_phone(pool, id, &phone, Clock::system().now())
        .await
        .context("linking the producer")?;
    match linked {
        Some(name) => Ok(Some(name)),
        None if user.role == Some(Role::Producer) => Ok(None),
        None => bail!("no producer waits for an account with {phone}"),
    }
}

/// The demo set for the console: the East Kalimantan demo data, `admin` as
/// admin, one approved staff (Budi Santoso, Dinas Pariwisata, Samarinda) and
/// three demo producers linked to [`PRODUCER_IDS`]. Running it twice on one
/// database changes nothing.
pub async fn demo_cast(pool: &SqlitePool, admin: i64) -> anyhow::Result<()> {
    store::demo::load(pool, Clock::system().now()).await?;
    store::users::ensure_admin(pool, admin, Clock::system().now()).await?;
    register_staff(
        pool,
        admin,
        STAFF_ID,
        "Budi",
        "Budi Santoso",
        "Dinas Pariwisata",
        "64.72",
    )
    .await?;
    for (id, (phone, name, _)) in PRODUCER_IDS.iter().zip(DEMO_PRODUCERS) {
        link_demo_producer(pool, *id, phone, name).await?;
    }
    Ok(())
}

fn seen(id: i64, first_name: &str) -> store::users::Seen<'_> {
    store::users::Seen {
        id,
        chat_id: id,
        first_name,
        username: None,
        telegram_language: Lang::Id,
    }
}
