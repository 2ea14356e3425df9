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
    /// cell of the coverage overview.
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
    /// Compare: each outlet's account of the event of the current paragraph.
    Compare,
    /// In comparison: the previous event.
    PrevEvent,
    /// In comparison: the next event.
    NextEvent,
    /// The coverage overview: events × outlets.
    Coverage,
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
