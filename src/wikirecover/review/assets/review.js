// The review page: one toggle per hunk (keep what the page has, or revert to the other text),
// the result rebuilt from the page's pieces on every change, exactly as
// `wikirecover restore --apply-decisions` rebuilds it from a saved decisions file.
(function () {
  "use strict";
  const started = performance.now();
  const data = JSON.parse(document.getElementById("review-data").textContent);
  const hunks = data.hunks;
  const between = data.between;
  const CONTEXT = 200;
  const timings = { open: 0, toggles: [], parse: performance.now() - started };
  window.reviewTimings = timings;
  // review order: hunks for review first, then the certain ones, each in page order
  const order = hunks.map((_, i) => i).sort((a, b) => (hunks[a].certain - hunks[b].certain) || a - b);
  const cards = [];
  const navItems = [];
  let at = 0; // position in `order`

  function tail(text) {
    if (text.length <= CONTEXT) return text;
    let start = text.length - CONTEXT;
    if (/[\uDC00-\uDFFF]/.test(text[start])) start += 1;
    return "…" + text.slice(start);
  }
  function head(text) {
    if (text.length <= CONTEXT) return text;
    let end = CONTEXT;
    if (/[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1;
    return text.slice(0, end) + "…";
  }
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function side(cls, label, index, text) {
    const box = el("div", "side " + cls);
    box.appendChild(el("h4", "", label));
    const pre = el("pre");
    pre.appendChild(document.createTextNode(tail(between[index])));
    const mark = el("mark", text ? "" : "empty", text);
    pre.appendChild(mark);
    pre.appendChild(document.createTextNode(head(between[index + 1])));
    box.appendChild(pre);
    return box;
  }
  function label(hunk) {
    return hunk.decision === "revert" ? "reverted: " + data.labels.other : "kept: " + data.labels.page;
  }
  function paint(index) {
    const hunk = hunks[index];
    const card = cards[index];
    card.classList.toggle("revert", hunk.decision === "revert");
    card.classList.toggle("keep", hunk.decision !== "revert");
    const button = card.querySelector(".toggle");
    button.textContent = label(hunk);
    button.setAttribute("aria-pressed", hunk.decision === "revert" ? "true" : "false");
    navItems[index].classList.toggle("revert", hunk.decision === "revert");
    navItems[index].title = hunk.reason;
  }
  function result() {
    const out = [between[0]];
    for (let i = 0; i < hunks.length; i++) {
      out.push(hunks[i].decision === "revert" ? hunks[i].other : hunks[i].page);
      out.push(between[i + 1]);
    }
    return out.join("");
  }
  function offsetOf(index) {
    let n = between[0].length;
    for (let i = 0; i < index; i++) {
      n += (hunks[i].decision === "revert" ? hunks[i].other : hunks[i].page).length + between[i + 1].length;
    }
    return n;
  }
  const preview = document.getElementById("preview");
  const status = document.getElementById("status");
  const WINDOW = 2500; // characters of the result shown either side of the current hunk
  window.reviewResult = result;
  function refresh() {
    let reverted = 0, changed = 0;
    for (const hunk of hunks) {
      reverted += hunk.decision === "revert";
      changed += hunk.decision !== hunk.preset;
    }
    const review = hunks.filter((h) => !h.certain).length;
    status.textContent = hunks.length + " hunks, " + reverted + " reverted, " + review +
      " for review, " + changed + " changed by you";
  }
  // The preview shows the result around the current hunk (the whole result is what is saved
  // and copied): a 300 KB text laid out again on every toggle would take most of a second.
  function showInPreview(index) {
    const text = result();
    const hunk = hunks[index];
    const start = offsetOf(index);
    const end = start + (hunk.decision === "revert" ? hunk.other : hunk.page).length;
    let from = Math.max(0, text.lastIndexOf("\n", Math.max(0, start - WINDOW)) + 1);
    let to = text.indexOf("\n", Math.min(text.length, end + WINDOW));
    if (to < 0) to = text.length;
    if (from > start) from = 0;
    const line = text.slice(0, from).split("\n").length;
    preview.replaceChildren(
      el("span", "where", "line " + line + " of " + (text.split("\n").length) + "\n"),
      document.createTextNode((from > 0 ? "…" : "") + text.slice(from, start)),
      el("mark", start === end ? "empty" : "", text.slice(start, end)),
      document.createTextNode(text.slice(end, to) + (to < text.length ? "…" : "")),
    );
    const mark = preview.querySelector("mark");
    preview.scrollTop = Math.max(0, mark.offsetTop - preview.offsetTop - preview.clientHeight / 3);
  }
  function select(position) {
    if (!order.length) return;
    at = Math.max(0, Math.min(order.length - 1, position));
    const index = order[at];
    for (const card of document.querySelectorAll(".card.current")) card.classList.remove("current");
    for (const item of document.querySelectorAll("#nav li.current")) item.classList.remove("current");
    cards[index].classList.add("current");
    navItems[index].classList.add("current");
    cards[index].scrollIntoView({ block: "nearest" });
    navItems[index].scrollIntoView({ block: "nearest" });
    showInPreview(index);
  }
  function decide(index, decision) {
    const t = performance.now();
    const hunk = hunks[index];
    hunk.decision = decision || (hunk.decision === "revert" ? "keep" : "revert");
    paint(index);
    refresh();
    showInPreview(index);
    requestAnimationFrame(() => setTimeout(() => timings.toggles.push(performance.now() - t), 0));
  }
  function download(name, text, type) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  function decisions() {
    return {
      format: "wikirecover-decisions", version: 1, kind: data.kind, title: data.title,
      labels: data.labels, notes: data.notes, between: between,
      hunks: hunks.map((h, i) => ({
        id: i + 1, page: h.page, other: h.other, decision: h.decision, preset: h.preset,
        certain: h.certain, reason: h.reason,
      })),
    };
  }
  const stem = (data.title || "page").replace(/[^\w.-]+/g, "_");
  function saveResult() { download(stem + ".reviewed.wiki", result(), "text/plain;charset=utf-8"); }
  function saveDecisions() {
    download(stem + ".decisions.json", JSON.stringify(decisions(), null, 1) + "\n", "application/json");
  }
  function copy() {
    const text = result();
    const done = () => { document.getElementById("copied").textContent = "copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => { fallbackCopy(); done(); });
    } else { fallbackCopy(); done(); }
  }
  function fallbackCopy() {
    const box = document.createElement("textarea");
    box.value = result();
    document.body.appendChild(box);
    box.select();
    document.execCommand("copy");
    box.remove();
  }

  const cardBox = document.getElementById("cards");
  const nav = document.getElementById("nav");
  const cardFragment = document.createDocumentFragment();
  const navFragment = document.createDocumentFragment();
  hunks.forEach((hunk, index) => {
    const card = el("section", "card" + (hunk.certain ? "" : " uncertain"));
    card.id = "hunk-" + (index + 1);
    const top = el("header");
    top.appendChild(el("strong", "", "#" + (index + 1)));
    top.appendChild(el("span", "badge", hunk.certain ? "certain" : "for review"));
    const button = el("button", "toggle");
    button.type = "button";
    button.addEventListener("click", () => { button.blur(); select(order.indexOf(index)); decide(index); });
    top.appendChild(button);
    top.appendChild(el("span", "reason", hunk.reason));
    card.appendChild(top);
    const sides = el("div", "sides");
    sides.appendChild(side("page", data.labels.page, index, hunk.page));
    sides.appendChild(side("other", data.labels.other, index, hunk.other));
    card.appendChild(sides);
    card.addEventListener("click", (event) => {
      if (event.target.tagName !== "BUTTON") select(order.indexOf(index));
    });
    cards[index] = card;
    const shown = hunk.page ? hunk.page : "− " + hunk.other;
    const item = el("li", hunk.certain ? "" : "uncertain", "#" + (index + 1) + " " +
      shown.replace(/\s+/g, " ").slice(0, 40));
    item.addEventListener("click", () => select(order.indexOf(index)));
    navItems[index] = item;
  });
  for (const index of order) {
    cardFragment.appendChild(cards[index]);
    navFragment.appendChild(navItems[index]);
  }
  timings.cards = performance.now() - started;
  cardBox.appendChild(cardFragment);
  nav.appendChild(navFragment);
  hunks.forEach((_, index) => paint(index));
  refresh();
  timings.painted = performance.now() - started;

  document.getElementById("save").addEventListener("click", saveResult);
  document.getElementById("save-decisions").addEventListener("click", saveDecisions);
  document.getElementById("copy").addEventListener("click", copy);
  document.addEventListener("keydown", (event) => {
    if (event.altKey) return;
    if ((event.ctrlKey || event.metaKey) && event.key === "s") {
      event.preventDefault();
      saveResult();
      return;
    }
    if (event.ctrlKey || event.metaKey || !order.length) return;
    const index = order[at];
    const keys = {
      j: () => select(at + 1), ArrowDown: () => select(at + 1), n: () => select(at + 1),
      k: () => select(at - 1), ArrowUp: () => select(at - 1), p: () => select(at - 1),
      " ": () => decide(index), t: () => decide(index),
      r: () => decide(index, "revert"), c: () => decide(index, "keep"),
      Home: () => select(0), End: () => select(order.length - 1),
      d: () => saveDecisions(),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });
  document.body.offsetHeight;
  timings.layout = performance.now() - started;
  if (order.length) select(0);
  else preview.textContent = "No hunks: the result is the page as given.\n\n" + head(result());
  timings.open = performance.now();
  timings.build = performance.now() - started;
  document.body.dataset.ready = "1";
})();
