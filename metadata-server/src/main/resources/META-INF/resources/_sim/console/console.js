// The relay console: polls the metadata server's /_sim endpoints and draws what it finds.
"use strict";

const LANES = [["pod", "Pod"], ["metadata", "Metadata server"], ["apiserver", "API server"], ["sts", "STS"], ["iam", "IAM"]];
const LANE_X = Object.fromEntries(LANES.map(([id], i) => [id, 60 + i * 150]));
const HOPS = ["apiserver", "sts", "iam"];

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c]));
}

async function json(path, options) {
  const response = await fetch(path, options);
  const text = await response.text();
  let body;
  try { body = text ? JSON.parse(text) : {}; } catch (e) { body = {text}; }
  return {status: response.status, body};
}

function laneOf(hop) {
  if (hop.startsWith("TokenRequest")) return "apiserver";
  if (hop.startsWith("STS")) return "sts";
  return "iam";
}

function describeToken(token) {
  if (!token) return "";
  const form = token.format === "JWT" ? `JWT ${token.header?.alg ?? ""}` : `opaque ${token.prefix ?? ""}…`;
  return `${form} for ${token.subject ?? "?"}`;
}

function sequence(relay) {
  const rows = relay.hops.length;
  const height = 70 + rows * 46 + 40;
  const width = 60 + (LANES.length - 1) * 150 + 60;
  let svg = `<svg class="sequence" viewBox="0 0 ${width} ${height}" role="img" aria-label="sequence of the relay">
    <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M0,0 L10,5 L0,10 z" fill="#2b6cb0"/></marker>
    <marker id="arrow-answer" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M0,0 L10,5 L0,10 z" fill="#2f855a"/></marker></defs>`;
  for (const [id, name] of LANES) {
    const x = LANE_X[id];
    svg += `<g class="actor"><rect x="${x - 60}" y="4" width="120" height="22" rx="4"/>
      <text x="${x}" y="19" text-anchor="middle">${esc(name)}</text></g>
      <line class="lane" x1="${x}" y1="26" x2="${x}" y2="${height - 4}"/>`;
  }
  const arrow = (from, to, y, cls, label) => {
    const x1 = LANE_X[from], x2 = LANE_X[to];
    const mid = (x1 + x2) / 2;
    return `<line class="${cls}" x1="${x1}" y1="${y}" x2="${x2 + (x2 > x1 ? -4 : 4)}" y2="${y}"/>
      <text x="${mid}" y="${y - 4}" text-anchor="middle">${esc(label)}</text>`;
  };
  let y = 48;
  svg += arrow("pod", "metadata", y, "call", `GET ${relay.kind}`);
  if (relay.reused && relay.reused.length) {
    svg += `<text x="${LANE_X.metadata + 6}" y="${y + 16}">reused: ${esc(relay.reused.join(", "))}</text>`;
  }
  for (const hop of relay.hops) {
    y += 24;
    const lane = laneOf(hop.hop);
    svg += arrow("metadata", lane, y, "call", hop.hop);
    y += 22;
    const failed = hop.status >= 400;
    svg += arrow(lane, "metadata", y, failed ? "answer failed" : "answer",
      `${hop.status} · ${hop.millis} ms${hop.token ? " · " + describeToken(hop.token) : ""}`);
  }
  y += 30;
  svg += arrow("metadata", "pod", y, relay.outcome === "ok" ? "answer" : "answer failed", relay.outcome);
  return svg + "</svg>";
}

function tokens(relay) {
  return relay.hops.filter(h => h.token).map(h => {
    const t = h.token;
    const parts = {format: t.format, prefix: t.prefix, subject: t.subject, expiresAt: t.expiresAt, header: t.header, claims: t.claims};
    Object.keys(parts).forEach(k => parts[k] == null && delete parts[k]);
    return `<details><summary>${esc(h.hop)}: ${esc(describeToken(t))}</summary><pre>${esc(JSON.stringify(parts, null, 2))}</pre></details>`;
  }).join("");
}

function renderRelays(relays) {
  document.getElementById("relay-count").textContent = relays.length ? `(${relays.length} most recent, newest first)` : "";
  if (!relays.length) return;
  document.getElementById("relays").innerHTML = relays.slice(0, 12).map(relay => `
    <div class="relay" data-at="${esc(relay.at)}">
      <div class="title">${esc(new Date(relay.at).toLocaleTimeString())} · ${esc(relay.kind)} for
        <b>${esc(relay.pod)}</b> (KSA ${esc(relay.ksa)}${relay.gsa ? " → " + esc(relay.gsa) : ""}):
        <span class="${relay.outcome === "ok" ? "outcome-ok" : "outcome-failed"}">${esc(relay.outcome)}</span></div>
      ${sequence(relay)}
      ${tokens(relay)}
    </div>`).join("");
}

