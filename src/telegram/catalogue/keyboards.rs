//! The catalogue's keyboards.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::telegram::out::Out;
use crate::telegram::shared::codec::button;
use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use crate::telegram::state::ProductStep;

use super::buttons::Button;
use super::replies::Reply;

/// "Lewati" under an optional product question.
pub fn skip(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(out.t(&Common::BtnSkip), &Button::ProductSkip)]])
}

/// "My business is already listed" (under the greeting's role choice).
pub fn link_imported(out: &Out) -> InlineKeyboardButton {
    button(out.t(&Reply::BtnLinkImported), &Button::LinkImported)
}

/// Which field of product `id` to change, two a row.
pub fn product_fields(out: &Out, id: i64) -> InlineKeyboardMarkup {
    let fields = [
        (Reply::FieldProductName, ProductStep::Name),
        (Reply::FieldPrice, ProductStep::Price),
        (Reply::FieldMinOrder, ProductStep::MinOrder),
        (Reply::FieldLeadDays, ProductStep::LeadDays),
        (Reply::FieldPhoto, ProductStep::Photo),
    ];
    let rows: Vec<Vec<InlineKeyboardButton>> = fields
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|(label, step)| {
                    button(
                        out.t(label),
                        &Button::ProductField {
                            product: id,
                            field: step.index(),
                        },
                    )
                })
                .collect()
        })
        .collect();
    InlineKeyboardMarkup::new(rows)
}

/// "Yes, remove" / "Batal" under "remove this product?" ("Batal" is the
/// shared flow button, answered by the legacy tree).
pub fn confirm_remove(out: &Out, id: i64) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(
            out.t(&Reply::BtnRemoveYes),
            &Button::ProductRemoveConfirmed(id),
        ),
        button(out.t(&Common::BtnCancel), &Flow::CancelFlow),
    ]])
}
