// The search page: results as you type, q kept in the URL, the count announced, more results on request.
// Content never becomes HTML: results are built from text nodes, and the only elements added around matched
// words are <mark>s.
import { SearchEngine, highlight } from "./search-engine.js";

// The page's words: English unless the page carries its language's (a <script id="search-texts"> holding the
// search_* keys of templates/strings/CODE.yml, with `months` and `date_format`).
const TEXTS = {
  search_unavailable: "Search is not available right now. All topics are listed below.",
  search_results_heading: "Results",
  search_no_results: "No results for “{query}”. Try other words, or browse all topics below.",
  search_count_one: "{count} result for “{query}”.",
  search_count_other: "{count} results for “{query}”.",
  search_count_shown: "{count} results for “{query}”, showing the best {shown}.",
  search_show_more: "Show {count} more results",
  search_from: "from: {page}",
  search_last_reviewed: "Last reviewed {date}",
  date_format: "{day} {month} {year}",
  months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"],
  ...readTexts(),
};
const DEBOUNCE_MS = 200;
const SHOWN = 20;

function readTexts() {
  try {
    return JSON.parse(document.getElementById("search-texts")?.textContent ?? "{}");
  } catch {
    return {};
  }
}

/** `text` with each `{name}` replaced by `values[name]`. */
function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** A paragraph of `text` with the element `node` where `{name}` is. */
function around(text, name, node, className) {
  const [before, after = ""] = text.split(`{${name}}`);
  const paragraph = element("p", before, className);
  paragraph.append(node, document.createTextNode(after));
  return paragraph;
}

const form = document.getElementById("search-page-form");
const input = document.getElementById("search-page-input");
const status = document.getElementById("search-status");
const container = document.getElementById("search-results");
if (form && input && status && container) start();

function start() {
  // The entry point's URL comes from the page (it carries the site's base path); the rest is relative to it.
  const engine = new SearchEngine(new URL(container.dataset.index, document.baseURI), async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
    return response.json();
  });
  let generation = 0;
  let timer = 0;

  async function run(typing) {
    const query = input.value;
    const mine = ++generation;
    keepInURL(query);
    if (!query.trim()) {
      container.replaceChildren();
      status.textContent = "";
      return;
    }
    try {
      const found = await engine.search(query, { typing, limit: SHOWN });
      if (mine === generation) render(found, query, () => more(query, typing, mine));
    } catch {
      if (mine === generation) status.textContent = TEXTS.search_unavailable;
    }
  }

  // The next results after those shown, appended to the list; focus moves to the first new one.
  async function more(query, typing, mine) {
    const list = container.querySelector("ol");
    const offset = list.children.length;
    try {
      const found = await engine.search(query, { typing, limit: SHOWN, offset });
      if (mine !== generation) return;
      for (const result of found.results) list.append(item(result, found.terms, found.phrases, found.language));
      showing(found.total, list.children.length, query);
      offerMore(found.total, list.children.length, () => more(query, typing, mine));
      list.children[offset]?.querySelector("a")?.focus();
    } catch {
      if (mine === generation) status.textContent = TEXTS.search_unavailable;
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    // A word followed by a space is finished; otherwise the last word is still being typed.
    timer = setTimeout(() => run(!/\s$/.test(input.value)), DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(false);
  });
  // Down arrow from the box goes to the first result; Tab works as everywhere else.
  input.addEventListener("keydown", (event) => {
    const first = container.querySelector("a");
    if (event.key === "ArrowDown" && first) {
      event.preventDefault();
      first.focus();
    }
  });
  const query = new URLSearchParams(location.search).get("q");
  if (query) {
    input.value = query;
    run(false);
  }
}

function keepInURL(query) {
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
}

function render({ total, results, terms, phrases, language }, query, next) {
  showing(total, results.length, query);
  if (total === 0) {
    container.replaceChildren();
    return;
  }
  const heading = element("h2", TEXTS.search_results_heading);
  heading.id = "results-heading";
  const list = document.createElement("ol");
  list.className = "cards search-results";
  list.setAttribute("aria-labelledby", "results-heading");
  for (const result of results) list.append(item(result, terms, phrases, language));
  container.replaceChildren(heading, list);
  offerMore(total, results.length, next);
}

function showing(total, shown, query) {
  const text = total === 0 ? TEXTS.search_no_results
    : total > shown ? TEXTS.search_count_shown
    : total === 1 ? TEXTS.search_count_one : TEXTS.search_count_other;
  status.textContent = fill(text, { query, count: total, shown });
}

// A button after the list while results are left over; it replaces the one before it.
function offerMore(total, shown, next) {
  container.querySelector(".search-more")?.remove();
  if (total <= shown) return;
  const button = element("button", fill(TEXTS.search_show_more, { count: Math.min(SHOWN, total - shown) }), "search-more");
  button.type = "button";
  button.addEventListener("click", next, { once: true });
  container.append(button);
}

function item(result, terms, phrases, language) {
  const li = document.createElement("li");
  li.className = "card search-result";
  const link = element("a", result.title);
  link.href = safeURL(result.url);
  const title = document.createElement("h3");
  title.append(link);
  const parts = [title, element("span", result.kind, "card-kind")];
  if (result.page) {
    // A FAQ answer's title is its question: name the page it is on.
    const page = element("a", result.page.title);
    page.href = safeURL(result.page.url);
    parts.push(around(TEXTS.search_from, "page", page, "search-from"));
  }
  const snippet = document.createElement("p");
  for (const piece of highlight(result.snippet, terms, phrases, language)) {
    snippet.append(piece.mark ? element("mark", piece.text) : document.createTextNode(piece.text));
  }
  const time = element("time", longDate(result.lastReviewed));
  time.dateTime = result.lastReviewed;
  const reviewed = around(TEXTS.search_last_reviewed, "date", time, "search-reviewed");
  li.append(...parts, snippet, reviewed);
  return li;
}

function safeURL(url) {
  return /^(\/|https?:\/\/)/.test(url) ? url : "#";
}

function element(name, text, className) {
  const node = document.createElement(name);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function longDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  const name = TEXTS.months[month - 1];
  return name ? fill(TEXTS.date_format, { day, month: name, year }) : iso;
}
