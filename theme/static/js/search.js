// The search page: runs the search in the page with Pagefind and writes the results with the site's own markup.
// Rules it keeps: it never moves focus; it says the number of results once, in the page's one status message, after
// typing pauses or a filter changes; it writes text only (never markup from the index); the words and filters stay in
// the address, so that a shared link repeats the search.

const TYPING_PAUSE = 600; // ms after the last key before searching
const FILTER_PAUSE = 300; // ms after the last checkbox change
// Ranking: a word typed whole ranks well above a longer word it begins ("tuli" before "tulis"), and the words a page
// holds for matching only (labels and the words people use for them: the "terms" metadata) count for less than the
// program's own text, so that a program about a thing comes before one that only lists it; root words ("roots":
// tulis for menulis) count as the text they come from.
// What a result shows (state, status, date, place, cost, language) is metadata too, which Pagefind also searches: it
// counts for nothing, so that "00" or a weekday finds no program.
const SHOWN_ONLY = { state: 0, status: 0, prefix: 0, when: 0, place: 0, cost: 0, lang: 0 };
const RANKING = { termSimilarity: 8, metaWeights: { terms: 0.15, roots: 1, ...SHOWN_ONLY } };
const PAST_WEIGHT = 0.4; // what a program that is over or cancelled counts for against one open or full

const form = document.getElementById("search-form");
if (form) start(form);

