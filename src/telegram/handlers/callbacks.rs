//! Every button press lands here. Each one is answered exactly once; what a
//! button asks for is checked against the dialogue state and the database,
//! never trusted because of what the button says.

use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use teloxide::prelude::*;
use teloxide::types::{KeyboardRemove, Me};

use crate::domain::Category;
use crate::store;

use super::super::callback::Cb;
use super::super::keyboards;
use super::super::out::Out;
use super::super::replies::Reply;
use super::super::state::{ProducerStep, StaffStep, State};
use super::registration;
use super::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::flow::clear_buttons;
use crate::telegram::shared::place::place_from_button;
use crate::telegram::shared::toast::Toast;

/// What to answer the callback query with.
enum Answer {
    Silent,
    Toast(String),
    Alert(String),
}

/// The presses not yet taken by a room's own branch.
pub async fn on_callback(
    out: Out,
    dialogue: Dlg,
    caller: Caller,
    q: CallbackQuery,
    state: State,
    me: Me,
    toast: Toast,
) -> HandlerResult {
    let answer = match q.data.as_deref().and_then(Cb::decode) {
        None => Answer::Alert(out.t(&Common::Stale)),
        Some(cb) => route(&out, &dialogue, &caller, &q, state, &me, cb).await?,
    };
    match answer {
        Answer::Silent => {}
        Answer::Toast(t) => toast.toast(t),
        Answer::Alert(t) => toast.alert(t),
    }
    Ok(())
}

