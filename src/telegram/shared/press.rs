//! A room's button handler: what it is given (the [`Press`]) and the
//! [`endpoint`] that answers the press with the handler's refusal, if any.
//! A room's `buttons()` is `press::button(on_button)` for its own buttons
//! (`async fn on_button(p: Press, b: Button) -> Refusal`), plus
//! `press::flow(wanted, on_flow)` for the shared [`Flow`] buttons in its
//! dialogue states.

use std::future::Future;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;

use crate::telegram::out::Out;
use crate::telegram::state::State;

use super::codec;
use super::context::{Caller, Dlg};
use super::flow::Flow;
use super::text::Text;
use super::toast::Toast;

/// What a button handler gives back: `Some(text)` refuses the press (it is
/// answered with `text` as an alert), `None` answers it silently.
pub type Refusal = anyhow::Result<Option<String>>;

/// A button press: the reply context, the dialogue and its state, who
/// pressed (as the database knows them), and the query itself.
#[derive(Clone)]
pub struct Press {
    pub out: Out,
    pub dialogue: Dlg,
    pub caller: Caller,
    pub state: State,
    pub query: CallbackQuery,
}

impl Press {
    /// The message the pressed button was on, when it is still accessible.
    pub fn message(&self) -> Option<&Message> {
        self.query.regular_message()
    }

    /// Refuses the press with `reply`.
    pub fn refuse(&self, reply: &impl Text) -> Refusal {
        Ok(Some(self.out.t(reply)))
    }
}

/// The endpoint for a room's decoded button `B`: `handle` gets the
/// [`Press`] and the button; its [`Refusal`] becomes the callback answer
/// (the `answered` wrapper around the button tree sends it).
pub fn endpoint<B, F, Fut>(handle: F) -> UpdateHandler<anyhow::Error>
where
    B: Clone + Send + Sync + 'static,
    F: Fn(Press, B) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Refusal> + Send + 'static,
{
    dptree::endpoint(
        move |out: Out,
              toast: Toast,
              dialogue: Dlg,
              caller: Caller,
              state: State,
              query: CallbackQuery,
              b: B| {
            let handle = handle.clone();
            async move {
                let press = Press {
                    out,
                    dialogue,
                    caller,
                    state,
                    query,
                };
                toast.alert_if(handle(press, b).await?);
                Ok(())
            }
        },
    )
}

/// The branch for presses of a room's buttons `B`, handled by `handle`.
pub fn button<B, F, Fut>(handle: F) -> UpdateHandler<anyhow::Error>
where
    B: codec::Button + Clone + Send + Sync + 'static,
    F: Fn(Press, B) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Refusal> + Send + 'static,
{
    codec::pressed::<B>().chain(endpoint(handle))
}

/// The branch for the shared [`Flow`] buttons that `wanted` takes in the
/// current dialogue state, handled by `handle`; the others go on to the
/// next room.
pub fn flow<F, Fut>(wanted: fn(&Flow, &State) -> bool, handle: F) -> UpdateHandler<anyhow::Error>
where
    F: Fn(Press, Flow) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Refusal> + Send + 'static,
{
    codec::pressed::<Flow>()
        .filter(move |f: Flow, s: State| wanted(&f, &s))
        .chain(endpoint(handle))
}
