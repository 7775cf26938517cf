//! Who someone is to the bot: role, verification status, language.

use serde::{Deserialize, Serialize};

/// One Telegram account has one role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Producer,
    Staff,
    Admin,
}

stored_codes!(Role {
    Producer => "producer",
    Staff => "staff",
    Admin => "admin",
});

/// Accounts are pending until an admin (or an invite) approves them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountStatus {
    New,
    Pending,
    Approved,
    Rejected,
}

stored_codes!(AccountStatus {
    New => "new",
    Pending => "pending",
    Approved => "approved",
    Rejected => "rejected",
});

/// The two languages the bot speaks. Indonesian is the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Telegram's `language_code` (an IETF tag such as `en-GB`): English only
    /// when it says English; Indonesian for everything else and for none.
    pub fn from_telegram(code: Option<&str>) -> Lang {
        match code {
            Some(c)
                if c.eq_ignore_ascii_case("en") || c.to_ascii_lowercase().starts_with("en-") =>
            {
                Lang::En
            }
            _ => Lang::Id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_only_when_telegram_says_english() {
        assert_eq!(Lang::from_telegram(Some("en")), Lang::En);
        assert_eq!(Lang::from_telegram(Some("en-GB")), Lang::En);
        assert_eq!(Lang::from_telegram(Some("id")), Lang::Id);
        assert_eq!(Lang::from_telegram(Some("ms")), Lang::Id);
        assert_eq!(Lang::from_telegram(Some("eng")), Lang::Id);
        assert_eq!(Lang::from_telegram(None), Lang::Id);
    }

    #[test]
    fn roles_and_statuses_round_trip_through_their_names() {
        for r in [Role::Producer, Role::Staff, Role::Admin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        for s in [
            AccountStatus::New,
            AccountStatus::Pending,
            AccountStatus::Approved,
            AccountStatus::Rejected,
        ] {
            assert_eq!(AccountStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
