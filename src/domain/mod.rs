//! Plain types and rules. No teloxide, no sqlx, no I/O: everything here is
//! checked by unit tests alone.

pub mod account;
pub mod category;
pub mod number;
pub mod phone;
pub mod producer_csv;
pub mod region;
pub mod registration;

pub use account::{AccountStatus, Lang, Role};
pub use category::Category;
pub use phone::PhoneNumber;
pub use region::{Place, RegionCode, Regions, Resolution};
