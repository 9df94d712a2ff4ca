package dev.wisim.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The ports a stack listens on: every service's plain-HTTP port, and the HTTPS port of those that speak TLS. */
public record StackPorts(Map<Service, Integer> http, Map<Service, Integer> https) {

    /** Every port with the variable that overrides it, for the "already in use" check. */
    List<Map.Entry<Integer, String>> described() {
        List<Map.Entry<Integer, String>> all = new ArrayList<>();
        http.forEach((service, port) -> all.add(Map.entry(port, service.module() + ", " + service.httpPortVariable())));
        https.forEach((service, port) -> all.add(Map.entry(port, service.module() + " TLS, " + service.httpsPortVariable())));
        return all;
    }
}
