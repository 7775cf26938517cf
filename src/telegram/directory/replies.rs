//! What the directory (/cari) says: the prompt, result pages and cards,
//! filters, and a producer's full profile.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use teloxide::utils::html::escape;

use crate::domain::Category;
use crate::telegram::shared::format::{region_name, shorten};
use crate::telegram::shared::replies::{Common, categories_text, holds_common, products_text};
use crate::telegram::shared::text::{Args, Text, args};

#[derive(Debug, Clone)]
pub enum Reply {
    Common(Common),
    SearchAsk,
    SearchStaffOnly,
    SearchHeader {
        query: String,
        total: i64,
        page: i64,
        pages: i64,
        fuzzy: bool,
    },
    SearchFilters(String),
    SearchNone {
        query: String,
    },
    SearchNoneNearby {
        query: String,
        region: String,
    },
    SearchNoneCategories,
    SearchCard(CardView),
    FilterRegion {
        region: String,
    },
    FilterCategory(Category),
    FilterHalal,
    FilterDate {
        date: String,
    },
    PickRegion,
    PickCategory,
    AskDate,
    SearchExpired,
    BtnPrev,
    BtnNext,
    BtnFilterRegion,
    BtnFilterCategory,
    BtnFilterHalal {
        on: bool,
    },
    BtnFilterDate,
    BtnAllRegions,
    BtnAllCategories,
    BtnAnyDate,
    BtnBack,
    BtnProfile {
        n: usize,
    },
    BtnAskQuote {
        n: usize,
    },
    ProfileFull {
        card: CardView,
        products: Vec<ProductView>,
    },
    ProfileGone,
    // @variants
}

holds_common!(Reply);

