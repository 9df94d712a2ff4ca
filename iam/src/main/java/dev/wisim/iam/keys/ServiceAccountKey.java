package dev.wisim.iam.keys;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code google.iam.admin.v1.ServiceAccountKey} as Google renders it: {@code privateKeyData} only in
 * the answer to create, {@code publicKeyData} only when asked for, {@code disabled} only when true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceAccountKey(String name, String privateKeyType, String privateKeyData, String publicKeyData,
                                String validAfterTime, String validBeforeTime, String keyAlgorithm, String keyOrigin,
                                String keyType, Boolean disabled) {
}
