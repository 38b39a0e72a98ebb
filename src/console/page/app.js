// The knowledge console's page: the list of entries, the editor (edit, preview, history), publishing with
// its conflicts and problems, new entries and archiving. It talks only to the console's JSON API (api/...).
import { fill, h } from "./dom.js";
import { changesBetween, labelOfPath, readableValue } from "./changes.js";
import { differences, entryForm, showProblems, titleOf } from "./form.js";
import { formatMoment, language, problemMessage, setLanguage, t, UI_LANGS } from "./labels.js";
import { telegramHtml } from "./telegram-html.js";

const TYPES = ["program", "country", "topic", "contact"];
const PREVIEW_LANGS = ["uz", "uz-cyrl", "ru", "en"];
const INIT_DATA = "console-init-data";
const THEME = "console-theme";
const UI_LANGUAGE = "console-language";

const main = document.getElementById("main");
const header = document.getElementById("header");

/** Ends what the page was doing: the screen already says why (signed out, not staff). */
class Shown extends Error {}

const state = {
  me: undefined,
  choices: { roles: [], exams: [] },
  entries: [],
  /** The list's search and filters, kept while an entry is open. */
  search: "",
  filters: new Set(),
  /** A message for the next screen ("Archived."). */
  flash: undefined,
  /** The entry being edited: {id, entry, revision, saved, isNew, tab}. */
  editing: undefined,
};

// ---- Inside Telegram (Mini App): Telegram passes the signed init data and its colours in the address's #.

const telegram = (() => {
  const launch = new URLSearchParams(location.hash.slice(1));
  const initData = launch.get("tgWebAppData");
  if (initData) {
    // Kept for this tab only, as Telegram's own script keeps it: the page's own addresses replace the #.
    sessionStorage.setItem(INIT_DATA, initData);
    sessionStorage.setItem(THEME, launch.get("tgWebAppThemeParams") ?? "{}");
    history.replaceState(null, "", `${location.pathname}#/`);
  }
  return { initData: sessionStorage.getItem(INIT_DATA), theme: sessionStorage.getItem(THEME) };
})();

/** Telegram's colours as the CSS variables its own script would set (--tg-theme-bg-color...). */
function applyTheme(json) {
  let params;
  try {
    params = JSON.parse(json ?? "{}");
  } catch {
    return;
  }
  for (const [key, value] of Object.entries(params)) {
    if (/^[a-z_]+$/.test(key) && /^#[0-9a-f]{3,8}$/i.test(String(value))) document.documentElement.style.setProperty(`--tg-theme-${key.replaceAll("_", "-")}`, value);
  }
}

/** Tells the Telegram app the page is ready and may fill the screen (its Mini App events, without its script). */
function postToTelegram(eventType, eventData = "") {
  if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent(eventType, eventData === "" ? "" : JSON.stringify(eventData));
  else if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType, eventData }), "https://web.telegram.org");
}

/** Inside Telegram, closing the Mini App (its ✕, a swipe down) asks first while an edit is not published: the tab's beforeunload does not reach there. */
let askingBeforeClosing = false;
function askBeforeClosing() {
  if (!telegram.initData || askingBeforeClosing === unsaved()) return;
  askingBeforeClosing = unsaved();
  postToTelegram("web_app_setup_closing_behavior", { need_confirmation: askingBeforeClosing });
}

// ---- The API

