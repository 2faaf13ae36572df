//! A cart badge: listens to `cart:*` (`cart:add` with `{"id", "name", "price"}`, the price in
//! currency units; `cart:cleared`) and shows the count and total; click it to see the lines,
//! remove one, or clear the cart (which publishes `cart:cleared` so that the product list
//! resets too). Props: `currency`.
#![no_std]

use tessera_guest::prelude::*;

/// One product in the cart.
pub struct Line {
    id: String,
    name: String,
    /// In cents, each.
    price: i64,
    qty: i64,
}

/// The state.
pub struct Cart {
    lines: Vec<Line>,
    open: bool,
    currency: String,
    /// Whether the bus is closed to this component (no `subscribe` grant).
    deaf: bool,
}

/// What happens.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// `cart:add`.
    Added {
        /// The product id.
        id: String,
        /// Its name.
        name: String,
        /// Its price in cents.
        price: i64,
    },
    /// `cart:cleared`, from anyone.
    Cleared,
    /// Open or close the list.
    Toggle,
    /// Remove one of line `i`.
    Less(usize),
    /// The clear button.
    Clear,
}

/// A price in currency units (`8.5`) to whole cents, rounded half away from zero; `None` for
/// a missing, negative or absurd price.
fn cents(v: Json) -> Option<i64> {
    let units = v.as_f64().filter(|u| (0.0..1e13).contains(u))?;
    Some((units * 100.0 + 0.5) as i64)
}

impl Cart {
    fn money(&self, cents: i64) -> String {
        let mut s = self.currency.clone();
        s.push_str(&fixed(cents, 2));
        s
    }

    fn count(&self) -> i64 {
        self.lines.iter().map(|l| l.qty).sum()
    }

    fn line_view(&self, i: usize, l: &Line) -> Node<Msg> {
        let mut qty = String::from("×");
        qty.push_str(&int(l.qty));
        li().child(span().class("name").text(l.name.clone()))
            .child(span().class("qty").text(qty))
            .child(span().class("sum").text(self.money(l.price * l.qty)))
            .child(
                button()
                    .class("less")
                    .attr("aria-label", "remove one")
                    .text("−")
                    .on_click(Msg::Less(i)),
            )
    }
}

impl Component for Cart {
    type Msg = Msg;

    const STYLE: &'static str = css!(include_str!("cart.css"));

    fn mount(props: Json, cx: &mut Cx) -> Self {
        let deaf = cx.subscribe("cart:*").is_err();
        if deaf {
            log::warn("cart: not allowed to subscribe to cart:*");
        }
        Cart {
            lines: Vec::new(),
            open: false,
            currency: props
                .get("currency")
                .as_str()
                .map_or("$".into(), |s| s.into_owned()),
            deaf,
        }
    }

    fn props(&mut self, props: Json, _cx: &mut Cx) -> bool {
        if let Some(c) = props.get("currency").as_str() {
            self.currency = c.into_owned();
        }
        true
    }

    fn update(&mut self, msg: Msg, cx: &mut Cx) {
        match msg {
            Msg::Added { id, name, price } => match self.lines.iter_mut().find(|l| l.id == id) {
                Some(l) => {
                    l.qty += 1;
                    l.price = price;
                }
                None => self.lines.push(Line {
                    id,
                    name,
                    price,
                    qty: 1,
                }),
            },
            Msg::Cleared => self.lines.clear(),
            Msg::Toggle => self.open = !self.open,
            Msg::Less(i) => {
                if let Some(l) = self.lines.get_mut(i) {
                    l.qty -= 1;
                }
                self.lines.retain(|l| l.qty > 0);
            }
            Msg::Clear => {
                self.lines.clear();
                if cx.publish("cart:cleared", b"{}").is_err() {
                    log::warn("cart: not allowed to publish cart:cleared");
                }
            }
        }
    }

    fn on_message(&self, topic: &str, payload: &[u8]) -> Option<Msg> {
        match topic {
            "cart:add" => {
                let p = Json::parse_bytes(payload);
                Some(Msg::Added {
                    id: p.get("id").as_str()?.into_owned(),
                    name: p
                        .get("name")
                        .as_str()
                        .map_or("item".into(), |s| s.into_owned()),
                    price: cents(p.get("price"))?,
                })
            }
            "cart:cleared" => Some(Msg::Cleared),
            _ => None,
        }
    }

    fn view(&self) -> Node<Msg> {
        let count = self.count();
        let total: i64 = self.lines.iter().map(|l| l.price * l.qty).sum();
        let panel = div()
            .class("panel")
            .attr("id", "cart-lines")
            .flag("hidden", !self.open)
            .child(if self.lines.is_empty() {
                p().class("empty").text(if self.deaf {
                    "Not connected to the shop."
                } else {
                    "Your cart is empty."
                })
            } else {
                ul().children(
                    self.lines
                        .iter()
                        .enumerate()
                        .map(|(i, l)| self.line_view(i, l)),
                )
            })
            .child(
                div()
                    .class("foot")
                    .child(strong().text(self.money(total)))
                    .child(
                        button()
                            .class("clear")
                            .flag("disabled", count == 0)
                            .text("Clear cart")
                            .on_click(Msg::Clear),
                    ),
            );
        div()
            .class("cart")
            .child(
                button()
                    .class("badge")
                    .attr("aria-expanded", if self.open { "true" } else { "false" })
                    .attr("aria-controls", "cart-lines")
                    .on_click(Msg::Toggle)
                    .child(span().class("icon").attr("aria-hidden", "true").text("🛒"))
                    .child(span().class("total").text(self.money(total)))
                    .child(
                        span()
                            .class(if count == 0 { "count zero" } else { "count" })
                            .text(int(count)),
                    ),
            )
            .child(panel)
    }
}

tessera_guest::component!(Cart);

#[cfg(test)]
mod tests;
