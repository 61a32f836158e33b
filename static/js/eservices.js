/* E-services page: filter the list as the reader types. Without JavaScript the same form is
   submitted and the server filters; both fold spellings the same way (portal/text.py). */
(function () {
    "use strict";

    var form = document.querySelector("[data-eservices-filter]");
    var status = document.querySelector("[data-eservices-status]");
    if (!form || !status) { return; }
    var input = form.querySelector("input[name=q]");
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-search]"));
    var sections = Array.prototype.slice.call(document.querySelectorAll("[data-eservices-category]"));
    var total = cards.length;

    var LETTERS = { "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و" };
    var PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
    var ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

    function fold(text) {
        return text.normalize("NFKC")
            .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, "")
            .replace(/[يىئكةۀأإآٱؤ]/g, function (ch) { return LETTERS[ch]; })
            .replace(/[۰-۹]/g, function (ch) { return String(PERSIAN_DIGITS.indexOf(ch)); })
            .replace(/[٠-٩]/g, function (ch) { return String(ARABIC_DIGITS.indexOf(ch)); })
            .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, "")
            // Punctuation separates words, as in fold_for_search; the parts it glues (می، ها)
            // need no gluing here, because every word of the query is matched as a substring.
            .replace(/[^\p{L}\p{N}]+/gu, " ")
            .trim().toLowerCase();
    }

    function persianNumber(count) {
        return String(count).replace(/[0-9]/g, function (d) { return PERSIAN_DIGITS[Number(d)]; });
    }

    function describe(query, found) {
        if (!query) { return persianNumber(total) + " خدمت الکترونیک"; }
        if (found) { return persianNumber(found) + " خدمت از " + persianNumber(total) + " خدمت با «" + query + "» پیدا شد."; }
        return "خدمتی با «" + query + "» پیدا نشد. واژهٔ دیگری بنویسید.";
    }

    function apply() {
        var query = input.value.trim();
        var terms = fold(query).split(" ").filter(Boolean);
        var found = 0;
        cards.forEach(function (card) {
            var text = card.getAttribute("data-search");
            var visible = terms.every(function (term) { return text.indexOf(term) !== -1; });
            card.hidden = !visible;
            if (visible) { found += 1; }
        });
        sections.forEach(function (section) {
            section.hidden = !section.querySelector("[data-search]:not([hidden])");
        });
        // textContent, never innerHTML: the query is the reader's own text.
        status.textContent = describe(query, found);
        if (window.history && window.history.replaceState) {
            var url = new URL(window.location.href);
            if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
            window.history.replaceState(null, "", url);
        }
    }

    var timer = null;
    input.addEventListener("input", function () {
        // Wait for a pause in typing so a screen reader announces one result, not every keystroke.
        window.clearTimeout(timer);
        timer = window.setTimeout(apply, 400);
    });
    form.addEventListener("submit", function (event) {
        event.preventDefault();
        window.clearTimeout(timer);
        apply();
    });
}());
