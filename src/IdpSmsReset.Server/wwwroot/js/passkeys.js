// Passkey ceremonies for the hosted pages (a file, as the content security policy allows no inline script).
// A form marked data-passkey="create" or "get" asks its page for WebAuthn options (a POST to data-passkey-options,
// with the form's anti-forgery token), lets the browser make or use a passkey, and posts the browser's answer in the
// form's "Credential" field. A form marked data-passkey-conditional also offers the passkey in the browser's
// autofill of the username field, as soon as the page loads.
(function () {
    "use strict";

    function antiforgery(form) {
        var input = form.querySelector('input[name="__RequestVerificationToken"]');
        return input ? input.value : "";
    }

    async function optionsFor(form) {
        var response = await fetch(form.dataset.passkeyOptions, {
            method: "POST",
            credentials: "same-origin",
            headers: { "RequestVerificationToken": antiforgery(form) },
        });
        if (!response.ok) {
            throw new Error("The server gave no passkey options.");
        }
        return await response.json();
    }

    function say(form, message) {
        var target = form.querySelector("[data-passkey-error]");
        if (target) {
            target.textContent = message;
        }
    }

    function send(form, credential) {
        form.querySelector('input[name="Credential"]').value = JSON.stringify(credential);
        HTMLFormElement.prototype.submit.call(form);
    }

    async function create(form) {
        var options = PublicKeyCredential.parseCreationOptionsFromJSON(await optionsFor(form));
        send(form, await navigator.credentials.create({ publicKey: options }));
    }

    var conditional = null;

    async function get(form, mediation) {
        var options = PublicKeyCredential.parseRequestOptionsFromJSON(await optionsFor(form));
        var request = { publicKey: options };
        if (mediation) {
            conditional = new AbortController();
            request.mediation = mediation;
            request.signal = conditional.signal;
        }
        var credential = await navigator.credentials.get(request);
        if (credential) {
            send(form, credential);
        }
    }

    function ceremonyOf(form) {
        return form.dataset.passkey === "create" ? function () { return create(form); } : function () { return get(form); };
    }

    document.querySelectorAll("form[data-passkey]").forEach(function (form) {
        if (!window.PublicKeyCredential) {
            say(form, form.dataset.passkeyUnsupported || "");
            return;
        }
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            // A pending autofill request would hold the authenticator: the button's request replaces it.
            if (conditional) {
                conditional.abort();
                conditional = null;
            }
            ceremonyOf(form)().catch(function () { say(form, form.dataset.passkeyFailed || ""); });
        });
    });

    var autofill = document.querySelector("form[data-passkey-conditional]");
    if (autofill && window.PublicKeyCredential && PublicKeyCredential.isConditionalMediationAvailable) {
        PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
            if (available) {
                get(autofill, "conditional").catch(function () { /* dismissed, or replaced by the button */ });
            }
        });
    }
})();