function renderFaults(faults) {
  document.getElementById("faults").innerHTML = HOPS.map(hop => {
    const fault = faults[hop];
    const state = fault ? `<span class="on">${fault.latencyMs ? "+" + fault.latencyMs + " ms " : ""}${fault.status ?? ""}</span>` : "off";
    return `<tr><th>${hop}</th><td>${state}</td><td>
      <button data-action="fault" data-hop="${hop}" data-body='{"latencyMs": 800}'>+800 ms</button>
      <button data-action="fault" data-hop="${hop}" data-body='{"status": 503}'>503</button>
      <button data-action="fault-off" data-hop="${hop}">off</button></td></tr>`;
  }).join("");
}

function renderClocks(clocks) {
  document.getElementById("clocks").innerHTML = HOPS.map(service => {
    const clock = clocks[service];
    const skew = clock && clock.skewSeconds !== undefined
      ? (clock.skewSeconds ? `<span class="on">${clock.skewSeconds > 0 ? "+" : ""}${clock.skewSeconds} s</span>` : "in time")
      : "?";
    return `<tr><th>${service}</th><td>${skew}</td><td>
      <button data-action="skew" data-service="${service}" data-seconds="-600">−10 min</button>
      <button data-action="skew" data-service="${service}" data-seconds="600">+10 min</button>
      <button data-action="unskew" data-service="${service}">reset</button>
      <button data-action="rotate" data-service="${service}">rotate keys</button></td></tr>`;
  }).join("");
}

function renderWorld(world) {
  const c = world.cluster || {};
  const iam = world.iam || {};
  const bindings = list => (list || []).map(b => `<li><code>${esc(b.role)}</code>: ${(b.members || []).map(m => `<code>${esc(m)}</code>`).join(", ")}</li>`).join("");
  let html = `<div class="world"><h3>Cluster ${esc(c.name)} (${esc(c.location)}, project ${esc(c.project)})</h3>
    <p>Workload pool <code>${esc(c.workloadPool)}</code></p>
    <h3>KSAs</h3><ul>${(c.serviceAccounts || []).map(k => `<li>${esc(k.namespace)}/${esc(k.name)}${k.gsa ? " → <code>" + esc(k.gsa) + "</code>" : ""}</li>`).join("")}</ul>
    <h3>Pods on this node</h3><ul>${(c.pods || []).map(p => `<li>${esc(p.namespace)}/${esc(p.name)} as ${esc(p.serviceAccount)} at ${esc(p.ip)}</li>`).join("")}</ul>`;
  if (iam.error) {
    html += `<p class="empty">IAM: ${esc(iam.error)}</p>`;
  } else {
    html += `<h3>Projects</h3><ul>${(iam.projects || []).map(p => `<li>${esc(p.projectId)} (${esc(p.projectNumber)})<ul>${bindings(p.bindings)}</ul></li>`).join("")}</ul>
      <h3>Google service accounts</h3><ul>${(iam.serviceAccounts || []).map(a => `<li><code>${esc(a.email)}</code>${a.disabled ? " (disabled)" : ""}<ul>${bindings(a.bindings)}</ul></li>`).join("")}</ul>`;
  }
  document.getElementById("world").innerHTML = html + "</div>";
}

async function refresh() {
  const [relays, faults] = await Promise.all([json("/_sim/relays"), json("/_sim/faults")]);
  renderRelays(relays.body.relays || []);
  renderFaults(faults.body.faults || {});
  const clocks = {};
  await Promise.all(HOPS.map(async s => { clocks[s] = (await json(`/_sim/switches/${s}/clock`)).body; }));
  renderClocks(clocks);
}

async function refreshWorld() {
  renderWorld((await json("/_sim/world")).body);
}

const ACTIONS = {
  fault: b => json(`/_sim/faults/${b.dataset.hop}`, {method: "PUT", headers: {"Content-Type": "application/json"}, body: b.dataset.body}),
  "fault-off": b => json(`/_sim/faults/${b.dataset.hop}`, {method: "DELETE"}),
  "faults-off": () => json("/_sim/faults", {method: "DELETE"}),
  forget: () => json("/_sim/token-cache", {method: "DELETE"}),
  skew: b => json(`/_sim/switches/${b.dataset.service}/clock`, {method: "PUT", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({skewSeconds: Number(b.dataset.seconds)})}),
  unskew: b => json(`/_sim/switches/${b.dataset.service}/clock`, {method: "DELETE"}),
  rotate: b => json(`/_sim/switches/${b.dataset.service}/keys:rotate`, {method: "POST"}),
};

document.addEventListener("click", async event => {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const answer = await ACTIONS[button.dataset.action](button);
  document.getElementById("switch-result").textContent = `${button.textContent.trim()}: ${answer.status} ${JSON.stringify(answer.body)}`;
  refresh();
});

refresh();
refreshWorld();
setInterval(refresh, 2000);
setInterval(refreshWorld, 5000);
