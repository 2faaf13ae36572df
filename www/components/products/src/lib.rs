//! A product list. "Add to cart" publishes `cart:add` with `{"id", "name", "price"}` for
//! whatever cart listens; `cart:cleared` resets the "in cart" marks. Props: `products`
//! (`[{"id", "name", "price", "note", "emoji"}]`, prices in currency units such as `4` or
//! `8.5`; a small tea shop when absent) and `currency` (default `$`).
#![no_std]

use tessera_guest::prelude::*;

/// One product.
pub struct Product {
    id: String,
    name: String,
    /// In cents.
    price: i64,
    note: String,
    emoji: String,
}

/// The state.
pub struct Products {
    items: Vec<Product>,
    currency: String,
    /// How many of each product this page added since the last `cart:cleared`.
    in_cart: Vec<u32>,
    /// The product whose button says "Added" for a moment, and the timer that ends it.
    flash: Option<(usize, Timer)>,
    /// Set when the manifest does not let this component publish.
    denied: bool,
}

/// What happens.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// "Add to cart" on product `i`.
    Add(usize),
    /// The "Added" moment is over.
    FlashDone,
    /// The cart was cleared (`cart:cleared`).
    Cleared,
}

const DEFAULT: &str = r#"[
  {"id": "sencha", "name": "Sencha", "price": 8.5, "note": "Grassy green tea, 50 g", "emoji": "🍵"},
  {"id": "assam", "name": "Assam", "price": 6.9, "note": "Malty black tea, 100 g", "emoji": "☕"},
  {"id": "chai", "name": "Masala chai", "price": 9.2, "note": "Spiced black tea, 80 g", "emoji": "🫖"},
  {"id": "mint", "name": "Moroccan mint", "price": 5.4, "note": "Gunpowder and spearmint, 50 g", "emoji": "🌿"}
]"#;

/// A price in currency units (`8.5`) to whole cents, rounded half away from zero; `None` for
/// a missing, negative or absurd price.
fn cents(v: Json) -> Option<i64> {
    let units = v.as_f64().filter(|u| (0.0..1e13).contains(u))?;
    Some((units * 100.0 + 0.5) as i64)
}

fn owned(v: Json) -> String {
    v.as_str().map(|s| s.into_owned()).unwrap_or_default()
}

impl Products {
    fn money(&self, cents: i64) -> String {
        let mut s = self.currency.clone();
        s.push_str(&fixed(cents, 2));
        s
    }

    fn card(&self, i: usize, p: &Product) -> Node<Msg> {
        let flashing = self.flash.is_some_and(|(f, _)| f == i);
        let count = self.in_cart.get(i).copied().unwrap_or(0);
        let mut badge = String::from("in cart ×");
        badge.push_str(&int(count.into()));
        li().class("card")
            .child(
                span()
                    .class("emoji")
                    .attr("aria-hidden", "true")
                    .text(p.emoji.clone()),
            )
            .child(h3().text(p.name.clone()))
            .child(p_(p.note.clone()))
            .child(
                div()
                    .class("buy")
                    .child(strong().class("price").text(self.money(p.price)))
                    .child(
                        button()
                            .class(if flashing { "add added" } else { "add" })
                            .flag("disabled", self.denied)
                            .text(if flashing { "Added ✓" } else { "Add to cart" })
                            .on_click(Msg::Add(i)),
                    ),
            )
            .child(
                small()
                    .class("badge")
                    .flag("hidden", count == 0)
                    .text(badge),
            )
    }
}

fn p_(text: String) -> Node<Msg> {
    p().class("note").text(text)
}

impl Component for Products {
    type Msg = Msg;

    const STYLE: &'static str = css!(include_str!("products.css"));

    fn mount(props: Json, cx: &mut Cx) -> Self {
        let list = match props.get("products") {
            given if given.items().next().is_some() => given,
            _ => Json::parse(DEFAULT),
        };
        let items: Vec<Product> = list
            .items()
            .filter_map(|p| {
                Some(Product {
                    id: p.get("id").as_str()?.into_owned(),
                    name: owned(p.get("name")),
                    price: cents(p.get("price"))?,
                    note: owned(p.get("note")),
                    emoji: owned(p.get("emoji")),
                })
            })
            .collect();
        if cx.subscribe("cart:cleared").is_err() {
            log::warn("products: not allowed to subscribe to cart:cleared");
        }
        Products {
            in_cart: vec![0; items.len()],
            items,
            currency: props
                .get("currency")
                .as_str()
                .map_or("$".into(), |s| s.into_owned()),
            flash: None,
            denied: false,
        }
    }

    fn update(&mut self, msg: Msg, cx: &mut Cx) {
        match msg {
            Msg::Add(i) => {
                let Some(p) = self.items.get(i) else { return };
                let payload = Object::new()
                    .str("id", &p.id)
                    .str("name", &p.name)
                    // In currency units, as the cart reads it: 690 cents are `6.90`.
                    .raw("price", &fixed(p.price, 2))
                    .finish();
                if cx.publish("cart:add", payload.as_bytes()).is_err() {
                    self.denied = true;
                    log::warn("products: not allowed to publish cart:add");
                    return;
                }
                if let Some(n) = self.in_cart.get_mut(i) {
                    *n += 1;
                }
                if let Some((_, t)) = self.flash.take() {
                    cx.cancel(t);
                }
                self.flash = cx.after(1200).ok().map(|t| (i, t));
            }
            Msg::FlashDone => self.flash = None,
            Msg::Cleared => self.in_cart.iter_mut().for_each(|n| *n = 0),
        }
    }

    fn on_timer(&self, t: Timer) -> Option<Msg> {
        self.flash.filter(|&(_, f)| f == t).map(|_| Msg::FlashDone)
    }

    fn on_message(&self, topic: &str, _payload: &[u8]) -> Option<Msg> {
        (topic == "cart:cleared").then_some(Msg::Cleared)
    }

    fn view(&self) -> Node<Msg> {
        section()
            .class("products")
            .child(ul().children(self.items.iter().enumerate().map(|(i, p)| self.card(i, p))))
    }
}

tessera_guest::component!(Products);

#[cfg(test)]
mod tests;
