// Solves the page's proof-of-work challenge (see Core's ProofOfWork): finds a nonce whose SHA-256 of challenge + nonce
// starts with the difficulty's zero bits. Starts when the page loads, so the work is usually done before the name is
// typed; a submit before then waits for it. Plain SHA-256 on one 64-byte block, in slices that keep the page responsive
// (SubtleCrypto's per-call promise would cost more than the hash).
(() => {
    "use strict";
    const nonceField = document.getElementById("proof-nonce");
    const form = nonceField && nonceField.form;
    if (!form) {
        return;
    }

    const challenge = nonceField.dataset.proofChallenge;
    const difficulty = Number(nonceField.dataset.proofDifficulty);
    const status = document.getElementById("proof-status");
    const K = new Int32Array([
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]);
    const H = new Int32Array([
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]);
    const w = new Int32Array(64);
    const bytes = new Uint8Array(64);
    const prefix = Array.from(challenge, (c) => c.charCodeAt(0));

    // The first two words of SHA-256(challenge + nonce), enough for up to 64 leading bits.
    function hashHead(nonce) {
        const digits = String(nonce);
        const length = prefix.length + digits.length;
        bytes.fill(0);
        bytes.set(prefix);
        for (let i = 0; i < digits.length; i++) {
            bytes[prefix.length + i] = digits.charCodeAt(i);
        }
        bytes[length] = 0x80;
        for (let i = 0; i < 16; i++) {
            w[i] = (bytes[4 * i] << 24) | (bytes[4 * i + 1] << 16) | (bytes[4 * i + 2] << 8) | bytes[4 * i + 3];
        }
        w[15] = length * 8;
        for (let i = 16; i < 64; i++) {
            const a = w[i - 15], b = w[i - 2];
            const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
            const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
            w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
        }
        let [a, b, c, d, e, f, g, h] = H;
        for (let i = 0; i < 64; i++) {
            const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
            const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
            const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
            const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
            h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
        }
        return [(H[0] + a) | 0, (H[1] + b) | 0];
    }

    function leadingZeros(nonce) {
        const [first, second] = hashHead(nonce);
        return first === 0 ? 32 + Math.clz32(second) : Math.clz32(first);
    }

    let nonce = 0;
    let solved = null;
    let submitWhenSolved = false;

    function work() {
        const sliceEnd = nonce + 20000;
        for (; nonce < sliceEnd; nonce++) {
            if (leadingZeros(nonce) >= difficulty) {
                solved = String(nonce);
                nonceField.value = solved;
                if (submitWhenSolved) {
                    form.submit();
                }
                return;
            }
        }
        setTimeout(work, 0);
    }

    form.addEventListener("submit", (event) => {
        if (solved !== null) {
            return;
        }
        event.preventDefault();
        submitWhenSolved = true;
        if (status) {
            status.hidden = false;
        }
    });

    work();
})();
