"""`Modal`: a screen over another, which shows through its tinted backdrop, drawn and tinted only when it changed."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Self, TypeVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual._styles_cache import StylesCache  # no public name: see `Modal.on_unmount`
from textual.color import Color
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

ResultType = TypeVar("ResultType")

# Lines of the screens beneath as tinted, by the line and the tint, shared by every dialog: each opens over the
# same dashboard. The newest are kept, a few screens' worth (24 lines each at 80×24): every line kept is objects
# the collector walks on each of its full passes.
TintKey = tuple[tuple[Segment, ...], Color, RichStyle]
MOST_LINES_KEPT = 120


class TintedLines:
    """The tinted lines drawn lately, the oldest let go first."""

    def __init__(self) -> None:
        self.lines: OrderedDict[TintKey, Strip] = OrderedDict()

    def tinted(self, line: Strip, color: Color, style: RichStyle) -> Strip:
        """`line` tinted as Textual tints a screen beneath a dialog, then with the dialog's own style laid over
        it as `Widget.post_render` lays it."""
        key = (tuple(line), color, style)
        tinted = self.lines.get(key)
        if tinted is not None:
            self.lines.move_to_end(key)
            return tinted
        segments = list(BackgroundScreen.process_segments(line, color))
        if style:
            segments = [Segment(text, style + segment_style, None) for text, segment_style, _ in segments]
        tinted = self.lines[key] = Strip(segments)
        if len(self.lines) > MOST_LINES_KEPT:
            self.lines.popitem(last=False)
        return tinted


TINTED = TintedLines()


class Backdrop(Visual):
    """The screen beneath a dialog, as Textual draws it there: each of its lines tinted.

    Textual drew the screen beneath again and tinted every cell of it on each frame of the dialog, three
    or more as it opened: most of what opening a small one cost. Here its lines are drawn again only after
    it changed (`Modal.refresh`), and tinted again only when they differ.
    """

    def __init__(self, tinted_lines: Callable[[RichStyle], list[Strip]], height: int) -> None:
        self.tinted_lines = tinted_lines
        self.height = height

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.tinted_lines(style.rich_style)[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.height


if TYPE_CHECKING:
    ScreenBase = Screen[Any]
else:  # not a screen itself: Textual inherits CSS along the first of a class's bases that is one (`_css_bases`)
    ScreenBase = object


class KeepsItsLayout(ScreenBase):
    """Put first among a screen's bases: the screen is laid out again only when told a size it has not been laid
    out at.

    Textual tells a screen its size again once its first layout gave it one (its Resize, as for any widget
    whose size changed), and tells every screen beneath a dialog the dialog's size: each was laid out again,
    all of it, at the size it had. Opening a dialog the first time, that was a sixth of Progress, and the
    dashboard beneath redrawn. A terminal resized is another size, and lays them out again.
    """

    def _screen_resized(self, size: Size) -> None:
        if size != self._compositor.size:
            super()._screen_resized(size)


class Modal(KeepsItsLayout, ModalScreen[ResultType]):
    """A screen over the dashboard or over a list, which shows through dimmed, as Textual shows it: the screen
    beneath drawn again only when it changed (`Backdrop`), and the screen styled once as it is first shown."""

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.shown_before = False
        self.drawn_beneath: tuple[Screen[object], Size, list[Strip]] | None = None
        self.beneath_changed = False  # the screen beneath said parts of it changed since it was drawn
        self.tinted_beneath: tuple[list[Strip], Color, RichStyle, list[Strip]] | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.ScreenResume):
            if self.shown_before:
                self.beneath_changed = True  # shown again (a kept screen): what is beneath may have changed meanwhile
            else:
                # Shown for the first time, just built: every part of it was styled as it was added. Textual
                # styles the whole screen once more as it is shown, a third of what opening a form cost.
                self.shown_before = True
                event.refresh_styles = False
        await super().on_event(event)

    def on_unmount(self) -> None:
        # Textual keeps the last thousand widgets' drawing caches alive in one of its caches (keyed by each
        # widget's cache of lines): every dialog closed left its lines behind, and the collector's passes
        # grew with them until they took 75 ms. Emptied as a dialog closes, only the live ones fill it again.
        StylesCache.get_inner_outer.cache_clear()
        self.drawn_beneath = self.tinted_beneath = None

    def render(self) -> object:  # type: ignore[override]
        drawn = super().render()
        if isinstance(drawn, BackgroundScreen) and drawn.screen.size == self.size:
            beneath = drawn.screen
            return Backdrop(partial(self.tinted_lines, beneath, drawn.color), beneath.size.height)
        return drawn

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if regions:  # only the screen beneath asks so: the parts of it that changed (`Screen._compositor_refresh`)
            self.beneath_changed = True
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def lines_beneath(self, beneath: Screen[object]) -> list[Strip]:
        """The screen beneath as it is now, drawn again only when it may have changed (or is another, or
        resized); the lines drawn before when it had not after all (Textual asks a screen beneath a dialog just
        opened to be drawn again, as it was), so they need no tinting again."""
        size, drawn = beneath.size, self.drawn_beneath
        if drawn is None or drawn[:2] != (beneath, size) or self.beneath_changed:
            self.beneath_changed = False
            lines = beneath._compositor.render_strips()
            if drawn is None or drawn[:2] != (beneath, size) or lines != drawn[2]:
                self.drawn_beneath = drawn = (beneath, size, lines)
        return drawn[2]

    def tinted_lines(self, beneath: Screen[object], color: Color, style: RichStyle) -> list[Strip]:
        """The lines of the screen beneath as the dialog shows them, tinted again only when they changed."""
        lines, kept = self.lines_beneath(beneath), self.tinted_beneath
        if kept is None or kept[0] is not lines or (kept[1], kept[2]) != (color, style):
            kept = self.tinted_beneath = (lines, color, style, [TINTED.tinted(line, color, style) for line in lines])
        return kept[3]
