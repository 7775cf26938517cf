//! The replies every room uses: failures, refusals, the shared buttons'
//! labels, answers about places and dates, field errors.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::domain::registration::FieldError;
use crate::domain::{Category, Role};

use super::format::shorten;
use super::text::Text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Common {
    ValueNone,
    StaffOnly,
    ProducerOnly,
    ErrPrice,
    DateBad,
    DatePast,
    RegionPick,
    RegionNotFound {
        input: String,
    },
    RegionSuggest {
        input: String,
    },
    UseButtons,
    BtnDone,
    BtnYes,
    BtnNo,
    BtnSkip,
    BtnSubmit,
    BtnEdit,
    BtnCancel,
    EditWhich,
    Field(FieldError),
    TextExpected,
    Generic,
    Stale,
    NotAllowed,
    AdminOnly,
    CancelDone,
    UnknownCommand,
    Category(Category),
    RoleName(Role),
    PhoneUseButton,
    PhoneNotOwn,
    PhoneNotMobile,
    BtnShareContact,
    /// The account already has another role (registering, or linking an
    /// imported business).
    RoleTaken {
        role: Role,
    },
    // @variants
}

impl Text for Common {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Common::ValueNone => fl!(l, "value-none"),
            Common::RoleTaken { role } => fl!(
                l,
                "err-role-taken",
                role = Common::RoleName(*role).render(l)
            ),
            Common::StaffOnly => fl!(l, "rq-staff-only"),
            Common::ProducerOnly => fl!(l, "producer-only"),
            Common::ErrPrice => fl!(l, "err-price"),
            Common::DateBad => fl!(l, "search-date-bad"),
            Common::DatePast => fl!(l, "search-date-past"),
            Common::RegionPick => fl!(l, "reg-region-pick"),
            Common::RegionNotFound { input } => {
                fl!(
                    l,
                    "reg-region-not-found",
                    input = escape(&shorten(input, 40))
                )
            }
            Common::RegionSuggest { input } => {
                fl!(l, "reg-region-suggest", input = escape(&shorten(input, 40)))
            }
            Common::UseButtons => fl!(l, "reg-use-buttons"),
            Common::BtnDone => fl!(l, "btn-done"),
            Common::BtnYes => fl!(l, "btn-yes"),
            Common::BtnNo => fl!(l, "btn-no"),
            Common::BtnSkip => fl!(l, "btn-skip"),
            Common::BtnSubmit => fl!(l, "btn-submit"),
            Common::BtnEdit => fl!(l, "btn-edit"),
            Common::BtnCancel => fl!(l, "btn-cancel"),
            Common::EditWhich => fl!(l, "reg-edit-which"),
            Common::Field(e) => match e {
                FieldError::Empty => fl!(l, "err-empty"),
                FieldError::TooShort { min } => fl!(l, "err-too-short", min = min.to_string()),
                FieldError::TooLong { max } => fl!(l, "err-too-long", max = max.to_string()),
                FieldError::NoLetters => fl!(l, "err-no-letters"),
                FieldError::NotANumber => fl!(l, "err-not-number"),
                FieldError::Negative => fl!(l, "err-negative"),
                FieldError::TooSmall { min } => fl!(l, "err-too-small", min = min.to_string()),
                FieldError::TooLarge { max } => fl!(l, "err-too-large", max = max.to_string()),
                FieldError::TooMany { max } => fl!(l, "err-too-many", max = max.to_string()),
                FieldError::BadNib => fl!(l, "err-bad-nib"),
            },
            Common::TextExpected => fl!(l, "err-text-expected"),
            Common::Generic => fl!(l, "err-generic"),
            Common::Stale => fl!(l, "stale-button"),
            Common::NotAllowed => fl!(l, "not-allowed"),
            Common::AdminOnly => fl!(l, "admin-only"),
            Common::CancelDone => fl!(l, "cancel-done"),
            Common::UnknownCommand => fl!(l, "unknown-command"),
            Common::Category(c) => match c {
                Category::Katering => fl!(l, "cat-katering"),
                Category::Snack => fl!(l, "cat-snack"),
                Category::OlehOleh => fl!(l, "cat-oleh-oleh"),
                Category::Minuman => fl!(l, "cat-minuman"),
                Category::Merchandise => fl!(l, "cat-merchandise"),
                Category::Kerajinan => fl!(l, "cat-kerajinan"),
                Category::Fesyen => fl!(l, "cat-fesyen"),
                Category::Percetakan => fl!(l, "cat-percetakan"),
                Category::Dekorasi => fl!(l, "cat-dekorasi"),
            },
            Common::RoleName(r) => match r {
                Role::Producer => fl!(l, "role-producer"),
                Role::Staff => fl!(l, "role-staff"),
                Role::Admin => fl!(l, "role-admin"),
            },
            Common::PhoneUseButton => fl!(l, "reg-phone-use-button"),
            Common::PhoneNotOwn => fl!(l, "reg-phone-not-own"),
            Common::PhoneNotMobile => fl!(l, "reg-phone-not-mobile"),
            Common::BtnShareContact => fl!(l, "btn-share-contact"),
            // @arms
        }
    }
}

/// Categories as a list of their names, or the "none" word.
pub fn categories_text(l: &FluentLanguageLoader, cats: &[Category]) -> String {
    if cats.is_empty() {
        return fl!(l, "value-none");
    }
    cats.iter()
        .map(|c| Common::Category(*c).render(l))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Product names, escaped, or the "none" word.
pub fn products_text(l: &FluentLanguageLoader, products: &[String]) -> String {
    if products.is_empty() {
        return fl!(l, "value-none");
    }
    escape(&products.join(", "))
}

/// A room's `Reply` carries the common sentences too, as its variant
/// `Common(Common)`: this gives it `From<Common>`, so `Common::X.into()`
/// is a reply of the room (render it with `Reply::Common(c) => c.render(l)`).
macro_rules! holds_common {
    ($reply:ident) => {
        impl From<$crate::telegram::shared::replies::Common> for $reply {
            fn from(c: $crate::telegram::shared::replies::Common) -> $reply {
                $reply::Common(c)
            }
        }
    };
}
pub(crate) use holds_common;
