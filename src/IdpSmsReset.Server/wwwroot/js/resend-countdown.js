// Counts down the resend cooldown on a button with data-retry-at (Unix milliseconds), then enables it. The words come
// from the page, in its language: data-hint-seconds ({s} for the number) and data-hint-last-second.
(function () {
    var button = document.getElementById("resend");
    var hint = document.getElementById("resend-hint");
    if (!button || !button.dataset.retryAt) { return; }
    var retryAt = Number(button.dataset.retryAt);
    function tick() {
        var seconds = Math.ceil((retryAt - Date.now()) / 1000);
        if (seconds <= 0) {
            button.disabled = false;
            hint.textContent = "";
            return;
        }
        button.disabled = true;
        hint.textContent = seconds === 1 ? button.dataset.hintLastSecond : button.dataset.hintSeconds.replace("{s}", String(seconds));
        setTimeout(tick, 1000);
    }
    tick();
})();
