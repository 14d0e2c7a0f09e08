"""One browser-like session of the app over Streamlit's own websocket protocol, as its frontend speaks it.

The frontend's part that matters to the server is small: it opens `/_stcore/stream`, sends a `rerun_script` BackMsg
with the page, the query string and the widget values a user changed, draws the ForwardMsgs that come back until
`script_finished`, and re-sends a fragment's rerun on a timer for each `auto_rerun` it was told of (cleared by
`stop_auto_rerun` and by every full run). This class does the same, without drawing: an interaction's latency is from
the BackMsg sent to the run's `script_finished` received, which is what a browser waits for before it can paint.
A browser's page load, its scripts and its paint are left out, so the server is what gets measured.
"""

import asyncio
import http.cookiejar
import re
import time
import urllib.parse
import urllib.request

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)


class Timeout(Exception):
    """No run finished within the session's timeout."""


async def _cookies(base_url: str) -> str:
    """GET the app's page the way a browser first does, and return the cookies it set (a load balancer's sticky
    cookie), as a Cookie header."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    await asyncio.to_thread(lambda: opener.open(base_url + "/", timeout=30).read())
    return "; ".join(f"{c.name}={c.value}" for c in jar)


class AppSession:
    """A session of the app at `base_url`: open it, load a page, change widgets, follow auto-reruns, close it."""

    def __init__(self, base_url: str, timeout: float):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.widgets: dict[str, tuple[str, object]] = {}  # widget id -> (element kind, its proto), from the last runs
        self.exceptions: list[str] = []  # exception messages drawn on the page
        self.progress_text = ""  # the last st.progress text (the Training lab's "step k of n")
        self.fragment_timers: dict[str, tuple[float, asyncio.Task]] = {}
        self.running = False  # whether the server says a run of this session is going on
        self._finished_full_runs = 0
        self._finished = asyncio.Condition()
        self._page_hash = ""
        self._query = ""
        self._ws = None
        self._reader = None

    async def open(self) -> None:
        """Connect the websocket (with any cookie the app's page set), and start reading what the server sends."""
        parts = urllib.parse.urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        cookie = await _cookies(self.base_url)
        self._ws = await websockets.connect(
            f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream", subprotocols=["streamlit"],
            origin=f"{parts.scheme}://{parts.netloc}", additional_headers={"Cookie": cookie} if cookie else None,
            max_size=None, proxy=None, open_timeout=self.timeout,
        )
        self._reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        """Stop the timers, let a run under way finish, and close the websocket. (Closing while the server is still
        sending makes Streamlit 1.67 on Starlette 1.10 log an "Exception in ASGI application" traceback: its handler
        takes Starlette's WebSocketDisconnected, a RuntimeError, for a text frame and closes the socket again.)"""
        self._stop_timers(list(self.fragment_timers))
        deadline = time.perf_counter() + self.timeout
        while self.running and time.perf_counter() < deadline:
            await asyncio.sleep(0.1)
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()

    async def load(self, page: str, query: str = "") -> float:
        """Open `page` (its URL path, "" for the home page) with `query`; the seconds until its run finished."""
        return await self._run(page_name=page, query=query)

    async def change(self, state: WidgetState) -> float:
        """Send one changed widget value (or a button press) and wait for the full run it starts to finish."""
        return await self._run(widget=state)

    def widget(self, suffix: str) -> tuple[str, object] | None:
        """The widget whose id ends with `-<suffix>` (its user key), or None when the page has none."""
        return next((w for wid, w in self.widgets.items() if wid.endswith(f"-{suffix}")), None)

    def widget_id(self, suffix: str) -> str | None:
        """The id of the widget whose user key is `suffix`, or None."""
        return next((wid for wid in self.widgets if wid.endswith(f"-{suffix}")), None)

    def step_count(self) -> int | None:
        """The step the Training lab's progress bar shows, or None before it was drawn."""
        found = re.search(r"(\d+)", self.progress_text)
        return int(found.group(1)) if found else None

    async def _run(self, page_name: str | None = None, query: str | None = None, widget: WidgetState | None = None) -> float:
        done_before = self._finished_full_runs
        start = time.perf_counter()
        await self._send(page_name=page_name, query=query, widget=widget)
        try:
            async with self._finished:
                await asyncio.wait_for(self._finished.wait_for(lambda: self._finished_full_runs > done_before), self.timeout)
        except TimeoutError:
            raise Timeout from None
        return time.perf_counter() - start

    async def _send(self, page_name=None, query=None, widget=None, fragment_id: str = "") -> None:
        msg = BackMsg()
        rerun = msg.rerun_script
        rerun.query_string = self._query if query is None else query
        rerun.page_script_hash = "" if page_name is not None else self._page_hash
        rerun.page_name = page_name or ""
        rerun.widget_states.SetInParent()
        if widget is not None:
            rerun.widget_states.widgets.append(widget)
        if fragment_id:
            rerun.fragment_id = fragment_id
            rerun.is_auto_rerun = True
        await self._ws.send(msg.SerializeToString())

    async def _read(self) -> None:
        collecting: dict[str, tuple[str, object]] = {}
        async for raw in self._ws:
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            fragment_run = bool(msg.metadata.run.fragment_ids)
            if kind == "new_session":
                if not fragment_run:  # a full run: the frontend clears every fragment timer
                    self._stop_timers(list(self.fragment_timers))
                    collecting = {}
            elif kind == "navigation":  # names the page this session is on, as the frontend keeps it
                self._page_hash = msg.navigation.page_script_hash
            elif kind == "session_status_changed":
                self.running = msg.session_status_changed.script_is_running
            elif kind == "page_info_changed":
                self._query = msg.page_info_changed.query_string
            elif kind == "auto_rerun":
                self._start_timer(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
            elif kind == "stop_auto_rerun":
                self._stop_timers(list(msg.stop_auto_rerun.fragment_ids))
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._element(msg.delta.new_element, self.widgets if fragment_run else collecting)
            elif kind == "delta" and msg.delta.WhichOneof("type") == "add_block":
                block = msg.delta.add_block
                if block.WhichOneof("type") == "popover" and block.popover.id:  # a popover that reruns when opened
                    (self.widgets if fragment_run else collecting)[block.popover.id] = ("popover", block.popover)
            elif kind == "script_finished" and msg.script_finished in FINISHED and not fragment_run:
                self.widgets = collecting
                collecting = {}
                async with self._finished:
                    self._finished_full_runs += 1
                    self._finished.notify_all()

    def _element(self, element, widgets: dict) -> None:
        kind = element.WhichOneof("type")
        proto = getattr(element, kind)
        if kind == "exception":
            self.exceptions.append(f"{proto.type}: {proto.message}"[:300])
        elif kind == "progress":
            self.progress_text = proto.text
        elif getattr(proto, "id", ""):
            widgets[proto.id] = (kind, proto)

    def _start_timer(self, fragment_id: str, interval: float) -> None:
        held = self.fragment_timers.get(fragment_id)
        if held and held[0] == interval:
            return
        self._stop_timers([fragment_id])
        self.fragment_timers[fragment_id] = (interval, asyncio.create_task(self._tick(fragment_id, interval)))

    def _stop_timers(self, fragment_ids: list[str]) -> None:
        for fragment_id in fragment_ids:
            held = self.fragment_timers.pop(fragment_id, None)
            if held:
                held[1].cancel()

    async def _tick(self, fragment_id: str, interval: float) -> None:
        """The frontend's setInterval: rerun the fragment every `interval` seconds, whether or not the last is done."""
        while True:
            await asyncio.sleep(interval)
            await self._send(fragment_id=fragment_id)
