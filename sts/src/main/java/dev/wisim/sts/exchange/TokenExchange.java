package dev.wisim.sts.exchange;

import dev.wisim.sts.config.StsConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Set;

/** One token exchange, end to end: check the request, verify the subject token for its audience, federate. */
@ApplicationScoped
public class TokenExchange {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    static final Set<String> SUBJECT_TOKEN_TYPES = Set.of("urn:ietf:params:oauth:token-type:jwt",
            "urn:ietf:params:oauth:token-type:id_token");

    private final List<SubjectTokenVerifier> verifiers;
    private final FederatedTokenIssuer issuer;
    private final StsConfig config;

    public TokenExchange(Instance<SubjectTokenVerifier> verifiers, FederatedTokenIssuer issuer, StsConfig config) {
        this.verifiers = verifiers.stream().toList();
        this.issuer = issuer;
        this.config = config;
    }

    public FederatedTokenIssuer.Issued exchange(TokenExchangeRequest request) {
        if (blank(request.grantType())) {
            throw StsException.missing("grant_type");
        }
        if (!GRANT_TYPE.equals(request.grantType())) {
            throw StsException.unsupportedGrantType(request.grantType());
        }
        if (blank(request.requestedTokenType())) {
            throw StsException.missing("requested_token_type");
        }
        if (!ACCESS_TOKEN_TYPE.equals(request.requestedTokenType())) {
            throw StsException.invalidRequest("Invalid value for \"requested_token_type\": " + request.requestedTokenType()
                    + ". The only supported value is " + ACCESS_TOKEN_TYPE + ".");
        }
        if (blank(request.subjectTokenType())) {
            throw StsException.missing("subject_token_type");
        }
        if (!SUBJECT_TOKEN_TYPES.contains(request.subjectTokenType())) {
            throw StsException.invalidRequest("Invalid value for \"subject_token_type\": " + request.subjectTokenType() + ".");
        }
        if (blank(request.subjectToken())) {
            throw StsException.missing("subject_token");
        }
        if (blank(request.audience())) {
            throw StsException.missing("audience");
        }
        if (blank(request.scope())) {
            throw StsException.missing("scope");
        }
        SubjectTokenVerifier verifier = verifiers.stream().filter(v -> v.handles(request.audience())).findFirst()
                .orElseThrow(StsException::invalidAudience);
        VerifiedSubject subject = verifier.verify(request);
        FederatedTokenIssuer.Issued issued = issuer.issue(subject, request.scope(), config.tokenLifetime());
        Log.infof("exchanged a subject token for %s (audience %s, expires in %ds)", subject.principal(), request.audience(),
                issued.expiresIn());
        return issued;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
