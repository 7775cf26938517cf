//! Asking for the sender's own phone with Telegram's contact button.

use teloxide::prelude::*;
use teloxide::types::{KeyboardButton, KeyboardMarkup};

use crate::telegram::out::Out;

use super::replies::Common;

/// The reply keyboard with Telegram's "share contact" button.
pub fn share_contact(out: &Out) -> KeyboardMarkup {
    KeyboardMarkup::new([[KeyboardButton::new(out.t(&Common::BtnShareContact))
        .request(teloxide::types::ButtonRequest::Contact)]])
    .resize_keyboard()
    .one_time_keyboard()
}

/// The phone of a contact the sender shared of themselves. Otherwise the
/// bot says what is wrong, shows the share button again, and gives `None`.
pub async fn own_phone(
    out: &Out,
    msg: &Message,
) -> anyhow::Result<Option<crate::domain::PhoneNumber>> {
    let Some(contact) = msg.contact() else {
        out.say_with(Common::PhoneUseButton, share_contact(out))
            .await?;
        return Ok(None);
    };
    let sender = msg.from.as_ref().map(|u| u.id);
    if contact.user_id.is_none() || contact.user_id != sender {
        out.say_with(Common::PhoneNotOwn, share_contact(out))
            .await?;
        return Ok(None);
    }
    match crate::domain::PhoneNumber::parse(&contact.phone_number) {
        Ok(phone) => Ok(Some(phone)),
        Err(_) => {
            out.say_with(Common::PhoneNotMobile, share_contact(out))
                .await?;
            Ok(None)
        }
    }
}
