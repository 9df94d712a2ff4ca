package dev.wisim.storage.object;

import dev.wisim.storage.rest.StorageException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * objects.list's {@code matchGlob}: {@code *} matches within one path segment, {@code **} across
 * segments, {@code ?} one character other than {@code /}, {@code [abc]} and {@code [!abc]} a set,
 * {@code {a,b}} alternatives.
 */
final class Glob {

    private Glob() {
    }

    static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        regex.append(".*");
                        i++;
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 1);
                    if (close < 0) {
                        throw StorageException.invalid("The glob pattern " + glob + " is not valid.");
                    }
                    String set = glob.substring(i + 1, close).replace("\\", "\\\\").replace("[", "\\[");
                    regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = close;
                }
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw StorageException.invalid("The glob pattern " + glob + " is not valid.");
                    }
                    braces--;
                    regex.append(')');
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            throw StorageException.invalid("The glob pattern " + glob + " is not valid.");
        }
        try {
            return Pattern.compile(regex.toString());
        } catch (PatternSyntaxException e) {
            throw StorageException.invalid("The glob pattern " + glob + " is not valid.");
        }
    }
}
