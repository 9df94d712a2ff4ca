package dev.wisim.metadata.client;

import java.util.function.Supplier;

/**
 * Whether the current thread may wait for an upstream. Most answers need none — the view of the node
 * is in memory, a cached token too — and are computed on the connection's event loop, as the GKE
 * metadata server serves them from memory; whatever must ask an upstream says so with
 * {@link #check()} first, and the answer is computed again on a worker thread.
 */
public final class Blocking {

    private static final ThreadLocal<Boolean> FORBIDDEN = ThreadLocal.withInitial(() -> false);

    /** Thrown where an upstream would be asked on a thread that must not wait: compute on a worker instead. */
    public static final class WouldBlock extends RuntimeException {
        private WouldBlock() {
            super("this answer needs an upstream", null, false, false);
        }
    }

    private static final WouldBlock WOULD_BLOCK = new WouldBlock();

    private Blocking() {
    }

    /** Before asking an upstream. */
    public static void check() {
        if (FORBIDDEN.get()) {
            throw WOULD_BLOCK;
        }
    }

    /** Computes {@code work} where no upstream may be asked; {@link WouldBlock} if it needs one. */
    public static <T> T forbidden(Supplier<T> work) {
        FORBIDDEN.set(true);
        try {
            return work.get();
        } finally {
            FORBIDDEN.set(false);
        }
    }
}
