//! Buttons that several guided flows share (the dialogue state says which
//! flow a press belongs to), and clearing the buttons of a message once
//! they have been used.

use teloxide::types::{InlineKeyboardMarkup, Message};

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
