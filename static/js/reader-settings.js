/* Reader controls: text size (three steps) and a high-contrast theme, remembered in this browser.
   Loaded without defer in <head>, so the saved choice is on <html> before the first paint (no flash,
   no layout shift). The server never sees the choice: every reader gets the same cacheable HTML. */
(function () {
    "use strict";
    var STORAGE_KEY = "portal-reader-settings";
    var SIZES = ["normal", "large", "largest"];
    var THEMES = ["default", "contrast"];
    var root = document.documentElement;

    function load() {
        var saved = {};
        try {
            saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY)) || {};
        } catch (error) {
            saved = {};  // Storage blocked or a damaged value: fall back to the defaults.
        }
        return {
            size: SIZES.indexOf(saved.size) >= 0 ? saved.size : "normal",
            theme: THEMES.indexOf(saved.theme) >= 0 ? saved.theme : "default"
        };
    }

    function save(settings) {
        try {
            window.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
        } catch (error) {
            /* Private mode or storage full: the choice still holds on this page. */
        }
    }

    function apply(settings) {
        root.setAttribute("data-text-size", settings.size);
        root.setAttribute("data-theme", settings.theme);
    }

    var settings = load();
    apply(settings);
    // The controls are only useful with this script: CSS shows them when this class is present.
    root.classList.add("has-reader-controls");

    function showPressed() {
        var buttons = document.querySelectorAll("[data-reader-size], [data-reader-theme]");
        for (var index = 0; index < buttons.length; index += 1) {
            var button = buttons[index];
            var pressed = button.hasAttribute("data-reader-size")
                ? button.getAttribute("data-reader-size") === settings.size
                : settings.theme === "contrast";
            button.setAttribute("aria-pressed", pressed ? "true" : "false");
        }
    }

    function wire() {
        document.addEventListener("click", function (event) {
            var button = event.target.closest("[data-reader-size], [data-reader-theme]");
            if (!button) {
                return;
            }
            if (button.hasAttribute("data-reader-size")) {
                settings.size = button.getAttribute("data-reader-size");
            } else {
                settings.theme = settings.theme === "contrast" ? "default" : "contrast";
            }
            apply(settings);
            save(settings);
            showPressed();
        });
        showPressed();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", wire);
    } else {
        wire();
    }

    // Another tab changed the settings: follow it.
    window.addEventListener("storage", function (event) {
        if (event.key === STORAGE_KEY) {
            settings = load();
            apply(settings);
            showPressed();
        }
    });
})();
