package dev.wisim.stack.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayTraceTest {

    /** A relay as the metadata server's /_sim/relays shows it. */
    static final String RELAY = """
            {"at":"2026-12-02T21:31:29.395Z","pod":"demo/test-pod","ksa":"demo/test-ksa",
             "gsa":"test-gsa@demo-project.iam.gserviceaccount.com","kind":"access token","outcome":"ok","reused":[],
             "hops":[
              {"hop":"TokenRequest","status":201,"millis":30,"token":{"format":"JWT","prefix":null,
                "header":{"alg":"RS256","kid":"k1"},
                "claims":{"iss":"https://container.googleapis.com/v1/projects/demo-project/locations/us-central1/clusters/my-cluster-name",
                          "sub":"system:serviceaccount:demo:test-ksa","aud":["demo-project.svc.id.goog"],"exp":1796254289},
                "subject":"system:serviceaccount:demo:test-ksa","expiresAt":"2026-12-02T22:31:29Z"}},
              {"hop":"STS token exchange","status":200,"millis":43,"token":{"format":"opaque","prefix":"ya29.d.","header":null,
                "claims":null,"subject":"serviceAccount:demo-project.svc.id.goog[demo/test-ksa]","expiresAt":"2026-12-02T22:31:29Z"}},
              {"hop":"IAM generateAccessToken","status":200,"millis":30,"token":{"format":"opaque","prefix":"ya29.c.","header":null,
                "claims":null,"subject":"test-gsa@demo-project.iam.gserviceaccount.com","expiresAt":"2026-12-02T22:31:30Z"}}]}
            """;

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void eachHopHasItsStatusLatencyAndTokenAndWhatChangedFromTheOneBefore() throws Exception {
        List<String> lines = RelayTrace.lines(json(RELAY), false);
        assertThat(lines.get(0)).endsWith("access token for demo/test-pod (KSA demo/test-ksa → test-gsa@demo-project.iam.gserviceaccount.com): ok");
        assertThat(lines.get(1)).contains("TokenRequest").contains("201").contains("30 ms").contains("JWT RS256 kid k1")
                .contains("for system:serviceaccount:demo:test-ksa").contains("aud demo-project.svc.id.goog");
        assertThat(lines.get(2)).contains("STS token exchange").contains("200").contains("43 ms").contains("opaque ya29.d.…");
        assertThat(lines.get(3)).isEqualTo("      changed: form JWT RS256 → opaque ya29.d.; identity system:serviceaccount:demo:test-ksa"
                + " → serviceAccount:demo-project.svc.id.goog[demo/test-ksa]; issuer https://container.googleapis.com/v1/projects/"
                + "demo-project/locations/us-central1/clusters/my-cluster-name → -; audience demo-project.svc.id.goog → -");
        assertThat(lines.get(5)).isEqualTo("      changed: form opaque ya29.d. → opaque ya29.c.; identity serviceAccount:demo-project"
                + ".svc.id.goog[demo/test-ksa] → test-gsa@demo-project.iam.gserviceaccount.com; expires 1 s later");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(1)).endsWith("expires " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault()).format(java.time.Instant.parse("2026-12-02T22:31:29Z")));
    }

    @Test
    void claimsInFullOnlyWhenAskedFor() throws Exception {
        assertThat(RelayTrace.lines(json(RELAY), true)).anyMatch(line -> line.startsWith("      claims {\"iss\""))
                .anyMatch(line -> line.equals("      header {\"alg\":\"RS256\",\"kid\":\"k1\"}"));
    }

    @Test
    void aRefusedRelayShowsTheHopThatRefusedAndTheCachedParts() throws Exception {
        JsonNode relay = json("""
                {"at":"2026-12-02T21:31:29.395Z","pod":"demo/test-pod","ksa":"demo/test-ksa","gsa":"g@p.iam.gserviceaccount.com",
                 "kind":"ID token","outcome":"Unable to generate identity token; IAM returned 403 Forbidden: denied\\nmore",
                 "reused":["federated token"],
                 "hops":[{"hop":"IAM generateIdToken","status":403,"millis":12,"token":null}]}
                """);
        List<String> lines = RelayTrace.lines(relay, false);
        assertThat(lines.get(0)).endsWith("ID token for demo/test-pod (KSA demo/test-ksa → g@p.iam.gserviceaccount.com):"
                + " Unable to generate identity token; IAM returned 403 Forbidden: denied");
        assertThat(lines.get(1)).contains("IAM generateIdToken").contains("403").contains("(no token)");
        assertThat(lines.get(2)).contains("(from the cache)").endsWith("federated token");
        assertThat(RelayTrace.key(relay)).isEqualTo("2026-12-02T21:31:29.395Z demo/test-pod demo/test-ksa ID token");
    }
}
