//! The admin room's keyboards.

use teloxide::types::InlineKeyboardMarkup;

use crate::telegram::out::Out;
use crate::telegram::shared::codec::button;

use super::buttons::Button;
use super::replies::Reply;

/// Setujui / Tolak under a pending account's card.
pub fn decision(out: &Out, user_id: i64) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(
            out.t(&Reply::BtnApprove),
            &Button::Decide {
                user_id,
                approve: true,
            },
        ),
        button(
            out.t(&Reply::BtnReject),
            &Button::Decide {
                user_id,
                approve: false,
            },
        ),
    ]])
}

pub fn new_invite(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(out.t(&Reply::BtnNewInvite), &Button::NewInvite)]])
}
