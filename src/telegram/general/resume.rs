//! Asking the current question again, whatever flow the chat is in (after
//! a restart, /start or /daftar): each room asks its own states' question.
//! Only the general room calls this, so no room imports it back.

use crate::telegram::out::Out;
use crate::telegram::replies::Reply;
use crate::telegram::shared::context::HandlerResult;
use crate::telegram::shared::replies::Common;
use crate::telegram::state::State;
use crate::telegram::{admin, broadcasts, catalogue, events, handlers, registration};

pub async fn resume(out: &Out, state: State) -> HandlerResult {
    match state {
        State::Producer { .. } | State::Staff { .. } => registration::resume(out, &state).await,
        State::Invite { step, .. } => admin::resume(out, step).await,
        State::Product { .. } | State::LeaveDates | State::LinkContact => {
            catalogue::resume(out, &state).await
        }
        State::Request {
            asking: Some(field),
            ..
        } => handlers::request::ask(out, field).await,
        State::Quoting { .. } | State::Declining { .. } | State::Awarding { .. } => {
            out.say(Common::UseButtons).await.map(|_| ())
        }
        State::CancelReason { order } => out
            .say(Reply::OrderAskCancelReason { id: order })
            .await
            .map(|_| ()),
        State::RatingComment { .. } => out.say(Reply::OrderAskComment).await.map(|_| ()),
        State::Event { asking, .. } => events::resume(out, asking).await,
        State::Broadcast { step, .. } => broadcasts::resume(out, step).await,
        State::Request { asking: None, .. }
        | State::Idle
        | State::SearchPrompt
        | State::SearchDate { .. } => Ok(()),
    }
}
