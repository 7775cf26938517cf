//! What the catalogue says: /produk (a producer's products), /libur (days
//! off), and linking a business the trade office imported.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::telegram::directory::replies::ProductView;
use crate::telegram::shared::replies::{Common, holds_common};
use crate::telegram::shared::text::Text;

#[derive(Debug, Clone)]
pub enum Reply {
    Common(Common),
    /// The "min. order" field label (same text as registration's).
    FieldMinOrder,
    /// The "lead days" field label (same text as registration's).
    FieldLeadDays,
    CatalogueEmpty,
    CatalogueList(Vec<String>),
    CatalogueLine {
        n: usize,
        product: ProductView,
        min_order: Option<i64>,
        lead_days: Option<i64>,
        photo: bool,
    },
    BtnProductAdd,
    BtnProductEdit {
        n: usize,
    },
    BtnProductRemove {
        n: usize,
    },
    ProductAskName,
    ProductAskPrice,
    ProductAskMinOrder,
    ProductAskLeadDays,
    ProductAskPhoto,
    ProductPhotoExpected,
    ProductSaved {
        name: String,
    },
    ProductRemoved {
        name: String,
    },
    ProductConfirmRemove {
        name: String,
    },
    ProductEditWhich {
        name: String,
    },
    BtnRemoveYes,
    FieldProductName,
    FieldPrice,
    FieldPhoto,
    LeaveNone,
    LeaveList(Vec<String>),
    LeaveLine {
        n: usize,
        from: String,
        to: String,
    },
    LeaveAsk,
    LeaveSaved {
        from: String,
        to: String,
    },
    LeaveEnded,
    LeaveEndBeforeStart,
    LeaveTooLong {
        max: i64,
    },
    BtnLeaveAdd,
    BtnLeaveEnd {
        n: usize,
    },
    BtnLinkImported,
    LinkAsk,
    LinkDone {
        name: String,
    },
    LinkNone,
    // @variants
}

holds_common!(Reply);

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::FieldMinOrder => fl!(l, "field-min-order"),
            Reply::FieldLeadDays => fl!(l, "field-lead-days"),
            Reply::CatalogueEmpty => fl!(l, "catalogue-empty"),
            Reply::CatalogueList(lines) => fl!(l, "catalogue-list", list = lines.join("\n")),
            Reply::CatalogueLine {
                n,
                product,
                min_order,
                lead_days,
                photo,
            } => {
                let mut details: Vec<String> = Vec::new();
                if let Some(price) = &product.price {
                    details.push(fl!(
                        l,
                        "profile-product-price",
                        price = price.clone(),
                        unit = product.unit.clone().unwrap_or_else(|| "pcs".into())
                    ));
                }
                if let Some(m) = min_order {
                    details.push(fl!(l, "catalogue-min-order", count = m.to_string()));
                }
                if let Some(d) = lead_days {
                    details.push(fl!(l, "catalogue-lead-days", days = d.to_string()));
                }
                if *photo {
                    details.push(fl!(l, "catalogue-has-photo"));
                }
                let details = if details.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", details.join(" · "))
                };
                fl!(
                    l,
                    "catalogue-line",
                    n = n.to_string(),
                    name = product.name.clone(),
                    details = details
                )
            }
            Reply::BtnProductAdd => fl!(l, "btn-product-add"),
            Reply::BtnProductEdit { n } => fl!(l, "btn-product-edit", n = n.to_string()),
            Reply::BtnProductRemove { n } => fl!(l, "btn-product-remove", n = n.to_string()),
            Reply::ProductAskName => fl!(l, "product-ask-name"),
            Reply::ProductAskPrice => fl!(l, "product-ask-price"),
            Reply::ProductAskMinOrder => fl!(l, "product-ask-min-order"),
            Reply::ProductAskLeadDays => fl!(l, "product-ask-lead-days"),
            Reply::ProductAskPhoto => fl!(l, "product-ask-photo"),
            Reply::ProductPhotoExpected => fl!(l, "product-photo-expected"),
            Reply::ProductSaved { name } => fl!(l, "product-saved", name = escape(name)),
            Reply::ProductRemoved { name } => fl!(l, "product-removed", name = escape(name)),
            Reply::ProductConfirmRemove { name } => {
                fl!(l, "product-confirm-remove", name = escape(name))
            }
            Reply::ProductEditWhich { name } => fl!(l, "product-edit-which", name = escape(name)),
            Reply::BtnRemoveYes => fl!(l, "btn-remove-yes"),
            Reply::FieldProductName => fl!(l, "field-product-name"),
            Reply::FieldPrice => fl!(l, "field-price"),
            Reply::FieldPhoto => fl!(l, "field-photo"),
            Reply::LeaveNone => fl!(l, "leave-none"),
            Reply::LeaveList(lines) => fl!(l, "leave-list", list = lines.join("\n")),
            Reply::LeaveLine { n, from, to } => {
                fl!(
                    l,
                    "leave-line",
                    n = n.to_string(),
                    from = from.clone(),
                    to = to.clone()
                )
            }
            Reply::LeaveAsk => fl!(l, "leave-ask"),
            Reply::LeaveSaved { from, to } => {
                fl!(l, "leave-saved", from = from.clone(), to = to.clone())
            }
            Reply::LeaveEnded => fl!(l, "leave-ended"),
            Reply::LeaveEndBeforeStart => fl!(l, "leave-end-before-start"),
            Reply::LeaveTooLong { max } => fl!(l, "leave-too-long", max = max.to_string()),
            Reply::BtnLeaveAdd => fl!(l, "btn-leave-add"),
            Reply::BtnLeaveEnd { n } => fl!(l, "btn-leave-end", n = n.to_string()),
            Reply::BtnLinkImported => fl!(l, "btn-link-imported"),
            Reply::LinkAsk => fl!(l, "link-ask"),
            Reply::LinkDone { name } => fl!(l, "link-done", name = escape(name)),
            Reply::LinkNone => fl!(l, "link-none"),
            Reply::Common(c) => c.render(l),
            // @arms
        }
    }
}
