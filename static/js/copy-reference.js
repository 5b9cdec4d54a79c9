// A "Copy" button beside a payment reference. Without JavaScript the button stays hidden and
// the reference is plain text the borrower can select.
document.querySelectorAll("[data-copy]").forEach(function (button) {
  var source = document.getElementById(button.getAttribute("data-copy"));
  var status = button.parentElement.querySelector("[data-copy-status]");
  if (!source || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      if (status) {
        status.textContent = button.getAttribute("data-copied");
      }
    });
  });
});
