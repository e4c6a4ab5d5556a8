// Python's requests to the map player that change more often than its data: the date Python asks
// for (`jump`: a chapter, a shared link, another page), the chapter's place (`focus`) and
// projection mode (`present`). A component of its own, so that a chapter resends these few bytes
// and not the table: Streamlit sends an element again only when its data changes. The player
// (player.js) reads them from here, now and whenever they change.

const CONTROL = Symbol.for("liberation.player.control");
const CONTROL_EVENT = "liberation-player-control";

export default function mountControl({ data }) {
  if (!data) return;
  globalThis[CONTROL] = data;
  document.dispatchEvent(new CustomEvent(CONTROL_EVENT));
}
