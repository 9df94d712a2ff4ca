package dev.wisim.storage.object;

import dev.wisim.storage.rest.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code pageToken} of buckets.list and objects.list: the name the next page starts at, base64url. */
public final class PageTokens {

    private PageTokens() {
    }

    public static String of(String name) {
        return Base64.getUrlEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The name a page token starts at; null for none; Google's 400 {@code invalid} for a token that is not one. */
    public static String startOf(String pageToken) {
        if (pageToken == null || pageToken.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StorageException.invalid("Invalid page token: " + pageToken);
        }
    }
}
