//! How domain values are stored: one mapping each, as the text the tables
//! have always held. A row field of a domain type is read through these
//! (an unknown code in the database is a decode error, never a silent
//! default); a bind of one writes the same text.

use std::borrow::Cow;

use chrono::NaiveTime;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::sqlite::{SqliteArgumentValue, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Sqlite, Type};

use crate::domain::account::{AccountStatus, Lang, Role};
use crate::domain::broadcast::BroadcastStatus;
use crate::domain::event::EventStatus;
use crate::domain::order::OrderStatus;
use crate::domain::reminder::ReminderKind;
use crate::domain::request_status::{RecipientStatus, RequestStatus};
use crate::domain::{Category, PhoneNumber, RegionCode};

/// The text a value is stored as, and the value a stored text reads as.
trait TextCode: Sized {
    const WHAT: &'static str;
    fn stored(&self) -> Cow<'_, str>;
    fn read(text: &str) -> Option<Self>;
}

fn decode_text<'r, T: TextCode>(value: SqliteValueRef<'r>) -> Result<T, BoxDynError> {
    let text = <&str as Decode<'r, Sqlite>>::decode(value)?;
    T::read(text).ok_or_else(|| format!("unknown {} {text:?} in the database", T::WHAT).into())
}

fn encode_text<T: TextCode>(
    value: &T,
    buf: &mut Vec<SqliteArgumentValue<'_>>,
) -> Result<IsNull, BoxDynError> {
    buf.push(SqliteArgumentValue::Text(Cow::Owned(
        value.stored().into_owned(),
    )));
    Ok(IsNull::No)
}

/// `text_code!(Type, "what", |v| code, |text| value)`: a `TextCode` and the
/// sqlx `Type`, `Encode` and `Decode` that go through it.
macro_rules! text_code {
    ($ty:ty, $what:literal, |$v:ident| $code:expr, |$t:ident| $read:expr) => {
        impl TextCode for $ty {
            const WHAT: &'static str = $what;
            fn stored(&self) -> Cow<'_, str> {
                let $v = self;
                Cow::from($code)
            }
            fn read($t: &str) -> Option<Self> {
                $read
            }
        }
        impl Type<Sqlite> for $ty {
            fn type_info() -> SqliteTypeInfo {
                <str as Type<Sqlite>>::type_info()
            }
            fn compatible(ty: &SqliteTypeInfo) -> bool {
                <str as Type<Sqlite>>::compatible(ty)
            }
        }
        impl<'q> Encode<'q, Sqlite> for $ty {
            fn encode_by_ref(
                &self,
                buf: &mut Vec<SqliteArgumentValue<'q>>,
            ) -> Result<IsNull, BoxDynError> {
                encode_text(self, buf)
            }
        }
        impl<'r> Decode<'r, Sqlite> for $ty {
            fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
                decode_text(value)
            }
        }
    };
}

text_code!(Role, "role", |v| v.as_str(), |t| Role::parse(t));
text_code!(AccountStatus, "account status", |v| v.as_str(), |t| {
    AccountStatus::parse(t)
});
text_code!(Lang, "language", |v| v.code(), |t| Lang::parse(t));
text_code!(OrderStatus, "order status", |v| v.as_str(), |t| {
    OrderStatus::parse(t)
});
text_code!(RequestStatus, "request status", |v| v.as_str(), |t| {
    RequestStatus::parse(t)
});
text_code!(RecipientStatus, "recipient status", |v| v.as_str(), |t| {
    RecipientStatus::parse(t)
});
text_code!(EventStatus, "event status", |v| v.as_str(), |t| {
    EventStatus::parse(t)
});
text_code!(BroadcastStatus, "broadcast status", |v| v.as_str(), |t| {
    BroadcastStatus::parse(t)
});
text_code!(ReminderKind, "reminder kind", |v| v.as_str(), |t| {
    ReminderKind::parse(t)
});
text_code!(Category, "category", |v| v.slug(), |t| Category::from_slug(
    t
));
text_code!(RegionCode, "region code", |v| v.as_str(), |t| {
    RegionCode::parse(t).ok()
});
text_code!(PhoneNumber, "phone number", |v| v.as_str(), |t| {
    PhoneNumber::parse(t).ok()
});