async function start(form) {
  const text = JSON.parse(document.getElementById("search-text").textContent);
  const input = form.elements.q;
  const status = document.getElementById("search-status");
  const filterBox = document.getElementById("search-filters");
  const section = document.getElementById("search-results");
  const list = document.getElementById("search-list");
  const more = document.getElementById("search-more");
  const suggestions = document.getElementById("search-suggestions");
  const hint = document.getElementById("search-hint");
  const lang = document.documentElement.lang;
  const batch = Number(form.dataset.batch) || 8;
  const every = form.dataset.every;
  const plural = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(Intl.NumberFormat.supportedLocalesOf([lang]).length ? lang : "id");
  const boxes = Array.from(form.querySelectorAll('input[type="checkbox"]'));
  const groups = [...new Set(boxes.map((box) => box.name))];

  // True only where the script runs: an empty search lists every program.
  if (hint && text.hint_more) hint.append(" " + text.hint_more);

  let lastSaid = "";
  let timer = 0;
  let sequence = 0;
  let found = []; // the current results, in the order shown
  let shown = 0;
  let query = "";

  const say = (message) => {
    if (message && message !== lastSaid) {
      status.textContent = message;
      lastSaid = message;
    }
  };
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
  const count = (pair, n, values) => fill(pair[plural.select(n) === "one" ? 0 : 1], { num: numbers.format(n), ...values });

  // Pagefind (its script, WebAssembly and index) loads only when someone is about to search: a visitor who only
  // reads the page downloads none of it.
  let engine = null;
  const load = () => (engine ||= (async () => {
    const pagefind = await import(form.dataset.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: form.dataset.base, noWorker: true, excerptLength: 24, ranking: RANKING });
    await pagefind.init();
    // Every filter's values, loaded before the first search: Pagefind fetches a filter's part of the index only when
    // a search uses it, and counts nothing for a filter it has not loaded (every count read 0 after a first search
    // with words, for the whole visit).
    await pagefind.filters();
    return pagefind;
  })());

  // The filters chosen, as Pagefind takes them: any of the values within a group, every group.
  const chosen = (except) => {
    const filters = {};
    for (const box of boxes) {
      if (box.checked && box.name !== except) (filters[box.name] ||= { any: [] }).any.push(box.value);
    }
    return filters;
  };

  // How many results each value would give: Pagefind counts, among the results, the programs with each value (every
  // filter's part of the index is loaded first, see load). In a group where something is chosen, a value's count is
  // what choosing it too would give (any of the group): counted by a search without that group, below.
  const countsOf = (search) => search.filters || {};

  const remember = () => {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    for (const box of boxes) if (box.checked) params.append(box.name, box.value);
    const address = params.toString() ? `${location.pathname}?${params}` : location.pathname;
    history.replaceState(null, "", address);
  };

  const run = async () => {
    const mine = ++sequence;
    let pagefind;
    try {
      pagefind = await load();
    } catch (error) {
      say(text.unavailable);
      return;
    }
    if (mine !== sequence) return;
    query = input.value.trim();
    const filters = chosen();
    let results;
    let counts;
    if (query) {
      // Whole words first: a program with the words as typed ("tuli") comes before one where they only begin a
      // longer word ("tulisan"); Pagefind's search in quotes finds those (and, for several words, the phrase). Then by
      // relevance, a program that is over or cancelled counting for less than one people can still join: it comes
      // after them unless it matches much better.
      const search = await pagefind.search(query, { filters });
      const upcoming = await pagefind.search(query, { filters: { ...filters, upcoming: "1" } });
      const exact = query.includes('"') ? search : await pagefind.search(`"${query}"`, { filters });
      const ahead = new Set(upcoming.results.map((r) => r.id));
      const whole = new Set(exact.results.map((r) => r.id));
      const weight = (r) => r.score * (ahead.has(r.id) ? 1 : PAST_WEIGHT);
      results = search.results.map((r, i) => [whole.has(r.id) ? 0 : 1, weight(r), i, r])
        .sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2]).map((x) => x[3]);
      counts = countsOf(search);
    } else {
      // No words: every program that has the filters, in the catalog's order. Found by the one word every program's
      // entry holds (data-every), which fetches one small part of the index; Pagefind's search without words would
      // fetch all of it.
      const search = await pagefind.search(every, { filters, sort: { rank: "asc" } });
      results = search.results;
      counts = countsOf(search);
    }
    const perGroup = {};
    for (const group of groups) {
      if (filters[group]) {
        const others = chosen(group);
        const without = await pagefind.search(query || every, { filters: others });
        perGroup[group] = countsOf(without)[group] || {};
      }
    }
    if (mine !== sequence) return; // a newer search has started
    for (const box of boxes) {
      const n = (perGroup[box.name] || counts[box.name] || {})[box.value] || 0;
      box.labels[0].querySelector(".count").textContent = `(${numbers.format(n)})`;
    }
    found = results;
    shown = 0;
    list.replaceChildren();
    await showMore(mine);
    if (mine !== sequence) return;
    section.hidden = false;
    filterBox.hidden = false;
    remember();
    const picked = boxes.filter((box) => box.checked).length;
    let message;
    let offered = [];
    if (!found.length && query) offered = await nearest(pagefind, query, filters);
    if (mine !== sequence) return;
    suggest(offered);
    if (found.length) message = query ? count(text.found_query, found.length, { query }) : count(text.found_all, found.length, {});
    else message = query ? fill(text.none_query, { query }) : text.none_all;
    if (offered.length) message += " " + fill(text.suggest_said, { words: offered.join(", ") });
    if (picked) message += " " + count(text.filters, picked, {});
    say(message);
  };

  const showMore = async (mine) => {
    const next = found.slice(shown, shown + batch);
    const items = await Promise.all(next.map((result) => result.data()));
    if (mine !== sequence) return;
    for (const data of items) list.append(card(data));
    shown += next.length;
    const rest = found.length - shown;
    more.hidden = found.length <= batch;
    // Never hidden while it may hold focus: it says that everything is shown instead.
    more.setAttribute("aria-disabled", rest > 0 ? "false" : "true");
    more.textContent = rest > 0 ? text.more : text.all_shown;
  };

  // When nothing matches: for each word typed that search does not know, the known words nearest to it (typing
  // errors: "komputr", "lansai"), from the site's words (words.json, fetched only then). Offered are the searches
  // that would find something with the filters chosen, at most three.
  let known = null;
  const nearest = async (pagefind, typed, filters) => {
    try {
      known ||= fetch(form.dataset.words).then((response) => response.json());
      const words = await known;
      const have = new Set(words);
      const parts = typed.toLocaleLowerCase(lang).split(/\s+/).filter(Boolean);
      const options = parts.map((part) => (have.has(part) || part.length < 3 ? [part] : closest(part, words)));
      if (options.every((choices, i) => choices.length === 1 && choices[0] === parts[i])) return [];
      const offered = [];
      for (let i = 0; i < 3; i++) {
        const candidate = options.map((choices, j) => (choices.length ? choices[Math.min(i, choices.length - 1)] : parts[j])).join(" ");
        if (candidate === parts.join(" ") || offered.includes(candidate)) continue;
        if ((await pagefind.search(candidate, { filters })).results.length) offered.push(candidate);
      }
      return offered;
    } catch (error) {
      return [];
    }
  };

  const suggest = (offered) => {
    const items = offered.map((words) => {
      const params = new URLSearchParams();
      params.set("q", words);
      for (const box of boxes) if (box.checked) params.append(box.name, box.value);
      const link = element("a", "", words);
      link.href = `${location.pathname}?${params}`;
      const item = element("li");
      item.append(link);
      return item;
    });
    suggestions.querySelector("ul").replaceChildren(...items);
    suggestions.hidden = !items.length;
  };

  const later = (pause) => {
    clearTimeout(timer);
    timer = setTimeout(run, pause);
  };

  input.addEventListener("focus", () => load().catch(() => {}), { once: true });
  input.addEventListener("input", () => later(TYPING_PAUSE));
  for (const box of boxes) box.addEventListener("change", () => later(FILTER_PAUSE));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  more.addEventListener("click", async () => {
    if (more.getAttribute("aria-disabled") === "true") return;
    const mine = sequence;
    await showMore(mine);
    if (mine === sequence) say(fill(text.shown, { shown: numbers.format(shown), num: numbers.format(found.length) }));
  });

  // A shared or reloaded address repeats its search.
  const params = new URLSearchParams(location.search);
  if (params.has("q")) input.value = params.get("q");
  let restored = params.has("q");
  for (const box of boxes) {
    if (params.getAll(box.name).includes(box.value)) {
      box.checked = true;
      restored = true;
    }
  }
  if (restored) run();
}

