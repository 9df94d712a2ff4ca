package dev.wisim.iam.rest;

import java.util.Base64;
import java.util.List;

/**
 * One page of a list answer, as Google's list methods page: {@code pageSize} (default 20, at most 100)
 * and an opaque {@code nextPageToken} while more remain.
 */
record Page<T>(List<T> items, String next) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** @return the page, with {@code items} null when empty (Google omits an empty list) */
    static <T> Page<T> of(List<T> all, Integer pageSize, String pageToken) {
        return of(all, pageSize, pageToken, DEFAULT_SIZE, MAX_SIZE);
    }

    /** A page of a method with its own default and largest page size. */
    static <T> Page<T> of(List<T> all, Integer pageSize, String pageToken, int defaultSize, int maxSize) {
        int size = pageSize == null || pageSize <= 0 ? defaultSize : Math.min(pageSize, maxSize);
        int offset = decode(pageToken);
        List<T> page = all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size()));
        String next = offset + size < all.size() ? Base64.getUrlEncoder().encodeToString(Integer.toString(offset + size).getBytes()) : null;
        return new Page<>(page.isEmpty() ? null : page, next);
    }

    private static int decode(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(Base64.getUrlDecoder().decode(token)));
        } catch (IllegalArgumentException e) {
            throw IamException.invalidArgument("Invalid page token.");
        }
    }
}
