//! Asking the current question again, whatever flow the chat is in (after
//! a restart, /start or /daftar): each room asks its own states' question.
//! Only the general room calls this, so no room imports it back.

use crate::telegram::out::Out;
use crate::telegram::shared::context::HandlerResult;
use crate::telegram::state::State;
use crate::telegram::{
    admin, broadcasts, catalogue, events, orders, quotes, registration, requests,
};

pub async fn resume(out: &Out, state: State) -> HandlerResult {
    match state {
        State::Producer { .. } | State::Staff { .. } => registration::resume(out, &state).await,
        State::Invite { step, .. } => admin::resume(out, step).await,
        State::Product { .. } | State::LeaveDates | State::LinkContact => {
            catalogue::resume(out, &state).await
        }
        State::Request { .. } => requests::resume(out, &state).await,
        State::Quoting { .. } | State::Declining { .. } => quotes::resume(out, &state).await,
        State::Awarding { .. } | State::CancelReason { .. } | State::RatingComment { .. } => {
            orders::resume(out, &state).await
        }
        State::Event { asking, .. } => events::resume(out, asking).await,
        State::Broadcast { step, .. } => broadcasts::resume(out, step).await,
        State::Idle | State::SearchPrompt | State::SearchDate { .. } => Ok(()),
    }
}
