//! Inline and reply keyboards. Labels come from the reply catalogue; data
//! from the callback codec.

use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::domain::{Category, Lang, Role};

use super::callback::Cb;
use super::out::Out;
use super::replies::{FieldLabel, Reply};
use super::state::{ProducerStep, StaffStep};

fn button(
    out: &Out,
    label: impl crate::telegram::shared::text::Text,
    cb: Cb,
) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(out.t(&label), cb.encode())
}

pub fn roles(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([
        vec![
            button(out, Reply::BtnRoleProducer, Cb::Role(Role::Producer)),
            button(out, Reply::BtnRoleStaff, Cb::Role(Role::Staff)),
        ],
        vec![super::catalogue::keyboards::link_imported(out)],
    ])
}

/// Category toggles, two a row, ticked when chosen, then "Selesai".
pub fn categories(out: &Out, chosen: &[Category]) -> InlineKeyboardMarkup {
    super::shared::flow::category_toggles(
        out,
        chosen,
        |c| Cb::Category(c).encode(),
        Cb::CategoriesDone.encode(),
    )
}

pub fn halal(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(out, Common::BtnYes, Cb::Halal(true)),
        button(out, Common::BtnNo, Cb::Halal(false)),
    ]])
}

pub fn skip_nib(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(out, Common::BtnSkip, Cb::SkipNib)]])
}

pub fn summary(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([
        vec![
            button(out, Common::BtnSubmit, Cb::Flow(Flow::Submit)),
            button(out, Common::BtnEdit, Cb::Flow(Flow::Edit)),
        ],
        vec![button(out, Common::BtnCancel, Cb::Flow(Flow::CancelFlow))],
    ])
}

fn producer_label(step: ProducerStep) -> FieldLabel {
    match step {
        ProducerStep::BusinessName | ProducerStep::Summary => FieldLabel::BusinessName,
        ProducerStep::Region => FieldLabel::Region,
        ProducerStep::Categories => FieldLabel::Categories,
        ProducerStep::Products => FieldLabel::Products,
        ProducerStep::Capacity => FieldLabel::Capacity,
        ProducerStep::LeadDays => FieldLabel::LeadDays,
        ProducerStep::MinOrder => FieldLabel::MinOrder,
        ProducerStep::Halal => FieldLabel::Halal,
        ProducerStep::Nib => FieldLabel::Nib,
        ProducerStep::Phone => FieldLabel::Phone,
    }
}

fn fields(out: &Out, items: Vec<(FieldLabel, u8)>) -> InlineKeyboardMarkup {
    let mut rows: Vec<Vec<InlineKeyboardButton>> = items
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|(label, i)| {
                    button(
                        out,
                        Reply::FieldLabel(*label),
                        Cb::Flow(Flow::EditField(*i)),
                    )
                })
                .collect()
        })
        .collect();
    rows.push(vec![button(
        out,
        Common::BtnCancel,
        Cb::Flow(Flow::CancelFlow),
    )]);
    InlineKeyboardMarkup::new(rows)
}

pub fn producer_fields(out: &Out) -> InlineKeyboardMarkup {
    fields(
        out,
        ProducerStep::QUESTIONS
            .iter()
            .enumerate()
            .map(|(i, s)| (producer_label(*s), i as u8))
            .collect(),
    )
}

pub fn staff_fields(out: &Out, invited: bool) -> InlineKeyboardMarkup {
    let items = StaffStep::QUESTIONS
        .iter()
        .enumerate()
        .filter(|(_, s)| !invited || **s == StaffStep::FullName)
        .map(|(i, s)| {
            let label = match s {
                StaffStep::FullName | StaffStep::Summary => FieldLabel::FullName,
                StaffStep::Office => FieldLabel::Office,
                StaffStep::Region => FieldLabel::Region,
            };
            (label, i as u8)
        })
        .collect();
    fields(out, items)
}

pub fn languages(out: &Out) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        button(out, Reply::BtnLangId, Cb::Language(Lang::Id)),
        button(out, Reply::BtnLangEn, Cb::Language(Lang::En)),
    ]])
}

/// /profil: mute or unmute announcements (`muted`: as it is now).
pub fn mute(out: &Out, muted: bool) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[button(out, Reply::BtnMute(!muted), Cb::Mute(!muted))]])
}
