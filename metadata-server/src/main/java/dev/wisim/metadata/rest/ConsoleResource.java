package dev.wisim.metadata.rest;

import dev.wisim.metadata.console.ConsoleWorld;
import dev.wisim.metadata.console.Switches;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The relay console's back end ({@code /_sim/console/} is its page, served from the metadata server's
 * static resources): the world, and the clock and key switches of the API server, STS and IAM, passed
 * on to them so that the page needs no other origin. The relays and the fault switches are
 * {@link SimResource}'s.
 */
@Path("/_sim")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    private final ConsoleWorld world;
    private final Switches switches;

    public ConsoleResource(ConsoleWorld world, Switches switches) {
        this.world = world;
        this.switches = switches;
    }

    @GET
    @Path("console")
    public Response console() {
        return Response.seeOther(URI.create("/_sim/console/")).build();
    }

    @GET
    @Path("world")
    public Map<String, Object> world() {
        return world.now();
    }

    @GET
    @Path("switches/{service}/clock")
    public Response clock(@PathParam("service") String service) {
        return pass(() -> switches.clock(service, "GET", null));
    }

    /** {@code {"skewSeconds": N}}, as the service takes it. */
    @PUT
    @Path("switches/{service}/clock")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response skew(@PathParam("service") String service, String body) {
        return pass(() -> switches.clock(service, "PUT", body));
    }

    @DELETE
    @Path("switches/{service}/clock")
    public Response unskew(@PathParam("service") String service) {
        return pass(() -> switches.clock(service, "DELETE", null));
    }

    @POST
    @Path("switches/{service}/keys:rotate")
    public Response rotateKeys(@PathParam("service") String service) {
        return pass(() -> switches.rotateKeys(service));
    }

    private static Response pass(Supplier<Switches.Answer> call) {
        try {
            Switches.Answer answer = call.get();
            return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
        }
    }
}
