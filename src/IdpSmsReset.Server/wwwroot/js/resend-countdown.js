// Counts down the resend cooldown on a button with data-retry-at (Unix milliseconds), then enables it.
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
        hint.textContent = "You can ask for a new code in " + seconds + " second" + (seconds === 1 ? "" : "s") + ".";
        setTimeout(tick, 1000);
    }
    tick();
})();
