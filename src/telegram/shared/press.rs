//! The opening every room's button handler shares: who pressed, in which
//! chat and dialogue state, and the press's answer. A room's handler is
//! `async fn(Press, Button) -> anyhow::Result<Option<String>>`; [`answer`]
//! makes it an endpoint whose `Some(text)` is the press's alert.

use std::future::Future;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;

use crate::telegram::out::Out;
use crate::telegram::state::State;

use super::codec::{self, Button};
use super::context::{Caller, Dlg};
use super::flow::Flow;
use super::text::Text;
use super::toast::Toast;

/// A button press as its handler sees it.
#[derive(Clone)]
pub struct Press {
    pub out: Out,
    pub dialogue: Dlg,
    pub caller: Caller,
    pub query: CallbackQuery,
    pub state: State,
    /// The press's answer, for a handler that answers with a short note
    /// rather than a refusal.
    pub toast: Toast,
}

impl Press {
    /// The message the button was under (none for an inaccessible one).
    pub fn message(&self) -> Option<&Message> {
        self.query.regular_message()
    }

    /// Refuses the press with `reply` (the answer [`Refusal`] for it).
    pub fn refuse(&self, reply: &impl Text) -> Refusal {
        Ok(Some(self.out.t(reply)))
    }
}

/// What a button handler gives: `Some(text)` is a refusal, shown as the
/// press's alert; `None` a silent answer.
pub type Refusal = anyhow::Result<Option<String>>;

/// The endpoint that runs `handler` for a press of a `B` button (decoded
/// by the branch before it) and answers the press with its refusal.
pub fn answer<B, F, Fut>(handler: F) -> UpdateHandler<anyhow::Error>
where
    B: Clone + Send + Sync + 'static,
    F: Fn(Press, B) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Refusal> + Send + 'static,
{
    dptree::endpoint(
        move |out: Out,
              toast: Toast,
              caller: Caller,
              dialogue: Dlg,
              query: CallbackQuery,
              state: State,
              b: B| {
            let handler = handler.clone();
            async move {
                let press = Press {
                    out,
                    dialogue,
                    caller,
                    query,
                    state,
                    toast: toast.clone(),
                };
                toast.alert_if(handler(press, b).await?);
                Ok(())
            }
        },
    )
}

/// The branch for a press of one of the room's own `B` buttons, in any
/// state (the handler checks the state it needs).
pub fn button<B, F, Fut>(handler: F) -> UpdateHandler<anyhow::Error>
where
    B: Button + Clone + Send + Sync + 'static,
    F: Fn(Press, B) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Refusal> + Send + 'static,
{
    codec::pressed::<B>().chain(answer(handler))
}

/// The branch for a shared [`Flow`] button, taken only where `takes` says
/// the room answers it (its dialogue state, which of the buttons).
pub fn flow<F, Fut>(takes: fn(&Flow, &State) -> bool, handler: F) -> UpdateHandler<anyhow::Error>
where
    F: Fn(Press, Flow) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Refusal> + Send + 'static,
{
    codec::pressed::<Flow>()
        .filter(move |f: Flow, s: State| takes(&f, &s))
        .chain(answer(handler))
}
