//! The commands of features not yet in a room of their own.

use super::super::commands::Command;
use super::super::out::Out;
use super::{Caller, Dlg, HandlerResult};

pub async fn command(out: Out, dialogue: Dlg, caller: Caller, cmd: Command) -> HandlerResult {
    match cmd {
        Command::Acara(text) => super::event::start(&out, &dialogue, &caller, &text).await,
        Command::Siaran => super::broadcast::start(&out, &dialogue, &caller).await,
    }
}
