package dev.wisim.apiserver.rest;

import dev.wisim.apiserver.config.ApiserverConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /version} and legacy API discovery: the groups and resources this server serves. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    private final ApiserverConfig config;
    private final Access access;

    public DiscoveryResource(ApiserverConfig config, Access access) {
        this.config = config;
        this.access = access;
    }

    @GET
    @Path("version")
    public Map<String, Object> version() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("major", "1");
        version.put("minor", config.versionMinor());
        version.put("gitVersion", "v1." + config.versionMinor() + ".4-gke.1106006");
        version.put("gitCommit", "59526cd4867447956156ae3a602fcbac10a2c335");
        version.put("gitTreeState", "clean");
        version.put("buildDate", "2025-04-22T16:02:27Z");
        version.put("goVersion", "go1.23.6");
        version.put("compiler", "gc");
        version.put("platform", "linux/amd64");
        return version;
    }

    @GET
    @Path("api")
    public Map<String, Object> api() {
        access.requirePath("/api");
        return Map.of("kind", "APIVersions", "versions", List.of("v1"),
                "serverAddressByClientCIDRs", List.of(Map.of("clientCIDR", "0.0.0.0/0",
                        "serverAddress", config.externalUrl().replaceFirst("^https?://", "").replaceFirst("/$", ""))));
    }

    @GET
    @Path("apis")
    public Map<String, Object> apis() {
        access.requirePath("/apis");
        return GroupDiscovery.groups();
    }
}
