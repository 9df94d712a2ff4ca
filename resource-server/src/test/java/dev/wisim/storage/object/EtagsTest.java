package dev.wisim.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtagsTest {

    @Test
    void anEtagInEitherBase64AlphabetIsTheSameEtag() {
        String etag = Etags.of(0x1F00L);
        assertThat(etag).contains("+");

        assertThat(Etags.same(etag.replace('+', '-').replace('/', '_'), etag)).isTrue();
        assertThat(Etags.same(Etags.of(0x1F01L), etag)).isFalse();
        assertThat(Etags.same("not base64!", etag)).isFalse();
        assertThat(Etags.same("not base64!", "not base64!")).isTrue();
    }
}
