//! Every button press lands here. Each one is answered exactly once; what a
//! button asks for is checked against the dialogue state and the database,
//! never trusted because of what the button says.

use crate::telegram::shared::flow::Flow;
use crate::telegram::shared::replies::Common;
use teloxide::prelude::*;
use teloxide::types::Me;

use super::super::callback::Cb;
use super::super::out::Out;
use super::super::state::State;
use super::{Caller, Dlg, HandlerResult};
use crate::telegram::shared::toast::Toast;

/// What to answer the callback query with.
enum Answer {
    Silent,
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
