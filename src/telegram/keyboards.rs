//! Inline and reply keyboards. Labels come from the reply catalogue; data
//! from the callback codec.

use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::domain::Category;

use super::callback::Cb;
use super::out::Out;
use super::replies::Reply;

fn button(
    out: &Out,
    label: impl crate::telegram::shared::text::Text,
    cb: Cb,
) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(out.t(&label), cb.encode())
}

/// Category toggles with the callbacks of one flow.
fn category_toggles(
    out: &Out,
    chosen: &[Category],
    toggle: fn(Category) -> Cb,
    done: Cb,
) -> InlineKeyboardMarkup {
    crate::telegram::shared::toggles::category_toggles(
        out,
        chosen,
        |c| toggle(c).encode(),
        done.encode(),
    )
}

/// /siaran: who gets the announcement.
pub fn broadcast_audience(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([
        vec![
            button(out, Reply::BtnBcEveryone, Cb::BroadcastAudience(0)),
            button(out, Reply::BtnBcProducers, Cb::BroadcastAudience(1)),
            button(out, Reply::BtnBcStaff, Cb::BroadcastAudience(2)),
        ],
        vec![
            button(out, Reply::BtnBcRegions, Cb::BroadcastAudience(3)),
            button(out, Reply::BtnBcCategories, Cb::BroadcastAudience(4)),
        ],
        vec![button(out, Common::BtnCancel, Cb::Flow(Flow::CancelFlow))],
    ])
}

/// /siaran: category toggles, ticked when chosen, then "Selesai".
pub fn broadcast_categories(out: &Out, chosen: &[Category]) -> InlineKeyboardMarkup {
    category_toggles(out, chosen, Cb::BroadcastCategory, Cb::BroadcastChosen)
}

/// /siaran: "Selesai" after typing regions.
pub fn broadcast_chosen(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(out, Common::BtnDone, Cb::BroadcastChosen),
        button(out, Common::BtnCancel, Cb::Flow(Flow::CancelFlow)),
    ]])
}

/// /siaran: under the preview.
pub fn broadcast_preview(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([
        vec![button(
            out,
            Reply::BtnBcSend,
            Cb::BroadcastSend { urgent: false },
        )],
        vec![button(
            out,
            Reply::BtnBcSendUrgent,
            Cb::BroadcastSend { urgent: true },
        )],
        vec![button(out, Common::BtnCancel, Cb::Flow(Flow::CancelFlow))],
    ])
}
