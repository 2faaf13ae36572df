//! A todo list: type and press Enter (or Add) to add, click an item to toggle it, × to remove
//! it, filter all / active / done, clear the done ones. Props: `title`, and `items` (strings or
//! `{"text": ..., "done": true}` objects).
#![no_std]

use tessera_guest::prelude::*;

/// One entry.
pub struct Item {
    id: u32,
    text: String,
    done: bool,
}

/// Which items show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Filter {
    /// Every item.
    All,
    /// Not done yet.
    Active,
    /// Done.
    Done,
}

/// The state.
pub struct Todo {
    title: String,
    items: Vec<Item>,
    draft: String,
    filter: Filter,
    last_id: u32,
}

/// What the user does.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// Typing in the input.
    Edit(String),
    /// Submit: add the draft.
    Add,
    /// Escape: drop the draft.
    Cancel,
    /// Click on an item.
    Toggle(u32),
    /// Its × button.
    Remove(u32),
    /// A filter button.
    Show(Filter),
    /// Remove every done item.
    ClearDone,
}

impl Todo {
    fn push(&mut self, text: &str, done: bool) {
        let text = text.trim();
        if !text.is_empty() {
            self.last_id += 1;
            self.items.push(Item {
                id: self.last_id,
                text: text.into(),
                done,
            });
        }
    }

    fn item_view(item: &Item) -> Node<Msg> {
        li().class(if item.done { "item done" } else { "item" })
            .child(
                button()
                    .class("check")
                    .attr("role", "checkbox")
                    .attr("aria-checked", if item.done { "true" } else { "false" })
                    .on_click(Msg::Toggle(item.id)),
            )
            .child(
                span()
                    .class("text")
                    .text(item.text.clone())
                    .on_click(Msg::Toggle(item.id)),
            )
            .child(
                button()
                    .class("remove")
                    .attr("aria-label", "remove")
                    .text("×")
                    .on_click(Msg::Remove(item.id)),
            )
    }

    fn filter_button(&self, f: Filter, label: &'static str) -> Node<Msg> {
        button()
            .class(if self.filter == f {
                "filter on"
            } else {
                "filter"
            })
            .text(label)
            .on_click(Msg::Show(f))
    }
}

impl Component for Todo {
    type Msg = Msg;

    const STYLE: &'static str = css!(include_str!("todo.css"));

    fn mount(props: Json, _cx: &mut Cx) -> Self {
        let mut todo = Todo {
            title: props
                .get("title")
                .as_str()
                .map_or("Todo".into(), |s| s.into_owned()),
            items: Vec::new(),
            draft: String::new(),
            filter: Filter::All,
            last_id: 0,
        };
        for item in props.get("items").items() {
            match item.as_str() {
                Some(text) => todo.push(&text, false),
                None => {
                    let text = item.get("text").as_str().unwrap_or_default();
                    todo.push(&text, item.get("done").as_bool().unwrap_or(false));
                }
            }
        }
        todo
    }

    fn update(&mut self, msg: Msg, _cx: &mut Cx) {
        match msg {
            Msg::Edit(text) => self.draft = text,
            Msg::Add => {
                let draft = core::mem::take(&mut self.draft);
                self.push(&draft, false);
            }
            Msg::Cancel => self.draft.clear(),
            Msg::Toggle(id) => {
                if let Some(item) = self.items.iter_mut().find(|i| i.id == id) {
                    item.done = !item.done;
                }
            }
            Msg::Remove(id) => self.items.retain(|i| i.id != id),
            Msg::Show(f) => self.filter = f,
            Msg::ClearDone => self.items.retain(|i| !i.done),
        }
    }

    fn view(&self) -> Node<Msg> {
        let left = self.items.iter().filter(|i| !i.done).count();
        let done = self.items.len() - left;
        let shown = self.items.iter().filter(|i| match self.filter {
            Filter::All => true,
            Filter::Active => !i.done,
            Filter::Done => i.done,
        });
        let mut count = int(left as i64);
        count.push_str(if left == 1 {
            " item left"
        } else {
            " items left"
        });
        section()
            .class("todo")
            .child(h2().text(self.title.clone()))
            .child(
                form()
                    .on_submit(Msg::Add)
                    .child(
                        input()
                            .attr("placeholder", "What needs doing?")
                            .attr("aria-label", "new item")
                            .value(self.draft.clone())
                            .on_input(Msg::Edit)
                            .on_key("Escape", Msg::Cancel),
                    )
                    .child(
                        button()
                            .attr("type", "submit")
                            .flag("disabled", self.draft.trim().is_empty())
                            .text("Add"),
                    ),
            )
            .child(ul().class("items").children(shown.map(Todo::item_view)))
            .child(if self.items.is_empty() {
                p().class("empty").text("Nothing to do.")
            } else {
                footer()
                    .child(span().class("count").text(count))
                    .child(
                        nav()
                            .child(self.filter_button(Filter::All, "All"))
                            .child(self.filter_button(Filter::Active, "Active"))
                            .child(self.filter_button(Filter::Done, "Done")),
                    )
                    .child(
                        button()
                            .class("clear")
                            .flag("disabled", done == 0)
                            .text("Clear done")
                            .on_click(Msg::ClearDone),
                    )
            })
    }
}

tessera_guest::component!(Todo);

#[cfg(test)]
mod tests;
