package dev.wisim.iam.oauth;

import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.iam.account.ServiceAccounts;
import dev.wisim.iam.config.IamConfig;
import dev.wisim.iam.credentials.IdTokens;
import dev.wisim.iam.keys.AccountKey;
import dev.wisim.iam.keys.AccountKeys;
import dev.wisim.iam.policy.Principal;
import dev.wisim.iam.rest.OAuthException;
import dev.wisim.iam.token.AccessTokens;
import dev.wisim.jose.JwtRejection;
import dev.wisim.jose.JwtVerifier;
import dev.wisim.jose.KeySource;
import dev.wisim.jose.VerificationRules;
import dev.wisim.jose.VerifiedJwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth2 JWT-bearer grant ({@code urn:ietf:params:oauth:grant-type:jwt-bearer}) of Google's token
 * endpoint: a service account signs an assertion with one of its keys and receives an access token
 * (for the assertion's {@code scope}) or an ID token (for its {@code target_audience}).
 */
@ApplicationScoped
public class JwtBearerGrant {

    public static final String GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    static final String SIGNATURE = "Invalid JWT Signature.";
    static final String TIMEFRAME = "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe."
            + " Check your iat and exp values in the JWT claim.";
    static final String ACCOUNT_NOT_FOUND = "Invalid grant: account not found";

    private final ServiceAccounts accounts;
    private final AccountKeys keys;
    private final AccessTokens tokens;
    private final IdTokens idTokens;
    private final Clock clock;
    private final JwtVerifier verifier;
    private final Set<String> audiences;

    public JwtBearerGrant(ServiceAccounts accounts, AccountKeys keys, AccessTokens tokens, IdTokens idTokens, Clock clock,
                          IamConfig config) {
        this.accounts = accounts;
        this.keys = keys;
        this.tokens = tokens;
        this.idTokens = idTokens;
        this.clock = clock;
        this.verifier = new JwtVerifier(clock);
        // Java and gcloud always name Google's endpoint; Python names the key file's token_uri
        this.audiences = Set.of(GOOGLE_TOKEN_URL, "https://accounts.google.com/o/oauth2/token",
                "https://www.googleapis.com/oauth2/v4/token", config.externalUrl() + "/token");
    }

    /** The token endpoint's JSON answer for the assertion, or an {@link OAuthException} with Google's error. */
    public Map<String, Object> exchange(String assertion) {
        Map<String, Object> unverified = JwtVerifier.unverifiedClaims(assertion);
        if (unverified.isEmpty()) {
            throw OAuthException.invalidRequest("Invalid JWT: the assertion is not a compact JWS.");
        }
        String issuer = unverified.get("iss") instanceof String s ? s : null;
        if (issuer == null || issuer.isBlank()) {
            throw OAuthException.invalidGrant("Not a valid email or user ID.");
        }
        ServiceAccount account = accounts.find("-", issuer)
                .orElseThrow(() -> OAuthException.invalidGrant(issuer.contains("@") ? ACCOUNT_NOT_FOUND : "Not a valid email or user ID."));
        VerifiedJwt jwt = verify(assertion, account);
        if (account.isDisabled()) {
            throw OAuthException.invalidGrant(ACCOUNT_NOT_FOUND);
        }
        String subject = jwt.subject();
        if (subject != null && !subject.equals(account.email()) && !subject.equals(account.uniqueId())) {
            throw new OAuthException(401, "unauthorized_client", "Client is unauthorized to retrieve access tokens using this method,"
                    + " or client not authorized for any of the scopes requested.");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        Optional<String> targetAudience = jwt.string("target_audience").filter(a -> !a.isBlank());
        if (targetAudience.isPresent()) {
            answer.put("id_token", idTokens.issue(account, targetAudience.get(), true));
            return answer;
        }
        List<String> scopes = jwt.string("scope").map(s -> Arrays.stream(s.split(" ")).filter(x -> !x.isBlank()).toList())
                .orElse(List.of());
        if (scopes.isEmpty()) {
            throw new OAuthException(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.");
        }
        AccessTokens.Issued issued = tokens.mint(Principal.serviceAccount(account.email()), account.uniqueId(), scopes, TOKEN_LIFETIME);
        answer.put("access_token", issued.token());
        answer.put("expires_in", Math.max(0, Duration.between(clock.instant(), issued.expiresAt()).toSeconds()));
        answer.put("token_type", "Bearer");
        return answer;
    }

    private VerifiedJwt verify(String assertion, ServiceAccount account) {
        List<AccountKey> usable = keys.verificationKeys(account.email());
        KeySource source = new KeySource() {
            @Override
            public Optional<PublicKey> byKid(String kid) {
                return usable.stream().filter(k -> k.keyId().equals(kid)).map(AccountKey::publicKey).findFirst();
            }

            @Override
            public List<PublicKey> all() {
                return usable.stream().map(AccountKey::publicKey).toList();
            }
        };
        try {
            return verifier.verify(assertion, source, VerificationRules.rs256().kidOptional().audiences(audiences)
                    .maxLifetime(TOKEN_LIFETIME));
        } catch (JwtRejection e) {
            throw OAuthException.invalidGrant(switch (e.reason()) {
                case MALFORMED -> "Invalid JWT: the assertion is not a compact JWS.";
                case WRONG_AUDIENCE -> "Invalid JWT: Failed audience check. The right audience is " + GOOGLE_TOKEN_URL;
                case MISSING_CLAIM, EXPIRED, NOT_YET_VALID, ISSUED_IN_FUTURE, LIFETIME_TOO_LONG -> TIMEFRAME;
                default -> SIGNATURE;
            });
        }
    }
}
