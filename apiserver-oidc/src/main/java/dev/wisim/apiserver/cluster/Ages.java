package dev.wisim.apiserver.cluster;

import java.time.Duration;

/** Ages as kubectl shows them (apimachinery's {@code duration.HumanDuration}): 45s, 3m2s, 5h, 3d4h, 2y. */
public final class Ages {

    private Ages() {
    }

    public static String human(Duration age) {
        long seconds = age.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long rest = seconds % 60;
            return rest == 0 ? minutes + "m" : minutes + "m" + rest + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            long rest = minutes % 60;
            return rest == 0 ? hours + "h" : hours + "h" + rest + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            long rest = hours % 24;
            return rest == 0 ? hours / 24 + "d" : hours / 24 + "d" + rest + "h";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        long years = hours / 24 / 365;
        if (years < 8) {
            long days = (hours / 24) % 365;
            return days == 0 ? years + "y" : years + "y" + days + "d";
        }
        return years + "y";
    }
}
