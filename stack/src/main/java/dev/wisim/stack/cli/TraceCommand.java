package dev.wisim.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisim.stack.StackFiles;
import dev.wisim.stack.trace.RelayTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wisim trace}: the relays as they happen, from the metadata server's {@code /_sim/relays}
 * (polled four times a second): each hop with its status and latency, each token decoded, and what
 * changed from one hop's token to the next.
 */
@Command(name = "trace", description = "Show the metadata server's relays as they happen: each hop, its status and latency,"
        + " each token decoded (never the token itself), and what changed from one hop's token to the next.")
final class TraceCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(250);

    @Option(names = "--claims", description = "Print each JWT's header and claims in full.")
    boolean claims;

    @Option(names = "--recent", description = "Print the relays the metadata server still holds (up to 50) first.")
    boolean recent;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N relays (default: run until interrupted).")
    int count;

    @Option(names = "--metadata", paramLabel = "URL", description = "The metadata server (default: the running stack's, from stack.env).")
    String metadataUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String metadata = metadataUrl;
        if (metadata == null) {
            try {
                metadata = StackFiles.readEnv(Home.state()).get("WISIM_METADATA_URL");
            } catch (RuntimeException e) {
                System.err.println("wisim: " + e.getMessage() + "; start it with ./wisim up");
                return 1;
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ObjectMapper json = new ObjectMapper();   // made here, not when picocli builds every command for any one of them
        HttpRequest request = HttpRequest.newBuilder(URI.create(metadata + "/_sim/relays")).timeout(Duration.ofSeconds(5)).build();
        Set<String> seen = new HashSet<>();
        boolean first = true;
        int printed = 0;
        if (!recent) {
            out.println("wisim trace: relays at " + metadata + " as they happen (Ctrl-C stops)");
            out.flush();
        }
        while (count == 0 || printed < count) {
            JsonNode relays;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                relays = json.readTree(response.body()).path("relays");
            } catch (IOException e) {
                System.err.println("wisim: the metadata server at " + metadata + " does not answer (" + e.getMessage() + "); is the stack up?");
                return 1;
            }
            List<JsonNode> fresh = new ArrayList<>();
            for (JsonNode relay : relays) {   // newest first
                if (seen.add(RelayTrace.key(relay))) {
                    fresh.add(0, relay);
                }
            }
            if (!first || recent) {
                for (JsonNode relay : fresh) {
                    RelayTrace.lines(relay, claims).forEach(out::println);
                    out.flush();
                    if (count != 0 && ++printed >= count) {
                        return 0;
                    }
                }
            }
            first = false;
            Thread.sleep(POLL.toMillis());
        }
        return 0;
    }
}
