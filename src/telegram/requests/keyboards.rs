//! The request room's keyboards. "Lewati" here is the shared flow button,
//! so the quote and rating rooms use [`skip`] too.

use chrono::NaiveDate;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::telegram::out::Out;
use crate::telegram::shared::codec::button;
use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::format::date_text;
use crate::telegram::shared::replies::Common;
use crate::telegram::state::RequestField;

use super::buttons::Button;
use super::replies::Reply;

/// "Lewati" under an optional answer (budget, note, reason, comment).
pub fn skip(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(out.t(&Common::BtnSkip), &Flow::Skip)]])
}

/// "Kirim" and "Ubah" under a summary that can be sent.
pub fn send_row(out: &Out) -> Vec<InlineKeyboardButton> {
    vec![
        button(out.t(&Common::BtnSubmit), &Flow::Submit),
        button(out.t(&Common::BtnEdit), &Flow::Edit),
    ]
}

/// "Ubah" alone, under a summary that cannot be sent as it is.
pub fn edit_row(out: &Out) -> Vec<InlineKeyboardButton> {
    vec![button(out.t(&Common::BtnEdit), &Flow::Edit)]
}

/// "Pakai tanggal …": the earliest date that works.
pub fn use_date_row(out: &Out, date: NaiveDate) -> Vec<InlineKeyboardButton> {
    vec![button(
        out.t(&Reply::BtnUseDate {
            date: date_text(out.lang, date),
        }),
        &Button::UseDate(date),
    )]
}

/// "Batal" under a summary or the field choice.
pub fn cancel_row(out: &Out) -> Vec<InlineKeyboardButton> {
    vec![button(out.t(&Common::BtnCancel), &Flow::CancelFlow)]
}

/// Which field to change, three a row, then "Batal".
pub fn fields(out: &Out) -> InlineKeyboardMarkup {
    let labels = [
        (Reply::FieldItem, RequestField::Item),
        (Reply::FieldQuantity, RequestField::Quantity),
        (Reply::FieldDate, RequestField::Date),
        (Reply::FieldPlace, RequestField::Place),
        (Reply::FieldBudget, RequestField::Budget),
    ];
    let mut rows: Vec<Vec<InlineKeyboardButton>> = labels
        .chunks(3)
        .map(|row| {
            row.iter()
                .map(|(l, f)| button(out.t(l), &Flow::EditField(f.index())))
                .collect()
        })
        .collect();
    rows.push(cancel_row(out));
    InlineKeyboardMarkup::new(rows)
}
