// "Tick all" on the approval list: shown only when this script runs; without it every box
// can still be ticked one by one.
document.addEventListener("DOMContentLoaded", () => {
  const wrapper = document.getElementById("tick-all-wrapper");
  const all = document.getElementById("tick-all");
  if (!wrapper || !all) return;
  const boxes = () => document.querySelectorAll('#approval-list input[name="grants"]');
  wrapper.hidden = false;
  all.addEventListener("change", () => {
    boxes().forEach((box) => {
      box.checked = all.checked;
    });
  });
});
