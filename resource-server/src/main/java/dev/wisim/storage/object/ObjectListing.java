package dev.wisim.storage.object;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One page of objects.list: names in lexicographic order from {@code startOffset} (inclusive) to
 * {@code endOffset} (exclusive), under {@code prefix}, matching {@code matchGlob}; with a
 * {@code delimiter}, names that continue past it fold into {@code prefixes} (and, with
 * {@code includeTrailingDelimiter}, an object whose name ends at the delimiter is listed too).
 */
public final class ObjectListing {

    public record Query(String prefix, String delimiter, String startOffset, String endOffset, String matchGlob,
                        boolean includeTrailingDelimiter, int maxResults, String pageToken) {
    }

    public record Page(List<StoredObject> items, List<String> prefixes, String nextPageToken) {
    }

    private ObjectListing() {
    }

    public static Page page(List<StoredObject> candidates, Query query) {
        String after = PageTokens.startOf(query.pageToken());
        Pattern glob = query.matchGlob() == null || query.matchGlob().isEmpty() ? null : Glob.toRegex(query.matchGlob());
        String from = query.prefix() == null ? "" : query.prefix();
        String delimiter = query.delimiter() == null || query.delimiter().isEmpty() ? null : query.delimiter();
        int limit = query.maxResults() <= 0 ? 1000 : Math.min(query.maxResults(), 1000);
        List<StoredObject> items = new ArrayList<>();
        TreeSet<String> prefixes = new TreeSet<>();
        String next = null;
        for (StoredObject object : candidates) {
            String name = object.name();
            if ((after != null && name.compareTo(after) < 0)
                    || (query.startOffset() != null && name.compareTo(query.startOffset()) < 0)
                    || (query.endOffset() != null && !query.endOffset().isEmpty() && name.compareTo(query.endOffset()) >= 0)
                    || (glob != null && !glob.matcher(name).matches())) {
                continue;
            }
            int cut = delimiter == null ? -1 : name.indexOf(delimiter, from.length());
            String entry = cut < 0 ? name : name.substring(0, cut + delimiter.length());
            boolean folded = cut >= 0;
            if (items.size() + prefixes.size() >= limit && !(folded && prefixes.contains(entry))) {
                next = PageTokens.of(entry);
                break;
            }
            if (!folded) {
                items.add(object);
            } else {
                prefixes.add(entry);
                if (query.includeTrailingDelimiter() && entry.equals(name)) {
                    items.add(object);
                }
            }
        }
        return new Page(items, List.copyOf(prefixes), next);
    }
}
