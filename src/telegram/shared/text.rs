//! What can be said: each room's reply catalogue implements [`Text`], so
//! [`Out::say`](super::super::out::Out::say) takes any of them.

use i18n_embed::fluent::FluentLanguageLoader;

/// A sentence (or a message) the bot says, rendered from `locales/` in one
/// language. Implementations are the only places with `fl!`, and they
/// escape user-supplied text for HTML.
pub trait Text {
    fn render(&self, l: &FluentLanguageLoader) -> String;
}

/// Fluent arguments by name, for a view that several sentences show alike
/// (a map given to `fl!` in place of named arguments).
pub type Args = std::collections::HashMap<&'static str, String>;

/// Arguments from already formatted (and escaped) values.
pub fn args(pairs: &[(&'static str, &String)]) -> Args {
    pairs.iter().map(|(k, v)| (*k, (*v).clone())).collect()
}
