// Agent desk: "/" jumps to the search box (unless you are typing somewhere), Escape clears it.
document.addEventListener("keydown", function (event) {
  var box = document.getElementById("id_q");
  if (!box) return;
  var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
  if (event.key === "/" && !typing) {
    event.preventDefault();
    box.focus();
    box.select();
  } else if (event.key === "Escape" && document.activeElement === box) {
    box.value = "";
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }
});
