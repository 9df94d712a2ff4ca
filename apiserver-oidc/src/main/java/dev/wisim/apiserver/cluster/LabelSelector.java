package dev.wisim.apiserver.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code labelSelector} as kube-apiserver parses it: equality ({@code k=v}, {@code k==v},
 * {@code k!=v}), sets ({@code k in (a,b)}, {@code k notin (a,b)}) and existence ({@code k}, {@code !k}),
 * joined by commas.
 */
public final class LabelSelector {

    private static final Pattern SET = Pattern.compile("\\s*([^\\s!=,()]+)\\s+(in|notin)\\s+\\(([^)]*)\\)\\s*");
    private static final Pattern EQUALITY = Pattern.compile("\\s*([^\\s!=,()]+)\\s*(==|=|!=)\\s*([^\\s!=,()]*)\\s*");
    private static final Pattern EXISTS = Pattern.compile("\\s*(!?)\\s*([^\\s!=,()]+)\\s*");

    private LabelSelector() {
    }

    public static Predicate<HasMetadata> parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return o -> true;
        }
        List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
        for (String term : split(selector)) {
            Matcher set = SET.matcher(term);
            Matcher equality = EQUALITY.matcher(term);
            Matcher exists = EXISTS.matcher(term);
            if (set.matches()) {
                String key = set.group(1);
                Set<String> values = Set.of(set.group(3).trim().isEmpty() ? new String[0] : set.group(3).trim().split("\\s*,\\s*"));
                boolean in = "in".equals(set.group(2));
                requirements.add(labels -> in == (labels.containsKey(key) && values.contains(labels.get(key))));
            } else if (equality.matches()) {
                String key = equality.group(1);
                String value = equality.group(3);
                boolean equal = !"!=".equals(equality.group(2));
                requirements.add(labels -> equal == value.equals(labels.get(key)));
            } else if (exists.matches()) {
                String key = exists.group(2);
                boolean present = exists.group(1).isEmpty();
                requirements.add(labels -> present == labels.containsKey(key));
            } else {
                throw KubernetesException.badRequest("unable to parse requirement: " + term.trim());
            }
        }
        return object -> {
            Map<String, String> labels = object.getMetadata().getLabels() == null ? Map.of() : object.getMetadata().getLabels();
            return requirements.stream().allMatch(r -> r.test(labels));
        };
    }

    /** Splits on commas outside parentheses. */
    private static List<String> split(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }
}
