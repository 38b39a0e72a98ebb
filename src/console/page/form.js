// The editor of an entry: every field of every type (as src/knowledge/schema.ts defines them), each control
// writing straight into the entry object as the file has it. Each field's element carries its dotted path
// (data-path, as the API names problems: program.deadlines.items.0.date), where its problems are shown.
import { labelOfPath } from "./changes.js";
import { h } from "./dom.js";
import { fieldLabel, formatDay, problemMessage, t } from "./labels.js";

const TEXT_LANGS = ["uz", "ru", "en"];
const emptyText = () => ({ uz: "", ru: "", en: "" });

// Field kinds: id, date, switch, text (a text in each language), aliases, ref (one entry), list, group, number, string, select, level.
const text = (key, more = {}) => ({ key, kind: "text", ...more });
const toConfirm = { key: "to_confirm", kind: "switch", default: false };
const statement = (key) => ({ key, kind: "group", optional: true, empty: () => ({ to_confirm: false, text: emptyText() }), fields: [toConfirm, text("text", { long: true })] });

const COMMON = [
  { key: "id", kind: "id" },
  { key: "updated", kind: "date" },
  toConfirm,
  text("title"),
  text("summary", { long: true }),
  text("body", { long: true, tall: true }),
  { key: "aliases", kind: "aliases" },
  { key: "links", kind: "list", item: "link", ref: "any", empty: () => "" },
];

const PROGRAM = {
  key: "program",
  kind: "group",
  fields: [
    { key: "countries", kind: "list", item: "country", ref: "country", empty: () => "" },
    { key: "contact", kind: "ref", ref: "contact" },
    {
      key: "eligibility",
      kind: "group",
      fields: [
        toConfirm,
        { key: "assessed", kind: "switch", default: true },
        { key: "roles", kind: "choices", options: (choices) => choices.roles, optionLabel: (role) => t(`role-${role}`) },
        { key: "year_of_study", kind: "group", optional: true, row: true, empty: () => ({ min: 1 }), fields: [{ key: "min", kind: "number", step: 1, label: "year-min" }, { key: "max", kind: "number", step: 1, label: "year-max" }] },
        {
          key: "min_gpa",
          kind: "group",
          optional: true,
          row: true,
          empty: () => ({ value: 4, scale: 5 }),
          fields: [{ key: "value", kind: "number", step: 0.01 }, { key: "scale", kind: "select", options: () => [5, 100], optionLabel: (scale) => t(`scale-${scale}`) }],
        },
        {
          key: "languages",
          kind: "list",
          item: "language",
          empty: () => ({ exam: "ielts", min: 5.5 }),
          fields: [{ key: "exam", kind: "select", options: (choices) => choices.exams, optionLabel: (exam) => t(`exam-${exam}`) }, { key: "min", kind: "level", label: "score" }],
        },
        { key: "notes", kind: "list", item: "note", text: {}, empty: emptyText },
      ],
    },
    { key: "steps", kind: "group", fields: [toConfirm, { key: "items", kind: "list", item: "step", label: "step-items", text: { long: true }, empty: emptyText }] },
    {
      key: "documents",
      kind: "group",
      fields: [toConfirm, { key: "items", kind: "list", item: "document", label: "document-items", empty: () => ({ id: "", text: emptyText() }), fields: [{ key: "id", kind: "string", label: "document-id" }, text("text")] }],
    },
    {
      key: "deadlines",
      kind: "group",
      fields: [
        toConfirm,
        { key: "items", kind: "list", item: "deadline", label: "deadline-items", empty: () => ({ date: "", note: emptyText() }), fields: [{ key: "date", kind: "date" }, text("note")] },
        text("note", { optional: true, label: "general-note" }),
      ],
    },
    statement("cost"),
    statement("duration"),
  ],
};

const CONTACT = {
  key: "contact",
  kind: "group",
  fields: [
    { key: "phones", kind: "list", item: "phone", empty: () => ({ number: "+998 ", who: emptyText() }), fields: [{ key: "number", kind: "string", inputmode: "tel" }, text("who")] },
    text("office_hours", { optional: true }),
  ],
};

const FIELDS_OF_TYPE = { program: [...COMMON, PROGRAM], country: COMMON, topic: COMMON, contact: [...COMMON, CONTACT] };

let nextId = 0;
const newId = () => `f${++nextId}`;
const pathOf = (path, key) => (path === "" ? String(key) : `${path}.${key}`);
const labelOf = (spec) => fieldLabel(spec.label ?? spec.key);

