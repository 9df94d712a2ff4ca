package dev.wisim.iam.rest;

import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.iam.account.ServiceAccounts;
import dev.wisim.iam.keys.AccountKey;
import dev.wisim.iam.keys.AccountKeys;
import dev.wisim.jose.Certificates;
import dev.wisim.jose.Jwks;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public keys of a service account, for verifying what it signed (signBlob, signJwt, JWTs made
 * with a key file): {@code x509} (key id → PEM certificate), {@code raw} (key id → PEM public key)
 * and {@code jwk} (a JWKS). Public, unauthenticated, at Google's two addresses.
 */
@Path("/{root: service_accounts|robot}/v1/metadata")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceAccountCertsResource {

    private final ServiceAccounts accounts;
    private final AccountKeys keys;

    public ServiceAccountCertsResource(ServiceAccounts accounts, AccountKeys keys) {
        this.accounts = accounts;
        this.keys = keys;
    }

    @GET
    @Path("x509/{email}")
    public Response x509(@PathParam("email") String email) {
        Map<String, String> certificates = new LinkedHashMap<>();
        usableKeys(email).forEach(k -> certificates.put(k.keyId(), Certificates.pem(k.certificate())));
        return cacheable(certificates);
    }

    @GET
    @Path("raw/{email}")
    public Response raw(@PathParam("email") String email) {
        Map<String, String> publicKeys = new LinkedHashMap<>();
        usableKeys(email).forEach(k -> publicKeys.put(k.keyId(), Certificates.pem(k.publicKey())));
        return cacheable(publicKeys);
    }

    @GET
    @Path("jwk/{email}")
    public Response jwk(@PathParam("email") String email) {
        return cacheable(Map.of("keys", usableKeys(email).stream()
                .map(k -> Jwks.publicJwk(k.keyId(), (RSAPublicKey) k.publicKey())).toList()));
    }

    private List<AccountKey> usableKeys(String email) {
        ServiceAccount account = accounts.find("-", email).orElseThrow(() -> IamException.gaiaIdNotFound(email));
        return keys.verificationKeys(account.email());
    }

    private static Response cacheable(Object body) {
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }
}
