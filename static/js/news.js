/* Article pages: count one view per visit, and copy the short link. Works with cached HTML:
   the count is a separate request made here, not part of rendering the page. */
(function () {
    "use strict";
    var article = document.querySelector("[data-view-url]");
    if (article) {
        var url = article.getAttribute("data-view-url");
        if (navigator.sendBeacon) {
            navigator.sendBeacon(url);
        } else if (window.fetch) {
            fetch(url, { method: "POST", credentials: "omit", keepalive: true });
        }
    }

    var button = document.querySelector(".copy-link");
    var status = document.querySelector(".copy-link__status");
    if (button && navigator.clipboard) {
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(button.getAttribute("data-copy")).then(
                function () { status.textContent = "نشانی کوتاه رونوشت شد."; },
                function () { status.textContent = "رونوشت نشد؛ نشانی را از نوار نشانی بردارید."; }
            );
        });
    }
})();
