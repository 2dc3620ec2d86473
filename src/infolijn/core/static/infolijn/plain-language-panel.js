// Plain-language panel in the script editor: checks the body 300 ms after the editor stops
// typing, lists the findings, selects a passage when clicked and applies a suggestion.
(function () {
  "use strict";
  var LABELS = {
    officialese: "Ambtelijke taal", rare_word: "Moeilijk woord", long_sentence: "Lange zin",
    passive: "Lijdende vorm", nominalisation: "Naamwoordstijl", abbreviation: "Afkorting",
    formal_address: "u en je door elkaar", long_compound: "Lang samengesteld woord"
  };

  function round(value) { return String(Math.round(value)); }
  function percent(value) { return Math.round(value * 100) + "%"; }
  var SCORES = [
    ["flesch_douma", "Flesch-Douma", round], ["brouwer", "Brouwer", round],
    ["words_per_sentence", "woorden per zin", function (v) { return v.toFixed(1); }],
    ["frequent_word_share", "gewone woorden", percent]
  ];

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setup(panel) {
    var source = document.getElementById(panel.dataset.source);
    if (!source) return;
    var summary = panel.querySelector(".pl-summary");
    var scores = panel.querySelector(".pl-scores");
    var list = panel.querySelector(".pl-findings");
    var timer = null;
    var sequence = 0;

    // The checker counts characters (code points); the textarea counts UTF-16 units.
    function unit(offset) {
      return Array.from(source.value).slice(0, offset).join("").length;
    }

    function select(start, end) {
      source.focus();
      source.setSelectionRange(unit(start), unit(end));
    }

    function replace(start, end, text) {
      var from = unit(start), to = unit(end);
      source.value = source.value.slice(0, from) + text + source.value.slice(to);
      source.dispatchEvent(new Event("input", { bubbles: true }));
      source.focus();
      source.setSelectionRange(from, from + text.length);
    }

    function render(report) {
      summary.textContent = "Niveau " + report.level + " (doel B1) · moeilijkheid " +
        report.difficulty + " · " + report.words + " woorden, " + report.sentences + " zinnen";
      summary.className = "pl-summary " + (["A2", "B1"].indexOf(report.level) >= 0 ? "pl-ok" : "pl-warn");
      scores.textContent = "";
      SCORES.forEach(function (pair) {
        if (report.scores[pair[0]] !== undefined) {
          scores.appendChild(el("span", "pl-score", pair[1] + ": " + pair[2](report.scores[pair[0]])));
        }
      });
      list.textContent = "";
      report.findings.forEach(function (finding) {
        var item = el("li", "pl-finding pl-" + finding.kind);
        item.appendChild(el("span", "pl-kind", LABELS[finding.kind] || finding.kind));
        var show = el("button", "pl-show", "“" + finding.text + "”");
        show.type = "button";
        show.title = "Toon in de tekst";
        show.addEventListener("click", function () { select(finding.start, finding.end); });
        item.appendChild(show);
        item.appendChild(el("span", "pl-message", " " + finding.message));
        finding.suggestions.slice(0, 3).forEach(function (suggestion) {
          var apply = el("button", "pl-apply", "→ " + suggestion);
          apply.type = "button";
          apply.title = "Vervang door: " + suggestion;
          apply.addEventListener("click", function () {
            if (source.value.slice(unit(finding.start), unit(finding.end)) === finding.text) {
              replace(finding.start, finding.end, suggestion);
            }
          });
          item.appendChild(apply);
        });
        list.appendChild(item);
      });
    }

    function run() {
      var mine = ++sequence;
      var body = new FormData();
      body.append("text", source.value);
      fetch(panel.dataset.endpoint, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken() }
      }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (report) {
        if (mine === sequence) render(report);
      }).catch(function () {
        summary.textContent = "De klaretaalcheck is even niet beschikbaar.";
      });
    }

    source.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 300);
    });
    run();
  }

  function init() {
    document.querySelectorAll("[data-plain-language]").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
