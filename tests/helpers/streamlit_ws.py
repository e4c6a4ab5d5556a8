"""A browser tab without a browser: Streamlit's own websocket protocol, spoken from Python.

Used by the load benchmark (many sessions at once) and by the tests of the installed package and
of the nginx deployment. It sends what Streamlit's frontend sends (a `BackMsg` asking for a rerun
with the page, the query string and the widgets' values) and reads what the frontend reads
(`ForwardMsg`: the new session, the elements, the end of the run). A widget is found by the key the
app gives it (`widget.date`, …): Streamlit's element ids end with the user's key.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

SUCCESS = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def date_micros(day: dt.date) -> float:
    """A date slider's value on the wire: microseconds since the epoch, at midnight UTC."""
    return (dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc) - EPOCH).total_seconds() * 1e6


@dataclass
class Run:
    """What one rerun drew, and how long it took from request to script finished."""

    seconds: float
    status: int | None
    widgets: dict[str, object] = field(default_factory=dict)  # element id -> element proto
    fragment_of: dict[str, str] = field(default_factory=dict)  # element id -> fragment id
    texts: list[str] = field(default_factory=list)  # headings, markdown, captions, code
    exceptions: list[str] = field(default_factory=list)
    media_urls: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in SUCCESS and not self.exceptions

    def widget(self, key: str) -> tuple[str, object]:
        """The element id and proto of the widget the app keyed `key`."""
        matches = [(wid, element) for wid, element in self.widgets.items() if wid.endswith(f"-{key}")]
        if not matches:
            raise KeyError(f"no widget keyed {key!r} in this run")
        return matches[0]


class Session:
    """One tab: a websocket to /_stcore/stream, reruns sent and awaited one at a time."""

    def __init__(self, base_url: str, cookie: str | None = None, timeout: float = 120):
        self.base_url = base_url.rstrip("/")
        self.cookie = cookie
        self.timeout = timeout
        self.pages: dict[str, str] = {}  # url path ("", "charts", …) -> page script hash
        self.page_hash = ""
        self.query = ""
        self.session_id = ""
        self._socket = None
        self._widget_states: dict[str, WidgetState] = {}

    async def __aenter__(self) -> Session:
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        headers = {"Origin": f"{parts.scheme}://{parts.netloc}"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        self._socket = await connect(f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream",
                                     subprotocols=["streamlit"], additional_headers=headers,
                                     max_size=None, open_timeout=self.timeout)
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self._socket.close()

    async def open(self, path: str = "", query: str = "") -> Run:
        """Load a page as the browser does on a fresh tab: page by its URL path, the link's query."""
        self.query = query
        return await self._rerun(page_name=path)

    async def switch_page(self, path: str) -> Run:
        return await self._rerun(page_hash=self.pages[path])

    async def set_widget(self, run: Run, key: str, **value) -> Run:
        """Change one widget (e.g. `double_array_value=[...]`), as a person's input does."""
        widget_id, _ = run.widget(key)
        state = WidgetState(id=widget_id)
        for name, given in value.items():
            target = getattr(state, name)
            if hasattr(target, "data"):  # repeated values travel in an array message
                target.data.extend(given)
            else:
                setattr(state, name, given)
        self._widget_states[widget_id] = state
        return await self._rerun(page_hash=self.page_hash, fragment_id=run.fragment_of.get(widget_id, ""))

    async def _rerun(self, page_hash: str = "", page_name: str = "", fragment_id: str = "") -> Run:
        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query
        state.page_script_hash = page_hash
        state.page_name = page_name
        state.fragment_id = fragment_id
        state.context_info.url = f"{self.base_url}/{page_name}"
        state.context_info.locale = "fr-FR"
        state.widget_states.widgets.extend(self._widget_states.values())
        started = time.perf_counter()
        await self._socket.send(back.SerializeToString())
        try:
            return await asyncio.wait_for(self._until_finished(started), self.timeout)
        finally:
            # A trigger (a button press) counts once, as in the browser.
            self._widget_states = {wid: s for wid, s in self._widget_states.items()
                                   if s.WhichOneof("value") not in ("trigger_value", "json_trigger_value")}

    async def _until_finished(self, started: float) -> Run:
        run = Run(0.0, None)
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self._socket.recv())
            kind = message.WhichOneof("type")
            if kind == "new_session":
                self._read_new_session(message.new_session)
                run = Run(0.0, None)  # a new run began: what came before was the previous one
            elif kind == "delta":
                self._read_delta(message, run)
            elif kind == "navigation":
                self._read_pages(message.navigation.app_pages)
                self.page_hash = message.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = message.page_info_changed.query_string
            elif kind == "script_finished":
                if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # st.rerun(): the same request goes on in a new run
                run.status = message.script_finished
                run.seconds = time.perf_counter() - started
                if run.status == ForwardMsg.FINISHED_SUCCESSFULLY:
                    # As the frontend does: a widget the page no longer draws loses its state.
                    self._widget_states = {wid: s for wid, s in self._widget_states.items() if wid in run.widgets}
                return run

    def _read_new_session(self, new_session) -> None:
        self.session_id = new_session.initialize.session_id
        self.page_hash = new_session.page_script_hash
        self._read_pages(new_session.app_pages)

    def _read_pages(self, app_pages) -> None:
        for page in app_pages:
            self.pages[page.url_pathname] = page.page_script_hash
            if page.is_default:
                self.pages[""] = page.page_script_hash

    @staticmethod
    def _read_delta(message, run: Run) -> None:
        delta = message.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        inner = getattr(element, kind)
        widget_id = getattr(inner, "id", "") if hasattr(inner, "id") else ""
        if widget_id:
            run.widgets[widget_id] = inner
            if delta.fragment_id:
                run.fragment_of[widget_id] = delta.fragment_id
        if kind == "exception":
            run.exceptions.append(f"{inner.type}: {inner.message}")
        elif kind in ("heading", "markdown", "code"):
            run.texts.append(inner.body if kind != "code" else inner.code_text)
        elif kind == "imgs":
            run.media_urls += [image.url for image in inner.imgs]
        elif kind == "download_button" and inner.url:
            run.media_urls.append(inner.url)
