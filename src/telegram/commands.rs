//! Bot commands of the features not yet in a room of their own (names are
//! part of the interface). The menus are `shared::menu`.

use teloxide::utils::command::BotCommands;

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    /// Plan an event weeks ahead: producers get a heads-up.
    Acara(String),
    /// Admins: send an announcement.
    Siaran,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse_with_and_without_deep_link_payloads() {
        assert_eq!(
            Command::parse("/acara rakor, 300 snack box", "pesanlokal_bot").unwrap(),
            Command::Acara("rakor, 300 snack box".into())
        );
        assert_eq!(
            Command::parse("/acara", "pesanlokal_bot").unwrap(),
            Command::Acara(String::new())
        );
    }
}
