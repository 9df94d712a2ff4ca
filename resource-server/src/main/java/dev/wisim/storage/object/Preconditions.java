package dev.wisim.storage.object;

import dev.wisim.storage.rest.StorageException;
import java.util.Optional;

/**
 * The {@code ifGenerationMatch}-style preconditions of a request. {@code ifGenerationMatch=0} means
 * "only if there is no live object". A write whose precondition fails is 412; a read whose
 * {@code …NotMatch} fails is 304.
 */
public record Preconditions(Long ifGenerationMatch, Long ifGenerationNotMatch, Long ifMetagenerationMatch,
                            Long ifMetagenerationNotMatch) {

    public static final Preconditions NONE = new Preconditions(null, null, null, null);

    public void checkWrite(Optional<StoredObject> current) {
        if (!holds(current)) {
            throw StorageException.conditionNotMet();
        }
    }

    public void checkRead(StoredObject current) {
        long generation = current.generation();
        long metageneration = current.metageneration();
        if ((ifGenerationNotMatch != null && ifGenerationNotMatch == generation)
                || (ifMetagenerationNotMatch != null && ifMetagenerationNotMatch == metageneration)) {
            throw StorageException.notModified();
        }
        if ((ifGenerationMatch != null && ifGenerationMatch != generation)
                || (ifMetagenerationMatch != null && ifMetagenerationMatch != metageneration)) {
            throw StorageException.conditionNotMet();
        }
    }

    private boolean holds(Optional<StoredObject> current) {
        long generation = current.map(StoredObject::generation).orElse(0L);
        if (ifGenerationMatch != null && ifGenerationMatch != generation) {
            return false;
        }
        if (ifGenerationNotMatch != null && ifGenerationNotMatch == generation) {
            return false;
        }
        if (current.isEmpty()) {
            return ifMetagenerationMatch == null;
        }
        long metageneration = current.get().metageneration();
        return (ifMetagenerationMatch == null || ifMetagenerationMatch == metageneration)
                && (ifMetagenerationNotMatch == null || ifMetagenerationNotMatch != metageneration);
    }
}