/** A part of the form drawn again in place when its structure changes (an item added, moved or removed). */
function redrawable(draw) {
  let node;
  const redraw = () => {
    const next = draw(redraw);
    node.replaceWith(next);
    node = next;
  };
  node = draw(redraw);
  return node;
}

/**
 * The form of `entry` (changed in place as the staff member types; `changed` is told after each change).
 * `entries`: the list of entries, for links; `choices`: the roles and certificates the schema knows.
 */
export function entryForm({ entry, isNew, entries, choices, changed }) {
  const context = { entries, choices, changed, isNew };
  const fields = FIELDS_OF_TYPE[entry.type] ?? COMMON;
  return h("div", { class: "form" }, fields.map((spec) => field(spec, entry, "", context)));
}

function field(spec, parent, path, context) {
  const here = pathOf(path, spec.key);
  switch (spec.kind) {
    case "id":
      return context.isNew
        ? labelled(here, labelOf(spec), (id) => h("input", { id, type: "text", value: parent.id ?? "", autocapitalize: "off", oninput: (e) => set(parent, "id", e.target.value, context) }))
        : h("div", { class: "field", "data-path": here }, h("span", { class: "label" }, labelOf(spec)), h("code", { class: "entry-id" }, parent.id));
    case "date": {
      // The browser writes the picked date in its own order (03/01/2027 may be 1 March or 3 January): said in words beside it.
      const inWords = () => (parent[spec.key] ? formatDay(parent[spec.key]) : "");
      const said = h("span", { class: "hint date-words", "aria-live": "polite" }, inWords());
      return labelled(here, labelOf(spec), (id) => [
        h("input", {
          id,
          type: "date",
          value: parent[spec.key] ?? "",
          oninput: (e) => {
            set(parent, spec.key, e.target.value, context);
            said.textContent = inWords();
          },
        }),
        said,
      ]);
    }
    case "string":
      return labelled(here, labelOf(spec), (id) =>
        h("input", { id, type: "text", value: parent[spec.key] ?? "", inputMode: spec.inputmode, oninput: (e) => set(parent, spec.key, e.target.value, context) }),
      );
    case "number":
      return labelled(here, labelOf(spec), (id) =>
        h("input", {
          id,
          type: "number",
          step: String(spec.step),
          inputMode: "decimal",
          value: parent[spec.key] ?? "",
          oninput: (e) => (e.target.value === "" ? unset(parent, spec.key, context) : set(parent, spec.key, Number(e.target.value), context)),
        }),
      );
    case "level":
      // A score (IELTS 5.5) or, for CEFR certificates, a level (B2).
      return labelled(here, labelOf(spec), (id) =>
        h("input", {
          id,
          type: "text",
          value: parent[spec.key] ?? "",
          autocapitalize: "characters",
          oninput: (e) => {
            const value = e.target.value.trim().replace(",", ".");
            set(parent, spec.key, value !== "" && Number.isFinite(Number(value)) ? Number(value) : value.toUpperCase(), context);
          },
        }),
      );
    case "select":
      return labelled(here, labelOf(spec), (id) => {
        const options = spec.options(context.choices);
        return h(
          "select",
          { id, onchange: (e) => set(parent, spec.key, typeof options[0] === "number" ? Number(e.target.value) : e.target.value, context) },
          options.map((option) => h("option", { value: String(option), selected: option === parent[spec.key] }, spec.optionLabel ? spec.optionLabel(option) : String(option))),
        );
      });
    case "switch":
      return switchField(spec, parent, here, context);
    case "choices":
      return choicesField(spec, parent, here, context);
    case "ref":
      return labelled(here, labelOf(spec), (id) => refSelect(id, spec.ref, parent[spec.key], (value) => set(parent, spec.key, value, context), context));
    case "text":
      return textField(spec, parent, here, context);
    case "aliases":
      return aliasesField(spec, parent, here, context);
    case "list":
      return listField(spec, parent, here, context);
    case "group":
      return groupField(spec, parent, here, context);
  }
  throw new Error(`no editor for ${spec.kind}`);
}

function set(parent, key, value, context) {
  parent[key] = value;
  context.changed();
}

function unset(parent, key, context) {
  delete parent[key];
  context.changed();
}

function labelled(path, label, control) {
  const id = newId();
  return h("div", { class: "field", "data-path": path }, h("label", { for: id }, label), control(id));
}

/** A yes/no; a field left out of the file takes its default, and is left out again when set back to it. */
function switchField(spec, parent, path, context) {
  const id = newId();
  const checked = parent[spec.key] ?? spec.default;
  return h(
    "div",
    { class: "field switch", "data-path": path },
    h("input", {
      id,
      type: "checkbox",
      role: "switch",
      checked,
      onchange: (e) => {
        const had = Object.hasOwn(parent, spec.key);
        if (!had && e.target.checked === spec.default) unset(parent, spec.key, context);
        else set(parent, spec.key, e.target.checked, context);
      },
    }),
    h("label", { for: id }, labelOf(spec)),
  );
}

