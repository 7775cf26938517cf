//! The directory's keyboards: category choices and the "all" / "back" row
//! under a list of choices.

use teloxide::types::InlineKeyboardButton;

use crate::domain::Category;
use crate::telegram::out::Out;
use crate::telegram::shared::codec::button;
use crate::telegram::shared::replies::Common;

use super::buttons::Button;
use super::replies::Reply;

/// One button per category, three a row, each carrying `b(category)`.
pub fn categories(out: &Out, b: impl Fn(Category) -> Button) -> Vec<Vec<InlineKeyboardButton>> {
    Category::ALL
        .chunks(3)
        .map(|row| {
            row.iter()
                .map(|c| button(out.t(&Common::Category(*c)), &b(*c)))
                .collect()
        })
        .collect()
}

/// "All …" and "back to the results" under a list of choices.
pub fn all_and_back(
    out: &Out,
    all_label: Reply,
    all: Button,
    search: i64,
) -> Vec<InlineKeyboardButton> {
    vec![
        button(out.t(&all_label), &all),
        button(
            out.t(&Reply::BtnBack),
            &Button::SearchPage { search, page: 0 },
        ),
    ]
}
