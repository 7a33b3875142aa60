// The script every preview page gets: reload after a rebuild (keeping the scroll position), swap stylesheets
// when only CSS changed, and show build errors over the page. Added when a page is served, never written to
// disk, so the preview folder stays byte-identical to a `salve build`.
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

    static let script = """
        // Salve preview: live reload and build errors. Only the preview serves this.
        (() => {
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
          events.addEventListener("reload", () => {
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
