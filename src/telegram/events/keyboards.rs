//! The events room's keyboards.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::store::events::Event;
use crate::telegram::out::Out;
use crate::telegram::shared::codec::button;
use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;

use super::buttons::Button;
use super::replies::Reply;

/// Simpan / Batal under the summary.
pub fn summary(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(out.t(&Reply::BtnSave), &Flow::Submit),
        button(out.t(&Common::BtnCancel), &Flow::CancelFlow),
    ]])
}

/// "Buat permintaan: <name>" under the /acara list.
pub fn request_for(out: &Out, e: &Event) -> Vec<InlineKeyboardButton> {
    vec![button(
        out.t(&Reply::BtnRequestFor {
            name: e.name.clone(),
        }),
        &Button::Request(e.id),
    )]
}

/// "Acara baru" under the /acara list.
pub fn new_event(out: &Out) -> Vec<InlineKeyboardButton> {
    vec![button(out.t(&Reply::BtnNewEvent), &Button::New)]
}

/// "Saya siap" under a producer's heads-up.
pub fn ready(out: &Out, event: i64) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(out.t(&Reply::BtnReady), &Button::Ready(event))]])
}

/// "Buat permintaan" under the staff's nudge.
pub fn make_request(out: &Out, event: i64) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(
        out.t(&Reply::BtnMakeRequest),
        &Button::Request(event),
    )]])
}
