package dev.wisim.jose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's clock: the system's, moved by a skew the workshop sets through {@code /_sim/clock} to
 * show what a token minted by a service whose clock runs fast or slow meets at the next hop. No skew
 * until one is set.
 */
public final class SkewableClock extends Clock {

    /** A day either way: enough to push any token the relay mints out of its validity window. */
    public static final Duration MAX_SKEW = Duration.ofDays(1);

    private final Clock base;
    private volatile Duration skew = Duration.ZERO;

    public SkewableClock(Clock base) {
        this.base = base;
    }

    public static SkewableClock system() {
        return new SkewableClock(Clock.systemUTC());
    }

    /** Sets the skew; a positive one runs this service's clock ahead of the others. */
    public void skew(Duration value) {
        if (value.abs().compareTo(MAX_SKEW) > 0) {
            throw new IllegalArgumentException("skewSeconds must be between -" + MAX_SKEW.toSeconds() + " and " + MAX_SKEW.toSeconds());
        }
        skew = value;
    }

    /** The skew a {@code PUT /_sim/clock} body asks for: {@code {"skewSeconds": N}}, N a whole number of seconds. */
    public static Duration requestedSkew(Map<?, ?> body) {
        Object seconds = body == null ? null : body.get("skewSeconds");
        if (!(seconds instanceof Integer || seconds instanceof Long)) {
            throw new IllegalArgumentException("the body must be {\"skewSeconds\": N}, N a whole number of seconds");
        }
        return Duration.ofSeconds(((Number) seconds).longValue());
    }

    public Duration skew() {
        return skew;
    }

    /** {@code {"skewSeconds": N, "now": "…"}}: what {@code GET /_sim/clock} answers. */
    public Map<String, Object> describe() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("skewSeconds", skew.toSeconds());
        answer.put("now", instant().toString());
        return answer;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(skew);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a service's clock is UTC");
    }
}