/// A delivery time as stored: `"14:00"` (sqlx reads that back as a
/// `NaiveTime`, but would write `"14:00:00"`).
pub fn hour_minute(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// A JSON array of ids or codes for `json_each(?)`: built from values, so
/// it cannot fail to serialize.
pub fn json_array<T: Clone + Into<serde_json::Value>>(items: &[T]) -> String {
    serde_json::Value::from(items).to_string()
}

/// A value's JSON as it is written (a serialization failure is an
/// encoding error of the statement, not an empty or default text).
pub fn json_text(json: serde_json::Result<String>) -> sqlx::Result<String> {
    json.map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

/// Stored JSON that does not read back is a decoding error of the row.
pub fn json_error(e: serde_json::Error) -> sqlx::Error {
    sqlx::Error::Decode(Box::new(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::fresh_db;

    async fn round_trip<T>(pool: &sqlx::SqlitePool, value: T) -> (String, T)
    where
        T: TextCode + for<'q> Encode<'q, Sqlite> + for<'r> Decode<'r, Sqlite> + Type<Sqlite>,
        T: Send + Unpin + Clone,
    {
        let text: String = sqlx::query_scalar("SELECT ?")
            .bind(value.clone())
            .fetch_one(pool)
            .await
            .unwrap();
        let back: T = sqlx::query_scalar("SELECT ?")
            .bind(text.clone())
            .fetch_one(pool)
            .await
            .unwrap();
        (text, back)
    }

    #[tokio::test]
    async fn each_value_is_stored_as_its_code_and_read_back() {
        let (pool, _dir) = fresh_db().await;
        for s in OrderStatus::ALL {
            assert_eq!(round_trip(&pool, s).await, (s.as_str().to_string(), s));
        }
        for s in RequestStatus::ALL {
            assert_eq!(round_trip(&pool, s).await, (s.as_str().to_string(), s));
        }
        for s in RecipientStatus::ALL {
            assert_eq!(round_trip(&pool, s).await, (s.as_str().to_string(), s));
        }
        for s in EventStatus::ALL {
            assert_eq!(round_trip(&pool, s).await, (s.as_str().to_string(), s));
        }
        for s in BroadcastStatus::ALL {
            assert_eq!(round_trip(&pool, s).await, (s.as_str().to_string(), s));
        }
        for c in Category::ALL {
            assert_eq!(round_trip(&pool, c).await, (c.slug().to_string(), c));
        }
        let code = RegionCode::parse("64.72").unwrap();
        assert_eq!(
            round_trip(&pool, code.clone()).await,
            ("64.72".into(), code)
        );
        let (text, _) = round_trip(&pool, Lang::En).await;
        assert_eq!(text, "en");
        assert_eq!(
            hour_minute(NaiveTime::from_hms_opt(7, 5, 0).unwrap()),
            "07:05"
        );
        assert_eq!(json_array(&[1i64, 2]), "[1,2]");
        assert_eq!(json_array(&["a\"b"]), r#"["a\"b"]"#);
    }

    #[tokio::test]
    async fn an_unknown_code_is_an_error_not_a_default() {
        let (pool, _dir) = fresh_db().await;
        let read: sqlx::Result<OrderStatus> = sqlx::query_scalar("SELECT 'shipped'")
            .fetch_one(&pool)
            .await;
        let err = read.unwrap_err().to_string();
        assert!(err.contains("unknown order status \"shipped\""), "{err}");
        let time: NaiveTime = sqlx::query_scalar("SELECT '14:00'")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(hour_minute(time), "14:00");
    }
}
