() => {
  const SMALL = 44;
  const CHART_TEXT = 12;
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true }); };
  const describe = (el) => ((el.innerText || "").trim() ? "" : el.outerHTML.slice(0, 160) + " ") + (el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " «" + (el.innerText || el.value || el.getAttribute("aria-label") || el.name || "").trim().slice(0, 40) + "»");
  const inlineInText = (el) => {
    // A link inside a sentence is exempt (WCAG 2.5.8): its block holds words besides the link.
    const block = el.closest("p, li, dd, td, th, span.hint, label, legend, h1, h2, h3, figcaption, .hint");
    if (!block || block === el) return false;
    const own = (el.innerText || "").trim();
    const all = (block.innerText || "").replace(/\s+/g, " ").trim();
    return all.length > own.length + 3;
  };
  const small = [];
  for (const el of document.querySelectorAll("a[href], button, summary, select, input:not([type=hidden]), textarea, [role=button]")) {
    if (!visible(el) || el.closest("[aria-hidden=true], .skip-link, svg")) continue;
    let target = el;
    if (el.matches("input[type=checkbox], input[type=radio]")) target = el.closest("label") || (el.id && document.querySelector(`label[for="${el.id}"]`)) || el;
    if (el.matches("a") && inlineInText(el)) continue;
    const r = target.getBoundingClientRect();
    if (r.height < SMALL - 0.5 || r.width < SMALL - 0.5) small.push(`${describe(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  // Text in a chart, at the size it is drawn: at least 12 px, and inside the chart (not cut off).
  const chartText = [];
  for (const text of document.querySelectorAll("main svg text")) {
    if (!visible(text) || text.closest("[aria-hidden=true]")) continue;
    const svg = text.ownerSVGElement;
    const drawn = parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a;
    const box = text.getBoundingClientRect(), frame = svg.getBoundingClientRect();
    const words = text.textContent.trim().slice(0, 30);
    if (drawn < CHART_TEXT - 0.05) chartText.push(`«${words}» ${drawn.toFixed(1)} px`);
    if (box.left < frame.left - 1 || box.right > frame.right + 1) chartText.push(`«${words}» går utenfor diagrammet`);
  }
  // Nothing reaches past the right edge of the screen, unless it sits in a row that scrolls sideways.
  const outside = [];
  const scrolls = (el) => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
  for (const el of document.querySelectorAll("main *, header *")) {
    if (!visible(el) || el.closest("svg, .skip-link, .visually-hidden")) continue;
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth + 1 && !scrolls(el)) outside.push(`${describe(el)} ${Math.round(r.right)} px`);
  }
  const h1 = document.querySelector("main h1");
  const said = document.querySelector("main .messages");
  const saidHeight = said ? said.getBoundingClientRect().height + parseFloat(getComputedStyle(said).marginTop) : 0;
  const titleTop = h1 ? h1.getBoundingClientRect().top + window.scrollY - saidHeight : null;
  return { small, titleTop, chartText, outside: outside.slice(0, 8) };
}