function choicesField(spec, parent, path, context) {
  const chosen = new Set(parent[spec.key] ?? []);
  const options = spec.options(context.choices);
  return h(
    "fieldset",
    { class: "field choices", "data-path": path },
    h("legend", {}, labelOf(spec)),
    options.map((option) => {
      const id = newId();
      return h(
        "div",
        { class: "switch" },
        h("input", {
          id,
          type: "checkbox",
          checked: chosen.has(option),
          onchange: (e) => {
            if (e.target.checked) chosen.add(option);
            else chosen.delete(option);
            // In the schema's order, whatever order they were ticked in.
            set(parent, spec.key, options.filter((o) => chosen.has(o)), context);
          },
        }),
        h("label", { for: id }, spec.optionLabel(option)),
      );
    }),
  );
}

function refSelect(id, type, value, choose, context) {
  const options = context.entries.filter((e) => type === "any" || e.type === type);
  const known = options.some((e) => e.id === value);
  return h(
    "select",
    { id, onchange: (e) => choose(e.target.value) },
    h("option", { value: "", selected: !value }, t("choose")),
    !known && value ? h("option", { value, selected: true }, value) : null,
    options.map((e) => h("option", { value: e.id, selected: e.id === value }, `${titleOf(e)} (${e.id})`)),
  );
}

export const titleOf = (summary) => summary.title?.[document.documentElement.lang] ?? summary.title?.en ?? summary.id;

/** A text in uz, ru and en side by side (stacked on a phone), and the optional hand-written Uzbek Cyrillic. */
function textInputs(texts, path, options, context) {
  const input = (lang, label) => {
    const id = newId();
    const props = {
      id,
      lang,
      value: texts[lang] ?? "",
      oninput: (e) => {
        if (lang === "uz-cyrl" && e.target.value.trim() === "") delete texts[lang];
        else texts[lang] = e.target.value;
        context.changed();
      },
    };
    return h(
      "div",
      { class: "lang", "data-path": `${path}.${lang}` },
      h("label", { for: id }, label),
      options.long ? h("textarea", { ...props, rows: options.tall ? 8 : 3 }) : h("input", { type: "text", ...props }),
    );
  };
  return redrawable((redraw) =>
    h(
      "div",
      { class: "langs" },
      TEXT_LANGS.map((lang) => input(lang, t(`lang-${lang}`))),
      texts["uz-cyrl"] !== undefined
        ? input("uz-cyrl", t("optionalCyrillic"))
        : h(
            "button",
            {
              type: "button",
              class: "quiet",
              onclick: () => {
                texts["uz-cyrl"] = "";
                redraw();
              },
            },
            t("addCyrillic"),
          ),
    ),
  );
}

function textField(spec, parent, path, context) {
  if (parent[spec.key] === undefined && !spec.optional) parent[spec.key] = emptyText();
  return redrawable((redraw) => {
    const texts = parent[spec.key];
    if (texts === undefined) return adder(spec, () => (parent[spec.key] = emptyText()), redraw, context, path);
    return h(
      "fieldset",
      { class: "field text", "data-path": path },
      h("legend", {}, labelOf(spec)),
      textInputs(texts, path, spec, context),
      spec.optional ? remover(() => delete parent[spec.key], redraw, context) : null,
    );
  });
}

/** How students write an entry's name, one wording per line, per language. */
function aliasesField(spec, parent, path, context) {
  const aliases = (parent[spec.key] ??= { uz: [], ru: [], en: [] });
  return h(
    "fieldset",
    { class: "field text", "data-path": path },
    h("legend", {}, `${labelOf(spec)} (${t("onePerLine")})`),
    h(
      "div",
      { class: "langs" },
      TEXT_LANGS.map((lang) => {
        const id = newId();
        return h(
          "div",
          { class: "lang", "data-path": `${path}.${lang}` },
          h("label", { for: id }, t(`lang-${lang}`)),
          h("textarea", {
            id,
            lang,
            rows: 4,
            value: (aliases[lang] ?? []).join("\n"),
            oninput: (e) => {
              aliases[lang] = e.target.value.split("\n").map((line) => line.trim()).filter(Boolean);
              context.changed();
            },
          }),
        );
      }),
    ),
  );
}

