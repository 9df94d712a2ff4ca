package dev.wisim.iam.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wisim.jose.Certificates;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.junit.jupiter.api.Test;

class KeyFilesTest {

    /** The stack's services run with the JDK's default lowered for their in-memory TLS key stores; a key file must not follow it. */
    @Test
    void aP12KeyFileKeepsItsOwnKeyProtectionWhateverTheJvmDefault() throws Exception {
        KeyPair pair = Certificates.newRsaKeyPair();
        Instant now = Instant.now();
        var certificate = Certificates.selfSigned(pair.getPublic(), pair.getPrivate(), "key@demo-project.iam.gserviceaccount.com",
                now, now.plus(Duration.ofDays(1)));
        String previous = System.setProperty("keystore.pkcs12.keyPbeIterationCount", "1");
        byte[] file;
        try {
            file = KeyFiles.pkcs12File(pair.getPrivate(), certificate);
        } finally {
            if (previous == null) {
                System.clearProperty("keystore.pkcs12.keyPbeIterationCount");
            } else {
                System.setProperty("keystore.pkcs12.keyPbeIterationCount", previous);
            }
        }

        EncryptedPrivateKeyInfo sealed = shroudedKey(file);
        assertThat(sealed.getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(sealed.getEncryptionAlgorithm().getParameters());
        PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        assertThat(kdf.getIterationCount().intValue()).isEqualTo(10_000);
        assertThat(pbes2.getEncryptionScheme().getAlgorithm().getId()).isEqualTo("2.16.840.1.101.3.4.1.42"); // aes256-CBC

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(file), KeyFiles.P12_PASSWORD.toCharArray());
        assertThat(store.getKey(KeyFiles.P12_ALIAS, KeyFiles.P12_PASSWORD.toCharArray())).isEqualTo(pair.getPrivate());
        assertThat(store.getCertificate(KeyFiles.P12_ALIAS)).isEqualTo(certificate);
    }

    /** The one shrouded key bag of the file's unencrypted safe contents. */
    private static EncryptedPrivateKeyInfo shroudedKey(byte[] file) {
        ContentInfo authSafe = Pfx.getInstance(file).getAuthSafe();
        AuthenticatedSafe safes = AuthenticatedSafe.getInstance(ASN1OctetString.getInstance(authSafe.getContent()).getOctets());
        for (ContentInfo safe : safes.getContentInfo()) {
            if (!safe.getContentType().equals(PKCSObjectIdentifiers.data)) {
                continue;   // the certificate's encrypted safe
            }
            ASN1Sequence bags = ASN1Sequence.getInstance(ASN1OctetString.getInstance(safe.getContent()).getOctets());
            for (var bag : bags) {
                SafeBag safeBag = SafeBag.getInstance(bag);
                if (safeBag.getBagId().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
                    return EncryptedPrivateKeyInfo.getInstance(safeBag.getBagValue());
                }
            }
        }
        throw new AssertionError("no shrouded key bag in the PKCS#12 file");
    }
}
