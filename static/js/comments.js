/* Comments: brings the never-cached comment form into the article, posts it without leaving the
   page, refreshes and speaks the arithmetic question. Without this script every link and form
   still works: they lead to the comment page. */
(function () {
    "use strict";

    var FRAGMENT_HEADERS = { "X-Requested-With": "XMLHttpRequest" };
    var section = document.querySelector("[data-comments]");

    function announce(text) {
        var region = document.querySelector("[data-comments-status]");
        if (!region) {
            return;
        }
        region.textContent = "";
        // A new text in a live region is read; the same text twice needs the pause.
        window.setTimeout(function () { region.textContent = text; }, 50);
    }

    function fetchFragment(url, options) {
        var settings = Object.assign(
            { credentials: "same-origin", cache: "no-store", headers: FRAGMENT_HEADERS },
            options || {}
        );
        return fetch(url, settings).then(function (response) {
            return response.text();
        });
    }

    function placeFragment(container, html) {
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("[data-comment-form]");
        if (!fresh) {
            // Not one of ours (a proxy error page, an expired session...): say so in place.
            fresh = document.createElement("section");
            fresh.setAttribute("data-comment-form", "");
            fresh.setAttribute("role", "alert");
            fresh.tabIndex = -1;
            fresh.textContent = "ارسال انجام نشد. صفحه را دوباره باز کنید و دوباره بفرستید.";
        }
        container.replaceWith(fresh);
        enhance(fresh);
        return fresh;
    }

    function focusFirst(container, selectors) {
        for (var i = 0; i < selectors.length; i += 1) {
            var target = container.querySelector(selectors[i]);
            if (target) {
                target.focus();
                return target;
            }
        }
        return null;
    }

    function removeOpenForm() {
        if (!section) {
            return;
        }
        var open = section.querySelector("[data-comment-form]");
        if (open) {
            open.remove();
        }
    }

    function openForm(parentId, slot, trigger) {
        var url = section.getAttribute("data-form-url");
        if (parentId) {
            url += "?parent=" + encodeURIComponent(parentId);
        }
        return fetchFragment(url).then(function (html) {
            removeOpenForm();
            var placeholder = document.createElement("div");
            slot.appendChild(placeholder);
            var form = placeFragment(placeholder, html);
            form.commentTrigger = trigger;
            var context = form.querySelector("#comment-reply-context");
            if (context) {
                context.focus();
                announce(context.textContent);
            } else {
                focusFirst(form, ["input[name=name]", "h2"]);
            }
        });
    }

    function submitForm(container, form) {
        var trigger = container.commentTrigger;
        fetchFragment(form.action, { method: "POST", body: new FormData(form) }).then(
            function (html) {
                var fresh = placeFragment(container, html);
                fresh.commentTrigger = trigger;
                if (!focusFirst(fresh, ["#comment-form-errors", "h2"])) {
                    fresh.focus();
                }
            }
        );
    }

    function refreshQuestion(captcha, button) {
        fetch(captcha.getAttribute("data-refresh-url"), {
            credentials: "same-origin",
            cache: "no-store",
            headers: FRAGMENT_HEADERS
        })
            .then(function (response) { return response.json(); })
            .then(function (data) {
                captcha.querySelector("[data-captcha-key]").value = data.key;
                captcha.querySelector("[data-captcha-started]").value = data.started;
                captcha.querySelector("[data-captcha-question]").textContent = data.question;
                captcha.querySelector("[data-captcha-image]").src = data.image_url;
                var audio = captcha.querySelector("[data-captcha-audio]");
                if (audio && data.audio_url) {
                    audio.href = data.audio_url;
                }
                var answer = captcha.querySelector("input[type=text]");
                answer.value = "";
                var status = captcha.querySelector("[data-captcha-status]");
                status.textContent = "پرسش تازه: " + data.question;
                button.focus();
            })
            .catch(function () {
                captcha.querySelector("[data-captcha-status]").textContent =
                    "پرسش تازه نرسید. دوباره امتحان کنید.";
            });
    }

    function enhance(container) {
        if (!container || container.commentEnhanced) {
            return;
        }
        container.commentEnhanced = true;
        var captcha = container.querySelector("[data-captcha]");
        if (captcha) {
            var refresh = captcha.querySelector("[data-captcha-refresh]");
            refresh.hidden = false;
            refresh.addEventListener("click", function () { refreshQuestion(captcha, refresh); });
            var audio = captcha.querySelector("[data-captcha-audio]");
            if (audio) {
                audio.addEventListener("click", function (event) {
                    event.preventDefault();
                    new Audio(audio.href).play().catch(function () {
                        window.location.href = audio.href;
                    });
                });
            }
        }
        var form = container.querySelector("form[data-comment-form-element]");
        // Inside an article the form posts in place; on the comment page it posts normally.
        if (form && section && section.contains(container)) {
            form.addEventListener("submit", function (event) {
                event.preventDefault();
                submitForm(container, form);
            });
        }
        var cancel = container.querySelector("[data-comment-cancel]");
        if (cancel && section && section.contains(container)) {
            cancel.addEventListener("click", function (event) {
                event.preventDefault();
                var trigger = container.commentTrigger;
                container.remove();
                announce("پاسخ لغو شد.");
                if (trigger) {
                    trigger.focus();
                }
            });
        }
    }

    if (section) {
        section.addEventListener("click", function (event) {
            var link = event.target.closest("[data-comment-write], [data-comment-reply]");
            if (!link || event.ctrlKey || event.metaKey || event.shiftKey) {
                return;
            }
            event.preventDefault();
            var parentId = link.getAttribute("data-comment-reply");
            var slot = parentId
                ? section.querySelector('[data-reply-slot="' + parentId + '"]')
                : section.querySelector("[data-form-slot]");
            openForm(parentId, slot, link).catch(function () {
                window.location.href = link.href;
            });
        });
    }
    document.querySelectorAll("[data-comment-form]").forEach(enhance);
}());
