//! The admin room's buttons.

use crate::telegram::shared::codec;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// Setujui / Tolak on a pending account.
    Decide { user_id: i64, approve: bool },
    /// "Buat tautan undangan OPD".
    NewInvite,
}

impl codec::Button for Button {
    fn encode(&self) -> String {
        match self {
            Button::Decide { user_id, approve } => {
                format!("v:{}:{user_id}", if *approve { 'a' } else { 'r' })
            }
            Button::NewInvite => "inv".into(),
        }
    }

    fn decode(data: &str) -> Option<Button> {
        Some(match codec::parts(data)? {
            ("v", Some(d), id) => Button::Decide {
                user_id: codec::number(id)?,
                approve: match d {
                    "a" => true,
                    "r" => false,
                    _ => return None,
                },
            },
            ("inv", None, None) => Button::NewInvite,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{assert_forged, assert_round_trips};

    #[test]
    fn every_admin_button_round_trips_within_64_bytes() {
        assert_round_trips([
            Button::Decide {
                user_id: i64::MAX,
                approve: true,
            },
            Button::Decide {
                user_id: 1,
                approve: false,
            },
            Button::NewInvite,
        ]);
    }

    #[test]
    fn forged_admin_data_decodes_to_nothing() {
        assert_forged::<Button>(&["v:a", "v:x:5", "v:a:abc", "v:a:5:6", "inv:1", ""]);
    }
}
