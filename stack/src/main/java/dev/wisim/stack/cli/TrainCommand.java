package dev.wisim.stack.cli;

import dev.wisim.stack.Service;
import dev.wisim.stack.Stack;
import dev.wisim.stack.scenario.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code wisim train}: makes the services' start-up caches for this JVM (Java 25+; the {@code wisim}
 * script runs it once after each build): a stack on free ports in a scratch directory, with every
 * service recording what it loads; the default scenario applied; a relay, an ID token, tokeninfo, a
 * storage read, lists and a watch, so that the code of a working stack is in the caches; then each
 * service stops and writes its cache ({@code app.aot} beside its jar).
 */
@Command(name = "train", description = "Make the services' start-up caches for this Java (25 or later): start a stack once,"
        + " use it, stop it. The wisim script runs it after each build.")
final class TrainCommand implements Callable<Integer> {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (Runtime.version().feature() < 25) {
            System.out.println("wisim: Java " + Runtime.version().feature() + " has no AOT cache; the services use the AppCDS"
                    + " archives built with them");
            return 0;
        }
        Path scratch = Files.createTempDirectory("wisim-train-");
        long started = System.nanoTime();
        try (Stack stack = Stack.builder().home(Home.dir()).stateDir(scratch).freePorts().training(true).start()) {
            exercise(stack);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        System.out.printf("wisim: start-up caches written for Java %d in %.1f s%n", Runtime.version().feature(),
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static void exercise(Stack stack) throws IOException, InterruptedException {
        String metadata = stack.url(Service.METADATA) + "/computeMetadata/v1/instance/service-accounts/default/";
        String token = get(metadata + "token", "Metadata-Flavor", "Google").replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        get(metadata + "token?scopes=https://www.googleapis.com/auth/cloud-platform", "Metadata-Flavor", "Google");
        get(metadata + "identity?audience=https://example.test&format=full", "Metadata-Flavor", "Google");
        get(metadata + "email", "Metadata-Flavor", "Google");
        get(stack.url(Service.IAM) + "/oauth2/v3/tokeninfo?access_token=" + token);
        for (var bucket : stack.scenario().bucketsOrEmpty()) {
            for (var object : bucket.objects() == null ? List.<Scenario.ObjectSpec>of() : bucket.objects()) {
                String url = stack.url(Service.STORAGE) + "/storage/v1/b/" + bucket.name() + "/o/" + object.name();
                get(url + "?alt=media", "Authorization", "Bearer " + token);
                get(url, "Authorization", "Bearer " + token);
            }
        }
        String api = stack.url(Service.APISERVER) + "/api/v1/";
        get(api + "pods");
        get(api + "namespaces/demo/serviceaccounts", "Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        get(api + "namespaces?watch=true&timeoutSeconds=1");
    }

    private static String get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
