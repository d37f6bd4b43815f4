// Fan charts of a forecast: the envelope (light: the band 80% of the replications stay inside in
// every month), the P10–P90 band, the median, (dashed) the baseline's median and, for a forecast
// from a past month, what the monitor showed.
// Called by the result fragment once all replications are in.
const procent = new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 1 });

function tekenPrognose(data) {
  if (data.onderdelen) tekenPerOnderdeel(data.onderdelen);
  for (const g of data.grafieken) {
    const datasets = [
      { label: "Omhullende (80% van de hele reeksen)", data: g.omhullende_laag, borderColor: "rgba(1,104,155,0.15)", borderDash: [2, 3], pointRadius: 0, fill: false },
      { label: "Omhullende boven", data: g.omhullende_hoog, borderColor: "rgba(1,104,155,0.15)", borderDash: [2, 3], backgroundColor: "rgba(1,104,155,0.07)", pointRadius: 0, fill: "-1" },
      { label: "P10", data: g.p10, borderColor: "rgba(1,104,155,0.3)", pointRadius: 0, fill: false },
      { label: "P90", data: g.p90, borderColor: "rgba(1,104,155,0.3)", backgroundColor: "rgba(1,104,155,0.18)", pointRadius: 0, fill: "-1" },
      { label: "Mediaan", data: g.p50, borderColor: "#01689b", pointRadius: 0, borderWidth: 2, fill: false },
    ];
    if (g.basis) {
      datasets.push({ label: "Basislijn (mediaan)", data: g.basis, borderColor: "#a90061", borderDash: [6, 4], pointRadius: 0, fill: false });
    }
    if (g.waargenomen) {  // the monitor of the months already gone: points, no line
      datasets.push({ label: "Werkelijk (monitor)", data: g.waargenomen, borderColor: "#000000", backgroundColor: "#ffb612", pointRadius: 4, pointStyle: "rectRot", showLine: false, fill: false });
    }
    new Chart(document.getElementById("prognose-" + g.naam), {
      type: "line",
      data: { labels: data.maanden, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          title: { display: true, text: g.titel },
          legend: { labels: { filter: (item) => item.text !== "Omhullende boven" } },
          tooltip: g.soort === "aandeel" ? { callbacks: { label: (c) => c.dataset.label + ": " + procent.format(c.parsed.y) } } : {},
        },
        scales: g.soort === "aandeel" ? { y: { ticks: { callback: (v) => procent.format(v) } } } : {},
      },
    });
  }
}

// The GIs side by side in the forecast's last month: per GI a bar from P10 to P90 with the
// median as a dot, and the baseline's the same beside it.
function tekenPerOnderdeel(data) {
  const van = (lo, hi) => lo.map((x, i) => [x, hi[i]]);
  const punten = (p50) => p50.map((x, i) => ({ x: x, y: data.namen[i] }));
  for (const r of data.reeksen) {
    const datasets = [
      { type: "bar", label: "Scenario P10–P90", data: van(r.p10, r.p90), backgroundColor: "rgba(1,104,155,0.35)", borderColor: "#01689b", borderWidth: 1 },
      { type: "line", label: "Scenario mediaan", data: punten(r.p50), borderColor: "#01689b", backgroundColor: "#01689b", showLine: false, pointRadius: 4 },
    ];
    if (r.basis_p50) {
      datasets.push(
        { type: "bar", label: "Basislijn P10–P90", data: van(r.basis_p10, r.basis_p90), backgroundColor: "rgba(169,0,97,0.2)", borderColor: "#a90061", borderWidth: 1 },
        { type: "line", label: "Basislijn mediaan", data: punten(r.basis_p50), borderColor: "#a90061", backgroundColor: "#a90061", showLine: false, pointRadius: 4, pointStyle: "rectRot" },
      );
    }
    new Chart(document.getElementById("per-gi-" + r.naam), {
      data: { labels: data.namen, datasets: datasets },
      options: {
        indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { type: "category" } },
        plugins: { title: { display: true, text: r.titel + " per GI" } },
      },
    });
  }
}