function listField(spec, parent, path, context) {
  return redrawable((redraw) => {
    const items = (parent[spec.key] ??= []);
    const structural = (change) => () => {
      change();
      redraw();
      context.changed();
    };
    const swap = (i, j) => ([items[i], items[j]] = [items[j], items[i]]);
    return h(
      "fieldset",
      { class: "field list", "data-path": path },
      h("legend", {}, labelOf(spec)),
      items.map((item, i) =>
        h(
          "div",
          { class: "item", "data-path": `${path}.${i}` },
          h(
            "div",
            { class: "item-head" },
            h("span", { class: "item-name" }, `${t(`item-${spec.item}`)} ${i + 1}`),
            h("button", { type: "button", class: "icon", title: t("up"), "aria-label": t("up"), disabled: i === 0, onclick: structural(() => swap(i, i - 1)) }, "↑"),
            h("button", { type: "button", class: "icon", title: t("down"), "aria-label": t("down"), disabled: i === items.length - 1, onclick: structural(() => swap(i, i + 1)) }, "↓"),
            h("button", { type: "button", class: "icon danger", title: t("remove"), "aria-label": t("remove"), onclick: structural(() => items.splice(i, 1)) }, "✕"),
          ),
          itemEditor(spec, items, i, `${path}.${i}`, context),
        ),
      ),
      h("button", { type: "button", class: "add", onclick: structural(() => items.push(spec.empty())) }, `+ ${t(`item-${spec.item}`)}`),
    );
  });
}

function itemEditor(spec, items, i, path, context) {
  if (spec.ref) return refSelect(newId(), spec.ref, items[i], (value) => set(items, i, value, context), context);
  if (spec.text) return textInputs(items[i], path, spec.text, context);
  return h("div", { class: "item-fields" }, spec.fields.map((inner) => field(inner, items[i], path, context)));
}

function groupField(spec, parent, path, context) {
  if (parent[spec.key] === undefined && !spec.optional) parent[spec.key] = {};
  return redrawable((redraw) => {
    const group = parent[spec.key];
    if (group === undefined) return adder(spec, () => (parent[spec.key] = spec.empty()), redraw, context, path);
    return h(
      "fieldset",
      { class: `field group${spec.row ? " row" : ""}`, "data-path": path },
      h("legend", {}, labelOf(spec)),
      spec.fields.map((inner) => field(inner, group, path, context)),
      spec.optional ? remover(() => delete parent[spec.key], redraw, context) : null,
    );
  });
}

function adder(spec, create, redraw, context, path) {
  const add = () => {
    create();
    redraw();
    context.changed();
  };
  return h("div", { class: "field absent", "data-path": path }, h("button", { type: "button", class: "add", onclick: add }, `+ ${labelOf(spec)}`));
}

function remover(remove, redraw, context) {
  const click = () => {
    remove();
    redraw();
    context.changed();
  };
  return h("button", { type: "button", class: "quiet danger", onclick: click }, t("remove"));
}

/**
 * Shows the API's problems next to their fields (the nearest field that has the path); returns those with
 * no field on the form (the whole entry, another entry), for the page to show above it.
 */
export function showProblems(form, problems) {
  for (const old of form.querySelectorAll(".problem")) old.remove();
  for (const old of form.querySelectorAll(".invalid")) old.classList.remove("invalid");
  const elsewhere = [];
  for (const problem of problems) {
    const place = placeOf(form, problem.path);
    if (!place) {
      elsewhere.push(problem);
      continue;
    }
    place.classList.add("invalid");
    place.append(h("p", { class: "problem", role: "alert" }, problemMessage(problem.message)));
  }
  const first = form.querySelector(".invalid");
  first?.scrollIntoView({ block: "center" });
  first?.querySelector("input, textarea, select")?.focus({ preventScroll: true });
  return elsewhere;
}

function placeOf(form, path) {
  const parts = path === "" ? [] : path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const found = form.querySelector(`[data-path="${CSS.escape(parts.slice(0, n).join("."))}"]`);
    if (found) return found;
  }
  return undefined;
}

/** The fields whose values differ between two versions of an entry: [{path, label, a, b}], for the conflict screen. */
export function differences(a, b) {
  const flat = (value, path, out) => {
    if (value !== null && typeof value === "object") {
      const keys = Object.keys(value);
      if (keys.length === 0) out.set(path, Array.isArray(value) ? "[]" : "{}");
      for (const key of keys) flat(value[key], pathOf(path, key), out);
    } else out.set(path, value);
    return out;
  };
  const left = flat(a, "", new Map());
  const right = flat(b, "", new Map());
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  return paths.filter((path) => left.get(path) !== right.get(path)).map((path) => ({ path, label: labelOfPath(path.split(".")), a: left.get(path), b: right.get(path) }));
}
