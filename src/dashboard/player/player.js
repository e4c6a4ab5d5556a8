// The map player: plays the Liberation in the browser, with no server work per frame.
// Python (player.py) sends the pydeck layers and the data once; every frame here changes layer
// props only (filter ranges, which are GPU uniforms), never data. The date goes back to Python
// on pause and on release of the range; Python moves the player with a new `jump.seq`, sent
// apart from the data (control.js), so that moving the date does not send the table again.

const VENDOR_SCRIPTS = [
  "app/static/vendor/pydeck-deckgl/index.js",
  "app/static/vendor/deck.gl-extensions-9.3.6/dist.min.js",
];
const DEPARTMENTS_URL = "app/static/departements.geojson";
// The component module runs from a blob: URL; keep shared things on globalThis under symbols.
const LIBRARY = Symbol.for("liberation.player.library");
const PLAYERS = Symbol.for("liberation.player.instances");
const MEMORY = Symbol.for("liberation.player.memory");
// Python's requests apart from the data, from control.js (same names there).
const CONTROL = Symbol.for("liberation.player.control");
const CONTROL_EVENT = "liberation-player-control";
// Globals the bundles set or check; set aside while ours evaluate (see loadLibrary).
const SHARED_GLOBALS = ["deck", "luma", "loaders", "_loadersgl_", "mathgl"];
const DAY_MS = 86400000;
const FAR = 1000000;  // a filter bound meaning "no bound" (same as player.py NO_BOUND)
const MAX_FRAME_SECONDS = 1;  // after a background tab, resume instead of leaping ahead
// France with Corsica: [west, south], [east, north], in degrees.
const FRANCE_BOUNDS = [[-5.2, 41.3], [9.6, 51.1]];
const FIT_MARGIN_PX = 8;
const MIN_FITTED_HEIGHT_PX = 120;  // below this, the map keeps its declared view
const COMMIT_DELAY_MS = 350;  // steps in a row (a key held down) send one date, not many
const ANNOUNCE_PLAYING_MS = 2000;  // screen readers cannot follow 60 announcements a second
const ANNOUNCE_PAUSED_MS = 250;
const ANNOUNCED_EVENTS = 3;
const PNG_LEGEND_HEIGHT = 84;
// WebGL renderers that draw on the CPU (Chromium's SwiftShader, Mesa's llvmpipe): what a laptop
// without a usable GPU, or a locked-down school image, gets.
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software/i;
// Without multisampling a line thinner than a pixel breaks into dots: the borders get a pixel.
const UNSMOOTHED_BORDER_MIN_PX = 1;

// ---------------------------------------------------------------------------------------------
// Loading deck.gl (once per page)

function loadScript(path) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    // Relative to the page, not to this module's blob: URL.
    script.src = new URL(path, document.baseURI).href;
    script.async = false;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`cannot load ${path}`));
    document.head.appendChild(script);
  });
}

async function loadDeck() {
  // Streamlit's own st.pydeck_chart bundles deck.gl/luma.gl 9.4; both libraries throw "multiple
  // versions detected" when they find another version's globals. So ours (pydeck's 9.3) evaluate
  // with those globals set aside, and the page gets its own back afterwards.
  const saved = SHARED_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]);
  for (const name of SHARED_GLOBALS) delete globalThis[name];
  try {
    await loadScript(VENDOR_SCRIPTS[0]);
    const core = globalThis.deck;
    const Model = globalThis.luma && globalThis.luma.Model;  // the bundle's luma.gl, for point_sprites.js
    await loadScript(VENDOR_SCRIPTS[1]);
    // The extensions' UMD file replaces globalThis.deck with its own exports: merge them back.
    const library = { ...core, ...globalThis.deck };
    if (!library.Deck || !library.JSONConverter || !library.DataFilterExtension) throw new Error("deck.gl is incomplete");
    library.PointSpriteLayer = pointSpriteLayerClass(library, Model);
    return library;
  } finally {
    for (const name of SHARED_GLOBALS) delete globalThis[name];
    for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(globalThis, name, descriptor);
  }
}

async function loadDepartments() {
  const response = await fetch(new URL(DEPARTMENTS_URL, document.baseURI).href);
  if (!response.ok) throw new Error(`cannot load ${DEPARTMENTS_URL}`);
  return response.json();
}

// The canvas' WebGL options. The drawing buffer is not kept after a frame is shown (the PNG is
// read in the same task as the draw, see afterRender): keeping it costs a copy per frame. Under
// software GL, multisampling shades and resolves every pixel again and halved the rate at which
// the points redraw (benchmarks/bench_player.py); the points smooth their own edges in their
// shader, and the départements' borders are drawn a pixel wide instead (unsmoothed). A GPU keeps it.
function webglOptions() {
  let renderer = "";
  try {
    const gl = document.createElement("canvas").getContext("webgl2");
    const info = gl && gl.getExtension("WEBGL_debug_renderer_info");
    renderer = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : "";
    const lose = gl && gl.getExtension("WEBGL_lose_context");
    if (lose) lose.loseContext();  // browsers allow only a few live contexts
  } catch (error) {
    renderer = "";
  }
  return { antialias: !SOFTWARE_GL.test(renderer), renderer };
}

