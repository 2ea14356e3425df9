//! What a user can ask for, whatever key or mouse gesture asked it.

/// Everything the interface can do; `App::update` carries each out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave readout (state is saved).
    Quit,
    /// Move focus to the next pane.
    FocusNext,
    /// Move focus to the previous pane.
    FocusPrev,
    /// Focus the pane on the left (the list; in comparison, show earlier outlets).
    Left,
    /// Focus the pane on the right (the reader; in comparison, show later outlets).
    Right,
    /// Open the selection: an article in the reader, a passage from the comparison, a
    /// cell of the coverage overview; in the filter menu, keep the filter.
    Open,
    /// Go back: close an overlay, leave a screen, return to the list.
    Back,
    /// One line (or item) down.
    Down,
    /// One line (or item) up.
    Up,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// To the top.
    Top,
    /// To the end.
    Bottom,
    /// Start typing a search of the open article.
    Search,
    /// Jump to the next search match.
    NextMatch,
    /// Jump to the previous search match.
    PrevMatch,
    /// Show or hide the key help.
    Help,
    /// Show the reader full width (for narrow terminals), or the panes again.
    Zoom,
    /// Show why files were skipped.
    Problems,
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Select the next unread article in the list (wrapping round).
    NextUnread,
    /// Mark every article in the list read.
    MarkAllRead,
    /// Open the filter menu: narrow the list by outlet, country, kind, dates, read state.
    Filter,
    /// Show every article again: no filter.
    ClearFilter,
    /// Sort the list by the next order: date, outlet, title.
    Sort,
    /// Compare: each outlet's account of the event of the current paragraph.
    Compare,
    /// In comparison: the previous event.
    PrevEvent,
    /// In comparison: the next event.
    NextEvent,
    /// The coverage overview: events × outlets.
    Coverage,
    /// Copy the focused passage, with a citation line, to the clipboard (OSC 52).
    Copy,
    /// Copy the current article's URL to the clipboard (OSC 52).
    CopyUrl,
    /// Why the focused passage sits under its events: each event's confidence and
    /// reasons, and the likeliest event it was left out of.
    Why,
    /// Scroll down by a few lines (mouse wheel).
    ScrollDown,
    /// Scroll up by a few lines (mouse wheel).
    ScrollUp,
    /// In the search line: type this character.
    SearchType(char),
    /// In the search line: delete the last character.
    SearchErase,
    /// In the search line: search for what was typed.
    SearchAccept,
    /// In the search line: abandon the search.
    SearchCancel,
    /// The mouse wheel turned down over this cell (column, row): scroll what is there.
    WheelDown(u16, u16),
    /// The mouse wheel turned up over this cell (column, row): scroll what is there.
    WheelUp(u16, u16),
    /// A click on this cell (column, row): select what is there.
    Click(u16, u16),
}

impl Action {
    /// The action a configuration file names (`page_down`, `copy`), if any: the names of
    /// [`crate::config::ACTIONS`].
    pub fn named(name: &str) -> Option<Action> {
        Some(match name {
            "quit" => Action::Quit,
            "focus_next" => Action::FocusNext,
            "focus_prev" => Action::FocusPrev,
            "left" => Action::Left,
            "right" => Action::Right,
            "open" => Action::Open,
            "back" => Action::Back,
            "down" => Action::Down,
            "up" => Action::Up,
            "page_down" => Action::PageDown,
            "page_up" => Action::PageUp,
            "half_page_down" => Action::HalfPageDown,
            "half_page_up" => Action::HalfPageUp,
            "top" => Action::Top,
            "bottom" => Action::Bottom,
            "search" => Action::Search,
            "next_match" => Action::NextMatch,
            "prev_match" => Action::PrevMatch,
            "help" => Action::Help,
            "zoom" => Action::Zoom,
            "problems" => Action::Problems,
            "toggle_read" => Action::ToggleRead,
            "next_unread" => Action::NextUnread,
            "mark_all_read" => Action::MarkAllRead,
            "filter" => Action::Filter,
            "clear_filter" => Action::ClearFilter,
            "sort" => Action::Sort,
            "compare" => Action::Compare,
            "prev_event" => Action::PrevEvent,
            "next_event" => Action::NextEvent,
            "coverage" => Action::Coverage,
            "copy" => Action::Copy,
            "copy_url" => Action::CopyUrl,
            "why" => Action::Why,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_a_configuration_can_name_exists() {
        for name in crate::config::ACTIONS {
            assert!(Action::named(name).is_some(), "{name} names no action");
        }
        assert_eq!(Action::named("scroll_down"), None);
    }
}
