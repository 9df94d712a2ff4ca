package dev.wisim.sts.exchange;

/** Verifies the subject token of one kind of audience and maps it to a pool principal. */
public interface SubjectTokenVerifier {

    boolean handles(String audience);

    VerifiedSubject verify(TokenExchangeRequest request);
}
