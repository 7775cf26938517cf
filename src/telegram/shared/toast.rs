//! Every button press is answered exactly once. Handlers say what the
//! answer is through the [`Toast`] they are given; [`answered`] wraps the
//! whole button tree and answers afterwards on every path: with the toast,
//! with "stale button" when no branch took the press, and with the
//! localized apology when a handler failed.

use std::ops::ControlFlow;
use std::sync::{Arc, Mutex};

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;

use crate::telegram::out::Out;

use super::replies::Common;

/// What to answer the press with; nothing set means a silent answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A short note that fades.
    Toast(String),
    /// A note the user must dismiss.
    Alert(String),
}

/// The answer of the current press, set by its handler.
#[derive(Debug, Clone, Default)]
pub struct Toast(Arc<Mutex<Option<Answer>>>);

impl Toast {
    pub fn new() -> Toast {
        Toast::default()
    }

    /// Answers with a short note.
    pub fn toast(&self, text: String) {
        self.set(Answer::Toast(text));
    }

    /// Answers with a note the user must dismiss.
    pub fn alert(&self, text: String) {
        self.set(Answer::Alert(text));
    }

    /// Answers with an alert if `text` is given (a handler's refusal).
    pub fn alert_if(&self, text: Option<String>) {
        if let Some(text) = text {
            self.alert(text);
        }
    }

    fn set(&self, answer: Answer) {
        match self.0.lock() {
            Ok(mut slot) => *slot = Some(answer),
            Err(poisoned) => *poisoned.into_inner() = Some(answer),
        }
    }

    fn take(&self) -> Option<Answer> {
        match self.0.lock() {
            Ok(mut slot) => slot.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        }
    }
}

/// Runs the button tree `inner`, then answers the callback query: with
/// the handler's [`Toast`], with "stale" when no branch took the press
/// (an old message, another step's button, forged data), or, when the
/// handler failed, with the apology (also said in the chat) and a log line.
/// The tree before this must provide `Out`, `CallbackQuery` and `Toast`.
pub fn answered(inner: UpdateHandler<anyhow::Error>) -> UpdateHandler<anyhow::Error> {
    let sig = inner.sig().clone();
    let description = inner.description().clone();
    dptree::from_fn_with_description(
        description,
        move |deps: dptree::di::DependencyMap, _cont| {
            let inner = inner.clone();
            async move {
                let out: Arc<Out> = deps.get();
                let q: Arc<CallbackQuery> = deps.get();
                let toast: Arc<Toast> = deps.get();
                let outcome = inner.dispatch(deps).await;
                let answer = match &outcome {
                    ControlFlow::Break(Ok(())) => toast.take(),
                    ControlFlow::Continue(_) => Some(Answer::Alert(out.t(&Common::Stale))),
                    ControlFlow::Break(Err(_)) => Some(Answer::Alert(out.t(&Common::Generic))),
                };
                let mut request = out.bot.answer_callback_query(q.id.clone());
                match answer {
                    Some(Answer::Toast(text)) => request = request.text(text),
                    Some(Answer::Alert(text)) => request = request.text(text).show_alert(true),
                    None => {}
                }
                if let Err(e) = request.await {
                    tracing::warn!(error = %e, "answering a callback query failed");
                }
                if let ControlFlow::Break(Err(e)) = outcome {
                    // Answered with the apology; say it in the chat too, and
                    // do not let the caller apologize a second time.
                    out.say(Common::Generic).await.ok();
                    tracing::error!(error = %format!("{e:#}"), "button handler failed");
                }
                ControlFlow::Break(Ok(()))
            }
        },
        sig,
    )
}
