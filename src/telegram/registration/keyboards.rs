//! The registration's keyboards.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::domain::{Category, Role};
use crate::telegram::out::Out;
use crate::telegram::shared::codec::{Button as _, button};
use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use crate::telegram::shared::toggles::category_toggles;
use crate::telegram::state::{ProducerStep, StaffStep};

use super::buttons::Button;
use super::replies::Reply;

/// Producer / staff, and "my business is already listed".
pub fn roles(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([
        vec![
            button(
                out.t(&Reply::BtnRoleProducer),
                &Button::Role(Role::Producer),
            ),
            button(out.t(&Reply::BtnRoleStaff), &Button::Role(Role::Staff)),
        ],
        vec![crate::telegram::catalogue::keyboards::link_imported(out)],
    ])
}

/// Category toggles, two a row, ticked when chosen, then "Selesai".
pub fn categories(out: &Out, chosen: &[Category]) -> InlineKeyboardMarkup {
    category_toggles(
        out,
        chosen,
        |c| Button::Category(c).encode(),
        Button::CategoriesDone.encode(),
    )
}

pub fn halal(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(out.t(&Common::BtnYes), &Button::Halal(true)),
        button(out.t(&Common::BtnNo), &Button::Halal(false)),
    ]])
}

pub fn skip_nib(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(out.t(&Common::BtnSkip), &Button::SkipNib)]])
}

/// Kirim / Ubah / Batal under a summary.
pub fn summary(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([
        vec![
            button(out.t(&Common::BtnSubmit), &Flow::Submit),
            button(out.t(&Common::BtnEdit), &Flow::Edit),
        ],
        vec![button(out.t(&Common::BtnCancel), &Flow::CancelFlow)],
    ])
}

/// Which answer to change (a label and the index of its step), two a
/// row, then "Batal".
fn fields(out: &Out, items: Vec<(Reply, u8)>) -> InlineKeyboardMarkup {
    let mut rows: Vec<Vec<InlineKeyboardButton>> = items
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|(label, i)| button(out.t(label), &Flow::EditField(*i)))
                .collect()
        })
        .collect();
    rows.push(vec![button(out.t(&Common::BtnCancel), &Flow::CancelFlow)]);
    InlineKeyboardMarkup::new(rows)
}

pub fn producer_fields(out: &Out) -> InlineKeyboardMarkup {
    fields(
        out,
        ProducerStep::QUESTIONS
            .iter()
            .enumerate()
            .map(|(i, s)| (Reply::ProducerField(*s), i as u8))
            .collect(),
    )
}

/// Invited staff may change only their name (the office comes with the
/// invite).
pub fn staff_fields(out: &Out, invited: bool) -> InlineKeyboardMarkup {
    let items = StaffStep::QUESTIONS
        .iter()
        .enumerate()
        .filter(|(_, s)| !invited || **s == StaffStep::FullName)
        .map(|(i, s)| (Reply::StaffField(*s), i as u8))
        .collect();
    fields(out, items)
}
