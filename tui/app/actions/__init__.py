"""The dashboard's commands, one mixin per area of the search; `NextYesApp` is made of them.

Each command is declared once in `tui.app.commands`, which binds its key to the `action_<name>` here.
The forms are imported when first opened, not with these modules: the first frame does not wait for them.
"""
