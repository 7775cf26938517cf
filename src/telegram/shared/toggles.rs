//! A keyboard of category toggles, two a row, ticked when chosen, then
//! "Selesai" (registration and announcements both ask this way).

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::domain::Category;
use crate::telegram::out::Out;

use super::replies::Common;

/// `toggle(c)` is the data of category `c`'s button, `done` the data of
/// "Selesai".
pub fn category_toggles(
    out: &Out,
    chosen: &[Category],
    toggle: impl Fn(Category) -> String,
    done: String,
) -> InlineKeyboardMarkup {
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Category::ALL
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|c| {
                    let name = out.t(&Common::Category(*c));
                    let label = if chosen.contains(c) {
                        format!("✅ {name}")
                    } else {
                        name
                    };
                    InlineKeyboardButton::callback(label, toggle(*c))
                })
                .collect()
        })
        .collect();
    rows.push(vec![InlineKeyboardButton::callback(
        out.t(&Common::BtnDone),
        done,
    )]);
    InlineKeyboardMarkup::new(rows)
}
