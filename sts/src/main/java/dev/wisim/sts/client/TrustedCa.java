package dev.wisim.sts.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS that trusts the JDK's roots and one more CA (the stack's local CA), for fetching issuers' keys. */
final class TrustedCa {

    private TrustedCa() {
    }

    static SSLContext sslContext(Path caPem) {
        try {
            X509TrustManager jdk = trustManager(null);
            KeyStore local = KeyStore.getInstance(KeyStore.getDefaultType());
            local.load(null, null);
            try (InputStream in = Files.newInputStream(caPem)) {
                int i = 0;
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    local.setCertificateEntry("local-ca-" + i++, certificate);
                }
            }
            X509TrustManager ca = trustManager(local);
            X509TrustManager both = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    jdk.checkClientTrusted(chain, authType);
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    try {
                        ca.checkServerTrusted(chain, authType);
                    } catch (CertificateException notLocal) {
                        jdk.checkServerTrusted(chain, authType);
                    }
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    X509Certificate[] a = jdk.getAcceptedIssuers();
                    X509Certificate[] b = ca.getAcceptedIssuers();
                    X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, all, a.length, b.length);
                    return all;
                }
            };
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {both}, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the CA in " + caPem + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }
}
