package dev.wisim.stack.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One relay of the metadata server's {@code /_sim/relays} as {@code wisim trace} prints it: who
 * asked for what and how it ended; each hop with its status, latency and token (a JWT's header and
 * claims, an opaque token's prefix: never the token); and what changed from one hop's token to the
 * next (the identity it speaks for, its form, its issuer, audience and expiry).
 */
public final class RelayTrace {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private RelayTrace() {
    }

    /** The relay's identity in a poll's answer: relays are told apart by when they started, who asked and for what. */
    public static String key(JsonNode relay) {
        return relay.path("at").asText() + " " + relay.path("pod").asText() + " " + relay.path("ksa").asText() + " "
                + relay.path("kind").asText();
    }

    /** @param claims print each JWT's claims in full, not only the ones that name and bound it */
    public static List<String> lines(JsonNode relay, boolean claims) {
        List<String> out = new ArrayList<>();
        String at = relay.hasNonNull("at") ? TIME.format(Instant.parse(relay.get("at").asText())) : "?";
        String who = relay.hasNonNull("pod") ? relay.get("pod").asText() : "(no pod)";
        String gsa = relay.hasNonNull("gsa") ? " → " + relay.get("gsa").asText() : "";
        out.add(at + "  " + relay.path("kind").asText() + " for " + who + " (KSA " + relay.path("ksa").asText() + gsa + "): "
                + relay.path("outcome").asText().lines().findFirst().orElse(""));
        JsonNode previous = null;
        for (JsonNode hop : relay.path("hops")) {
            JsonNode token = hop.path("token");
            out.add(String.format("  %-24s %3d %5d ms  %s", hop.path("hop").asText(), hop.path("status").asInt(),
                    hop.path("millis").asLong(), token.isObject() ? describe(token) : "(no token)"));
            if (token.isObject() && claims && token.path("claims").isObject()) {
                out.add("      header " + token.path("header"));
                out.add("      claims " + token.path("claims"));
            }
            if (token.isObject() && previous != null) {
                List<String> changes = changes(previous, token);
                if (!changes.isEmpty()) {
                    out.add("      changed: " + String.join("; ", changes));
                }
            }
            if (token.isObject()) {
                previous = token;
            }
        }
        for (JsonNode reused : relay.path("reused")) {
            out.add("  (from the cache)          " + reused.asText());
        }
        return out;
    }

    private static String describe(JsonNode token) {
        StringBuilder line = new StringBuilder();
        if ("JWT".equals(token.path("format").asText())) {
            JsonNode header = token.path("header");
            line.append("JWT ").append(header.path("alg").asText("?"));
            if (header.hasNonNull("kid")) {
                line.append(" kid ").append(header.get("kid").asText());
            }
        } else {
            line.append("opaque ").append(token.path("prefix").asText("token")).append("…");
        }
        if (token.hasNonNull("subject")) {
            line.append("  for ").append(token.get("subject").asText());
        }
        String audience = audience(token);
        if (audience != null) {
            line.append("  aud ").append(audience);
        }
        if (token.hasNonNull("expiresAt")) {
            line.append("  expires ").append(EXPIRY.format(Instant.parse(token.get("expiresAt").asText())));
        }
        return line.toString();
    }

    static List<String> changes(JsonNode from, JsonNode to) {
        List<String> changes = new ArrayList<>();
        change(changes, "form", form(from), form(to));
        change(changes, "identity", text(from, "subject"), text(to, "subject"));
        change(changes, "issuer", claim(from, "iss"), claim(to, "iss"));
        change(changes, "audience", audience(from), audience(to));
        String fromExpiry = text(from, "expiresAt");
        String toExpiry = text(to, "expiresAt");
        if (fromExpiry != null && toExpiry != null) {
            long seconds = Instant.parse(toExpiry).getEpochSecond() - Instant.parse(fromExpiry).getEpochSecond();
            if (seconds != 0) {
                changes.add("expires " + (seconds > 0 ? seconds + " s later" : -seconds + " s sooner"));
            }
        }
        return changes;
    }

    private static void change(List<String> changes, String what, String from, String to) {
        if (!Objects.equals(from, to) && (from != null || to != null)) {
            changes.add(what + " " + (from == null ? "-" : from) + " → " + (to == null ? "-" : to));
        }
    }

    private static String form(JsonNode token) {
        return "JWT".equals(token.path("format").asText()) ? "JWT " + token.path("header").path("alg").asText("?")
                : "opaque " + token.path("prefix").asText("");
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String claim(JsonNode token, String name) {
        return text(token.path("claims"), name);
    }

    private static String audience(JsonNode token) {
        JsonNode aud = token.path("claims").path("aud");
        if (aud.isArray()) {
            List<String> values = new ArrayList<>();
            aud.forEach(value -> values.add(value.asText()));
            return String.join(",", values);
        }
        return aud.isTextual() ? aud.asText() : null;
    }
}
