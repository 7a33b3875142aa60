// Prints, as JSON, the files search-engine.js fetches for each query (a fresh engine per query, as a new visitor).
//   node Benchmarks/search_fetch.mjs SITE_DIR "query one" "query two" ...
import { readFile } from "node:fs/promises";
import { pathToFileURL, fileURLToPath } from "node:url";
import { SearchEngine } from "../templates/assets/search-engine.js";

const [site, ...queries] = process.argv.slice(2);
const report = {};
for (const query of queries) {
  const fetched = [];
  const engine = new SearchEngine(pathToFileURL(site.replace(/\/?$/, "/") + "search-index.json"), async (url) => {
    const path = fileURLToPath(url);
    fetched.push(path);
    return JSON.parse(await readFile(path, "utf8"));
  });
  const found = await engine.search(query, { limit: 10 });
  report[query] = { files: fetched, total: found.total, first: found.results[0]?.url ?? null };
}
console.log(JSON.stringify(report));