async function api(method, path, body, headers = {}) {
  const response = await fetch(`api/${path}`, {
    method,
    headers: {
      ...(telegram.initData ? { authorization: `tma ${telegram.initData}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (response.status === 401) refuse(t("signedOut"));
  if (response.status === 403 && !data.linkedFrom) refuse(data.error ?? t("notStaff"));
  return { status: response.status, data };
}

function refuse(message) {
  fill(header);
  fill(main, h("p", { class: "notice error", role: "alert" }, message));
  throw new Shown(message);
}

const clone = (value) => structuredClone(value);

function notice(kind, ...content) {
  return h("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, ...content);
}

// ---- Screens, by the address's #: #/ the list, #/entry/<id> an entry, #/new a new one.

// ---- No lost edit: leaving an entry with changes not published asks first.

/** The address of the screen shown now, to come back to when the staff member stays. */
let shownHash = location.hash;

const unsaved = () => Boolean(state.editing?.touched);

/** The address changed (a link, Back): asks first when an edit would be lost, else shows that screen. */
async function leaveTo(hash) {
  const sameEntry = state.editing && !state.editing.isNew && hash === `#/entry/${encodeURIComponent(state.editing.id)}`;
  if (unsaved() && !sameEntry) {
    const leave = await confirmLeave();
    if (!leave) return void history.replaceState(null, "", shownHash);
    state.editing = undefined;
  }
  await route();
}

/** The in-page question: stay (the default, also on Escape) or go on without publishing (leave, or bring back a version). */
function confirmLeave({ text = t("unsavedText"), go = t("leave") } = {}) {
  return new Promise((resolve) => {
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const dialog = h(
      "dialog",
      { class: "confirm", "aria-labelledby": "leave-title" },
      h("h2", { id: "leave-title" }, t("unsavedTitle")),
      h("p", {}, text),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "primary", onclick: () => close(false) }, t("stay")),
        h("button", { type: "button", class: "danger", onclick: () => close(true) }, go),
      ),
    );
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(false);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

async function route() {
  shownHash = location.hash;
  askBeforeClosing();
  try {
    const path = location.hash.replace(/^#\/?/, "");
    const [screen, id] = path.split("/");
    if (screen === "entry" && id) await entryScreen(decodeURIComponent(id));
    else if (screen === "new") newScreen();
    else await listScreen();
  } catch (error) {
    if (error instanceof Shown) return;
    main.prepend(notice("error", `${t("failed")} ${error.message}`));
  }
}

function drawHeader() {
  const select = h(
    "select",
    {
      "aria-label": t("uiLanguage"),
      onchange: (e) => {
        localStorage.setItem(UI_LANGUAGE, e.target.value);
        setLanguage(e.target.value);
        drawHeader();
        void route();
      },
    },
    UI_LANGS.map((lang) => h("option", { value: lang, selected: lang === language() }, lang === "uz" ? "O'zbekcha" : lang === "ru" ? "Русский" : "English")),
  );
  // Inside Telegram the Mini App's init data signs each request: there is no session to end.
  const signOut = telegram.initData ? null : h("button", { type: "button", class: "quiet sign-out", onclick: () => void signOutNow() }, t("signOut"));
  fill(header, h("a", { href: "#/", class: "brand" }, `📚 ${t("appTitle")}`), h("span", { class: "who" }, state.me?.name ?? ""), select, signOut);
}

/** Ends the browser's session (an edit not published is asked about first); the page then says how to come back. */
async function signOutNow() {
  if (unsaved() && !(await confirmLeave({ text: t("unsavedSignOutText"), go: t("signOut") }))) return;
  try {
    const { status, data } = await api("POST", "logout");
    if (status !== 200) return void main.prepend(notice("error", data.error ?? `${t("failed")} ${status}`));
  } catch (error) {
    if (error instanceof Shown) return;
    return void main.prepend(notice("error", `${t("failed")} ${error.message}`));
  }
  state.editing = undefined;
  fill(header);
  fill(main, notice("ok", t("signedOutDone")));
}

async function loadEntries() {
  state.entries = (await api("GET", "entries")).data;
}

const FILTERS = {
  toConfirm: (e) => e.toConfirm,
  noDeadline: (e) => e.noDeadline,
  missingTranslation: (e) => e.missingTranslation,
  problems: (e) => e.problems > 0,
};
const FILTER_LABELS = { toConfirm: "filterToConfirm", noDeadline: "filterNoDeadline", missingTranslation: "filterMissingTranslation", problems: "filterProblems" };

async function listScreen() {
  state.editing = undefined;
  await loadEntries();
  const results = h("div", { class: "results" });
  const search = h("input", {
    type: "search",
    placeholder: t("search"),
    "aria-label": t("search"),
    value: state.search,
    oninput: (e) => {
      state.search = e.target.value;
      drawResults();
    },
  });
  const chips = Object.keys(FILTERS).map((name) =>
    h(
      "button",
      {
        type: "button",
        class: "chip",
        "aria-pressed": String(state.filters.has(name)),
        onclick: (e) => {
          if (state.filters.has(name)) state.filters.delete(name);
          else state.filters.add(name);
          e.currentTarget.setAttribute("aria-pressed", String(state.filters.has(name)));
          drawResults();
        },
      },
      t(FILTER_LABELS[name]),
    ),
  );
  function drawResults() {
    const words = state.search.toLowerCase().trim();
    const shown = state.entries.filter(
      (e) =>
        [...state.filters].every((name) => FILTERS[name](e)) &&
        (words === "" || [e.id, ...Object.values(e.title ?? {})].some((text) => String(text).toLowerCase().includes(words))),
    );
    fill(
      results,
      shown.length === 0 ? h("p", { class: "empty" }, t("nothingFound")) : null,
      TYPES.map((type) => {
        const ofType = shown.filter((e) => e.type === type);
        if (ofType.length === 0) return null;
        return h(
          "section",
          { class: "type" },
          h("h2", {}, t(`type-${type}`)),
          h(
            "ul",
            { class: "entries" },
            ofType.map((e) =>
              h(
                "li",
                {},
                h(
                  "a",
                  { href: `#/entry/${encodeURIComponent(e.id)}`, class: "entry" },
                  h("span", { class: "entry-title" }, titleOf(e)),
                  h("span", { class: "entry-id" }, e.id),
                  h(
                    "span",
                    { class: "badges" },
                    e.toConfirm ? h("span", { class: "badge" }, t("filterToConfirm")) : null,
                    e.noDeadline ? h("span", { class: "badge" }, t("filterNoDeadline")) : null,
                    e.missingTranslation ? h("span", { class: "badge warn" }, t("filterMissingTranslation")) : null,
                    e.problems > 0 ? h("span", { class: "badge bad" }, `${t("filterProblems")}: ${e.problems}`) : null,
                  ),
                ),
              ),
            ),
          ),
        );
      }),
    );
  }
  drawResults();
  fill(
    main,
    takeFlash(),
    h("div", { class: "toolbar" }, search, h("a", { href: "#/new", class: "button primary" }, `+ ${t("newEntry")}`)),
    h("div", { class: "chips" }, chips),
    results,
  );
}

function takeFlash() {
  const flash = state.flash;
  state.flash = undefined;
  return flash ? notice("ok", flash) : null;
}

function newScreen() {
  const type = h("select", { id: "new-type" }, TYPES.map((name) => h("option", { value: name }, t(`one-${name}`))));
  const id = h("input", { id: "new-id", type: "text", autocapitalize: "off", placeholder: "summer-school" });
  const problems = h("div");
  const start = async (event) => {
    event.preventDefault();
    await loadEntries();
    // A taken id is said here, before the staff member writes the whole entry.
    if (state.entries.some((e) => e.id === id.value.trim())) return void fill(problems, notice("error", t("idTaken")));
    const { status, data } = await api("GET", `templates/${type.value}?id=${encodeURIComponent(id.value.trim())}`);
    if (status !== 200) return void fill(problems, notice("error", data.error));
    // The template's "…" are left empty for the staff member to write: publishing before they are written is refused at each field.
    const entry = JSON.parse(JSON.stringify(data.entry), (_key, value) => (value === "…" ? "" : value));
    state.editing = { id: entry.id, entry, revision: undefined, saved: undefined, isNew: true, tab: "edit" };
    drawEditor();
  };
  fill(
    main,
    h("a", { href: "#/", class: "back" }, `← ${t("back")}`),
    h("h1", {}, t("newEntry")),
    h(
      "form",
      { class: "form", onsubmit: start },
      h("div", { class: "field" }, h("label", { for: "new-type" }, t("type")), type),
      h("div", { class: "field" }, h("label", { for: "new-id" }, t("field-id")), id, h("p", { class: "hint" }, t("newIdHint"))),
      problems,
      h("button", { type: "submit", class: "primary" }, t("create")),
    ),
  );
}

async function entryScreen(id) {
  if (state.editing?.id !== id || state.editing.isNew) {
    const [{ status, data }] = await Promise.all([api("GET", `entries/${encodeURIComponent(id)}`), state.entries.length ? undefined : loadEntries()]);
    if (status !== 200) return void fill(main, h("a", { href: "#/", class: "back" }, `← ${t("back")}`), notice("error", data.error));
    state.editing = { id, entry: data.entry, revision: data.revision, saved: clone(data.entry), isNew: false, tab: "edit" };
  }
  drawEditor();
}

// ---- The editor: one entry, in three tabs.

function drawEditor() {
  const editing = state.editing;
  askBeforeClosing();
  const notices = h("div", { class: "notices" }, takeFlash());
  const body = h("div", { class: "tab-body" });
  const tabs = ["edit", "preview", ...(editing.isNew ? [] : ["history"])].map((tab) =>
    h(
      "button",
      {
        type: "button",
        role: "tab",
        class: "tab",
        "aria-selected": String(editing.tab === tab),
        onclick: () => {
          editing.tab = tab;
          drawEditor();
        },
      },
      t(tab),
    ),
  );
  const title = editing.entry.title?.[language()] || editing.entry.id || t("newEntry");
  fill(main, h("a", { href: "#/", class: "back" }, `← ${t("back")}`), h("h1", {}, title), h("div", { class: "tabs", role: "tablist" }, tabs), notices, body);
  if (editing.tab === "edit") editTab(editing, body, notices);
  else if (editing.tab === "preview") void previewTab(editing, body, notices);
  else void historyTab(editing, body, notices);
}

function editTab(editing, body, notices) {
  const form = entryForm({
    entry: editing.entry,
    isNew: editing.isNew,
    entries: state.entries,
    choices: state.choices,
    changed: () => {
      editing.touched = true;
      askBeforeClosing();
    },
  });
  const publishButton = h("button", { type: "button", class: "primary", onclick: () => publish(editing, form, notices, publishButton) }, t("publish"));
  const archiveArea = h("div", { class: "archive" });
  const askArchive = () =>
    fill(
      archiveArea,
      h("p", {}, t("archiveAsk")),
      h("button", { type: "button", class: "danger", onclick: () => archive(editing, archiveArea) }, t("archiveYes")),
      h("button", { type: "button", onclick: () => fill(archiveArea, archiveButton()) }, t("cancel")),
    );
  const archiveButton = () => h("button", { type: "button", class: "quiet danger", onclick: askArchive }, t("archive"));
  if (!editing.isNew) fill(archiveArea, archiveButton());
  fill(body, form, h("div", { class: "actions sticky" }, publishButton), archiveArea);
}

async function publish(editing, form, notices, button) {
  fill(notices);
  showProblems(form, []);
  button.disabled = true;
  button.textContent = t("publishing");
  try {
    const { status, data } = editing.isNew
      ? await api("POST", "entries", { entry: editing.entry })
      : await api("PUT", `entries/${encodeURIComponent(editing.id)}`, { entry: editing.entry }, { "if-match": editing.revision });
    if (status === 200 || status === 201) {
      const before = editing.saved;
      Object.assign(editing, { id: data.id ?? editing.id, revision: data.revision, saved: clone(editing.entry), isNew: false, touched: false });
      askBeforeClosing();
      if (status === 201) {
        state.flash = t("published");
        await loadEntries();
        location.hash = `#/entry/${encodeURIComponent(editing.id)}`;
        return;
      }
      fill(notices, notice("ok", t("published")), announcementOffer(editing, before));
      notices.scrollIntoView({ block: "nearest" });
    } else if (status === 409 && editing.isNew) {
      fill(notices, notice("error", t("idTaken")));
      showProblems(form, [{ path: "id", message: t("idTaken") }]);
    } else if (status === 409 && data.entry) {
      fill(notices, conflict(editing, data));
      notices.scrollIntoView({ block: "start" });
    } else if (status === 422) {
      const elsewhere = showProblems(form, data.problems ?? []);
      fill(notices, notice("error", t("fixProblems"), elsewhere.length ? h("ul", {}, elsewhere.map((p) => h("li", {}, problemText(p)))) : null));
    } else {
      fill(notices, notice("error", data.error ?? `${t("failed")} ${status}`));
    }
  } finally {
    button.disabled = false;
    button.textContent = t("publish");
  }
}

/** A problem away from its field, named as the form names the field ("Deadlines › 2 › Date: ..."), never by its path in the file. */
const problemText = (problem) => (problem.path ? `${labelOfPath(problem.path.split("."))}: ${problemMessage(problem.message)}` : problemMessage(problem.message));

/** After a publish that adds or moves a program's deadline: the offer to announce it to the program's subscribers. */
function announcementOffer(editing, before) {
  const dates = (entry) => (entry?.program?.deadlines?.items ?? []).map((d) => d.date);
  const previous = new Set(dates(before));
  const added = dates(editing.saved).filter((date) => !previous.has(date));
  if (editing.entry.type !== "program" || added.length === 0) return null;
  const offer = notice(
    "offer",
    h("p", {}, t("announceOffer")),
    h(
      "button",
      {
        type: "button",
        class: "primary",
        onclick: async () => {
          const { status, data } = await api("POST", `entries/${encodeURIComponent(editing.id)}/announce`, { dates: added });
          fill(offer, status === 200 ? h("p", {}, t("announceSent")) : h("p", { class: "problem" }, status === 502 ? t("announceFailed") : data.error));
        },
      },
      t("announce"),
    ),
  );
  return offer;
}

/** Someone published the entry meanwhile: what differs, and the choice of theirs or mine. */
function conflict(editing, current) {
  const changes = differences(current.entry, editing.entry);
  return notice(
    "error conflict",
    h("h2", {}, t("conflictTitle")),
    h("p", {}, t("conflictText")),
    h(
      "div",
      { class: "diffs" },
      changes.map((change) =>
        h(
          "div",
          { class: "diff" },
          h("div", { class: "diff-label" }, change.label),
          h("div", { class: "diff-saved" }, h("span", { class: "diff-tag" }, t("conflictSaved")), readableValue(change.a)),
          h("div", { class: "diff-yours" }, h("span", { class: "diff-tag" }, t("conflictYours")), readableValue(change.b)),
        ),
      ),
    ),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            Object.assign(editing, { entry: clone(current.entry), saved: clone(current.entry), revision: current.revision, touched: false });
            drawEditor();
          },
        },
        t("conflictTakeTheirs"),
      ),
      h(
        "button",
        {
          type: "button",
          class: "primary",
          onclick: () => {
            // Theirs is now what my edit replaces: published again, over the revision I have just seen.
            Object.assign(editing, { saved: clone(current.entry), revision: current.revision });
            drawEditor();
            main.querySelector(".actions.sticky .primary").click();
          },
        },
        t("conflictKeepMine"),
      ),
    ),
  );
}

async function archive(editing, area) {
  const { status, data } = await api("DELETE", `entries/${encodeURIComponent(editing.id)}`);
  if (status === 200) {
    state.flash = t("archived");
    state.editing = undefined;
    location.hash = "#/";
    return;
  }
  fill(
    area,
    notice("error", data.linkedFrom ? t("linkedFrom") : data.error, data.linkedFrom ? h("ul", {}, data.linkedFrom.map((e) => h("li", {}, `${titleOf(e)} (${e.id})`))) : null),
  );
}

async function previewTab(editing, body, notices) {
  const lang = editing.previewLang ?? language();
  const screens = h("div", { class: "screens" });
  const langs = h(
    "div",
    { class: "chips", role: "group", "aria-label": t("previewAs") },
    h("span", { class: "hint" }, t("previewAs")),
    PREVIEW_LANGS.map((l) =>
      h(
        "button",
        {
          type: "button",
          class: "chip",
          "aria-pressed": String(l === lang),
          onclick: () => {
            editing.previewLang = l;
            drawEditor();
          },
        },
        t(`lang-${l}`),
      ),
    ),
  );
  fill(body, langs, screens);
  // The preview is of the edit as it stands, published or not.
  const { status, data } = await api("POST", `entries/${encodeURIComponent(editing.entry.id ?? editing.id)}/preview?lang=${lang}`, { entry: editing.entry });
  if (status !== 200) {
    fill(notices, notice("error", data.error, h("ul", {}, (data.problems ?? []).map((p) => h("li", {}, problemText(p))))));
    return;
  }
  fill(
    screens,
    screen(t("card"), data.card),
    Object.entries(data.sections).map(([facet, shown]) => screen(t(`facet-${facet}`), shown)),
  );
}

/** One message as the bot sends it: its text as Telegram shows it, its buttons row by row. */
function screen(name, shown) {
  return h(
    "section",
    { class: "screen" },
    h("h3", {}, name),
    h("div", { class: "bubble" }, telegramHtml(shown.html)),
    shown.buttons.length ? h("div", { class: "tg-buttons" }, shown.buttons.map((row) => h("div", { class: "tg-row" }, row.map((label) => h("span", { class: "tg-button" }, label))))) : null,
  );
}

async function historyTab(editing, body, notices) {
  const { data } = await api("GET", `entries/${encodeURIComponent(editing.id)}/history`);
  const restore = async (revision, options = {}) => {
    // Bringing back a version replaces the editor's contents: an edit not published is asked about first.
    if (unsaved() && !(await confirmLeave({ text: t("unsavedRestoreText"), go: t("restoreAnyway") }))) return;
    const reverted = await api("POST", `entries/${encodeURIComponent(editing.id)}/revert`, { revision, ...options });
    if (reverted.status !== 200) return void fill(notices, notice("error", reverted.data.error));
    const fresh = await api("GET", `entries/${encodeURIComponent(editing.id)}`);
    Object.assign(editing, { entry: fresh.data.entry, revision: fresh.data.revision, saved: clone(fresh.data.entry), touched: false });
    state.flash = t("restored");
    drawEditor();
  };
  fill(
    body,
    data.length === 0
      ? h("p", { class: "empty" }, t("historyEmpty"))
      : [
          h("p", { class: "hint" }, t("historyHint")),
          h(
            "ol",
            { class: "history" },
            data.map((change, i) => revisionItem(editing, change, { current: i === 0, oldest: i === data.length - 1, restore })),
          ),
        ],
  );
}

/** One publish in the history: when and who, what it changed (opened on a tap), and bringing that version back. */
function revisionItem(editing, change, { current, oldest, restore }) {
  const details = h("div", { class: "changes" });
  const archived = change.revision === "archived";
  const toggle = h(
    "button",
    {
      type: "button",
      class: "quiet",
      "aria-expanded": "false",
      onclick: async () => {
        if (toggle.getAttribute("aria-expanded") === "true") {
          toggle.setAttribute("aria-expanded", "false");
          toggle.textContent = t("showChanges");
          return void fill(details);
        }
        toggle.setAttribute("aria-expanded", "true");
        toggle.textContent = t("hideChanges");
        const { status, data } = await api("GET", `entries/${encodeURIComponent(editing.id)}/history/${encodeURIComponent(change.revision)}?at=${change.at}`);
        fill(details, status === 200 ? changeList(data) : notice("error", data.error));
      },
    },
    t("showChanges"),
  );
  return h(
    "li",
    { class: "revision" },
    h(
      "div",
      { class: "revision-head" },
      h("span", { class: "when" }, formatMoment(change.at)),
      h("span", { class: "by" }, change.by.name),
      current ? h("span", { class: "badge" }, t("current")) : null,
      archived ? h("span", { class: "badge" }, t("archivedRevision")) : null,
    ),
    h(
      "div",
      { class: "revision-actions" },
      toggle,
      !current && !archived ? h("button", { type: "button", onclick: () => restore(change.revision) }, t("restore")) : null,
      // The entry as it was before the console first changed it: only the oldest publish holds it.
      oldest && !archived && !change.created ? h("button", { type: "button", onclick: () => restore(change.revision, { before: true, at: change.at }) }, t("restoreBefore")) : null,
    ),
    details,
  );
}

/** What a publish changed, one line per change: removed struck through, added marked, a change as old → new. */
function changeList(data) {
  if (data.before === null) return h("p", { class: "hint" }, t("changeCreated"));
  if (data.after === null) return h("p", { class: "hint" }, t("changeArchived"));
  const changes = changesBetween(data.entries.before, data.entries.after);
  if (changes.length === 0) return h("p", { class: "hint" }, t("changeNothing"));
  return h(
    "ul",
    { class: "change-list" },
    changes.map((change) =>
      h(
        "li",
        { class: `change ${change.kind}` },
        h("span", { class: "change-label" }, `${change.label}: `),
        change.kind === "changed"
          ? [h("del", {}, change.from), h("span", { class: "arrow", "aria-hidden": "true" }, " → "), h("ins", {}, change.to)]
          : [h("span", { class: "change-kind" }, `${t(change.kind === "added" ? "changeAdded" : "changeRemoved")} `), h(change.kind === "added" ? "ins" : "del", {}, change.text)],
      ),
    ),
  );
}

// ---- Start

async function start() {
  applyTheme(telegram.theme);
  setLanguage(localStorage.getItem(UI_LANGUAGE) ?? navigator.language.slice(0, 2));
  try {
    const [me, choices] = await Promise.all([api("GET", "me"), api("GET", "choices")]);
    state.me = me.data;
    state.choices = choices.data;
    if (!localStorage.getItem(UI_LANGUAGE) && state.me.lang) setLanguage(state.me.lang);
  } catch (error) {
    if (error instanceof Shown) return;
    throw error;
  }
  drawHeader();
  window.addEventListener("hashchange", () => void leaveTo(location.hash));
  // Closing the tab, reloading, or following a link away with an edit not published: the browser asks.
  window.addEventListener("beforeunload", (event) => {
    if (!unsaved()) return;
    event.preventDefault();
    event.returnValue = "";
  });
  await route();
  postToTelegram("web_app_ready");
  postToTelegram("web_app_expand");
}

void start();
