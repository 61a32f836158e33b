/*
 * A Jalali calendar beside each Jalali date field of the admin (portal/jalali_widgets.py).
 *
 * The text field stays the source of truth and the server parses it, so this script only helps:
 * a button opens a modal <dialog> with a month grid (Saturday first, Persian digits and month
 * names) and, for date-times, hour and minute fields. Keys in the grid follow the WAI-ARIA date
 * picker pattern, mirrored for right-to-left: ArrowLeft is the next day, ArrowRight the day before,
 * ArrowUp/ArrowDown a week, PageUp/PageDown a month, Home/End the week's ends, Enter or Space picks.
 * Escape closes without changing anything. Calendar arithmetic comes from jalaali-js (MIT,
 * static/vendor/jalaali-js), loaded as a module from the address the widget names.
 */
(function () {
  "use strict";

  var MONTHS = [
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
  ];
  var WEEKDAYS = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"];
  var WEEKDAY_INITIALS = ["ش", "ی", "د", "س", "چ", "پ", "ج"];
  var PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
  var TYPED = /^(\d{4})\s*[\/\-.]\s*(\d{1,2})\s*[\/\-.]\s*(\d{1,2})(?:\D+(\d{1,2})\s*:\s*(\d{1,2}))?/;
  var jalaaliModules = {};
  var counter = 0;

  function persian(value) {
    return String(value).replace(/[0-9]/g, function (digit) { return PERSIAN_DIGITS[digit]; });
  }

  function latin(value) {
    return String(value)
      .replace(/[۰-۹]/g, function (digit) { return String(digit.charCodeAt(0) - 0x06f0); })
      .replace(/[٠-٩]/g, function (digit) { return String(digit.charCodeAt(0) - 0x0660); });
  }

  function twoDigits(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function loadJalaali(src) {
    if (!jalaaliModules[src]) jalaaliModules[src] = import(src);
    return jalaaliModules[src];
  }

  // Today in Tehran, whatever the editor's computer clock says about its own zone.
  function tehranToday() {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: "Asia/Tehran", year: "numeric", month: "numeric", day: "numeric",
    }).formatToParts(new Date()).forEach(function (part) { parts[part.type] = Number(part.value); });
    return { gy: parts.year, gm: parts.month, gd: parts.day };
  }

  function Picker(root, jalaali) {
    this.root = root;
    this.jalaali = jalaali;
    this.input = root.querySelector("input");
    this.withTime = root.dataset.jalaliWithTime === "true";
    this.id = (this.input.id || "jalali") + "-calendar-" + (++counter);
    this.build();
  }

  Picker.prototype.fieldLabel = function () {
    var label = this.input.id && document.querySelector('label[for="' + this.input.id + '"]');
    return label ? label.textContent.replace(/[*\s]+$/, "").trim() : "";
  };

  Picker.prototype.build = function () {
    var self = this;
    var label = this.fieldLabel();
    this.opener = document.createElement("button");
    this.opener.type = "button";
    this.opener.className = "button button-small button-secondary jalali-picker__open";
    this.opener.textContent = "تقویم";
    this.opener.setAttribute("aria-haspopup", "dialog");
    this.opener.setAttribute("aria-label", label ? "انتخاب از تقویم: " + label : "انتخاب از تقویم");
    this.input.insertAdjacentElement("afterend", this.opener);

    this.dialog = document.createElement("dialog");
    this.dialog.className = "jalali-picker__dialog";
    this.dialog.setAttribute("aria-labelledby", this.id + "-title");
    this.dialog.innerHTML =
      '<p class="jalali-picker__title" id="' + this.id + '-title"></p>' +
      '<div class="jalali-picker__month">' +
      '<button type="button" class="button button-small button-secondary" data-step="-1">ماه قبل</button>' +
      '<h2 class="jalali-picker__month-name" id="' + this.id + '-month" aria-live="polite"></h2>' +
      '<button type="button" class="button button-small button-secondary" data-step="1">ماه بعد</button>' +
      "</div>" +
      '<table class="jalali-picker__grid" aria-labelledby="' + this.id + '-month"><thead><tr>' +
      WEEKDAYS.map(function (name, index) {
        return '<th scope="col" abbr="' + name + '"><span aria-hidden="true">' +
          WEEKDAY_INITIALS[index] + '</span><span class="w-sr-only">' + name + "</span></th>";
      }).join("") +
      "</tr></thead><tbody></tbody></table>" +
      (this.withTime
        ? '<fieldset class="jalali-picker__time"><legend>ساعت به وقت تهران</legend>' +
          '<label for="' + this.id + '-hour">ساعت</label>' +
          '<input id="' + this.id + '-hour" type="text" inputmode="numeric" maxlength="2" size="2" data-part="hour" autocomplete="off">' +
          '<label for="' + this.id + '-minute">دقیقه</label>' +
          '<input id="' + this.id + '-minute" type="text" inputmode="numeric" maxlength="2" size="2" data-part="minute" autocomplete="off">' +
          "</fieldset>"
        : "") +
      '<p class="jalali-picker__error" role="alert"></p>' +
      '<div class="jalali-picker__actions">' +
      '<button type="button" class="button button-small" data-action="confirm">تأیید</button>' +
      '<button type="button" class="button button-small button-secondary" data-action="cancel">انصراف</button>' +
      "</div>";
    // Inside the widget, so a Wagtail dialog around the field still counts the focus as its own.
    this.root.appendChild(this.dialog);
    this.title = this.dialog.querySelector(".jalali-picker__title");
    this.monthName = this.dialog.querySelector(".jalali-picker__month-name");
    this.body = this.dialog.querySelector("tbody");
    this.error = this.dialog.querySelector(".jalali-picker__error");
    this.hour = this.dialog.querySelector('[data-part="hour"]');
    this.minute = this.dialog.querySelector('[data-part="minute"]');

    this.opener.addEventListener("click", function () { self.open(); });
    this.dialog.addEventListener("close", function () { self.opener.focus(); });
    this.dialog.querySelectorAll("[data-step]").forEach(function (button) {
      button.addEventListener("click", function () {
        self.moveMonth(Number(button.dataset.step), false);
      });
    });
    this.dialog.querySelector('[data-action="cancel"]').addEventListener("click", function () {
      self.dialog.close();
    });
    this.dialog.querySelector('[data-action="confirm"]').addEventListener("click", function () {
      self.confirm();
    });
    this.body.addEventListener("keydown", function (event) { self.onGridKey(event); });
    this.body.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-day]");
      if (button) self.pick(Number(button.dataset.day));
    });
  };

  Picker.prototype.readInput = function () {
    var match = TYPED.exec(latin(this.input.value.trim()));
    if (match) {
      var jy = Number(match[1]), jm = Number(match[2]), jd = Number(match[3]);
      if (this.jalaali.isValidJalaaliDate(jy, jm, jd)) {
        return { jy: jy, jm: jm, jd: jd, hour: match[4] || "", minute: match[5] || "" };
      }
    }
    var today = tehranToday();
    var j = this.jalaali.toJalaali(today.gy, today.gm, today.gd);
    return { jy: j.jy, jm: j.jm, jd: j.jd, hour: "", minute: "" };
  };

  Picker.prototype.open = function () {
    var current = this.readInput();
    this.year = current.jy;
    this.month = current.jm;
    this.focusDay = current.jd;
    this.chosen = this.input.value.trim() ? { jy: current.jy, jm: current.jm, jd: current.jd } : null;
    this.title.textContent = "انتخاب تاریخ" + (this.fieldLabel() ? ": " + this.fieldLabel() : "");
    if (this.withTime) {
      this.hour.value = persian(current.hour ? twoDigits(Number(current.hour)) : "");
      this.minute.value = persian(current.minute ? twoDigits(Number(current.minute)) : "");
    }
    this.error.textContent = "";
    this.render();
    this.dialog.showModal();
    this.focusGrid();
  };

  Picker.prototype.render = function () {
    var jalaali = this.jalaali;
    var length = jalaali.jalaaliMonthLength(this.year, this.month);
    this.focusDay = Math.min(this.focusDay, length);
    var first = jalaali.toGregorian(this.year, this.month, 1);
    // Date.getDay() counts from Sunday; Persian weeks start on Saturday.
    var offset = (new Date(first.gy, first.gm - 1, first.gd).getDay() + 1) % 7;
    var today = tehranToday();
    var todayJ = jalaali.toJalaali(today.gy, today.gm, today.gd);
    this.monthName.textContent = MONTHS[this.month - 1] + " " + persian(this.year);
    var cells = [];
    for (var blank = 0; blank < offset; blank++) cells.push("<td></td>");
    for (var day = 1; day <= length; day++) {
      var chosen = this.chosen && this.chosen.jy === this.year && this.chosen.jm === this.month &&
        this.chosen.jd === day;
      var isToday = todayJ.jy === this.year && todayJ.jm === this.month && todayJ.jd === day;
      var weekday = WEEKDAYS[(offset + day - 1) % 7];
      cells.push(
        '<td><button type="button" data-day="' + day + '" tabindex="' +
          (day === this.focusDay ? "0" : "-1") + '" aria-pressed="' + (chosen ? "true" : "false") +
          '"' + (isToday ? ' aria-current="date"' : "") + ' aria-label="' + weekday + " " +
          persian(day) + " " + MONTHS[this.month - 1] + " " + persian(this.year) +
          (isToday ? "، امروز" : "") + '">' + persian(day) + "</button></td>"
      );
    }
    while (cells.length % 7) cells.push("<td></td>");
    var rows = [];
    for (var start = 0; start < cells.length; start += 7) {
      rows.push("<tr>" + cells.slice(start, start + 7).join("") + "</tr>");
    }
    this.body.innerHTML = rows.join("");
  };

  Picker.prototype.focusGrid = function () {
    var button = this.body.querySelector('button[data-day="' + this.focusDay + '"]');
    if (button) button.focus();
  };

  Picker.prototype.moveMonth = function (step, keepFocusInGrid) {
    this.month += step;
    if (this.month < 1) { this.month = 12; this.year -= 1; }
    if (this.month > 12) { this.month = 1; this.year += 1; }
    this.render();
    if (keepFocusInGrid) this.focusGrid();
  };

  Picker.prototype.moveDay = function (days) {
    var jalaali = this.jalaali;
    var target = jalaali.d2j(jalaali.j2d(this.year, this.month, this.focusDay) + days);
    var monthChanged = target.jy !== this.year || target.jm !== this.month;
    this.year = target.jy;
    this.month = target.jm;
    this.focusDay = target.jd;
    if (monthChanged) this.render();
    else {
      this.body.querySelectorAll("button[data-day]").forEach(function (button) {
        button.tabIndex = -1;
      });
    }
    var button = this.body.querySelector('button[data-day="' + this.focusDay + '"]');
    button.tabIndex = 0;
    button.focus();
  };

  Picker.prototype.onGridKey = function (event) {
    var weekday = (this.body.querySelector('button[data-day="' + this.focusDay + '"]')
      .parentElement.cellIndex);
    var moves = {
      ArrowLeft: 1, ArrowRight: -1, ArrowDown: 7, ArrowUp: -7,
      Home: -weekday, End: 6 - weekday,
    };
    if (event.key in moves) {
      this.moveDay(moves[event.key]);
    } else if (event.key === "PageDown" || event.key === "PageUp") {
      this.moveMonth(event.key === "PageDown" ? 1 : -1, true);
    } else if (event.key === "Enter" || event.key === " ") {
      this.pick(this.focusDay);
    } else {
      return;
    }
    event.preventDefault();
  };

  Picker.prototype.pick = function (day) {
    this.focusDay = day;
    this.chosen = { jy: this.year, jm: this.month, jd: day };
    this.render();
    if (this.withTime) {
      // The day is chosen; the time comes next, then «تأیید».
      this.hour.focus();
      this.hour.select();
    } else {
      this.confirm();
    }
  };

  Picker.prototype.confirm = function () {
    if (!this.chosen) {
      this.error.textContent = "روزی را در تقویم انتخاب کنید.";
      this.focusGrid();
      return;
    }
    var text = this.chosen.jy + "/" + twoDigits(this.chosen.jm) + "/" + twoDigits(this.chosen.jd);
    if (this.withTime) {
      var hour = Number(latin(this.hour.value.trim()) || "0");
      var minute = Number(latin(this.minute.value.trim()) || "0");
      if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) {
        this.error.textContent = "ساعت را میان ۰ و ۲۳ و دقیقه را میان ۰ و ۵۹ بنویسید.";
        this.hour.focus();
        return;
      }
      text += " " + twoDigits(hour) + ":" + twoDigits(minute);
    }
    this.input.value = persian(text);
    // Wagtail's unsaved-changes check and its schedule dialog listen for these.
    this.input.dispatchEvent(new Event("input", { bubbles: true }));
    this.input.dispatchEvent(new Event("change", { bubbles: true }));
    this.dialog.close();
  };

  function start(root) {
    if (root.dataset.jalaliReady) return;
    root.dataset.jalaliReady = "loading";
    loadJalaali(root.dataset.jalaaliSrc).then(function (jalaali) {
      new Picker(root, jalaali);
      root.dataset.jalaliReady = "true";
    });
  }

  function startAll() {
    document.querySelectorAll("[data-jalali-picker]").forEach(start);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
  // Fields added later (filters refreshed by Wagtail's listing, inline panels).
  new MutationObserver(startAll).observe(document.documentElement, { childList: true, subtree: true });
})();