function unsmoothed(layer) {
  return layer.id === "departements-borders" ? layer.clone({ lineWidthMinPixels: UNSMOOTHED_BORDER_MIN_PX }) : layer;
}

function library() {
  if (!globalThis[LIBRARY]) {
    globalThis[LIBRARY] = Promise.all([loadDeck(), loadDepartments()]).then(([deck, departments]) => ({ deck, departments }));
    globalThis[LIBRARY].catch(() => { globalThis[LIBRARY] = null; });  // let a later mount try again
  }
  return globalThis[LIBRARY];
}

// ---------------------------------------------------------------------------------------------
// Dates: day numbers counted from the table's first day

function utcOf(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function dateOf(payload, day) {
  return new Date(utcOf(payload.first) + day * DAY_MS);
}

function isoOf(payload, day) {
  return dateOf(payload, day).toISOString().slice(0, 10);
}

function dayOf(payload, iso) {
  return Math.round((utcOf(iso) - utcOf(payload.first)) / DAY_MS);
}

// As i18n.format_date: "1er septembre 1944", "25 August 1944".
function formatDay(payload, day) {
  const date = dateOf(payload, day);
  const d = date.getUTCDate();
  const number = payload.lang === "fr" && d === 1 ? "1er" : String(d);
  return `${number} ${payload.labels.months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

// As i18n.format_date_range.
function formatRange(payload, start, end) {
  if (end === start) return formatDay(payload, start);
  return payload.lang === "fr" ? `du ${formatDay(payload, start)} au ${formatDay(payload, end)}`
    : `${formatDay(payload, start)} – ${formatDay(payload, end)}`;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

// Index of the first element of a sorted array greater than `value`.
function upperBound(sorted, value) {
  let low = 0, high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= value) low = mid + 1; else high = mid;
  }
  return low;
}

function lowerBound(sorted, value) {
  let low = 0, high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1; else high = mid;
  }
  return low;
}

// As timeline.Timeline.step, on day numbers.
function stepDay(payload, day, action) {
  const last = dayOf(payload, payload.last);
  const events = payload.event_days;
  const moves = {
    start: () => 0,
    end: () => last,
    previous_event: () => { const i = lowerBound(events, day); return i > 0 ? events[i - 1] : 0; },
    next_event: () => { const i = upperBound(events, day); return i < events.length ? events[i] : last; },
    minus_day: () => day - 1,
    plus_day: () => day + 1,
    minus_week: () => day - 7,
    plus_week: () => day + 7,
  };
  return Math.min(Math.max(moves[action](), 0), last);
}

// ---------------------------------------------------------------------------------------------
// Data for deck.gl, built once per payload

function rgba(hex, alpha) {
  const value = hex.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16)).concat([alpha]);
}

// The payload's packed columns (points.py pack): value = (base + raw) / scale, raw being an
// unsigned little-endian array sent as base64. Whole numbers come back as an Int32Array.
const PACKED_ARRAYS = { uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array };

function unpack(packed) {
  const binary = atob(packed.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const raw = new PACKED_ARRAYS[packed.type](bytes.buffer);
  const values = packed.scale === 1 ? new Int32Array(raw.length) : new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) values[i] = (packed.base + raw[i]) / packed.scale;
  return values;
}

const POINT_COLUMNS = ["lon", "lat", "start", "duration", "force", "massacre", "title", "place", "actors", "source", "retaken"];

// The points, decoded once per payload: typed columns (the tooltip reads a point's texts by its
// index), and deck.gl's binary attributes built from them in one pass, with no object per point.
// The rows of `columns` in order of their start day (stable), every column alike: the event
// layers then draw only the first points, those begun by the shown day (see frameProps). Software
// GL (SwiftShader) pays for every instance a layer draws, filtered out or not.
function byStart(columns, count) {
  const start = columns.start;
  let sorted = true;
  for (let i = 1; i < count && sorted; i += 1) sorted = start[i - 1] <= start[i];
  if (sorted) return columns;
  const order = Int32Array.from(start.keys()).sort((a, b) => start[a] - start[b] || a - b);
  return Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values.map((_, i) => values[order[i]])]));
}

function decodePoints(payload) {
  const count = payload.points.count;
  const columns = byStart(Object.fromEntries(POINT_COLUMNS.map((name) => [name, unpack(payload.points[name])])), count);
  const end = new Int32Array(count);
  const positions = new Float32Array(2 * count);
  const starts = new Float32Array(count);
  const spans = new Float32Array(2 * count);
  const fillColors = new Uint8Array(4 * count);
  const lineColors = new Uint8Array(4 * count);
  const lineWidths = new Float32Array(count);
  const forceColors = payload.legend.forces.map((hex) => rgba(hex, 230));
  const ring = rgba(payload.legend.massacre, 255);
  const white = [255, 255, 255, 255];
  for (let i = 0; i < count; i += 1) {
    end[i] = columns.start[i] + columns.duration[i];
    positions[2 * i] = columns.lon[i];
    positions[2 * i + 1] = columns.lat[i];
    starts[i] = columns.start[i];
    spans[2 * i] = columns.start[i];
    spans[2 * i + 1] = end[i];
    const massacre = columns.massacre[i] === 1;
    fillColors.set(forceColors[columns.force[i]], 4 * i);
    lineColors.set(massacre ? ring : white, 4 * i);
    lineWidths[i] = massacre ? 3 : 1;
  }
  const attributes = {
    getPosition: { value: positions, size: 2 },
    getFillColor: { value: fillColors, size: 4, normalized: true },
    getLineColor: { value: lineColors, size: 4, normalized: true },
    getLineWidth: { value: lineWidths, size: 1 },
  };
  return {
    ...columns, end, count, texts: payload.points.texts, starts,
    // One data object per layer: each filters on its own value ([start], or [start, end]).
    layerData: {
      events: { length: count, attributes: { ...attributes, getFilterValue: { value: starts, size: 1 } } },
      "events-current": { length: count, attributes: { ...attributes, getFilterValue: { value: spans, size: 2 } } },
    },
  };
}

// One copy of a département's outline per segment of who held it (player.py department_segments):
// the layers then filter segments on the GPU, and the served outlines never change.
function segmentFeatures(collection, segments, kind) {
  const byPosition = new Map(collection.features.map((feature) => [feature.properties.i, feature]));
  const features = [];
  for (let k = 0; k < segments.kind.length; k += 1) {
    if (segments.kind[k] !== kind) continue;
    const feature = byPosition.get(segments.feature[k]);
    if (!feature) continue;
    features.push({
      type: "Feature", geometry: feature.geometry,
      properties: { i: segments.feature[k], start: segments.start[k], end: segments.end[k], freed_on: segments.freed_on[k] },
    });
  }
  return { type: "FeatureCollection", features };
}

// The pockets as areas, held from `start` (formed) to the day before `end` (surrendered).
function pocketRows(payload) {
  return payload.pockets.map((pocket) => ({
    polygon: pocket.polygon, start: pocket.from, end: pocket.to, name: pocket.name, dates: pocket.dates,
  }));
}

function convertDeck(lib, payload, departments, points) {
  const segments = payload.segments;
  const constants = {
    POINTS: points.layerData.events, DEPARTMENTS: departments, POCKETS: pocketRows(payload), DISPUTED: payload.disputed,
    FREED: segmentFeatures(departments, segments, "freed"),
    RETAKEN: segmentFeatures(departments, segments, "retaken"),
    PARTIAL: segmentFeatures(departments, segments, "partial"),
  };
  const classes = {};
  for (const [name, value] of Object.entries(lib)) {
    if (typeof value === "function" && /(Layer|View|Extension)$/.test(name)) classes[name] = value;
  }
  const configuration = new lib.JSONConfiguration({ classes, constants });
  const converter = new lib.JSONConverter({ configuration });
  const props = converter.convert(payload.deck);
  // Both point layers are declared on @@#POINTS; each gets the attributes of its own filter.
  props.layers = props.layers.map((layer) => (layer.id in points.layerData ? layer.clone({ data: points.layerData[layer.id] }) : layer));
  return props;
}

// The props a frame changes, per layer: filter ranges only (uniforms on the GPU), never data.
// Liberation days and event days are whole numbers; `t` is fractional while playing.
function frameProps(layerId, t, playing, windowStart, freshDays, begun) {
  const day = Math.floor(t);
  // Département segments filter on [start, end, freed_on]: under way on the shown day means
  // start <= day < end (whole days, so "end > day" is "end >= day + 0.5").
  const now = [[-FAR, day], [day + 0.5, FAR]];
  switch (layerId) {
    case "departements-retaken":
    case "departements-partial":
      return { filterRange: [...now, [-FAR, FAR]] };
    case "pockets":
      return { filterRange: now };
    case "disputed":  // from the day the table says the département was freed
      return { filterRange: [-FAR, day] };
    case "departements-liberated":
      return { filterRange: [...now, [-FAR, day - freshDays]] };
    case "departements-fresh": {
      // Freed within the last `freshDays` days. While playing, a département freed on the shown
      // day fades in over that day (the soft edge follows the fractional time, and reaches the
      // day itself as the next one begins, so nothing jumps); paused, it is simply shown.
      const freed = playing ? [day - freshDays + 1, day + 1] : [day - freshDays + 1, day + 0.5];
      const soft = playing ? [day - freshDays + 1, t - 1] : freed;
      return { filterRange: [...now, freed], filterSoftRange: [...now, soft] };
    }
    // `begun`: how many points (in start order) have begun by the shown day; the rest are not drawn.
    case "events":
      return { filterRange: [-FAR, day], numInstances: begun };
    case "events-current":
      return { filterRange: [[-FAR, day], [windowStart, FAR]], numInstances: begun };
    default:
      return null;
  }
}

const FRAMED_LAYERS = new Set(["departements-retaken", "departements-partial", "pockets", "disputed",
  "departements-liberated", "departements-fresh", "events", "events-current"]);

// What frameProps depends on, per layer: the shown day and the window, and for the fresh layer's
// fade while playing the fractional time too; null for a layer that no frame changes.
// Only a département freed on the shown day fades, so the fresh layer changes with `t` only then.
function frameKey(layerId, t, playing, windowStart, fading) {
  if (!FRAMED_LAYERS.has(layerId)) return null;
  const day = Math.floor(t);
  if (layerId === "departements-fresh") return fading ? `fading ${t}` : `${day} ${playing}`;
  return layerId === "events-current" ? `${day},${windowStart}` : `${day}`;
}

// Départements free on `day` (freed or partly occupied), as occupation.free_count.
// Départements free with no pocket held inside them ("entirely free"), and pockets still held:
// the banner never shows a silent 96 / 96 while Lorient or Dunkerque hold out.
function entirelyFreeCount(segments, day) {
  let count = 0;
  for (let k = 0; k < segments.kind.length; k += 1) {
    if (segments.kind[k] === "freed" && segments.start[k] <= day && day < segments.end[k]) count += 1;
  }
  return count;
}

function pocketsHeld(pockets, day) {
  return (pockets || []).filter((pocket) => pocket.from <= day && day < pocket.to).length;
}

function freeCount(segments, day) {
  let count = 0;
  for (let k = 0; k < segments.kind.length; k += 1) {
    if (segments.kind[k] !== "retaken" && segments.start[k] <= day && day < segments.end[k]) count += 1;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// The player

class Player {
  constructor(root) {
    this.root = root;
    this.el = {};
    this.el = { player: root };
    for (const node of root.querySelectorAll("[data-role]")) this.el[node.dataset.role] = node;
    this.stepButtons = [...root.querySelectorAll("[data-step]")];
    this.tooltipFields = Object.fromEntries([...root.querySelectorAll("[data-field]")].map((n) => [n.dataset.field, n]));
    this.payload = null;
    this.t = 0;
    this.shownDay = null;
    this.playing = false;
    this.speed = null;
    this.dragging = false;
    this.seq = null;
    this.shownFocus = null;  // the chapter's place the map shows (null: all France)
    this.declaredView = null;
    this.commitTimer = null;
    this.commits = 0;
    this.lastAnnounce = 0;
    this.announceTimer = null;
    this.stats = { frames: 0, frameMs: 0, maxFrameMs: 0, renders: 0, renderMs: 0, inputs: 0, rafCallbacks: 0, commits: 0, changedFrames: 0 };
    this.el.player.liberationPlayer = this;  // for tests and benchmarks: stats, current day
    this.bindControls();
  }

  // The shown date, for tests and benchmarks.
  get isoDate() {
    return this.payload ? isoOf(this.payload, Math.floor(this.t)) : null;
  }

  // --- Streamlit side --------------------------------------------------------------------------

  async update(payload, setStateValue) {
    this.setStateValue = setStateValue;
    if (payload === this.payload) return;
    const previous = this.payload;
    this.payload = payload;
    this.lastDay = dayOf(payload, payload.last);
    this.applyLabels(previous);
    this.t = Math.min(this.t, this.lastDay);
    this.follow(false);
    const { deck, departments } = await library();
    if (this.payload !== payload) return;  // a newer payload arrived while loading
    this.lib = deck;
    this.points = decodePoints(payload);
    const segments = payload.segments;
    this.freedDays = new Set(segments.freed_on.filter((_, k) => segments.kind[k] === "freed"));
    const props = convertDeck(deck, payload, departments, this.points);
    this.webgl = this.webgl || webglOptions();
    this.layers = this.webgl.antialias ? props.layers : props.layers.map(unsmoothed);
    this.declaredView = props.initialViewState;
    const created = !this.deck;
    if (created) this.createDeck(props);
    this.el.loading.hidden = true;
    this.draw(true);
    // Once the banner has its text (and so its size), France is fitted under it.
    if (created) this.deck.setProps({ initialViewState: this.viewFor(this.shownFocus) });
  }

  // What Python asks for apart from the data (control.js): a date (a new `jump.seq`), the place
  // of a chapter (`focus`), projection. The date moves the player; a new place flies the map.
  follow(draw = true) {
    const control = globalThis[CONTROL];
    if (!control || !this.payload) return;
    this.root.classList.toggle("lp-present", Boolean(control.present));
    if (control.jump.seq !== this.seq) {
      const memory = globalThis[MEMORY];
      const jumpDay = dayOf(this.payload, control.jump.date);
      // A new player (page change) whose last date was never overruled by Python starts where it was.
      const day = this.seq === null && memory && memory.seq === control.jump.seq ? memory.day : jumpDay;
      this.seq = control.jump.seq;
      this.pause(false);
      this.t = Math.min(Math.max(day, 0), this.lastDay);
      this.remember();
      if (draw && this.deck) this.draw(true);
    }
    const focus = JSON.stringify(control.focus);
    if (this.deck && focus !== JSON.stringify(this.shownFocus)) this.flyTo(this.viewFor(control.focus));
    this.shownFocus = control.focus;
  }

  // The map's view: a chapter's place, or all France.
  viewFor(focus) {
    const declared = this.declaredView;
    return focus ? { ...declared, latitude: focus.latitude, longitude: focus.longitude, zoom: focus.zoom } : this.franceView(declared);
  }

  createDeck(props) {
    const lib = this.lib;
    this.deck = new lib.Deck({
      parent: this.el.map,
      views: props.views,
      initialViewState: this.viewFor(this.shownFocus),
      controller: true,
      deviceProps: { webgl: { preserveDrawingBuffer: false, antialias: this.webgl.antialias } },  // see webglOptions
      layers: [],
      onHover: (info) => this.hover(info),
      onClick: (info) => this.tap(info),
      getCursor: ({ isHovering, isDragging }) => (isHovering ? "pointer" : isDragging ? "grabbing" : "grab"),
      onBeforeRender: () => { this.renderStart = performance.now(); },
      onAfterRender: ({ gl }) => this.afterRender(gl),
    });
  }

  flyTo(viewState) {
    this.deck.setProps({
      initialViewState: { ...viewState, transitionDuration: 1500, transitionInterpolator: new this.lib.FlyToInterpolator() },
    });
  }

  remember() {
    globalThis[MEMORY] = { seq: this.seq, day: Math.floor(this.t) };
  }

  // France, Corsica included, fitted into the part of the map the date banner leaves free: at
  // 1440x900 the banner covered Nord and the Dunkirk pocket. Only for the view of all France (a
  // chapter's focus is the place its author chose).
  franceView(viewState) {
    const map = this.el.map, banner = this.el.date.parentElement;
    const width = map.clientWidth, height = map.clientHeight;
    const top = banner.offsetTop + banner.offsetHeight + FIT_MARGIN_PX;
    if (!width || !height || height - top < MIN_FITTED_HEIGHT_PX || !this.lib.WebMercatorViewport) return viewState;
    const margin = FIT_MARGIN_PX;
    const fitted = new this.lib.WebMercatorViewport({ width, height })
      .fitBounds(FRANCE_BOUNDS, { padding: { top, bottom: margin, left: margin, right: margin } });
    return { ...viewState, latitude: fitted.latitude, longitude: fitted.longitude, zoom: fitted.zoom };
  }

  commit() {
    // The value changes every time (n), so that sending a date Python already had still counts.
    clearTimeout(this.commitTimer);
    this.commitTimer = null;
    this.remember();
    this.commits += 1;
    this.stats.commits += 1;
    if (this.setStateValue) this.setStateValue("date", { date: isoOf(this.payload, Math.floor(this.t)), n: this.commits });
  }

  commitSoon() {
    clearTimeout(this.commitTimer);
    this.commitTimer = setTimeout(() => this.commit(), COMMIT_DELAY_MS);
  }

  // --- Words ------------------------------------------------------------------------------------

  applyLabels(previous) {
    const { labels } = this.payload;
    this.el.map.setAttribute("aria-label", labels.map_label);
    this.el.range.setAttribute("aria-label", labels.timeline_label);
    this.el["speed-label"].textContent = labels.speed;
    this.el.save.textContent = labels.save_png;
    this.el.help.textContent = labels.keyboard_help;
    this.el["tooltip-close"].setAttribute("aria-label", labels.tooltip_close);
    for (const button of this.stepButtons) {
      button.setAttribute("aria-label", labels.steps[button.dataset.step]);
      button.title = labels.steps[button.dataset.step];
    }
    const select = this.el.speed;
    const chosen = this.speed ?? this.payload.default_speed;
    select.replaceChildren(...this.payload.speeds.map((speed) => {
      const option = document.createElement("option");
      option.value = speed;
      option.textContent = labels.speeds[speed];
      return option;
    }));
    select.value = chosen;
    this.speed = select.value;
    this.el.range.max = String(this.lastDay);
    this.updatePlayButton();
    this.buildLegend();
  }

  buildLegend() {
    const { labels, legend } = this.payload;
    const item = (color, text, round, ring, glyph, ringWidth = 3) => {
      const span = document.createElement("span");
      span.className = "lp-item";
      const swatch = document.createElement("i");
      swatch.style.background = color;
      swatch.style.borderRadius = round ? "50%" : "3px";
      if (ring) swatch.style.border = `${ringWidth}px solid ${ring}`;
      if (glyph) swatch.className = "lp-glyph";
      if (glyph) swatch.textContent = glyph;
      span.append(swatch, document.createTextNode(text));
      return span;
    };
    this.el.legend.replaceChildren(
      ...labels.forces.map((label, i) => item(legend.forces[i], label, true)),
      item("#ffffff", labels.massacre_marker, true, legend.massacre),
      item("#ffffff", labels.disputed_marker, true, legend.disputed_ring, legend.disputed_glyph, 2),
      ...legend.states.map((color, i) => item(color, labels.states[i], false)),
      item(legend.pocket_fill, labels.pocket_area, false, legend.pocket_outline, null, 2),
    );
  }

  updatePlayButton() {
    const { labels } = this.payload;
    this.el.play.textContent = `${this.playing ? "⏸" : "▶"} ${this.playing ? labels.pause : labels.play}`;
    this.el.play.setAttribute("aria-pressed", String(this.playing));
  }

  // --- Drawing ------------------------------------------------------------------------------------

  windowStart(day) {
    // While playing fast, "today's" big points cover the days the last half second went through.
    if (!this.playing || this.speed === "event") return day;
    return day - Math.max(0, Math.floor(Number(this.speed) / 2));
  }

  draw(force = false) {
    if (!this.payload) return;
    const started = performance.now();
    const day = Math.floor(this.t);
    if (this.deck && this.layers) this.updateLayers(day, force);
    if (force || day !== this.shownDay) {
      this.shownDay = day;
      this.el.date.textContent = formatDay(this.payload, day);
      const held = pocketsHeld(this.payload.pockets, day);
      const label = held ? this.payload.labels.departments_freed_pockets : this.payload.labels.departments_freed;
      this.el.count.textContent = fill(label, {
        n: freeCount(this.payload.segments, day), total: this.payload.department_total,
        full: entirelyFreeCount(this.payload.segments, day), pockets: held,
      });
      if (!this.dragging) this.el.range.value = String(day);
      this.el.range.setAttribute("aria-valuetext", formatDay(this.payload, day));
      this.announce();
    }
    const spent = performance.now() - started;
    this.stats.frames += 1;
    this.stats.frameMs += spent;
    this.stats.maxFrameMs = Math.max(this.stats.maxFrameMs, spent);
  }

  // Clone only the layers whose filter ranges this frame changes, and leave deck.gl alone when
  // none does: a day lasts many frames, and an unchanged deck need not be redrawn.
  updateLayers(day, force) {
    if (force || this.drawnFrom !== this.layers) {
      this.drawnFrom = this.layers;
      this.drawn = this.layers.slice();
      this.frameKeys = new Array(this.layers.length).fill(null);
    }
    const windowStart = this.windowStart(day);
    const fading = this.playing && this.freedDays.has(day);
    let changed = force;
    for (let k = 0; k < this.layers.length; k += 1) {
      const layer = this.layers[k];
      const key = frameKey(layer.id, this.t, this.playing, windowStart, fading);
      if (key === null || key === this.frameKeys[k]) continue;
      this.frameKeys[k] = key;
      const begun = upperBound(this.points.starts, Math.floor(this.t));
      this.drawn[k] = layer.clone(frameProps(layer.id, this.t, this.playing, windowStart, this.payload.fresh_days, begun));
      changed = true;
    }
    if (!changed) return;
    this.stats.changedFrames += 1;
    this.deck.setProps({ layers: this.drawn.slice() });
  }

  afterRender(gl) {
    this.stats.renders += 1;
    if (this.renderStart !== undefined) this.stats.renderMs += performance.now() - this.renderStart;
    if (this.snapshot) {
      // Read the canvas in the same task as the draw: WebGL clears it once the frame is shown.
      const take = this.snapshot;
      this.snapshot = null;
      take(this.deck.getCanvas ? this.deck.getCanvas() : this.el.map.querySelector("canvas"));
    }
  }

  // Events of the shown day, for the spoken summary (the points are in start order).
  eventsOn(day) {
    const points = this.points;
    if (!points) return [];
    const from = lowerBound(points.starts, day), to = upperBound(points.starts, day);
    const titles = [];
    for (let k = from; k < to && titles.length < ANNOUNCED_EVENTS; k += 1) {
      const title = points.texts.title[points.title[k]];
      if (!titles.includes(title)) titles.push(title);
    }
    return titles;
  }

  announce() {
    clearTimeout(this.announceTimer);
    const wait = this.playing ? ANNOUNCE_PLAYING_MS : ANNOUNCE_PAUSED_MS;
    const due = Math.max(0, this.lastAnnounce + wait - performance.now());
    this.announceTimer = setTimeout(() => {
      this.lastAnnounce = performance.now();
      const day = Math.floor(this.t);
      const titles = this.eventsOn(day);
      const { labels } = this.payload;
      const parts = [this.el.date.textContent, this.el.count.textContent,
        titles.length ? fill(labels.events_of_day_short, { events: titles.join(" ; ") }) : labels.no_event_today];
      this.el.live.textContent = parts.join(". ");
    }, this.playing ? due : ANNOUNCE_PAUSED_MS);
  }

  // --- Time -----------------------------------------------------------------------------------------

  goTo(day, { commit = "soon" } = {}) {
    this.pause(false);
    this.t = Math.min(Math.max(day, 0), this.lastDay);
    this.hideTooltip();
    this.draw();
    if (commit === "now") this.commit(); else if (commit === "soon") this.commitSoon();
  }

  step(action) {
    if (!this.payload) return;
    this.goTo(stepDay(this.payload, Math.floor(this.t), action));
  }

  play() {
    if (!this.payload || this.playing) return;
    if (Math.floor(this.t) >= this.lastDay) this.t = 0;  // from the end, play starts again
    this.playing = true;
    this.lastNow = null;
    this.nextEventAt = null;
    this.updatePlayButton();
    this.hideTooltip();
    this.raf = requestAnimationFrame((now) => this.tick(now));
  }

  pause(commit = true) {
    if (!this.playing) return;
    this.playing = false;
    cancelAnimationFrame(this.raf);
    this.t = Math.floor(this.t);
    this.updatePlayButton();
    this.draw(true);
    if (commit) this.commit();
  }

  toggle() {
    if (this.playing) this.pause(); else this.play();
  }

  tick(now) {
    if (!this.playing) return;
    this.stats.rafCallbacks += 1;
    const seconds = this.lastNow === null ? 0 : Math.min((now - this.lastNow) / 1000, MAX_FRAME_SECONDS);
    this.lastNow = now;
    if (this.speed === "event") {
      // One event date per step: the map holds each date for a moment.
      if (this.nextEventAt === null || now >= this.nextEventAt) {
        if (this.nextEventAt !== null) this.t = stepDay(this.payload, Math.floor(this.t), "next_event");
        this.nextEventAt = now + this.payload.event_step_seconds * 1000;
      }
    } else {
      this.t = Math.min(this.t + seconds * Number(this.speed), this.lastDay);
    }
    this.draw();
    if (this.t >= this.lastDay) { this.pause(); return; }
    this.raf = requestAnimationFrame((next) => this.tick(next));
  }

  // --- Controls ---------------------------------------------------------------------------------

  bindControls() {
    const { play, range, speed, save } = this.el;
    play.addEventListener("click", () => this.toggle());
    for (const button of this.stepButtons) button.addEventListener("click", () => this.step(button.dataset.step));
    speed.addEventListener("change", () => { this.speed = speed.value; this.nextEventAt = null; });
    save.addEventListener("click", () => this.savePng());
    this.el["tooltip-close"].addEventListener("click", () => this.hideTooltip());
    // The map follows the range while it is dragged (mouse, touch, pen); the date goes to
    // Python on release only.
    range.addEventListener("pointerdown", () => { this.dragging = true; this.pause(false); });
    range.addEventListener("input", () => {
      this.stats.inputs += 1;
      this.pause(false);
      this.t = Number(range.value);
      this.hideTooltip();
      this.draw();
    });
    range.addEventListener("change", () => { this.dragging = false; this.commit(); });
    const release = () => { if (this.dragging) { this.dragging = false; this.commitSoon(); } };
    range.addEventListener("pointerup", release);
    range.addEventListener("pointercancel", release);
    this.onKey = (event) => this.key(event);
    document.addEventListener("keydown", this.onKey);
    this.onControl = () => this.follow();
    document.addEventListener(CONTROL_EVENT, this.onControl);
  }

  key(event) {
    if (!this.payload || !this.root.isConnected || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target;
    const ours = target === this.el.range;
    // Typing in a field or choosing in a list keeps its keys; Space on a button presses that button.
    if (!ours && target instanceof Element && target.closest("input, textarea, select, [contenteditable], [role='combobox'], [role='listbox'], [role='slider']")) return;
    if (event.key === " " && target instanceof Element && target.closest("button, [role='button'], a")) return;
    const actions = {
      ArrowLeft: event.shiftKey ? "minus_day" : "previous_event",
      ArrowRight: event.shiftKey ? "plus_day" : "next_event",
      PageUp: "minus_week",
      PageDown: "plus_week",
      Home: "start",
      End: "end",
    };
    if (event.key === " ") {
      event.preventDefault();
      this.toggle();
    } else if (event.key in actions) {
      event.preventDefault();
      this.step(actions[event.key]);
    }
  }

  // --- Tooltip ----------------------------------------------------------------------------------

  hover(info) {
    if (this.pinned) return;
    if (this.picked(info)) this.showTooltip(info); else this.hideTooltip();
  }

  tap(info) {
    // On a phone a tap is the only way to point: it pins the tooltip until the next tap.
    if (this.picked(info)) { this.showTooltip(info); this.pinned = true; } else { this.pinned = false; this.hideTooltip(); }
  }

  // The points are binary data: deck.gl picks them by index, with no object.
  picked(info) {
    return Boolean(info.object) || (info.index >= 0 && Boolean(info.layer) && info.layer.id in (this.points?.layerData || {}));
  }

  // What the tooltip says about a picked object (or point, by its index), by the layer it was picked on.
  tooltipContent(object, layerId, index) {
    const { labels } = this.payload;
    if (layerId === "pockets") return { title: object.name, when: object.dates, actors: labels.pocket_tooltip };
    if (layerId === "disputed") {
      return {
        title: `${labels.disputed_marker} — ${object.place}`, when: fill(labels.disputed_table_date, { date: object.date }),
        actors: labels.disputed_other_dates, others: object.others,
      };
    }
    const points = this.points;
    const text = (field) => points.texts[field][points[field][index]];
    return {
      title: text("title"), when: formatRange(this.payload, points.start[index], points.end[index]), place: text("place"),
      retaken: text("retaken"), actors: text("actors"), source: text("source"),
    };
  }

  showTooltip({ object, index, x, y, layer }) {
    const content = this.tooltipContent(object, layer && layer.id, index);
    const fields = this.tooltipFields;
    // One constant template, filled as text: a title such as <img onerror=…> stays words.
    for (const name of ["title", "when", "place", "retaken", "actors", "source"]) {
      fields[name].textContent = content[name] || "";
    }
    fields.sep.hidden = !content.place;
    fields.retaken.hidden = !content.retaken;
    fields["source-label"].textContent = this.payload.labels.col_source;
    fields.source.parentElement.hidden = !content.source;
    fields.others.replaceChildren(...(content.others || []).map((line) => {
      const entry = document.createElement("li");
      entry.textContent = line;
      return entry;
    }));
    fields.others.hidden = !(content.others && content.others.length);
    const tip = this.el.tooltip;
    tip.hidden = false;
    const width = this.el.map.clientWidth, height = this.el.map.clientHeight;
    const left = Math.min(x + 14, Math.max(0, width - tip.offsetWidth - 4));
    const top = y + 14 + tip.offsetHeight > height ? Math.max(0, y - tip.offsetHeight - 10) : y + 14;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  hideTooltip() {
    this.pinned = false;
    if (this.el.tooltip) this.el.tooltip.hidden = true;
  }

  // --- Picture --------------------------------------------------------------------------------------

  async savePng() {
    if (!this.deck) return;
    const canvas = await new Promise((resolve) => { this.snapshot = resolve; this.deck.redraw("save as PNG"); });
    const out = document.createElement("canvas");
    const scale = canvas.width / Math.max(1, this.el.map.clientWidth);
    out.width = canvas.width;
    out.height = canvas.height + Math.round(PNG_LEGEND_HEIGHT * scale);
    const context = out.getContext("2d");
    context.fillStyle = "#dbe7f0";
    context.fillRect(0, 0, out.width, out.height);
    context.drawImage(canvas, 0, 0);
    context.scale(scale, scale);
    this.drawCaption(context);
    this.drawLegend(context, canvas.height / scale);
    const blob = await new Promise((resolve) => out.toBlob(resolve, "image/png"));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `liberation-${isoOf(this.payload, Math.floor(this.t))}.png`;
    this.lastPng = { width: out.width, height: out.height, bytes: blob.size, name: link.download };
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  drawCaption(context) {
    const date = this.el.date.textContent, count = this.el.count.textContent;
    context.font = "bold 34px sans-serif";
    const width = Math.max(context.measureText(date).width, 300) + 24;
    context.fillStyle = "rgba(255,255,255,0.9)";
    context.fillRect(8, 8, width, 72);
    context.fillStyle = "#111";
    context.fillText(date, 18, 44);
    context.font = "bold 17px sans-serif";
    context.fillText(count, 18, 70);
  }

  drawLegend(context, top) {
    const { labels, legend } = this.payload;
    context.fillStyle = "#fff";
    context.fillRect(0, top, this.el.map.clientWidth, PNG_LEGEND_HEIGHT);
    context.font = "15px sans-serif";
    let x = 12, y = top + 26;
    const item = (color, text, round, ring, glyph, ringWidth = 3) => {
      const width = context.measureText(text).width + 34;
      if (x + width > this.el.map.clientWidth) { x = 12; y += 28; }
      context.beginPath();
      if (round) context.arc(x + 8, y - 5, 7, 0, 2 * Math.PI); else context.rect(x + 1, y - 12, 14, 14);
      context.fillStyle = color;
      context.fill();
      context.lineWidth = ring ? ringWidth : 1;
      context.strokeStyle = ring || "#555";
      context.stroke();
      context.fillStyle = "#111";
      if (glyph) {
        context.font = "bold 12px sans-serif";
        context.textAlign = "center";
        context.fillText(glyph, x + 8, y - 1);
        context.textAlign = "start";
        context.font = "15px sans-serif";
      }
      context.fillText(text, x + 22, y);
      x += width;
    };
    labels.forces.forEach((label, i) => item(legend.forces[i], label, true));
    item("#ffffff", labels.massacre_marker, true, legend.massacre);
    item("#ffffff", labels.disputed_marker, true, legend.disputed_ring, legend.disputed_glyph, 2);
    x = 12; y += 30;
    legend.states.forEach((color, i) => item(color, labels.states[i], false));
    item(legend.pocket_fill, labels.pocket_area, false, legend.pocket_outline, null, 2);
  }

  destroy() {
    this.playing = false;
    cancelAnimationFrame(this.raf);
    clearTimeout(this.announceTimer);
    if (this.commitTimer) this.commit();  // a step that was about to be sent still counts
    document.removeEventListener("keydown", this.onKey);
    document.removeEventListener(CONTROL_EVENT, this.onControl);
    if (this.deck) this.deck.finalize();
    this.deck = null;
  }
}

// Streamlit calls this on mount and again whenever `data` changes, without cleaning up first:
// one player per parent element, updated in place.
export default function mountPlayer(component) {
  const { data, parentElement, setStateValue } = component;
  const players = (globalThis[PLAYERS] ??= new WeakMap());
  let player = players.get(parentElement);
  const root = parentElement.querySelector("[data-role='player']");
  if (!player || player.root !== root) {
    if (player) player.destroy();
    player = new Player(root);
    players.set(parentElement, player);
  }
  if (data) {
    player.update(data, setStateValue).catch((error) => {
      player.el.loading.hidden = false;
      player.el.loading.textContent = String(error.message || error);
    });
  }
  return () => {
    if (players.get(parentElement) === player) players.delete(parentElement);
    player.destroy();
  };
}