impl Text for Reply {
    fn render(&self, l: &FluentLanguageLoader) -> String {
        match self {
            Reply::SearchAsk => fl!(l, "search-ask"),
            Reply::SearchStaffOnly => fl!(l, "search-staff-only"),
            Reply::SearchHeader {
                query,
                total,
                page,
                pages,
                fuzzy,
            } => {
                let query = escape(&shorten(query, 60));
                let (total, page, pages) = (total.to_string(), page.to_string(), pages.to_string());
                if *fuzzy {
                    fl!(
                        l,
                        "search-header-fuzzy",
                        query = query,
                        total = total,
                        page = page,
                        pages = pages
                    )
                } else {
                    fl!(
                        l,
                        "search-header",
                        query = query,
                        total = total,
                        page = page,
                        pages = pages
                    )
                }
            }
            Reply::SearchFilters(list) => fl!(l, "search-filters", filters = list.clone()),
            Reply::SearchNone { query } => {
                fl!(l, "search-none", query = escape(&shorten(query, 60)))
            }
            Reply::SearchNoneNearby { query, region } => fl!(
                l,
                "search-none-nearby",
                query = escape(&shorten(query, 60)),
                region = escape(region)
            ),
            Reply::SearchNoneCategories => fl!(l, "search-none-categories"),
            Reply::SearchCard(c) => fl!(l, "search-card", c.args()),
            Reply::FilterRegion { region } => {
                fl!(l, "search-filter-region", region = escape(region))
            }
            Reply::FilterCategory(c) => {
                fl!(
                    l,
                    "search-filter-category",
                    category = Common::Category(*c).render(l)
                )
            }
            Reply::FilterHalal => fl!(l, "search-filter-halal"),
            Reply::FilterDate { date } => fl!(l, "search-filter-date", date = escape(date)),
            Reply::PickRegion => fl!(l, "search-pick-region"),
            Reply::PickCategory => fl!(l, "search-pick-category"),
            Reply::AskDate => fl!(l, "search-ask-date"),
            Reply::SearchExpired => fl!(l, "search-expired"),
            Reply::BtnPrev => fl!(l, "btn-prev"),
            Reply::BtnNext => fl!(l, "btn-next"),
            Reply::BtnFilterRegion => fl!(l, "btn-filter-region"),
            Reply::BtnFilterCategory => fl!(l, "btn-filter-category"),
            Reply::BtnFilterHalal { on } => {
                if *on {
                    fl!(l, "btn-filter-halal-on")
                } else {
                    fl!(l, "btn-filter-halal")
                }
            }
            Reply::BtnFilterDate => fl!(l, "btn-filter-date"),
            Reply::BtnAllRegions => fl!(l, "btn-all-regions"),
            Reply::BtnAllCategories => fl!(l, "btn-all-categories"),
            Reply::BtnAnyDate => fl!(l, "btn-any-date"),
            Reply::BtnBack => fl!(l, "btn-back"),
            Reply::BtnProfile { n } => fl!(l, "btn-profile", n = n.to_string()),
            Reply::BtnAskQuote { n } => fl!(l, "btn-ask-quote", n = n.to_string()),
            Reply::ProfileFull { card: c, products } => {
                let lines = products
                    .iter()
                    .map(|p| {
                        let details = match (&p.price, &p.unit) {
                            (Some(price), unit) => format!(
                                " — {}",
                                fl!(
                                    l,
                                    "profile-product-price",
                                    price = price.clone(),
                                    unit = unit.clone().unwrap_or_else(|| c.unit.clone())
                                )
                            ),
                            (None, _) => String::new(),
                        };
                        fl!(
                            l,
                            "profile-product-line",
                            name = p.name.clone(),
                            details = details
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                // The profile lists the products one a line, with prices.
                let mut a = c.args();
                a.insert("products", lines);
                fl!(l, "profile-full", a)
            }
            Reply::ProfileGone => fl!(l, "profile-gone"),
            Reply::Common(c) => c.render(l),
            // @arms
        }
    }
}

/// One search result, formatted for one language and escaped.
#[derive(Debug, Clone)]
pub struct CardView {
    pub n: usize,
    pub name: String,
    pub badges: String,
    pub region: String,
    pub categories: String,
    pub products: String,
    pub lead: String,
    pub capacity: String,
    pub unit: String,
    pub min_order: String,
    pub rating: String,
    pub finished: String,
}

#[derive(Debug, Clone)]
pub struct ProductView {
    pub name: String,
    pub price: Option<String>,
    pub unit: Option<String>,
}

impl CardView {
    /// Fluent arguments: the card's fields by their names, for the result
    /// card and the full profile alike.
    fn args(&self) -> Args {
        let mut a = args(&[
            ("name", &self.name),
            ("badges", &self.badges),
            ("region", &self.region),
            ("categories", &self.categories),
            ("products", &self.products),
            ("lead", &self.lead),
            ("capacity", &self.capacity),
            ("unit", &self.unit),
            ("min_order", &self.min_order),
            ("rating", &self.rating),
            ("finished", &self.finished),
        ]);
        a.insert("n", self.n.to_string());
        a
    }

    pub fn from_card(
        l: &FluentLanguageLoader,
        n: usize,
        card: &crate::store::directory::Card,
    ) -> CardView {
        let mut badges = format!(" · {}", fl!(l, "search-badge-verified"));
        if card.halal {
            badges.push_str(&format!(" · {}", fl!(l, "search-badge-halal")));
        }
        let cats: Vec<Category> = card
            .categories
            .iter()
            .filter_map(|c| Category::from_slug(c))
            .collect();
        let mut products: Vec<String> = card.products.iter().take(4).cloned().collect();
        if card.products.len() > 4 {
            products.push("…".into());
        }
        CardView {
            n,
            name: escape(&card.business_name),
            badges,
            region: escape(&region_name(
                card.regency_code.as_str(),
                card.district_code.as_deref(),
            )),
            categories: categories_text(l, &cats),
            products: products_text(l, &products),
            lead: card.min_lead_days.to_string(),
            capacity: crate::domain::money::group_thousands(card.daily_capacity.max(0) as u64),
            unit: escape(&card.capacity_unit),
            min_order: crate::domain::money::group_thousands(card.min_order.max(0) as u64),
            rating: match card.rating {
                Some(r) => format!("{:.1} ({})", r, card.rating_count).replace('.', ","),
                None => fl!(l, "search-no-rating"),
            },
            finished: card.finished_orders.to_string(),
        }
    }
}

impl ProductView {
    pub fn from_product(p: &crate::store::directory::Product) -> ProductView {
        ProductView {
            name: escape(&p.name),
            price: p
                .price_from
                .and_then(|v| crate::domain::Rupiah::new(v.max(0) as u64).ok())
                .map(|r| r.to_string()),
            unit: p.unit.as_deref().map(escape),
        }
    }
}