async fn route(
    out: &Out,
    dialogue: &Dlg,
    caller: &Caller,
    q: &CallbackQuery,
    state: State,
    _me: &Me,
    cb: Cb,
) -> anyhow::Result<Answer> {
    let message = q.regular_message();
    let stale = || Ok(Answer::Alert(out.t(&Common::Stale)));
    match (cb, state) {
        // Not tied to a flow.
        (Cb::Language(lang), _) => {
            store::users::set_language(&out.pool, caller.0.id, lang, out.clock.now()).await?;
            let out = out.with_lang(lang);
            clear_buttons(&out, message).await;
            out.say(Reply::LangChanged).await?;
            super::super::commands::refresh_menu(&out.bot, &out.texts, &out.pool, caller.0.id)
                .await;
            Ok(Answer::Silent)
        }
        (Cb::Mute(muted), _) => {
            store::users::set_muted(&out.pool, caller.0.id, muted, out.clock.now()).await?;
            if let Some(m) = message {
                match super::general::profile_text(out, caller).await? {
                    Some(text) => {
                        out.edit(m.id, text, Some(keyboards::mute(out, muted)))
                            .await?
                    }
                    None => clear_buttons(out, message).await,
                }
            }
            Ok(Answer::Toast(out.t(&Reply::MuteChanged(muted))))
        }
        // Writing a quote request.
        (
            cb @ (Cb::Flow(Flow::Submit)
            | Cb::Flow(Flow::Edit)
            | Cb::Flow(Flow::EditField(_))
            | Cb::UseDate(_)
            | Cb::Flow(Flow::Skip)
            | Cb::Flow(Flow::Region { .. })),
            State::Request { draft, .. },
        ) => Ok(answer(
            super::request::on_button(out, dialogue, caller, message, cb, draft).await?,
        )),
        // A producer answering a request.
        (cb @ (Cb::QuoteRequest(_) | Cb::DeclineRequest(_) | Cb::QuoteAll), state) => Ok(answer(
            super::quote::on_producer_button(out, dialogue, caller, message, state, cb).await?,
        )),
        (Cb::Flow(Flow::Skip), state @ (State::Quoting { .. } | State::Declining { .. })) => {
            Ok(answer(
                super::quote::on_producer_button(
                    out,
                    dialogue,
                    caller,
                    message,
                    state,
                    Cb::Flow(Flow::Skip),
                )
                .await?,
            ))
        }
        // Quotes, awards and orders.
        (
            cb @ (Cb::ViewRequest(_)
            | Cb::Award { .. }
            | Cb::SplitStart(_)
            | Cb::SplitToggle { .. }
            | Cb::SplitDone(_)
            | Cb::OrderStep { .. }
            | Cb::OrderCancel(_)
            | Cb::OrderRate { .. }
            | Cb::OrderLapse(_)
            | Cb::OrderReplace(_)
            | Cb::ReminderAnswer { .. }),
            state,
        ) => Ok(answer(
            super::orders::on_button(out, dialogue, caller, message, state, cb).await?,
        )),
        (Cb::Flow(Flow::Skip), state @ State::RatingComment { .. }) => Ok(answer(
            super::orders::on_button(out, dialogue, caller, message, state, Cb::Flow(Flow::Skip))
                .await?,
        )),
        (Cb::Role(role), State::Idle) => {
            clear_buttons(out, message).await;
            registration::begin(out.clone(), dialogue.clone(), caller.clone(), role).await?;
            Ok(Answer::Silent)
        }

        // Producer registration.
        (
            Cb::Flow(Flow::Region { regency, district }),
            State::Producer {
                step: ProducerStep::Region,
                mut draft,
                review,
            },
        ) => {
            let Some(place) = place_from_button(&regency, district.as_deref()) else {
                return stale();
            };
            draft.regency = Some(place.regency.as_str().to_string());
            draft.district = place.district;
            clear_buttons(out, message).await;
            registration::advance_producer(out, dialogue, ProducerStep::Region, draft, review)
                .await?;
            Ok(Answer::Silent)
        }
        (
            Cb::Category(c),
            State::Producer {
                step: ProducerStep::Categories,
                mut draft,
                review,
            },
        ) => {
            toggle(&mut draft.categories, c);
            dialogue
                .update(State::Producer {
                    step: ProducerStep::Categories,
                    draft: draft.clone(),
                    review,
                })
                .await?;
            if let Some(m) = message {
                out.edit_buttons(m.id, keyboards::categories(out, &draft.categories))
                    .await?;
            }
            Ok(Answer::Silent)
        }
        (
            Cb::CategoriesDone,
            State::Producer {
                step: ProducerStep::Categories,
                draft,
                review,
            },
        ) => {
            if draft.categories.is_empty() {
                return Ok(Answer::Alert(out.t(&Reply::CategoriesNone)));
            }
            clear_buttons(out, message).await;
            registration::advance_producer(out, dialogue, ProducerStep::Categories, draft, review)
                .await?;
            Ok(Answer::Silent)
        }
        (
            Cb::Halal(h),
            State::Producer {
                step: ProducerStep::Halal,
                mut draft,
                review,
            },
        ) => {
            draft.halal = Some(h);
            clear_buttons(out, message).await;
            registration::advance_producer(out, dialogue, ProducerStep::Halal, draft, review)
                .await?;
            Ok(Answer::Silent)
        }
        (
            Cb::SkipNib,
            State::Producer {
                step: ProducerStep::Nib,
                mut draft,
                review,
            },
        ) => {
            draft.nib = None;
            draft.nib_answered = true;
            clear_buttons(out, message).await;
            registration::advance_producer(out, dialogue, ProducerStep::Nib, draft, review).await?;
            Ok(Answer::Silent)
        }
        (
            Cb::Flow(Flow::Submit),
            State::Producer {
                step: ProducerStep::Summary,
                draft,
                ..
            },
        ) => {
            clear_buttons(out, message).await;
            registration::submit_producer(out, dialogue, caller, draft).await?;
            Ok(Answer::Silent)
        }
        (
            Cb::Flow(Flow::Edit),
            State::Producer {
                step: ProducerStep::Summary,
                ..
            },
        ) => {
            if let Some(m) = message {
                out.edit_buttons(m.id, keyboards::producer_fields(out))
                    .await?;
            }
            Ok(Answer::Toast(out.t(&Common::EditWhich)))
        }
        (
            Cb::Flow(Flow::EditField(i)),
            State::Producer {
                step: ProducerStep::Summary,
                draft,
                ..
            },
        ) => {
            let Some(step) = ProducerStep::from_index(i) else {
                return stale();
            };
            clear_buttons(out, message).await;
            registration::goto_producer(out, dialogue, step, draft, true).await?;
            Ok(Answer::Silent)
        }

        // Staff registration.
        (
            Cb::Flow(Flow::Region { regency, .. }),
            State::Staff {
                step: StaffStep::Region,
                mut draft,
                review,
            },
        ) => {
            let Some(place) = place_from_button(&regency, None) else {
                return stale();
            };
            draft.regency = Some(place.regency.as_str().to_string());
            clear_buttons(out, message).await;
            registration::advance_staff(out, dialogue, StaffStep::Region, draft, review).await?;
            Ok(Answer::Silent)
        }
        (
            Cb::Flow(Flow::Submit),
            State::Staff {
                step: StaffStep::Summary,
                draft,
                ..
            },
        ) => {
            clear_buttons(out, message).await;
            registration::submit_staff(out, dialogue, caller, draft).await?;
            Ok(Answer::Silent)
        }
        (
            Cb::Flow(Flow::Edit),
            State::Staff {
                step: StaffStep::Summary,
                draft,
                ..
            },
        ) => {
            if let Some(m) = message {
                out.edit_buttons(m.id, keyboards::staff_fields(out, draft.invite.is_some()))
                    .await?;
            }
            Ok(Answer::Toast(out.t(&Common::EditWhich)))
        }
        (
            Cb::Flow(Flow::EditField(i)),
            State::Staff {
                step: StaffStep::Summary,
                draft,
                ..
            },
        ) => {
            let Some(step) = StaffStep::from_index(i) else {
                return stale();
            };
            if draft.invite.is_some() && step != StaffStep::FullName {
                return stale();
            }
            clear_buttons(out, message).await;
            registration::goto_staff(out, dialogue, step, draft, true).await?;
            Ok(Answer::Silent)
        }

        // Leaving a registration from its buttons.
        (Cb::Flow(Flow::CancelFlow), State::Producer { .. } | State::Staff { .. }) => {
            clear_buttons(out, message).await;
            dialogue.exit().await?;
            out.say_with(Reply::RegCancelled, KeyboardRemove::new())
                .await?;
            Ok(Answer::Silent)
        }
        // "Batal" anywhere else (e.g. under "remove this product?").
        (Cb::Flow(Flow::CancelFlow), state) => {
            clear_buttons(out, message).await;
            if state != State::Idle {
                dialogue.exit().await?;
            }
            out.say_with(Common::CancelDone, KeyboardRemove::new())
                .await?;
            Ok(Answer::Silent)
        }
        // A button from another step, an old message, or forged data.
        _ => stale(),
    }
}

/// A handler's optional alert text as the callback answer.
fn answer(text: Option<String>) -> Answer {
    match text {
        Some(text) => Answer::Alert(text),
        None => Answer::Silent,
    }
}

fn toggle(list: &mut Vec<Category>, c: Category) {
    if let Some(pos) = list.iter().position(|x| *x == c) {
        list.remove(pos);
    } else {
        list.push(c);
        list.sort_by_key(|c| c.index());
    }
}
