// The script every preview page gets: reload after a rebuild that changed the page or a file it uses (keeping
// the scroll position), swap stylesheets when only CSS changed, and show build errors over the page. Added when
// a page is served, never written to disk, so the preview folder stays byte-identical to a `salve build`.
import Foundation

enum LiveReload {
    static let scriptPath = "/_salve/live.js"
    static let eventsPath = "/_salve/events"
    static let tag = Array("<script src=\"\(scriptPath)\"></script>\n".utf8)

    /// Pages get the script; everything else is served as it is.
    static func injects(_ path: String) -> Bool { path.hasSuffix(".html") }

    /// `html` with the script tag before its last `</body>`, or at the end when there is none; either way the
    /// length grows by exactly `tag.count`, which the Content-Length announced before reading relies on.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let closing = Array("</body>".utf8)
        var position = html.count
        if html.count >= closing.count {
            var index = html.count - closing.count
            while index >= 0 {
                if html[index] == closing[0], Array(html[index..<index + closing.count]) == closing {
                    position = index
                    break
                }
                index -= 1
            }
        }
        return Array(html[..<position]) + tag + Array(html[position...])
    }

    /// The tab's decision, kept apart from the DOM so `node --test` can run it (Tests/Preview/live_reload.test.mjs
    /// reads it out of this file: keep it a raw literal without interpolation).
    static let decision = #"""
        // Whether a tab must reload after a rebuild. `change` is the reload event's data: {"all": true}, or
        // {"paths": [...]} with the site paths written or deleted; `pathname` is the tab's address; `uses` the
        // pathnames of the files the page links (scripts, images, stylesheets, the search index); `notFound`
        // true when the tab shows the 404 page (or may). Anything not understood reloads.
        function salveMustReload(change, pathname, uses, notFound) {
          if (!change || change.all === true || !Array.isArray(change.paths)) return true;
          const changed = new Set(change.paths);
          const own = salvePageFiles(pathname);
          if (notFound) own.push("404.html");
          return own.some((path) => changed.has(path)) || uses.some((url) => changed.has(salveSitePath(url)));
        }
        // The files an address can be served from: a folder serves its index.html, and "/a" is redirected to "/a/".
        function salvePageFiles(pathname) {
          const path = salveSitePath(pathname);
          if (path === "" || path.endsWith("/")) return [path + "index.html"];
          return path.endsWith(".html") ? [path] : [path, path + "/index.html"];
        }
        // A URL's pathname as a path in the site folder: decoded, without the leading slash.
        function salveSitePath(pathname) {
          let path = pathname;
          try { path = decodeURIComponent(pathname); } catch {}
          return path.replace(/^\/+/, "");
        }

        """#

    // The decision goes inside the function, so the page's own scripts see no new globals.
    static let script = """
        // Salve preview: live reload and build errors. Only the preview serves this.
        (() => {

        """ + decision + """
          const key = "salve-scroll:" + location.pathname;
          const saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            addEventListener("load", () => scrollTo(0, Number(saved)));
          }
          const overlayID = "salve-build-errors";
          function hide() { document.getElementById(overlayID)?.remove(); }
          function show(lines) {
            hide();
            const box = document.createElement("div");
            box.id = overlayID;
            box.setAttribute("role", "alert");
            // At most a third of the screen, so the page being edited stays readable above it.
            box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:33vh;overflow:auto;z-index:2147483647;" +
              "background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;padding:1rem;font:14px/1.4 monospace";
            const title = document.createElement("strong");
            title.textContent = "Salve: the last build failed; this is the last good version of the page.";
            const list = document.createElement("pre");
            list.style.cssText = "white-space:pre-wrap;margin:.5rem 0 0";
            list.textContent = lines.join("\\n");
            const close = document.createElement("button");
            close.type = "button";
            close.textContent = "Close";
            close.setAttribute("aria-label", "Close the build errors");
            close.style.cssText = "float:right;min-width:44px;min-height:32px;font:inherit;margin-left:1rem";
            close.addEventListener("click", hide);
            box.append(close, title, list);
            document.body.append(box);
          }
          const events = new EventSource("\(eventsPath)");
          // Same-origin pathnames of the files the page loads; links to other pages are not among them.
          function usedFiles() {
            const found = [];
            const add = (value) => {
              try {
                const url = new URL(value, location.href);
                if (url.origin === location.origin) found.push(url.pathname);
              } catch {}
            };
            const loaded = "link[rel~=stylesheet][href],link[rel~=icon][href],link[rel~=preload][href]," +
              "link[rel~=modulepreload][href],link[rel~=manifest][href]";
            document.querySelectorAll(loaded).forEach((link) => add(link.getAttribute("href")));
            document.querySelectorAll("[src]").forEach((element) => add(element.getAttribute("src")));
            document.querySelectorAll("[poster]").forEach((element) => add(element.getAttribute("poster")));
            document.querySelectorAll("object[data]").forEach((element) => add(element.getAttribute("data")));
            // The search page names its index here and fetches the rest from it.
            document.querySelectorAll("[data-index]").forEach((element) => add(element.getAttribute("data-index")));
            document.querySelectorAll("[srcset]").forEach((element) => {
              element.getAttribute("srcset").split(",").forEach((candidate) => add(candidate.trim().split(/\\s+/)[0]));
            });
            return found;
          }
          // A tab at a missing address shows 404.html; when the browser cannot say, assume it might.
          function servedAsNotFound() {
            const status = performance.getEntriesByType("navigation")[0]?.responseStatus;
            return !status || status === 404;
          }
          events.addEventListener("reload", (event) => {
            let change = null;
            try { change = JSON.parse(event.data); } catch {}
            if (!salveMustReload(change, location.pathname, usedFiles(), servedAsNotFound())) return;
            sessionStorage.setItem(key, String(scrollY));
            location.reload();
          });
          events.addEventListener("stylesheets", async () => {
            hide();
            // Stylesheets have content-hashed names: the page as rebuilt names the new ones, in the same order.
            let fresh = [];
            try {
              const text = await (await fetch(location.href, { cache: "no-store" })).text();
              fresh = [...new DOMParser().parseFromString(text, "text/html").querySelectorAll('link[rel="stylesheet"]')];
            } catch {}
            const links = document.querySelectorAll('link[rel="stylesheet"]');
            links.forEach((link, index) => {
              const url = new URL(fresh.length === links.length ? fresh[index].getAttribute("href") : link.href, location.href);
              url.searchParams.set("salve", String(Date.now()));
              link.href = url.href;
            });
          });
          events.addEventListener("errors", (event) => show(JSON.parse(event.data)));
        })();

        """
}
