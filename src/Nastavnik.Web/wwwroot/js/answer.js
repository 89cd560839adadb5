// The self-assessment sheet.
// A refused save (400/409) carries its explanation: show it in the card instead of dropping it.
document.body.addEventListener('htmx:beforeSwap', function (e) {
    if (e.detail.xhr.status === 400 || e.detail.xhr.status === 409) { e.detail.shouldSwap = true; e.detail.isError = false; }
});
// Typed text is saved a second after the last key (the card's hx-trigger listens for «text-input»: htmx trigger filters
// would need eval, which the Content-Security-Policy forbids). What is still waiting is saved before the sheet is sent,
// and leaving the page with unsaved text asks first: nothing typed is dropped.
(function () {
    const pending = new Set();
    let edits = 0;
    const card = el => el && el.classList && el.classList.contains('topic-card') ? el : null;
    document.querySelectorAll('form.topic-card').forEach(f => f.addEventListener('input', e => {
        f.dataset.edit = String(++edits);
        pending.add(f);
        if (e.target && e.target.type === 'text') htmx.trigger(f, 'text-input');
    }));
    // Cards with a save on the wire: a flush sent while one is in flight would be dropped by htmx (same element), so the
    // sheet waits for it instead.
    const inflight = new Set();
    document.body.addEventListener('htmx:beforeRequest', e => { const f = card(e.detail.elt); if (f) { f.dataset.sent = f.dataset.edit || ''; inflight.add(f); } });
    document.body.addEventListener('htmx:afterRequest', e => {
        const f = card(e.detail.elt);
        if (!f) return;
        inflight.delete(f);
        if (e.detail.successful && f.dataset.sent === (f.dataset.edit || '')) pending.delete(f);
    });
    const pause = ms => new Promise(r => setTimeout(r, ms));
    const submit = document.querySelector('form.submit-bar');
    if (submit) submit.addEventListener('submit', async e => {
        if (pending.size === 0 && inflight.size === 0) return;
        e.preventDefault();
        // Up to ~15 s: let the saves on the wire land, save what is still waiting, then send. A card whose save was refused
        // stays pending and shows its explanation; the sheet is then not sent.
        for (let i = 0; i < 100 && (pending.size > 0 || inflight.size > 0); i++) {
            if (inflight.size > 0) { await pause(150); continue; }
            await Promise.all([...pending].map(f => htmx.ajax('POST', f.getAttribute('hx-post'), { source: f, target: f.querySelector('.save-state'), swap: 'outerHTML' })));
            await pause(0);
            if (pending.size > 0 && inflight.size === 0) break;
        }
        if (pending.size === 0) submit.submit();
    });
    window.addEventListener('beforeunload', e => { if (pending.size > 0) { e.preventDefault(); e.returnValue = ''; } });
})();
