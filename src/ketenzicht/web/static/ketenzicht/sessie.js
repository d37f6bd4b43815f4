// Warn before the idle logout (toegang/middleware.py) and let the user stay logged in.
// The page asks the server how long the session has left rather than trusting its own clock:
// work in another tab keeps the session too. Without JavaScript the dialog never opens and
// the next click after the logout goes to the login page, which says why.
(() => {
  const dialoog = document.getElementById("kz-sessie");
  if (!dialoog || typeof dialoog.showModal !== "function") return;
  const duur = Number(dialoog.dataset.duur);
  const vooraf = Math.min(120, duur / 5); // warn two minutes ahead; a fifth of a short session
  let wekker;

  const wacht = (seconden, wat) => {
    clearTimeout(wekker);
    wekker = setTimeout(wat, Math.max(seconden, 0) * 1000 + 250);
  };
  const plan = (resterend) => wacht(resterend - vooraf, kijk);
  const uitgelogd = (reden) => {
    const verlopen = reden === "dag" ? "dag" : 1;
    const terug = new URLSearchParams({ next: location.pathname + location.search, verlopen });
    location.assign(`${dialoog.dataset.login}?${terug}`);
  };
  // idle: the user may stay; the most a login lasts: they can only save their work
  const toon = (reden) => {
    for (const deel of dialoog.querySelectorAll("[data-reden]")) {
      deel.hidden = deel.dataset.reden !== reden;
    }
    if (!dialoog.open) dialoog.showModal();
  };

  async function kijk() {
    let resterend, reden;
    try {
      const antwoord = await fetch(dialoog.dataset.status, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      ({ resterend, reden } = await antwoord.json());
    } catch {
      return plan(vooraf + 30); // the network hiccuped: ask again in half a minute
    }
    if (resterend <= 0) return uitgelogd(reden);
    if (resterend > vooraf + 1) {
      if (dialoog.open) dialoog.close();
      return plan(resterend);
    }
    toon(reden);
    wacht(resterend, kijk);
  }

  dialoog.querySelector("form").addEventListener("submit", async (gebeurtenis) => {
    gebeurtenis.preventDefault();
    const formulier = gebeurtenis.target;
    const antwoord = await fetch(formulier.action, {
      method: "POST",
      body: new FormData(formulier),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).catch(() => null);
    if (!antwoord || !antwoord.ok) return uitgelogd("stil");
    dialoog.close();
    plan(duur);
  });
  // a request by htmx (a sorted list, a step of a computation) is activity too
  document.body.addEventListener("htmx:afterRequest", () => plan(duur));
  plan(duur);
})();
