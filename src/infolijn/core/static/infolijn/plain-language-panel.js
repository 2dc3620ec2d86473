// Plain-language panel in the script editor: checks the body 300 ms after the editor stops
// typing, lists the findings, selects a passage when clicked and applies a suggestion.
(function () {
  "use strict";
  var LABELS = {
    officialese: "Ambtelijke taal", rare_word: "Moeilijk woord", long_sentence: "Lange zin",
    passive: "Lijdende vorm", nominalisation: "Naamwoordstijl", abbreviation: "Afkorting",
    formal_address: "u en je door elkaar", long_compound: "Lang samengesteld woord"
  };

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

    function select(start, end) {
      source.focus();
      source.setSelectionRange(start, end);
    }

    function replace(start, end, text) {
      source.value = source.value.slice(0, start) + text + source.value.slice(end);
      source.dispatchEvent(new Event("input", { bubbles: true }));
      select(start, start + text.length);
    }

    function render(report) {
      summary.textContent = "Niveau " + report.level + " (doel B1) · moeilijkheid " +
        report.difficulty + " · " + report.words + " woorden, " + report.sentences + " zinnen";
      summary.className = "pl-summary " + (["A2", "B1"].indexOf(report.level) >= 0 ? "pl-ok" : "pl-warn");
      scores.textContent = "";
      Object.keys(report.scores).forEach(function (name) {
        scores.appendChild(el("span", "pl-score", name + ": " + report.scores[name]));
      });
      list.textContent = "";
      report.findings.forEach(function (finding) {
        var item = el("li", "pl-finding pl-" + finding.kind);
        var show = el("button", "pl-show", (LABELS[finding.kind] || finding.kind) + ": “" + finding.text + "”");
        show.type = "button";
        show.addEventListener("click", function () { select(finding.start, finding.end); });
        item.appendChild(show);
        item.appendChild(el("span", "pl-message", " " + finding.message));
        finding.suggestions.slice(0, 3).forEach(function (suggestion) {
          var apply = el("button", "pl-apply", "→ " + suggestion);
          apply.type = "button";
          apply.title = "Vervang door: " + suggestion;
          apply.addEventListener("click", function () {
            if (source.value.slice(finding.start, finding.end) === finding.text) {
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
