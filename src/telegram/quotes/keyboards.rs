//! The quote room's keyboards.

use teloxide::types::InlineKeyboardMarkup;

use crate::telegram::out::Out;
use crate::telegram::shared::codec::button;
use crate::telegram::shared::format::count;

use super::buttons::Button;
use super::replies::Reply;

/// "Kirim penawaran" / "Tolak" under a request card.
pub fn card(out: &Out, request: i64) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(out.t(&Reply::BtnQuote), &Button::QuoteRequest(request)),
        button(out.t(&Reply::BtnDecline), &Button::DeclineRequest(request)),
    ]])
}

/// "Semua (250)" under the quantity question.
pub fn all(out: &Out, quantity: i64) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(
        out.t(&Reply::BtnAll {
            quantity: count(quantity),
        }),
        &Button::QuoteAll,
    )]])
}