// One result as a program card: title link in a heading, the words around what was found, status, next session,
// place and cost. Everything from the index is set as text.
function card(data) {
  const meta = data.meta || {};
  const item = element("li", "program-card");
  const heading = element("h3");
  const link = element("a");
  link.href = data.url;
  if (meta.prefix) link.append(meta.prefix + " ");
  const title = element("span", "", meta.title || data.url);
  if (meta.lang) title.lang = meta.lang;
  link.append(title);
  heading.append(link);
  item.append(heading);
  const words = element("p");
  if (meta.lang) words.lang = meta.lang;
  excerpt(words, data.excerpt || "");
  item.append(words);
  if (meta.state) {
    const facts = element("ul", "facts");
    const badge = element("span", `status status-${meta.state.replace(/[^a-z]/g, "")}`, meta.status || "");
    const first = element("li");
    first.append(badge);
    facts.append(first);
    for (const fact of [meta.when, meta.place, meta.cost]) if (fact) facts.append(element("li", "", fact));
    item.append(facts);
  }
  return item;
}

// Pagefind's excerpt marks the words found with <mark>; only those marks are kept, everything else is text. It comes
// from the page's own text only: the title is metadata (shown in the heading), and so are the words added for
// matching (katalog.search).
function excerpt(target, html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
  const walk = (from) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) target.append(node.textContent);
      else if (node.nodeName === "MARK") target.append(element("mark", "", node.textContent));
      else walk(node);
    }
  };
  walk(parsed);
}

function element(name, className = "", content = "") {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (content) node.textContent = content;
  return node;
}

// The words nearest to a word by edit distance (letters added, removed, changed or two swapped), at most one edit for
// words of up to four letters and two for longer ones; nearest first, then the more frequent (words come so ordered).
function closest(word, words) {
  const limit = word.length <= 4 ? 1 : 2;
  const found = [];
  for (const candidate of words) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = edits(word, candidate, limit);
    if (distance <= limit) found.push([distance, found.length, candidate]);
  }
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, 3).map((entry) => entry[2]);
}

// Optimal string alignment distance, given up on (limit + 1) once every way is over the limit.
function edits(a, b, limit) {
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}
