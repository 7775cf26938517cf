//! Buttons that several guided flows share (the dialogue state says which
//! flow a press belongs to), and clearing the buttons of a message once
//! they have been used.

use teloxide::types::{InlineKeyboardMarkup, Message};

use crate::domain::registration::clean_text;

use super::codec::{self, Button};
use crate::telegram::out::Out;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    /// A region suggestion: regency code, optionally a district code.
    Region {
        regency: String,
        district: Option<String>,
    },
    Submit,
    Edit,
    /// Jump to one step from the summary (index of the step in its flow).
    EditField(u8),
    CancelFlow,
    /// "Lewati" for an optional answer (budget, note, reason, comment).
    Skip,
}

impl Button for Flow {
    fn encode(&self) -> String {
        match self {
            Flow::Region { regency, district } => match district {
                Some(d) => format!("g:{regency}:{d}"),
                None => format!("g:{regency}"),
            },
            Flow::Submit => "ok".into(),
            Flow::Edit => "ed".into(),
            Flow::EditField(i) => format!("ef:{i}"),
            Flow::CancelFlow => "x".into(),
            Flow::Skip => "sk".into(),
        }
    }

    fn decode(data: &str) -> Option<Flow> {
        Some(match codec::parts(data)? {
            ("g", Some(regency), district) => {
                let district = match district {
                    Some(d) => Some(codec::region_code(d)?.to_string()),
                    None => None,
                };
                Flow::Region {
                    regency: codec::region_code(regency)?.to_string(),
                    district,
                }
            }
            ("ok", None, None) => Flow::Submit,
            ("ed", None, None) => Flow::Edit,
            ("ef", i, None) => Flow::EditField(codec::number(i)?),
            ("x", None, None) => Flow::CancelFlow,
            ("sk", None, None) => Flow::Skip,
            _ => return None,
        })
    }
}

/// Takes the buttons off a message whose buttons were used (best effort:
/// an old message may no longer be editable).
pub async fn clear_buttons(out: &Out, message: Option<&Message>) {
    if let Some(m) = message
        && let Err(e) = out
            .edit_buttons(m.id, InlineKeyboardMarkup::default())
            .await
    {
        tracing::debug!(error = %e, "could not clear buttons");
    }
}

/// A typed optional answer (a note, a reason, a comment): cleaned and cut
/// to `max` characters; `None` for a message without text.
pub fn optional_answer(msg: &Message, max: usize) -> Option<String> {
    msg.text()
        .map(|t| clean_text(t).chars().take(max).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::shared::codec::{assert_forged, assert_round_trips};

    #[test]
    fn every_flow_button_round_trips_within_64_bytes() {
        assert_round_trips([
            Flow::Region {
                regency: "64.02".into(),
                district: None,
            },
            Flow::Region {
                regency: "36.03".into(),
                district: Some("36.03.12".into()),
            },
            Flow::Submit,
            Flow::Edit,
            Flow::EditField(0),
            Flow::EditField(255),
            Flow::CancelFlow,
            Flow::Skip,
        ]);
    }

    #[test]
    fn forged_flow_data_decodes_to_nothing() {
        assert_forged::<Flow>(&[
            "",
            "g:",
            "g:64.02;DROP",
            "ef:-1",
            "ef:256",
            "ok:1",
            "x:y",
            "🙂",
        ]);
    }
}
