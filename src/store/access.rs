//! Who may act: the account checks that several rooms make inside their
//! own transaction. A check answers `None` for "not allowed" and leaves the
//! room to name its own error.

use sqlx::{Sqlite, Transaction};

#[derive(Debug, Clone, Copy)]
pub enum Check {
    /// The office of an approved staff member.
    StaffOffice,
    /// The producer id of an approved producer account, verified or not
    /// (a producer keeps its own catalogue before the office verifies it).
    OwnProducer,
    /// The producer id of an approved, verified producer: one that may
    /// quote and take orders.
    VerifiedProducer,
    /// The chat of an approved admin.
    AdminChat,
}

impl Check {
    fn sql(self) -> &'static str {
        match self {
            Check::StaffOffice => {
                "SELECT s.office_id FROM staff s JOIN users u ON u.id = s.user_id
                 WHERE s.user_id = ? AND u.role = 'staff' AND u.status = 'approved'"
            }
            Check::OwnProducer => {
                "SELECT p.id FROM producers p JOIN users u ON u.id = p.user_id
                 WHERE p.user_id = ? AND u.role = 'producer' AND u.status = 'approved'"
            }
            Check::VerifiedProducer => {
                "SELECT p.id FROM producers p JOIN users u ON u.id = p.user_id
                 WHERE p.user_id = ? AND u.role = 'producer' AND u.status = 'approved'
                   AND p.verified = 1"
            }
            Check::AdminChat => {
                "SELECT chat_id FROM users WHERE id = ? AND role = 'admin' AND status = 'approved'"
            }
        }
    }
}

/// The id the check names for `user_id`, or `None` when they may not act.
pub async fn check(
    tx: &mut Transaction<'_, Sqlite>,
    check: Check,
    user_id: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(check.sql())
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await
}
