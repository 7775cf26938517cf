//! Plain types and rules. No teloxide, no sqlx, no I/O: everything here is
//! checked by unit tests alone.

/// `stored_codes!(Type { Variant => "code", … })`: a unit enum's text
/// codes, as the database and callback data hold them: `Type::ALL` in the
/// order given, `as_str` and `parse` (an unknown code is `None`).
macro_rules! stored_codes {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: [$ty; [$($code),+].len()] = [$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $code,)+
                }
            }

            pub fn parse(s: &str) -> Option<$ty> {
                $ty::ALL.into_iter().find(|v| v.as_str() == s)
            }
        }
    };
}

#[cfg(test)]
pub(crate) mod testing;

pub mod account;
pub mod broadcast;
pub mod category;
pub mod deadline;
pub mod event;
pub mod feasibility;
pub mod leave;
pub mod money;
pub mod notice;
pub mod number;
pub mod order;
pub mod phone;
pub mod producer_csv;
pub mod quiet;
pub mod region;
pub mod registration;
pub mod reminder;
pub mod request;
pub mod request_status;
pub mod search;
pub mod when;

/// A whole hour of the day, for `const` items: evaluated when compiling,
/// so an hour past 23 is a build error, never a default at run time.
pub(crate) const fn o_clock(hour: u32) -> chrono::NaiveTime {
    match chrono::NaiveTime::from_hms_opt(hour, 0, 0) {
        Some(t) => t,
        None => panic!("an hour of the day is below 24"),
    }
}

pub use account::{AccountStatus, Lang, Role};
pub use category::Category;
pub use money::Rupiah;
pub use phone::PhoneNumber;
pub use region::{Place, RegionCode, Regions, Resolution};
