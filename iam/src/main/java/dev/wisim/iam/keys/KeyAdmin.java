package dev.wisim.iam.keys;

import dev.wisim.iam.account.ServiceAccount;
import dev.wisim.iam.account.ServiceAccountAdmin;
import dev.wisim.iam.config.IamConfig;
import dev.wisim.iam.rest.IamException;
import dev.wisim.iam.token.ResolvedToken;
import dev.wisim.jose.Certificates;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** The IAM admin API for service account keys, each call authorised by the caller's permissions on the account. */
@ApplicationScoped
public class KeyAdmin {

    private static final String RSA_2048 = "KEY_ALG_RSA_2048";

    private final ServiceAccountAdmin accounts;
    private final AccountKeys keys;
    private final IamConfig config;

    public KeyAdmin(ServiceAccountAdmin accounts, AccountKeys keys, IamConfig config) {
        this.accounts = accounts;
        this.keys = keys;
        this.config = config;
    }

    public ServiceAccountKey create(ResolvedToken caller, String project, String name, String privateKeyType, String keyAlgorithm) {
        ServiceAccount account = accounts.authorized(caller, project, name, "iam.serviceAccountKeys.create");
        String type = privateKeyType == null || privateKeyType.equals("TYPE_UNSPECIFIED") ? "TYPE_GOOGLE_CREDENTIALS_FILE" : privateKeyType;
        if (!type.equals("TYPE_GOOGLE_CREDENTIALS_FILE") && !type.equals("TYPE_PKCS12_FILE")) {
            throw IamException.invalidArgument("Invalid value at 'private_key_type' (type.googleapis.com/google.iam.admin.v1.ServiceAccountPrivateKeyType), \""
                    + privateKeyType + "\"");
        }
        if (keyAlgorithm != null && !keyAlgorithm.equals("KEY_ALG_UNSPECIFIED") && !keyAlgorithm.equals(RSA_2048)) {
            throw IamException.invalidArgument("Key algorithm " + keyAlgorithm + " is not supported; use KEY_ALG_RSA_2048.");
        }
        AccountKeys.Created created = keys.createUserKey(account.email());
        byte[] file = type.equals("TYPE_PKCS12_FILE") ? KeyFiles.pkcs12File(created)
                : KeyFiles.credentialsFile(account, created, config.externalUrl());
        return render(account, created.key(), type, Base64.getEncoder().encodeToString(file), null);
    }

    /** {@code :upload}: a certificate the user made becomes a user-managed key. */
    public ServiceAccountKey upload(ResolvedToken caller, String project, String name, String publicKeyData) {
        ServiceAccount account = accounts.authorized(caller, project, name, "iam.serviceAccountKeys.create");
        X509Certificate certificate;
        try {
            byte[] pem = Base64.getDecoder().decode(publicKeyData == null ? "" : publicKeyData);
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        } catch (IllegalArgumentException | CertificateException e) {
            throw IamException.invalidArgument("The public key data must be an RSA X.509 certificate in PEM format.");
        }
        return render(account, keys.upload(account.email(), certificate), null, null, null);
    }

    /** @param keyTypes {@code USER_MANAGED} and/or {@code SYSTEM_MANAGED}; empty for both */
    public List<ServiceAccountKey> list(ResolvedToken caller, String project, String name, Set<String> keyTypes) {
        ServiceAccount account = accounts.authorized(caller, project, name, "iam.serviceAccountKeys.list");
        return keys.list(account.email()).stream()
                .filter(k -> keyTypes.isEmpty() || keyTypes.contains(k.type().name()))
                .map(k -> render(account, k, null, null, null))
                .toList();
    }

    /** @param publicKeyType {@code TYPE_X509_PEM_FILE}, {@code TYPE_RAW_PUBLIC_KEY}, or none */
    public ServiceAccountKey get(ResolvedToken caller, String project, String name, String keyId, String publicKeyType) {
        ServiceAccount account = accounts.authorized(caller, project, name, "iam.serviceAccountKeys.get");
        AccountKey key = keys.find(account.email(), keyId).orElseThrow(() -> AccountKeys.unknownKey(keyId));
        String data = switch (publicKeyType == null ? "TYPE_NONE" : publicKeyType) {
            case "TYPE_NONE" -> null;
            case "TYPE_X509_PEM_FILE" -> Base64.getEncoder().encodeToString(
                    Certificates.pem(key.certificate()).getBytes(StandardCharsets.US_ASCII));
            case "TYPE_RAW_PUBLIC_KEY" -> Base64.getEncoder().encodeToString(key.publicKey().getEncoded());
            default -> throw IamException.invalidArgument("Invalid value at 'public_key_type' "
                    + "(type.googleapis.com/google.iam.admin.v1.ServiceAccountPublicKeyType), \"" + publicKeyType + "\"");
        };
        return render(account, key, null, null, data);
    }

    public void delete(ResolvedToken caller, String project, String name, String keyId) {
        ServiceAccount account = accounts.authorized(caller, project, name, "iam.serviceAccountKeys.delete");
        requireUserManaged(account, keyId);
        keys.delete(account.email(), keyId);
    }

    public void setDisabled(ResolvedToken caller, String project, String name, String keyId, boolean disabled) {
        ServiceAccount account = accounts.authorized(caller, project, name,
                disabled ? "iam.serviceAccountKeys.disable" : "iam.serviceAccountKeys.enable");
        requireUserManaged(account, keyId);
        keys.setDisabled(account.email(), keyId, disabled);
    }

    private void requireUserManaged(ServiceAccount account, String keyId) {
        AccountKey key = keys.find(account.email(), keyId).orElseThrow(() -> AccountKeys.unknownKey(keyId));
        if (key.type() != AccountKey.Type.USER_MANAGED) {
            throw IamException.invalidArgument("System-managed keys cannot be changed: " + keyId + ".");
        }
    }

    private static ServiceAccountKey render(ServiceAccount account, AccountKey key, String privateKeyType, String privateKeyData,
                                            String publicKeyData) {
        return new ServiceAccountKey(account.resourceName() + "/keys/" + key.keyId(), privateKeyType, privateKeyData, publicKeyData,
                DateTimeFormatter.ISO_INSTANT.format(key.validAfter()), DateTimeFormatter.ISO_INSTANT.format(key.validBefore()),
                RSA_2048, key.origin(), key.type().name(), key.disabled() ? Boolean.TRUE : null);
    }
}
