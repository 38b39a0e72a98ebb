// Elements made with DOM methods: text is always text (never parsed as HTML), and no style attribute is ever set (the CSP forbids them).

/**
 * h("button", { class: "primary", onclick }, "Publish"). Properties the
 * element has (value, checked, type, disabled) are set as properties, in the
 * order given (type before value); the rest as attributes.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") element.className = value;
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (key in element && !key.includes("-")) element[key] = value;
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Replaces an element's content. */
export const fill = (element, ...children) => {
  element.replaceChildren();
  return append(element, children);
};
