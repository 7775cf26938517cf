//! The broadcasts room's keyboards.

use teloxide::types::InlineKeyboardMarkup;

use crate::domain::Category;
use crate::telegram::out::Out;
use crate::telegram::shared::codec::{Button as _, button};
use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use crate::telegram::shared::toggles::category_toggles;

use super::buttons::{Button, Choice};
use super::replies::Reply;

/// Who gets the announcement.
pub fn audience(out: &Out) -> InlineKeyboardMarkup {
    let choice = |label: Reply, c: Choice| button(out.t(&label), &Button::Audience(c));
    InlineKeyboardMarkup::new([
        vec![
            choice(Reply::BtnBcEveryone, Choice::Everyone),
            choice(Reply::BtnBcProducers, Choice::Producers),
            choice(Reply::BtnBcStaff, Choice::Staff),
        ],
        vec![
            choice(Reply::BtnBcRegions, Choice::Regions),
            choice(Reply::BtnBcCategories, Choice::Categories),
        ],
        vec![cancel(out)],
    ])
}

/// Category toggles, ticked when chosen, then "Selesai".
pub fn categories(out: &Out, chosen: &[Category]) -> InlineKeyboardMarkup {
    category_toggles(
        out,
        chosen,
        |c| Button::Category(c).encode(),
        Button::Chosen.encode(),
    )
}

/// "Selesai" after typing regions.
pub fn chosen(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(out.t(&Common::BtnDone), &Button::Chosen),
        cancel(out),
    ]])
}

/// Kirim / Kirim segera / Batal under the preview.
pub fn preview(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([
        vec![button(
            out.t(&Reply::BtnBcSend),
            &Button::Send { urgent: false },
        )],
        vec![button(
            out.t(&Reply::BtnBcSendUrgent),
            &Button::Send { urgent: true },
        )],
        vec![cancel(out)],
    ])
}

fn cancel(out: &Out) -> teloxide::types::InlineKeyboardButton {
    button(out.t(&Common::BtnCancel), &Flow::CancelFlow)
}
