//! The general room's keyboards.

use teloxide::types::InlineKeyboardMarkup;

use crate::domain::Lang;
use crate::telegram::out::Out;
use crate::telegram::shared::codec::button;

use super::buttons::Button;
use super::replies::Reply;

/// /bahasa: Bahasa Indonesia / English.
pub fn languages(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(out.t(&Reply::BtnLangId), &Button::Language(Lang::Id)),
        button(out.t(&Reply::BtnLangEn), &Button::Language(Lang::En)),
    ]])
}

/// /profil: mute or unmute announcements (`muted`: as it is now).
pub fn mute(out: &Out, muted: bool) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(
        out.t(&Reply::BtnMute(!muted)),
        &Button::Mute(!muted),
    )]])
}
